// Corpus stress: a megabyte-long paragraph, CRLF with a byte-order mark, right-to-left text,
// odd unicode and many documents. Every document shows with nothing lost, long documents stay
// responsive, and a file of only whitespace stops the build naming the file.
// scripts/test.sh writes the seeds (tests/stress/make-seeds.mjs) and builds target/dist-stress.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { serve, launch, openPage, coreSearch, waitForMarks, ROOT, APP_READY } from './helpers.mjs';

const SEEDS = join(ROOT, 'target', 'stress-seeds');
let server, browser;
before(async () => { server = await serve(join(ROOT, 'target/dist-stress')); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

// Whitespace as the core sees it (Unicode White_Space, which JavaScript's \s lacks U+0085 NEXT
// LINE of: nlp-corpus has one ending a paragraph, trimmed like any space) and the BOM.
const nonSpace = (s) => s.replace(/[\s\u0085\uFEFF]+/g, '');
const files = () => readdirSync(SEEDS, { recursive: true }).filter((f) => f.endsWith('.txt')).sort();
const idOf = (file) => file.replace(/\.txt$/, '').replace(/[^A-Za-z0-9_.]/g, '-');

/** Opens a document and draws all of it, then returns what the reader shows. */
async function shownText(page, id) {
  await page.goto(`${server.url}#doc=${encodeURIComponent(id)}`);
  await page.waitForSelector(APP_READY);
  // The window also grows by itself as it scrolls into view; click without waiting for the
  // buttons to hold still.
  for (let i = 0; i < 1000; i++) {
    const left = await page.evaluate(() => {
      const buttons = document.querySelectorAll('.more-text button');
      buttons.forEach((b) => b.click());
      return buttons.length;
    });
    if (left === 0) break;
    // The clicks drew more text, and maybe more buttons: wait for that render.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done))));
  }
  return page.evaluate(() => {
    const q = (s) => [...document.querySelectorAll(s)].map((e) => e.textContent).join('');
    return { title: q('h1'), meta: q('.byline') + q('.doc-meta dd'), body: q('.doc-body p'), paragraphs: document.querySelectorAll('.doc-body p').length };
  });
}

test('every document shows with its text complete', async () => {
  const page = await openPage(browser, server.url);
  for (const file of files()) {
    const source = readFileSync(join(SEEDS, file), 'utf8').replace(/\r\n/g, '\n');
    const shown = await shownText(page, idOf(file));
    // Nothing dropped: every non-space character of the file is in the title, the metadata or
    // the body, except page furniture ("Related News").
    const expected = nonSpace(source.replace(/^Related News$/m, ''));
    const got = nonSpace(shown.title + shown.meta + shown.body);
    assert.equal(got.length, expected.length, `${file}: ${got.length} of ${expected.length} characters shown`);
    // And the body is the file's own text, in order.
    assert.ok(nonSpace(source).includes(nonSpace(shown.body)), `${file}: the body is the file's text in order`);
  }
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a megabyte-long paragraph stays responsive', async () => {
  const page = await openPage(browser, `${server.url}#doc=big-paragraph`);
  await page.evaluate(() => {
    window.__longest = 0;
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration); })
      .observe({ type: 'longtask' });
  });
  // Only a window of the paragraph is drawn at first.
  assert.ok(await page.locator('.doc-body p').count() < 40);
  const queries = ['the', 'council', '"trade talks"', 'zurich', 'e*'];
  const oracle = coreSearch(queries, 'target/stress-seeds');
  for (const [i, q] of queries.entries()) {
    await page.evaluate(() => { window.__longest = 0; });
    await page.locator('input[type=search]').fill(q);
    const core = oracle[i].docs.find((d) => d.index === 0)?.hits.length ?? 0;
    await page.waitForFunction((core) => document.querySelector('.counter')?.textContent.endsWith(` of ${core}`), core);
    console.log(`  ${q}: longest task ${(await page.evaluate(() => window.__longest)).toFixed(0)} ms`);
    await page.evaluate((q) => { window.__worst = Math.max(window.__worst ?? 0, window.__longest); }, q);
    assert.match(await page.locator('.counter').textContent(), new RegExp(` of ${core}$`));
    await page.keyboard.press('End');
  }
  // Jump to the last hit: the reader moves its window there.
  await page.locator('input[type=search]').fill('council');
  await page.locator('input[type=search]').press('Shift+Enter');
  // The reader moves its window to the last hit and marks it current.
  await page.waitForSelector('.doc mark.current');
  assert.equal(await page.locator('.doc mark.current').count(), 1);
  const longest = await page.evaluate(() => Math.max(window.__worst, window.__longest));
  console.log(`longest main-thread task while searching the 1 MB paragraph: ${longest.toFixed(0)} ms`);
  assert.ok(longest < 200, `a task blocked the page for ${longest} ms`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('right-to-left text keeps its direction and is searchable', async () => {
  const page = await openPage(browser, `${server.url}#doc=rtl`);
  await page.locator('input[type=search]').fill('שלום');
  await waitForMarks(page, 'some');
  assert.ok(await page.locator('.doc mark.hit').count() >= 2);
  assert.equal(await page.locator('.doc-body p').first().evaluate((p) => getComputedStyle(p).unicodeBidi), 'plaintext');
  await page.context().close();
});

test('a file of only whitespace stops the build, naming the file', () => {
  const run = spawnSync('cargo', ['check', '--offline', '-q', '-p', 'text-explorer'], {
    cwd: ROOT, env: { ...process.env, EXPLORER_SEEDS: `${SEEDS}-whitespace` }, encoding: 'utf8',
  });
  assert.notEqual(run.status, 0);
  assert.match(run.stderr, /seed file blank\.txt: the file holds only whitespace/);
});
