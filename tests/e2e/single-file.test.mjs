// The self-contained page (dist-single/text-explorer.html, made by tools/single-file.mjs from
// the release build): it works from file://, with no server and no other file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, coreSearch, waitForMarks, waitForQuery, ROOT, APP_READY } from './helpers.mjs';
import { openRecorded, pagePolicy, SINGLE_FILE, closeClean } from './delivery-helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const url = pathToFileURL(SINGLE_FILE).href;
const hash = (page) => page.evaluate(() => decodeURIComponent(location.hash));

test('the single file names no other file and has a strict policy of its own', { timeout: 60000 }, async () => {
  const html = await readFile(SINGLE_FILE, 'utf8');
  const outside = html.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/g, '');
  assert.deepEqual(outside.match(/\s(src|href)="(?!data:)[^"]*"/g), null);
  const policy = pagePolicy(html);
  assert.deepEqual(policy['default-src'], ["'none'"]);
  assert.deepEqual(policy['script-src'].filter((v) => !v.startsWith("'sha256-")), ["'wasm-unsafe-eval'"]);
  assert.equal(policy['script-src'].length, 2, 'one inline script');
  assert.ok(policy['style-src'].length > 0 && policy['style-src'].every((v) => v.startsWith("'sha256-")));
  assert.deepEqual(policy['img-src'], ['data:']);
  assert.deepEqual(policy['object-src'], ["'none'"]);
  assert.deepEqual(policy['base-uri'], ["'none'"]);
});

test('from file:// the article, search, chips, the term chart, the URL hash and the tools all work', { timeout: 60000 }, async () => {
  const page = await openRecorded(browser, url);
  const seeds = (await readdir(join(ROOT, 'seeds'))).filter((f) => f.endsWith('.txt'));
  const title = (await readFile(join(ROOT, 'seeds', seeds[0]), 'utf8')).split('\n')[0].trim();
  assert.equal(await page.locator('h1').textContent(), title);
  assert.equal(await page.locator('.doc-body p').count(), 10);

  await page.locator('input[type=search]').fill('NATO');
  const core = coreSearch('NATO');
  await waitForMarks(page, 'some');
  assert.ok(core.total >= 17);
  assert.equal(await page.locator('.doc mark.hit').count(), core.total);
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('.counter').textContent(), `2 of ${core.total}`);
  assert.equal(await hash(page), '#q=NATO');

  const chip = page.locator('.chip', { hasText: 'Republic of Korea' });
  await chip.click();
  assert.equal(await chip.getAttribute('aria-pressed'), 'true');
  assert.ok((await page.locator('.doc mark.hit-ent').allTextContents()).includes('ROK'));
  assert.match(await hash(page), /ent=GPE:Republic of Korea/);
  // The hash is the view: a reload restores it, Back goes to the previous one.
  await page.reload();
  await page.waitForSelector(APP_READY);
  assert.equal(await page.locator('.chip', { hasText: 'Republic of Korea' }).getAttribute('aria-pressed'), 'true');
  await page.goBack();
  await waitForQuery(page, 'NATO');
  await page.locator('input[type=search]').press('Escape');
  assert.equal(await hash(page), '');

  const bar = page.locator('.term-row').first();
  const term = (await bar.locator('.term-label').textContent()).trim();
  await bar.click();
  assert.equal(await page.locator('input[type=search]').inputValue(), term);
  assert.equal(await page.locator('.doc mark.hit').count(), (await coreSearch(term)).total);

  // The word tools and corpus views, whose module is inlined too: the term's collocates, the
  // network.
  await page.locator('.panel-tools tbody tr').first().waitFor();
  await page.locator('.view-button', { hasText: 'Network' }).click();
  await page.locator('svg.net .node').first().waitFor();

  // Nothing but the file itself was loaded.
  for (const request of page.requests) {
    assert.ok(request.startsWith('data:') || request.split('#')[0] === url, `requested ${request}`);
  }
  await closeClean(page);
});
