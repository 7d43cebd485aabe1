// Soak: random queries and random URL hashes against the release build. Nothing may break,
// freeze or throw, and the page must still answer a normal query correctly afterwards.
//   SOAK_QUERIES=1000 SOAK_HASHES=200 (the defaults) · SOAK_SEED=… picks another sequence
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, coreSearch, waitForMarks, waitForQuery } from './helpers.mjs';

const N_QUERIES = Number(process.env.SOAK_QUERIES ?? 1000);
const N_HASHES = Number(process.env.SOAK_HASHES ?? 200);
let seed = Number(process.env.SOAK_SEED ?? 7);
const rand = () => { seed |= 0; seed = (seed + 0x6D2B79F5) | 0; let t = Math.imul(seed ^ (seed >>> 15), 1 | seed); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const PIECES = ['nato', 'NATO', 'security', 'alliance', 'asia-pacific', 'cold war', 'the', 'of', 'korea', '"', '"', '“', '”', '-', '--', '*', '**', ' OR ', ' | ', ':', 'person:', 'org:', 'place:', 'event:', 'group:', 'entity:', 'foo:', ' ', '  ', '\t', '\n',
  'Zürich', 'e\u0301', '🎉', '👩‍👩‍👧', 'שלום', 'مرحبا', '\u202E', '\u200B', '\u0000', '\u0007', '\uFFFD', '\\', '%', '%%', '&', '#', '<script>', '</mark>', '&amp;', '(', ')', '[', ']', '{', '}', "'", '’s', 'ß', 'İ', 'ﬁ', '０'];
function randomQuery() {
  const kind = rand();
  if (kind < 0.05) return pick(PIECES).repeat(1 + Math.floor(rand() * 4000)); // very long
  if (kind < 0.15) return Array.from({ length: 1 + Math.floor(rand() * 20) }, () => { const c = Math.floor(rand() * 0x2FFFF); return String.fromCodePoint(c >= 0xD800 && c < 0xE000 ? c - 0x800 : c); }).join('');
  return Array.from({ length: 1 + Math.floor(rand() * 6) }, () => pick(PIECES)).join(pick(['', ' ', ' ']));
}
function randomHash() {
  const keys = ['q', 'doc', 'ent', 'term', 'inline', 'x', '', '=', '&'];
  return '#' + Array.from({ length: Math.floor(rand() * 5) }, () => {
    const v = rand() < 0.3 ? encodeURIComponent(randomQuery()) : randomQuery().replace(/#/g, '');
    return `${pick(keys)}=${pick(['', v, 'GPE:' + v, 'PER:Jens Stoltenberg', '%E2%28%A1', '%zz', '1'])}`;
  }).join(pick(['&', '&&', ';']));
}

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test(`${N_QUERIES} random queries and ${N_HASHES} random hashes break nothing`, async () => {
  const page = await openPage(browser, server.url);
  await page.evaluate(() => {
    window.__longest = 0;
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longest = Math.max(window.__longest, e.duration); }).observe({ type: 'longtask' });
  });
  const input = page.locator('input[type=search]');
  for (let i = 0; i < N_QUERIES; i++) {
    await input.fill(randomQuery());
    if (i % 50 === 0) await input.press(pick(['Enter', 'Shift+Enter', 'Escape']));
  }
  for (let i = 0; i < N_HASHES; i++) {
    await page.evaluate((h) => { location.hash = h; }, randomHash());
  }
  // Still answers a normal query, exactly as the core says.
  await page.evaluate(() => { location.hash = ''; });
  await waitForQuery(page, '');
  await input.fill('nato');
  const core = coreSearch('nato').total;
  assert.ok(core > 0);
  await waitForMarks(page, core);
  assert.equal(await page.locator('.doc mark.hit').count(), core);
  assert.equal(await page.locator('.counter').textContent(), `1 of ${core}`);
  const longest = await page.evaluate(() => window.__longest);
  // The Long Tasks API reports only tasks of 50 ms or more.
  const blocked = longest > 0 ? `longest main-thread task ${longest.toFixed(0)} ms` : 'no main-thread task of 50 ms or more';
  console.log(`soak: ${N_QUERIES} queries, ${N_HASHES} hashes; ${blocked}; console errors ${page.errors.length}`);
  assert.ok(longest < 200, `an input blocked the main thread for ${longest} ms`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
