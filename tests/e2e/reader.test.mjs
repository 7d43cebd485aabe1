// The reader as a visitor sees it on the release build of the seed corpus.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, openPage, ROOT } from './helpers.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('the seed article shows its metadata and its ten body paragraphs', async () => {
  const page = await openPage(browser, server.url);
  const seeds = (await readdir(join(ROOT, 'seeds'))).filter((f) => f.endsWith('.txt'));
  const lines = (await readFile(join(ROOT, 'seeds', seeds[0]), 'utf8')).split('\n').map((l) => l.trim());
  assert.equal(await page.locator('h1').textContent(), lines[0]);
  assert.equal(await page.locator('.byline').textContent(), 'By Zheng Zaixing');
  assert.equal(await page.locator('.source').textContent(), 'China Military Online');
  assert.equal(await page.locator('.editor').textContent(), 'Huang Panyue');
  assert.equal(await page.locator('time').getAttribute('datetime'), '2023-03-03T00:50:38');
  assert.equal(await page.locator('time').textContent(), '2023-03-03 00:50:38');
  const paragraphs = await page.locator('.doc-body p').allTextContents();
  assert.equal(paragraphs.length, 10);
  assert.ok(paragraphs[0].startsWith('NATO Secretary-General Jens Stoltenberg'));
  assert.ok(paragraphs[9].startsWith('(The author is the director'));
  assert.ok(!paragraphs.some((p) => p.includes('Related News')));
  // The header lines are metadata, not body text.
  assert.ok(!paragraphs.some((p) => p === 'China Military Online' || p.startsWith('By Zheng')));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a phone-width reader does not scroll sideways', async () => {
  const page = await openPage(browser, server.url, { viewport: { width: 360, height: 800 } });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
