// The word tools (Collocates, Phrases, Keywords) used as a reader would: on the seed and on
// the multi-document fixture (scripts/test.sh builds it into target/dist-multi), with the
// links back to the reader, the URL hash, an export, a phone and axe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { serve, launch, openPage, typeQuery, coreSearch, ROOT, DIST, APP_READY } from './helpers.mjs';

const require = createRequire(import.meta.url);
const { default: AxeBuilder } = require('@axe-core/playwright');

let seed, multi, browser;
before(async () => {
  seed = await serve(DIST);
  multi = await serve(join(ROOT, 'target/dist-multi'));
  browser = await launch();
});
after(async () => { await browser?.close(); await seed?.close(); await multi?.close(); });

const panel = (page) => page.locator('.panel-tools');
const rows = (page) => panel(page).locator('tbody tr');
/** The first column's words, in order. */
const words = (page) => panel(page).locator('tbody th').allInnerTexts();
/** The cells of column `i` (0 is the word), as numbers. */
const column = async (page, i) => (await panel(page).locator(`tbody tr > :nth-child(${i + 1})`).allInnerTexts())
  .map((t) => Number(t.replace(/[^\d.-]/g, '')));
const hash = (page) => page.evaluate(() => decodeURIComponent(location.hash));
/** Waits until the URL hash (decoded) matches `re` (settings reach it after a short pause). */
const waitHash = (page, re) => page.waitForFunction((source) => new RegExp(source).test(decodeURIComponent(location.hash)), re.source);
const marks = (page) => page.locator('.doc mark.hit').allInnerTexts();

async function openTool(page, name) {
  if ((page.viewportSize()?.width ?? 1280) < 500) await page.getByRole('button', { name: 'Tools', exact: true }).click();
  await panel(page).getByRole('button', { name, exact: true }).click();
  await page.waitForFunction((name) => document.querySelector(`.panel-tools .tool-tab[aria-pressed="true"]`)?.textContent === name, name);
}

/** The files of the views module the page itself has requested, by name (without its hash). */
const viewsRequested = (page) => page.evaluate(() => performance.getEntriesByType('resource')
  .map((e) => new URL(e.name).pathname.split('/').pop()).filter((name) => name.startsWith('views'))
  .map((name) => name.replace(/-[0-9a-f]{16}/, '')).sort());

test('the tools come in a module of their own, which the page loads when a reader first asks', async () => {
  const page = await openPage(browser, seed.url);
  // The panels are drawn and have settled (two frames): nothing of the module is asked for.
  await panel(page).waitFor();
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  assert.deepEqual(await viewsRequested(page), []);
  assert.match(await panel(page).innerText(), /Search for a word/);
  // A tool's tab loads it.
  await openTool(page, 'Phrases');
  await rows(page).first().waitFor();
  assert.deepEqual(await viewsRequested(page), ['views.css', 'views.js', 'views_bg.wasm']);
  // Once loaded it stays: a corpus view and a search ask for nothing more.
  await page.locator('.view-button', { hasText: 'Network' }).click();
  await page.locator('.net .node').first().waitFor();
  await typeQuery(page, 'nato');
  assert.deepEqual(await viewsRequested(page), ['views.css', 'views.js', 'views_bg.wasm']);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a module that cannot be fetched is said so in its panels, and the reader goes on', async () => {
  const context = await browser.newContext();
  // As offline before the worker has kept anything: the module's files do not arrive.
  await context.route(/\/views-[0-9a-f]+/, (route) => route.abort('internetdisconnected'));
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(seed.url);
  await page.waitForSelector(APP_READY);
  await typeQuery(page, 'nato');
  await page.waitForFunction(() => /could not be loaded/.test(document.querySelector('.panel-tools')?.textContent));
  await page.locator('.view-button', { hasText: 'Network' }).click();
  await page.waitForFunction(() => /could not be loaded/.test(document.querySelector('.tool-loading')?.textContent));
  await page.locator('.view-button', { hasText: 'Reader' }).click();
  assert.ok(await page.locator('.doc mark.hit').count() > 0, 'the search still marks the text');
  assert.deepEqual(errors, []);
  await context.close();
});

