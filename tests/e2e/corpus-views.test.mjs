// The corpus views (Documents, Trends, Network) used as a reader would: on the seed (dist/)
// and on several documents (target/dist-multi: four news items, three dated, one not), with
// the links back to the reader, the URL hash, exports, the phone layout and axe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { serve, launch, openPage, typeQuery, ROOT, DIST } from './helpers.mjs';

const require = createRequire(import.meta.url);
const { default: AxeBuilder } = require('@axe-core/playwright');

let seed, multi, browser;
before(async () => {
  seed = await serve(DIST);
  multi = await serve(join(ROOT, 'target/dist-multi'));
  browser = await launch();
});
after(async () => { await browser?.close(); await seed?.close(); await multi?.close(); });

/** Opens a page at a hash and waits for the app (a view, or the reader) to be drawn. */
async function open(server, hash = '', options = {}) {
  const page = await openPage(browser, server.url, options);
  if (hash) {
    await page.evaluate((h) => { location.hash = h; }, hash);
    await page.waitForFunction((h) => location.hash === `#${h}`, hash);
    // The views' module loads the first time one is asked for.
    if (/(^|&)view=/.test(hash)) await page.waitForSelector('.views-host > .tool');
  }
  return page;
}

const view = (page, name) => page.getByRole('tab', { name: new RegExp(`^${name}`) });
const hash = (page) => page.evaluate(() => decodeURIComponent(location.hash));
/** Waits for the URL hash to say something (settings replace the hash after a short pause). */
const hashSays = (page, re) => page.waitForFunction((source) => new RegExp(source).test(decodeURIComponent(location.hash)), re.source);

async function streamText(stream) {
  const chunks = [];
  for await (const c of stream) chunks.push(c);
  return Buffer.concat(chunks).toString('utf8');
}

async function download(page, label) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByText(label).click()]);
  return { name: file.suggestedFilename(), text: await streamText(await file.createReadStream()) };
}

async function noAxeViolations(page, what) {
  const results = await new AxeBuilder({ page }).analyze();
  assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target} ${n.failureSummary}`).join(' ')}`), [], what);
}

test('with several documents, the way to them is on the first screen (desktop and phone)', async () => {
  for (const [width, height] of [[1280, 900], [360, 780]]) {
    const page = await open(multi, '', { viewport: { width, height } });
    const tab = view(page, 'Documents');
    assert.equal(await tab.textContent(), 'Documents 4');
    const box = await tab.boundingBox();
    assert.ok(box && box.y >= 0 && box.y + box.height <= height, `${width} px: the Documents tab at ${JSON.stringify(box)}`);
    await tab.click();
    const titles = page.locator('.doc-table tbody th a');
    await titles.first().waitFor();
    assert.equal(await titles.count(), 4);
    // The first rows are on the first screen too.
    const first = await titles.first().boundingBox();
    assert.ok(first.y + first.height <= height, `${width} px: the first title at ${first.y}`);
    // The page itself never scrolls sideways; the table scrolls in its own box.
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth));
    assert.deepEqual(page.errors, []);
    await page.context().close();
  }
});

