// Several documents: the document list, hits per document, and switching between them.
// scripts/test.sh builds tests/fixtures/multi into target/dist-multi.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { serve, launch, openPage, typeQuery, coreSearch, ROOT, APP_READY } from './helpers.mjs';

let server, browser;
before(async () => { server = await serve(join(ROOT, 'target/dist-multi')); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('the document list shows each document and its hits for the query', async () => {
  const page = await openPage(browser, server.url);
  const titles = await page.locator('.doc-list .doc-link-title').allTextContents();
  assert.deepEqual(titles, ['Harbour reopens after storm repairs', 'Festival draws record crowds to the old town', 'Notes without a header', 'River talks resume between Chile and Peru']);
  assert.equal(await page.locator('h1').textContent(), titles[0]);
  await typeQuery(page, 'storm');
  const core = coreSearch('storm', 'tests/fixtures/multi');
  const perDoc = Object.fromEntries(core.docs.map((d) => [d.id, d.hits.length]));
  const shown = await page.locator('.doc-list .doc-hits').allTextContents();
  assert.deepEqual(shown, ['a-harbour', 'b-festival', 'c-notes', 'd-river'].map((id) => {
    const n = perDoc[id] ?? 0;
    return `${n} ${n === 1 ? 'match' : 'matches'}`;
  }));
  assert.match(await page.locator('#search-status').textContent(), new RegExp(`^${core.total} matches in ${core.docs.length} of 4 documents`));
  // Keyword-in-context lines are grouped under each document's title.
  assert.equal(await page.locator('.panel-matches .kwic-title').count(), core.docs.length);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('opening another document keeps the query, updates the hash and survives a reload', async () => {
  const page = await openPage(browser, server.url);
  await typeQuery(page, 'storm');
  await page.locator('.doc-link', { hasText: 'Festival' }).click();
  assert.equal(await page.locator('h1').textContent(), 'Festival draws record crowds to the old town');
  assert.equal(await page.locator('.doc mark.hit').count(), 1);
  assert.equal(await page.locator('.counter').textContent(), '1 of 1');
  assert.match(await page.evaluate(() => location.hash), /doc=b-festival/);
  await page.reload();
  await page.waitForSelector(APP_READY);
  assert.equal(await page.locator('h1').textContent(), 'Festival draws record crowds to the old town');
  assert.equal(await page.locator('input[type=search]').inputValue(), 'storm');
  // A headerless file takes its first line as its title and has no metadata.
  await page.locator('.doc-link', { hasText: 'Notes' }).click();
  assert.equal(await page.locator('.byline').count(), 0);
  assert.equal(await page.locator('.doc-body p').count(), 2);
  // Back returns to the previous document.
  await page.goBack();
  await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Festival draws record crowds to the old town');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a list keeps its line breaks, and each name on it is an entity of its own', async () => {
  const page = await openPage(browser, server.url);
  await page.locator('.doc-link', { hasText: 'Notes' }).click();
  await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Notes without a header');
  // The prose paragraph flows as one; the list shows one guest per line.
  const list = page.locator('.doc-body p.lines');
  assert.equal(await list.count(), 1);
  assert.deepEqual((await list.innerText()).split('\n'), ['Guests at the opening:', 'Maria Rossi', 'John Okafor', 'Lena Berg']);
  assert.equal((await page.locator('.doc-body p').first().innerText()).includes('\n'), false);
  // Three people, none run into the next line's name ("Maria Rossi John").
  const names = await page.locator('.chip .chip-name').allTextContents();
  for (const name of ['Maria Rossi', 'John Okafor', 'Lena Berg']) assert.ok(names.includes(name), `${name} among ${names.join(', ')}`);
  assert.ok(!names.some((n) => n.includes('Rossi John')), names.join(', '));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('clicking a keyword-in-context line of another document opens it at that hit', async () => {
  const page = await openPage(browser, server.url);
  await typeQuery(page, 'harbour');
  const groups = page.locator('.panel-matches .kwic-doc');
  const notes = groups.filter({ hasText: 'Notes without a header' });
  await notes.locator('.kwic').first().click();
  assert.equal(await page.locator('h1').textContent(), 'Notes without a header');
  assert.equal(await page.locator('.doc mark.current').textContent(), 'harbour');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the print stylesheet prints the reader only', async () => {
  const page = await openPage(browser, server.url);
  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.locator('.panel-reader').isVisible());
  for (const hidden of ['.topbar', '.panel-entities', '.panel-terms', '.panel-matches', '.panel-summary']) {
    assert.ok(!(await page.locator(hidden).isVisible()), `${hidden} is not printed`);
  }
  await page.context().close();
});
