// End-to-end helpers: a page that records its errors, typing a query, and what the core says
// a query should mark (the native CLI over the same seeds: the oracle the page is held to).
// The static server and the Chromium launcher are in tools/browser.mjs, shared with the
// benchmarks and build tools.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { ROOT, APP_READY } from '../../tools/browser.mjs';

export { ROOT, DIST, serve, CHROMIUM_OPTIONS, launch, launchPersistent, APP_READY } from '../../tools/browser.mjs';

/** Opens a page that records console errors and uncaught exceptions in `page.errors`. */
export async function openPage(browser, url, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  page.errors = [];
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  page.on('pageerror', (e) => page.errors.push(String(e)));
  await page.goto(url);
  await page.waitForSelector(APP_READY);
  return page;
}

/** Types a query and waits until every panel shows it (the match lists trail typing briefly). */
export async function typeQuery(page, q) {
  await page.locator('input[type=search]').fill(q);
  await page.waitForFunction((q) => document.querySelector('.panel-matches')?.dataset.query === q, q);
}

/** Waits until the reader shows `n` search marks (`n > 0` for "some"). */
export async function waitForMarks(page, n) {
  await page.waitForFunction((n) => {
    const count = document.querySelectorAll('.doc mark.hit').length;
    return n === 'some' ? count > 0 : count === n;
  }, n);
}

/** Waits until the search box reads `value` (after Back, Forward or a link). */
export async function waitForQuery(page, value) {
  await page.waitForFunction((v) => document.querySelector('input[type=search]')?.value === v, value);
}

/**
 * Waits until the URL hash (without '#', decoded) is `expected` (a string), or holds each of
 * `expected` (an array of strings). (No predicate from here: the page's policy forbids eval.)
 */
export async function waitForHash(page, expected) {
  await page.waitForFunction((expected) => {
    const hash = decodeURIComponent(location.hash.slice(1));
    return Array.isArray(expected) ? expected.every((part) => hash.includes(part)) : hash === expected;
  }, expected);
}

const oracle = new Map();

/**
 * What the core finds for each query in a seeds folder (relative to the project), by the
 * native CLI with exactly the code the page's build and search use: `{query, total, docs:
 * [{id, index, hits: [[start, end], …]}]}`, documents best first, byte offsets. Answers are
 * kept, so asking again costs nothing.
 */
export function coreSearch(queries, seeds = process.env.EXPLORER_SEEDS ?? 'seeds') {
  const list = Array.isArray(queries) ? queries : [queries];
  const missing = list.filter((q) => !oracle.has(`${seeds}\0${q}`));
  if (missing.length) {
    const out = execFileSync('cargo', ['run', '--offline', '--quiet', '-p', 'explorer-core', '--bin', 'explorer', '--', 'search', resolve(ROOT, seeds), ...missing], {
      cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'],
    });
    out.trim().split('\n').forEach((line, i) => oracle.set(`${seeds}\0${missing[i]}`, JSON.parse(line)));
  }
  const answers = list.map((q) => oracle.get(`${seeds}\0${q}`));
  return Array.isArray(queries) ? answers : answers[0];
}
