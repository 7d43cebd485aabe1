// The size budget of a first visit to the seed build: everything the page loads or its worker
// precaches as code or markup (HTML with its inlined CSS, JS, wasm, the worker and its
// register script), gzipped at level 9 as a static host would. Bytes are deterministic, so
// this is a test; times are not, so those live in BENCHMARKS.md.
// The target is 150 KB (BENCHMARKS.md says by how much and why we miss it); the budget below
// stops it growing further unnoticed. Lower it as the page shrinks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST } from './helpers.mjs';

// 200 KB before the word tools (issue 15) and the corpus views (issue 16). Collocates,
// phrases and keywords added about 30 KB where their allowance was 8 KB (BENCHMARKS.md,
// "Word tools"); Documents, Trends and Network about 25 KB where theirs was 6 KB
// (BENCHMARKS.md, "Corpus views"). Raised to 250 KB so that the suite stated the size it
// accepts; lowered to 243 KB after the cuts of "Size cuts" in BENCHMARKS.md (247,782 bytes).
const BUDGET = 243 * 1024;

test(`the seed build's first load is at most ${BUDGET / 1024} KB gzipped`, async () => {
  const files = (await readdir(DIST)).filter((f) => /\.(html|js|wasm|css)$/.test(f));
  let total = 0;
  const rows = [];
  for (const f of files.sort()) {
    const gz = gzipSync(await readFile(join(DIST, f)), { level: 9 }).length;
    total += gz;
    rows.push(`${f}: ${gz}`);
  }
  console.log(`first load ${total} bytes gzipped (${rows.join(', ')})`);
  assert.ok(files.some((f) => f.endsWith('.wasm')) && files.includes('index.html') && files.includes('sw.js'));
  assert.ok(total <= BUDGET, `${total} bytes, over the budget of ${BUDGET}`);
});