test('collocates of a query; a click runs the proximity search, marks both words and keeps the list', async () => {
  const page = await openPage(browser, seed.url);
  await typeQuery(page, 'nato');
  await openTool(page, 'Collocates');
  await panel(page).locator('tbody tr').first().waitFor();
  assert.match(await panel(page).locator('.tool-summary').innerText(), /^“nato”: \d+ hits, \d+ words in windows of ±5, [\d,]+ in the document\.$/);
  const before = await words(page);
  assert.ok(before.length > 3, `${before}`);
  // Sorted by G², highest first, by default; no stopwords.
  const g2 = await column(page, 3);
  assert.deepEqual(g2, [...g2].sort((a, b) => b - a));
  assert.ok(!before.includes('the'));
  // Observed ≥ 2 (the minimum) everywhere.
  assert.ok((await column(page, 1)).every((o) => o >= 2));

  const top = before[0];
  await panel(page).getByRole('link', { name: top, exact: true }).click();
  await page.waitForFunction((q) => document.querySelector('input[type=search]').value === q, `"nato ${top}"~5`);
  const marked = (await marks(page)).map((m) => m.toLowerCase().replace(/’s$/, ''));
  // Exactly what the core's proximity search finds.
  assert.equal(marked.length, coreSearch(`"nato ${top}"~5`).total);
  assert.ok(marked.length >= 2);
  assert.ok(marked.includes('nato') && marked.some((m) => m !== 'nato'), `${marked}`);
  // The list stays, with the clicked row marked, and the hash says so.
  assert.deepEqual(await words(page), before);
  assert.equal(await panel(page).locator('tr.selected th').innerText(), top);
  await waitHash(page, new RegExp(`q="nato ${top}"~5.*node=nato`));
  // Reload: the same list and the same marks.
  await page.reload();
  await page.waitForSelector(APP_READY);
  await panel(page).locator('tbody tr').first().waitFor();
  assert.deepEqual(await words(page), before);
  assert.equal((await marks(page)).length, marked.length);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('collocates sort by any column, follow the window and stopword settings, and export', async () => {
  const page = await openPage(browser, seed.url);
  await typeQuery(page, 'security');
  await openTool(page, 'Collocates');
  const header = (name) => panel(page).locator('thead th', { hasText: name });
  await header('MI').getByRole('button').click();
  assert.equal(await header('MI').getAttribute('aria-sort'), 'descending');
  let mi = await column(page, 4);
  assert.deepEqual(mi, [...mi].sort((a, b) => b - a));
  await header('MI').getByRole('button').click();
  assert.equal(await header('MI').getAttribute('aria-sort'), 'ascending');
  mi = await column(page, 4);
  assert.deepEqual(mi, [...mi].sort((a, b) => a - b));
  await waitHash(page, /csort=mi-asc/);
  await header('Collocate').getByRole('button').click();
  const alphabetical = await words(page);
  assert.deepEqual(alphabetical, [...alphabetical].sort());

  await panel(page).getByLabel('Stopwords').check();
  await panel(page).getByLabel('Window ±').selectOption('2');
  await panel(page).getByLabel('Min.').selectOption('1');
  await page.waitForFunction(() => /±2/.test(document.querySelector('.panel-tools .tool-summary')?.textContent));
  assert.ok((await words(page)).includes('regional'), 'regional security, within 2 words');
  await waitHash(page, /cwin=2.*cmin=1.*cstop=1/);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    panel(page).getByRole('button', { name: 'Download collocates (CSV)' }).click(),
  ]);
  const csv = await readFile(await download.path(), 'utf8');
  const lines = csv.trim().split('\r\n');
  assert.equal(lines[0], 'collocate,observed,frequency,expected,g2,mi,logdice');
  assert.equal(lines.length - 1, await rows(page).count() + 0, 'every row (fewer than a page here)');
  const docId = coreSearch('security').docs[0].id;
  assert.equal(download.suggestedFilename(), `${docId}-collocates.csv`, 'one document: its id');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('phrases: repeated, longest first; a click searches the phrase; only those with the query', async () => {
  const page = await openPage(browser, seed.url);
  await openTool(page, 'Phrases');
  await panel(page).locator('tbody tr').first().waitFor();
  const listed = await words(page);
  assert.ok(listed.includes('asia pacific version of nato'), `${listed}`);
  // Its parts that never occur on their own are not listed.
  assert.ok(!listed.includes('pacific version of'));
  const freq = await column(page, 1);
  assert.deepEqual(freq, [...freq].sort((a, b) => b - a));
  const i = listed.indexOf('asia pacific version of nato');
  await panel(page).getByRole('link', { name: 'asia pacific version of nato', exact: true }).click();
  await page.waitForFunction(() => document.querySelector('input[type=search]').value === '"asia pacific version of nato"');
  assert.equal((await marks(page)).length, freq[i], 'the reader marks every occurrence counted');
  assert.equal(coreSearch('"asia pacific version of nato"').total, freq[i]);
  await waitHash(page, /tool=phrases/);

  await typeQuery(page, 'nato');
  await panel(page).getByLabel('Only with “nato”').check();
  await page.waitForFunction(() => /with “nato”/.test(document.querySelector('.panel-tools .tool-summary')?.textContent));
  const withNato = await words(page);
  assert.ok(withNato.length > 0 && withNato.every((p) => p.split(' ').includes('nato')), `${withNato}`);
  await waitHash(page, /pq=1/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('keywords: one document against general English, over- and under-used; a click searches', async () => {
  const page = await openPage(browser, seed.url);
  await openTool(page, 'Keywords');
  await panel(page).locator('tbody tr').first().waitFor();
  assert.match(await panel(page).locator('.tool-summary').innerText(), /used more in this document \([\d,]+ words\) than in general English \(wordfreq, CC BY-SA 4\.0/);
  const over = await words(page);
  assert.ok(over.slice(0, 5).includes('nato'), `${over.slice(0, 10)}`);
  const ratio = await column(page, 5);
  assert.ok(ratio.every((r) => r >= 0), `${ratio}`);
  await panel(page).getByRole('link', { name: 'nato', exact: true }).click();
  await page.waitForFunction(() => document.querySelector('input[type=search]').value === '"nato"');
  assert.ok((await marks(page)).length >= 10);

  await panel(page).getByLabel('Under-used').check();
  await page.waitForFunction(() => /used less/.test(document.querySelector('.panel-tools .tool-summary')?.textContent));
  const under = await words(page);
  assert.ok(under.includes('i') || under.includes('you'), `${under}`);
  assert.ok((await column(page, 5)).every((r) => r <= 0));
  await waitHash(page, /tool=keywords.*kuse=under/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('several documents: scope, keywords against the other documents, and opening another', async () => {
  const page = await openPage(browser, multi.url);
  await openTool(page, 'Keywords');
  await panel(page).getByLabel('p <').selectOption('1');
  await panel(page).getByLabel('Min.').selectOption('1');
  await page.waitForFunction(() => /than in the other documents/.test(document.querySelector('.panel-tools .tool-summary')?.textContent));
  const harbour = await words(page);
  assert.ok(harbour.includes('harbour') || harbour.includes('repairs'), `${harbour}`);
  await page.locator('.doc-link', { hasText: 'Festival' }).click();
  await page.waitForFunction(() => /“?festival|crowds|record/.test(document.querySelector('.panel-tools tbody')?.textContent ?? ''));
  await panel(page).getByLabel('Against').selectOption('english');
  await page.waitForFunction(() => /general English/.test(document.querySelector('.panel-tools .tool-summary')?.textContent));
  await waitHash(page, /kvs=english/);

  await typeQuery(page, 'storm');
  await openTool(page, 'Collocates');
  await panel(page).getByLabel('Min.').selectOption('1');
  await panel(page).getByLabel('Document').check();
  await page.waitForFunction(() => /in the document\./.test(document.querySelector('.panel-tools .tool-summary')?.textContent));
  const inDoc = await panel(page).locator('.tool-summary').innerText();
  assert.match(inDoc, /^“storm”: 1 hit,/);
  await panel(page).getByLabel('Corpus').check();
  await page.waitForFunction(() => /in the corpus\./.test(document.querySelector('.panel-tools .tool-summary')?.textContent));
  const storm = coreSearch('storm', 'tests/fixtures/multi');
  assert.match(await panel(page).locator('.tool-summary').innerText(), new RegExp(`^“storm”: ${storm.total} hits,`));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the tools on a phone: a Tools tab, a click shows the reader, nothing wider than the screen', async () => {
  const page = await openPage(browser, seed.url, { viewport: { width: 360, height: 780 } });
  await typeQuery(page, 'nato');
  for (const tool of ['Collocates', 'Phrases', 'Keywords']) {
    await openTool(page, tool);
    await panel(page).locator('tbody tr').first().waitFor();
    assert.ok(await panel(page).isVisible());
    assert.ok(!(await page.locator('.panel-reader .doc-body').isVisible()));
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), `${tool}: no sideways scrolling`);
  }
  await panel(page).locator('tbody a').first().click();
  assert.ok(await page.locator('.panel-reader .doc-body').isVisible(), 'a click shows the reader');
  assert.ok((await marks(page)).length > 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('axe finds no violations in any tool, light and dark, phone and desktop', async () => {
  for (const colorScheme of ['light', 'dark']) {
    for (const width of [360, 1280]) {
      const page = await openPage(browser, seed.url, { viewport: { width, height: 900 }, colorScheme });
      await typeQuery(page, 'nato');
      for (const tool of ['Collocates', 'Phrases', 'Keywords']) {
        await openTool(page, tool);
        await panel(page).locator('tbody tr').first().waitFor();
        const results = await new AxeBuilder({ page }).analyze();
        assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target} ${n.failureSummary}`).join(' ')}`), [], `${tool}, ${colorScheme} ${width}`);
      }
      assert.deepEqual(page.errors, []);
      await page.context().close();
    }
  }
});

test('junk in the tools\' part of the hash falls back to defaults', async () => {
  const page = await openPage(browser, `${seed.url}#q=nato&tool=zzz&cwin=-4&csort=nope&kp=7&node=`);
  await openTool(page, 'Collocates');
  await panel(page).locator('tbody tr').first().waitFor();
  assert.match(await panel(page).locator('.tool-summary').innerText(), /windows of ±5/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
