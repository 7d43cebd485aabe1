// The explorer as a reader uses it, on the release build of the seed corpus.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { serve, launch, openPage, typeQuery, coreSearch, waitForQuery, APP_READY } from './helpers.mjs';

const require = createRequire(import.meta.url);
const { default: AxeBuilder } = require('@axe-core/playwright');

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** What the core says a query finds, through the wasm module's own API. */
const counter = (page) => page.locator('.counter').textContent();
const hash = (page) => page.evaluate(() => decodeURIComponent(location.hash));


test('typing NATO marks every occurrence and the counter agrees with the core', async () => {
  const page = await openPage(browser, server.url);
  await typeQuery(page, 'NATO');
  const core = await coreSearch('NATO');
  assert.ok(core.total >= 17, `the seed mentions NATO often (${core.total})`);
  const marks = await page.locator('.doc mark.hit').allTextContents();
  assert.equal(marks.length, core.total);
  assert.ok(marks.every((m) => /^NATO(’s|'s)?$/.test(m)), marks.join('|'));
  assert.equal(await counter(page), `1 of ${core.total}`);
  assert.match(await page.locator('#search-status').textContent(), new RegExp(`^${core.total} matches`));
  // The Matches panel has one keyword-in-context line per hit.
  assert.equal(await page.locator('.panel-matches .kwic').count(), core.total);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('Enter and Shift+Enter step through hits; Esc clears; / focuses the box', async () => {
  const page = await openPage(browser, server.url);
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement?.type), 'search');
  await page.keyboard.type('security');
  await page.waitForFunction(() => document.querySelector('.panel-matches').dataset.query === 'security');
  const total = (await coreSearch('security')).total;
  assert.equal(await counter(page), `1 of ${total}`);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  assert.equal(await counter(page), `3 of ${total}`);
  assert.equal(await page.locator('.doc mark.current').getAttribute('data-hit'), '2');
  await page.keyboard.press('Shift+Enter');
  assert.equal(await counter(page), `2 of ${total}`);
  await page.keyboard.press('Shift+Enter');
  await page.keyboard.press('Shift+Enter');
  assert.equal(await counter(page), `${total} of ${total}`, 'wraps around');
  // The current hit is scrolled into view (smoothly, so give it a moment).
  await page.waitForFunction(() => {
    const r = document.querySelector('.doc mark.current').getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight;
  }, null, { timeout: 3000 });
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('input[type=search]').inputValue(), '');
  assert.equal(await page.locator('.doc mark').count(), 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a phrase is one mark; a missing word gets a suggestion', async () => {
  const page = await openPage(browser, server.url);
  await typeQuery(page, '"Cold War"');
  const marks = await page.locator('.doc mark.hit').allTextContents();
  assert.ok(marks.length >= 2);
  assert.ok(marks.every((m) => m.toLowerCase() === 'cold war'), marks.join('|'));
  await typeQuery(page, 'alliense');
  assert.match(await page.locator('#search-status').textContent(), /No matches for “alliense”\. Did you mean alliance\?/);
  await page.locator('#search-status button').click();
  assert.equal(await page.locator('input[type=search]').inputValue(), 'alliance');
  assert.ok(await page.locator('.doc mark.hit').count() > 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('clicking a keyword-in-context line jumps to that hit', async () => {
  const page = await openPage(browser, server.url);
  await typeQuery(page, 'china');
  await page.locator('.panel-matches .kwic').nth(4).click();
  assert.equal(await page.locator('.doc mark.current').getAttribute('data-hit'), '4');
  assert.match(await counter(page), /^5 of /);
  await page.context().close();
});

test('the Republic of Korea chip highlights its long form and ROK', async () => {
  const page = await openPage(browser, server.url);
  const chip = page.locator('.chip', { hasText: 'Republic of Korea' });
  await chip.click();
  assert.equal(await chip.getAttribute('aria-pressed'), 'true');
  const marks = await page.locator('.doc mark.hit-ent').allTextContents();
  assert.ok(marks.includes('Republic of Korea'), marks.join('|'));
  assert.ok(marks.includes('ROK'), marks.join('|'));
  assert.match(await page.locator('input[type=search]').inputValue(), /^place:"Republic of Korea"$/);
  assert.equal(await page.locator('.entity-detail .kwic').count(), marks.length);
  assert.match(await hash(page), /ent=GPE:Republic of Korea/);
  await chip.click();
  assert.equal(await chip.getAttribute('aria-pressed'), 'false');
  assert.equal(await page.locator('.doc mark').count(), 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('inline entities show every mention with its type', async () => {
  const page = await openPage(browser, server.url);
  const before = await page.locator('.doc-body').textContent();
  await page.getByLabel('Show in text').check();
  const spans = page.locator('.doc .ent');
  assert.ok(await spans.count() > 10);
  assert.equal(await page.locator('.doc .ent.ent-org', { hasText: 'NATO' }).first().getAttribute('data-label'), 'ORG');
  // The labels are drawn by CSS: the text itself is unchanged.
  assert.equal(await page.locator('.doc-body').textContent(), before);
  await page.context().close();
});

test('clicking a term in the chart searches for it', async () => {
  const page = await openPage(browser, server.url);
  const bar = page.locator('.term-row').first();
  const term = (await bar.locator('.term-label').textContent()).trim();
  await bar.click();
  assert.equal(await page.locator('input[type=search]').inputValue(), term);
  assert.equal(await page.locator('.term-row.selected .term-label').textContent(), term);
  const core = await coreSearch(term);
  assert.equal(await page.locator('.doc mark.hit').count(), core.total);
  await page.getByText('Pairs').click();
  // The row's link names its term in full (its label may be cut short).
  const href = await page.locator('.term-row').first().getAttribute('href');
  const pair = new URLSearchParams(href.slice(1)).get('term');
  assert.match(pair, /^\S+ \S+$/);
  await page.locator('.term-row').first().click();
  assert.equal(await page.locator('input[type=search]').inputValue(), `"${pair}"`);
  assert.equal(await page.locator('.doc mark.hit').count(), (await coreSearch(`"${pair}"`)).total);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the view lives in the hash: reload and Back restore it; junk falls back', async () => {
  const page = await openPage(browser, server.url);
  await typeQuery(page, 'alliance');
  await page.keyboard.press('Enter');
  assert.equal(await hash(page), '#q=alliance');
  await page.locator('.chip', { hasText: 'Japan' }).click();
  assert.match(await hash(page), /q=place:"Japan"&ent=GPE:Japan/);
  await page.reload();
  await page.waitForSelector(APP_READY);
  assert.equal(await page.locator('input[type=search]').inputValue(), 'place:"Japan"');
  assert.equal(await page.locator('.chip', { hasText: 'Japan' }).getAttribute('aria-pressed'), 'true');
  await page.goBack();
  await waitForQuery(page, 'alliance');
  assert.equal(await page.locator('.chip[aria-pressed=true]').count(), 0);
  await page.goForward();
  await waitForQuery(page, 'place:"Japan"');
  // A link opened elsewhere shows the same view.
  const other = await openPage(browser, `${server.url}#q=%22cold%20war%22`);
  assert.equal(await other.locator('input[type=search]').inputValue(), '"cold war"');
  assert.ok(await other.locator('.doc mark.hit').count() >= 2);
  await other.context().close();
  for (const junk of ['#%%%', '#q=%E2%28&ent=XX:y&doc=nope', '#' + 'x'.repeat(5000), '#ent=GPE:', '#q=\u0000']) {
    const p = await openPage(browser, server.url + junk);
    assert.deepEqual(p.errors, [], junk);
    await p.context().close();
  }
  const unknown = await openPage(browser, `${server.url}#doc=no-such-doc`);
  assert.match(await unknown.locator('.notice').textContent(), /no document “no-such-doc”/);
  await unknown.context().close();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('exports download well-formed CSV and JSON', async () => {
  const page = await openPage(browser, server.url);
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByText('Download terms (CSV)').click()]);
  const csv = await streamText(await csvDownload.createReadStream());
  const rows = csv.trim().split('\r\n');
  assert.equal(rows[0], 'term,count,per_1000,stopword');
  assert.ok(rows.length > 100);
  for (const row of rows.slice(1)) assert.match(row, /^("[^"]*"|[^,"]+),\d+,\d+\.\d{3},(yes|no)$/);
  assert.match(csvDownload.suggestedFilename(), /-terms\.csv$/);
  const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.getByText('Download entities (JSON)').click()]);
  const entities = JSON.parse(await streamText(await jsonDownload.createReadStream()));
  assert.ok(entities.length > 5);
  const korea = entities.find((e) => e.canonical === 'Republic of Korea');
  assert.ok(korea.aliases.includes('ROK'));
  assert.equal(korea.mentions.length, korea.count);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

/** axe's findings, one line each (an empty list when the page passes). */
async function axeViolations(page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target} ${n.failureSummary}`).join(' ')}`);
}

test('axe finds no violations with a query, a selected chip, inline entities and every panel open', async () => {
  for (const colorScheme of ['light', 'dark']) {
    for (const width of [360, 1280]) {
      const page = await openPage(browser, server.url, { viewport: { width, height: 900 }, colorScheme });
      await typeQuery(page, 'security alliance');
      assert.deepEqual(await axeViolations(page), [], `query, ${colorScheme} ${width}`);
      if (width < 500) await page.getByRole('button', { name: 'Entities' }).click();
      await page.locator('.chip', { hasText: 'NATO' }).first().click();
      await page.getByLabel('Show in text').check();
      // Everything that opens: the query help, and every folded group of chips.
      await page.locator('.syntax-help summary').click();
      for (const more of await page.locator('.show-more').all()) await more.click();
      if (width < 500) {
        // On a phone each panel is a tab: check each one.
        for (const tab of ['Reader', 'Matches', 'Entities', 'Terms', 'Stats', 'Tools']) {
          await page.getByRole('button', { name: tab, exact: true }).click();
          assert.deepEqual(await axeViolations(page), [], `chip + inline, ${tab} tab, ${colorScheme} ${width}`);
        }
      } else {
        assert.deepEqual(await axeViolations(page), [], `chip + inline, ${colorScheme} ${width}`);
      }
      assert.deepEqual(page.errors, []);
      await page.context().close();
    }
  }
});

test('a chip is named by what it shows first, then what it means', async () => {
  const page = await openPage(browser, server.url);
  const chip = page.locator('.chip', { hasText: 'NATO' }).first();
  const shown = `${await chip.locator('.chip-name').innerText()} ${await chip.locator('.chip-count').innerText()}`;
  assert.match(shown, /^NATO \d+$/);
  // What a voice-control user reads on the chip ("NATO 17") opens its accessible name.
  await page.getByRole('button', { name: new RegExp(`^${shown} `) }).click();
  assert.equal(await chip.getAttribute('aria-pressed'), 'true');
  const name = await chip.evaluate((el) => el.textContent);
  assert.match(name, /^NATO \d+ mentions, Organisation/);
  await page.context().close();
});

test('on a phone the panels are tabs', async () => {
  const page = await openPage(browser, server.url, { viewport: { width: 360, height: 780 } });
  // What a reader sees of a panel (the reader's title stays for screen readers on every tab).
  const shown = (name) => page.locator(name === 'reader' ? '.panel-reader .doc-body' : `.panel-${name}`).isVisible();
  assert.ok(await shown('reader'));
  assert.ok(!(await shown('terms')));
  await page.getByRole('button', { name: 'Terms' }).click();
  assert.ok(await shown('terms'));
  assert.ok(!(await shown('reader')));
  // Each tab shows its own panel and only that one.
  const panels = { Reader: 'reader', Matches: 'matches', Entities: 'entities', Terms: 'terms', Stats: 'summary', Tools: 'tools' };
  for (const [label, name] of Object.entries(panels)) {
    await page.getByRole('button', { name: label, exact: true }).click();
    for (const other of Object.values(panels)) {
      assert.equal(await shown(other), other === name, `${label}: .panel-${other}`);
    }
    // The page keeps one main landmark and its level-one heading, the document's title.
    assert.deepEqual(await page.evaluate(() => [document.querySelectorAll('main').length, document.querySelector('main h1')?.textContent.length > 0]), [1, true]);
  }
  await page.getByRole('button', { name: 'Terms' }).click();
  await page.locator('.term-row').first().click();
  assert.ok(await shown('reader'), 'a term click shows the reader');
  assert.ok(await page.locator('.doc mark.hit').count() > 0);
  await page.context().close();
});

async function streamText(stream) {
  const chunks = [];
  for await (const c of stream) chunks.push(c);
  return Buffer.concat(chunks).toString('utf8');
}