test('Documents: every column, sorting, hits, opening a document, the hash and the CSV', async () => {
  const page = await open(multi, 'view=documents');
  const rows = () => page.locator('.doc-table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  const headers = await page.locator('.doc-table thead th').allTextContents();
  assert.deepEqual(headers.map((h) => h.replace(/[▲▼]/, '')), ['#', 'Title', 'Date', 'Source', 'Words', 'Distinct words', 'Top entities']);
  let table = await rows();
  assert.deepEqual(table.map((r) => r[1]), ['Harbour reopens after storm repairs', 'Festival draws record crowds to the old town', 'Notes without a header', 'River talks resume between Chile and Peru']);
  assert.deepEqual(table.map((r) => r[2]), ['2024-05-02', '2024-06-10', '—', '2023-11-20']);
  assert.deepEqual(table.map((r) => r[3]), ['Coastal Tribune', 'Evening Courier', '—', 'Andean Herald']);
  // The three most mentioned entities (all once here: by kind, then name).
  assert.equal(table[0][6], 'Jorge Sharp 1Maria Lopez 1Coastal Tribune 1');
  // Sort by words, largest first; again, smallest first; by date (undated last).
  // Sorts by a column and waits until its heading says so.
  const sortBy = async (name) => {
    const th = page.locator('th', { has: page.getByRole('button', { name, exact: true }) });
    const before = await th.getAttribute('aria-sort');
    await page.getByRole('button', { name, exact: true }).click();
    await page.waitForFunction(({ name, before }) => {
      const th = [...document.querySelectorAll('thead th')].find((t) => t.textContent.replace(/[▲▼]/, '') === name);
      return th && th.getAttribute('aria-sort') !== before;
    }, { name, before });
  };
  await sortBy('Words');
  let words = (await rows()).map((r) => Number(r[4].replace(/,/g, '')));
  assert.deepEqual(words, [...words].sort((a, b) => b - a));
  assert.equal(await page.locator('th[aria-sort="descending"]').textContent(), 'Words▼');
  await hashSays(page, /docsort=words-desc/);
  await sortBy('Words');
  words = (await rows()).map((r) => Number(r[4].replace(/,/g, '')));
  assert.deepEqual(words, [...words].sort((a, b) => a - b));
  await sortBy('Date');
  assert.deepEqual((await rows()).map((r) => r[2]), ['2023-11-20', '2024-05-02', '2024-06-10', '—']);
  await sortBy('Date');
  assert.deepEqual((await rows()).map((r) => r[2]), ['2024-06-10', '2024-05-02', '2023-11-20', '—']);
  // With a query, each document's hits, next to its title, sortable.
  await typeQuery(page, 'storm');
  assert.equal(await page.locator('.doc-table thead th').nth(2).textContent(), 'Hits');
  await sortBy('Hits');
  await hashSays(page, /docsort=hits-desc/);
  table = await rows();
  const hits = Object.fromEntries(table.map((r) => [r[1], Number(r[2])]));
  // By hand: the harbour story says storm twice (title and quote), the others once each.
  assert.deepEqual(hits, {
    'Harbour reopens after storm repairs': 2,
    'Festival draws record crowds to the old town': 1,
    'Notes without a header': 1,
    'River talks resume between Chile and Peru': 1,
  });
  assert.equal(table[0][1], 'Harbour reopens after storm repairs');
  // The CSV is the table as sorted.
  const csv = await download(page, 'Download the table (CSV)');
  assert.equal(csv.name, 'documents.csv');
  const lines = csv.text.trim().split('\r\n');
  assert.equal(lines[0], 'id,title,date,source,words,distinct_words,top_entities,hits');
  assert.equal(lines.length, 5);
  assert.match(lines[1], /^a-harbour,Harbour reopens after storm repairs,2024-05-02T09:15,Coastal Tribune,\d+,\d+,"Jorge Sharp \(PER, 1\); Maria Lopez \(PER, 1\); Coastal Tribune \(ORG, 1\)",2$/);
  // The hash brings the same table back.
  const sorted = await hash(page);
  await page.reload();
  // The hits column follows the query a moment after the table.
  await page.waitForFunction(() => [...document.querySelectorAll('.doc-table thead th')].some((th) => th.textContent.startsWith('Hits')));
  assert.equal(await hash(page), sorted);
  assert.deepEqual(await rows(), table);
  // A title opens its document in the reader; Back returns to the table.
  await page.locator('.doc-table a', { hasText: 'River talks' }).click();
  await page.waitForSelector('.doc-body');
  assert.equal(await page.locator('h1').textContent(), 'River talks resume between Chile and Peru');
  assert.equal(await page.locator('.doc mark.hit').count(), 1);
  assert.doesNotMatch(await hash(page), /view=/);
  await page.goBack();
  await page.waitForSelector('.doc-table');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('Trends: per document, by date, bars, a point opens its document at its first hit', async () => {
  const page = await open(multi, 'view=trends');
  // No query yet: the corpus's most frequent words.
  assert.match(await page.locator('.tool-trends .tool-note').textContent(), /most frequent words/);
  assert.ok(await page.locator('.series-legend li').count() >= 2);
  await typeQuery(page, 'storm');
  await page.waitForFunction(() => document.querySelector('.series-legend')?.textContent === 'storm (5)');
  // Each point's rate is its hits per 1,000 of its document's words (the table's figures).
  const points = await page.locator('.trends-svg a').evaluateAll((as) => as.map((a) => a.getAttribute('aria-label')));
  assert.equal(points.length, 4);
  await view(page, 'Documents').click();
  const words = await page.locator('.doc-table tbody tr').evaluateAll((trs) => Object.fromEntries(trs.map((tr) => [tr.children[1].textContent, Number(tr.children[5].textContent.replace(/,/g, ''))])));
  await view(page, 'Trends').click();
  for (const label of points) {
    const [, title, n, rate] = label.match(/^storm, (.*): (\d+) hits?, ([\d.]+) per 1,000 words$/);
    assert.equal(rate, (Number(n) * 1000 / words[title]).toFixed(1), label);
  }
  assert.deepEqual(await page.locator('.x-axis span').allTextContents(), ['Harbour reopens after storm repairs', 'Festival draws record crowds to the old town', 'Notes without a header', 'River talks resume between Chile and Peru']);
  // By date: the dated documents in date order, then the undated one.
  await page.getByLabel('By date').check();
  await page.waitForFunction(() => document.querySelector('.x-axis span')?.textContent === '2023-11-20');
  assert.deepEqual(await page.locator('.x-axis span').allTextContents(), ['2023-11-20', '2024-05-02', '2024-06-10', 'undated']);
  await page.getByLabel('Bars').check();
  await page.waitForSelector('.trends-svg .bar');
  assert.equal(await page.locator('.trends-svg .bar').count(), 4);
  await hashSays(page, /view=trends.*trends=date,bars|trends=date,bars.*view=trends/);
  // The hash round trip.
  await page.reload();
  await page.waitForSelector('.app.ready .trends-svg .bar');
  assert.ok(await page.getByLabel('By date').isChecked());
  assert.ok(await page.getByLabel('Bars').isChecked());
  // A point opens its document at its first hit, in the reader.
  await page.locator('.trends-svg a[aria-label*="Harbour reopens"]').click();
  await page.waitForSelector('.doc-body');
  assert.equal(await page.locator('h1').textContent(), 'Harbour reopens after storm repairs');
  assert.equal(await page.locator('.counter').textContent(), '1 of 2');
  assert.equal(await page.locator('.doc mark.current').textContent(), 'storm');
  // The CSV: one row per document and series.
  await page.goBack();
  await page.waitForSelector('.trends-svg');
  const csv = await download(page, 'Download the trends (CSV)');
  const lines = csv.text.trim().split('\r\n');
  assert.equal(lines[0], 'document,title,date,segment,words,series,count,per_1000');
  assert.equal(lines.length, 5);
  assert.match(lines[1], /^d-river,River talks resume between Chile and Peru,2023-11-20,,\d+,storm,1,\d+\.\d{3}$/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('Trends of a single document: ten equal parts, a point opens the first hit of its part', async () => {
  const page = await open(seed, 'view=trends&q=nato');
  await page.waitForFunction(() => document.querySelector('.series-legend')?.textContent === 'nato (17)');
  assert.deepEqual(await page.locator('.x-axis span').allTextContents(), ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
  assert.match(await page.locator('.tool-trends .tool-note').textContent(), /tenth of the document/);
  const labels = await page.locator('.trends-svg a').evaluateAll((as) => as.map((a) => a.getAttribute('aria-label')));
  const counts = labels.map((l) => Number(l.match(/: (\d+) hits?/)[1]));
  assert.equal(counts.reduce((a, b) => a + b), 17);
  // The third point with hits opens the reader at the first hit of its part: the hits of the
  // parts before it, plus one.
  // (A point is the round cap of a line of no length: no box to aim at, so the click goes
  // to its place.)
  await page.locator('.trends-svg a').nth(2).click({ force: true });
  await page.waitForSelector('.doc-body');
  assert.equal(await page.locator('.counter').textContent(), `${counts[0] + counts[1] + 1} of 17`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('Network: nodes select their entity, edges list their sentences, which open the reader', async () => {
  const page = await open(seed);
  await view(page, 'Network').click();
  await page.waitForSelector('svg.net');
  // The seed has 27 entities: the top 25 are drawn, and the sizes offered are 10, 25 and 27.
  assert.equal(await page.locator('svg.net .node').count(), 25);
  assert.deepEqual(await page.locator('.tool-network .segmented label').allTextContents(), ['Top 10', 'Top 25', 'Top 27']);
  await page.getByLabel('Top 10').check();
  await page.waitForFunction(() => document.querySelectorAll('svg.net .node').length === 10);
  await hashSays(page, /top=10/);
  // A node selects its entity, as its chip does.
  await page.locator('svg.net .node', { hasText: 'NATO' }).click();
  await page.waitForFunction(() => document.querySelector('input[type=search]').value === 'org:"NATO"');
  assert.equal(await page.locator('.chip[aria-pressed="true"] .chip-name').textContent(), 'NATO');
  assert.match(await hash(page), /ent=ORG:NATO/);
  assert.match(await page.locator('.net-detail h2').textContent(), /^NATO: 17 mentions in 1 document; in the same sentence as/);
  // Its pairs, strongest first; one of them lists its sentences.
  const pairs = page.locator('.pairs .pair');
  const counts = await pairs.evaluateAll((as) => as.map((a) => Number(a.querySelector('.pair-count').textContent.split(' ')[0])));
  assert.deepEqual(counts, [...counts].sort((a, b) => b - a));
  await pairs.filter({ hasText: 'United States' }).click();
  await page.waitForSelector('.sentences');
  const heading = await page.locator('.net-detail h2').textContent();
  const n = Number(heading.match(/^NATO and United States: (\d+) sentences?$/)[1]);
  const sentences = page.locator('.sentences .sentence');
  assert.equal(await sentences.count(), n);
  for (const marks of await sentences.evaluateAll((bs) => bs.map((b) => [...b.querySelectorAll('mark')].map((m) => m.textContent)))) {
    assert.ok(marks.includes('NATO') && marks.some((m) => /United States|US/.test(m)), JSON.stringify(marks));
  }
  assert.match(await hash(page), /edge=ORG:NATO,GPE:United States/);
  // The hash brings the edge back.
  await page.reload();
  await page.waitForSelector('.app.ready .sentences');
  assert.equal(await sentences.count(), n);
  // A sentence opens the reader there: the current mark is in that sentence.
  const text = (await sentences.nth(1).textContent()).trim();
  await sentences.nth(1).click();
  await page.waitForSelector('.doc-body');
  const current = await page.locator('.doc mark.current').evaluate((m) => m.closest('p, h1').textContent);
  assert.ok(current.replace(/\s+/g, ' ').includes(text.replace(/\s+/g, ' ')), `${text} in ${current}`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('Network: exports, an edge across documents, and a click on a line', async () => {
  const page = await open(multi, 'view=network');
  // Chile and Peru share a sentence in the harbour story and two in the river talks (title
  // and body): three sentences from two documents.
  const line = page.locator('.pairs .pair', { hasText: 'Chile — Peru' });
  assert.match(await line.textContent(), /3 sentences$/);
  // The line in the graph does what the pair in the list does.
  const k = await page.locator('svg.net .net-edges line').evaluateAll((ls) => ls.length);
  assert.ok(k >= 3);
  await line.click();
  await page.waitForSelector('.sentences');
  assert.deepEqual(await page.locator('.sentence-doc').allTextContents(), ['Harbour reopens after storm repairs', 'River talks resume between Chile and Peru', 'River talks resume between Chile and Peru']);
  const selected = page.locator('svg.net .net-edges line.selected');
  assert.equal(await selected.count(), 1);
  await page.locator('.net-detail a', { hasText: 'Clear' }).click();
  await page.waitForFunction(() => !document.querySelector('.sentences'));
  await page.locator('svg.net .net-edges line').first().dispatchEvent('click');
  await page.waitForSelector('.sentences');
  // CSV of the pairs and JSON of the network, as shown.
  const csv = await download(page, 'Download the pairs (CSV)');
  assert.equal(csv.name, 'network-edges.csv');
  const rows = csv.text.trim().split('\r\n');
  assert.equal(rows[0], 'source,source_type,target,target_type,sentences');
  assert.ok(rows.includes('Chile,GPE,Peru,GPE,3') || rows.includes('Peru,GPE,Chile,GPE,3'), rows.join('\n'));
  const json = JSON.parse((await download(page, 'Download the network (JSON)')).text);
  assert.equal(json.nodes.length, await page.locator('svg.net .node').count());
  assert.equal(json.edges.length, rows.length - 1);
  assert.ok(json.nodes.every((node) => node.x >= 0 && node.x <= 1000 && node.y >= 0 && node.y <= 1000));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the views from the keyboard', async () => {
  const page = await open(seed);
  // Tab into the view bar and open the network.
  const network = view(page, 'Network');
  await network.focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('svg.net');
  assert.equal(await network.getAttribute('aria-selected'), 'true');
  // The nodes are links: focus one and follow it.
  const node = page.locator('svg.net .node', { hasText: 'Japan' });
  await node.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('input[type=search]').value === 'place:"Japan"');
  // The pairs too; and a sentence is a button.
  await page.locator('.pairs .pair').first().focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('.sentences .sentence');
  await page.locator('.sentences .sentence').first().focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('.doc mark.current');
  // The Documents table's headers are buttons.
  await view(page, 'Documents').focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Words', exact: true }).focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('th[aria-sort="descending"]');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('each view at 360 px and 1280 px, light and dark: no axe violations, no sideways scroll', async () => {
  const views = ['view=documents&q=storm', 'view=trends&q=storm', 'view=network&edge=GPE:Chile,GPE:Peru', 'view=network&ent=GPE:Chile&q=place:"Chile"'];
  for (const colorScheme of ['light', 'dark']) {
    for (const width of [360, 1280]) {
      const page = await open(multi, '', { viewport: { width, height: 900 }, colorScheme });
      for (const h of views) {
        await page.evaluate((h) => { location.hash = h; }, h);
        await page.waitForSelector('.app.ready .tool');
        await page.waitForFunction(() => document.querySelector('.panel-matches')?.dataset.query === document.querySelector('input[type=search]').value);
        assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), `${h} ${width}: sideways scroll`);
        await noAxeViolations(page, `${h}, ${colorScheme} ${width}`);
      }
      assert.deepEqual(page.errors, []);
      await page.context().close();
    }
  }
});
