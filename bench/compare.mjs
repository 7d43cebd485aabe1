// Side-by-side in one Chromium: how soon the explorer is searchable against how long
// FlexSearch 0.8 needs just to index the same text, and the core's query (every hit
// position) against MiniSearch 7's query (document ids only), on the same corpus.
//   node bench/compare.mjs DIST_DIR SEEDS_DIR [RUNS]
// DIST_DIR is a release build of SEEDS_DIR (see scripts/bench.sh). The anchors' npm packages
// are installed into .bench/tools by scripts/bench.sh; nothing here is committed or shipped.
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launch, serve, ROOT } from '../tools/browser.mjs';
import { timeStartup } from './startup.mjs';

const [dist, seeds, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 15);
const site = join(ROOT, '.bench', 'site');
rmSync(site, { recursive: true, force: true });
mkdirSync(join(site, 'anchor'), { recursive: true });
cpSync(resolve(dist), join(site, 'app'), { recursive: true });
const tools = join(ROOT, '.bench', 'tools', 'node_modules');
cpSync(join(tools, 'flexsearch', 'dist', 'flexsearch.bundle.min.js'), join(site, 'anchor', 'flexsearch.js'));
cpSync(join(tools, 'minisearch', 'dist', 'umd', 'index.js'), join(site, 'anchor', 'minisearch.js'));
const texts = readdirSync(resolve(seeds)).filter((f) => f.endsWith('.txt')).sort()
  .map((f) => readFileSync(join(resolve(seeds), f), 'utf8'));
writeFileSync(join(site, 'anchor', 'corpus.json'), JSON.stringify(texts));
writeFileSync(join(site, 'anchor', 'index.html'), '<!doctype html><meta charset="utf-8"><script src="flexsearch.js"></script><script src="minisearch.js"></script><p>anchors</p>');
const words = texts.reduce((n, t) => n + t.split(/\s+/).length, 0);

const server = await serve(site, '/');
const browser = await launch();
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const p95 = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))]; };

// 1. Searchable vs FlexSearch indexing, alternating, a fresh context each time.
const ours = [], flex = [];
for (let i = 0; i < runs; i++) {
  {
    const ctx = await browser.newContext();
    ours.push((await timeStartup(ctx, `${server.url}app/`)).searchable);
    await ctx.close();
  }
  {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(`${server.url}anchor/`);
    flex.push(await page.evaluate(async () => {
      const texts = await (await fetch('corpus.json')).json();
      const t0 = performance.now();
      const index = new FlexSearch.Index();
      texts.forEach((t, i) => index.add(i, t));
      const ms = performance.now() - t0;
      if (index.search('government').length === 0) throw new Error('FlexSearch found nothing');
      return ms;
    }));
    await ctx.close();
  }
}
console.log(`Corpus: ${texts.length} documents, ${(texts.reduce((n, t) => n + t.length, 0) / 1e6).toFixed(1)} M chars, about ${(words / 1e6).toFixed(2)} M words; ${runs} runs each, alternating, fresh browser context each.\n`);
console.log('| measure | median | min | max |\n|---|---:|---:|---:|');
console.log(`| explorer: navigation → searchable (page loaded, wasm started, first query answered) | ${median(ours).toFixed(0)} ms | ${Math.min(...ours).toFixed(0)} ms | ${Math.max(...ours).toFixed(0)} ms |`);
console.log(`| FlexSearch 0.8 \`Index\`: add every document (text already in memory) | ${median(flex).toFixed(0)} ms | ${Math.min(...flex).toFixed(0)} ms | ${Math.max(...flex).toFixed(0)} ms |`);
console.log(`| **ratio** (target ≤ 0.3) | **${(median(ours) / median(flex)).toFixed(2)}** | | |\n`);

// 2. Query latency: the core (every hit's span, in wasm) vs MiniSearch 7 (ids and scores).
const QUERIES = [['government', {}], ['zeppelin', {}], ['threaten', {}], ['security', {}], ['film actor', { combineWith: 'AND' }],
  ['united states', { combineWith: 'AND' }], ['secur*', { prefix: true }], ['music', {}], ['election', {}], ['the', {}]];
// Each sample is the mean of a batch of runs (the browser's clock ticks in 0.1 ms steps).
const BATCH = 20, SAMPLES = 15;
const ctx = await browser.newContext();
const app = await ctx.newPage();
await app.goto(`${server.url}app/`);
await app.waitForFunction(() => window.wasmBindings?.explorer_time_search);
const anchor = await ctx.newPage();
await anchor.goto(`${server.url}anchor/`);
await anchor.evaluate(async () => {
  const texts = await (await fetch('corpus.json')).json();
  window.mini = new MiniSearch({ fields: ['text'] });
  window.mini.addAll(texts.map((text, id) => ({ id, text })));
});
// Warm-up, the same for both: every query a batch's worth of times, untimed, so that neither
// engine's figures include its first compilation (V8 tiers up hot wasm and JavaScript
// functions after their first calls) or the first growth of its heap.
await app.evaluate(([qs, b]) => { for (const q of qs) window.wasmBindings.explorer_time_search(q, b, 1); }, [QUERIES.map(([q]) => q), BATCH]);
await anchor.evaluate(([qs, b]) => {
  for (const [q, options] of qs) for (let k = 0; k < b; k++) window.mini.search(q.replace('*', ''), options);
}, [QUERIES, BATCH]);
console.log(`| query | explorer hits | median | p95 | MiniSearch docs | median | p95 |\n|---|---:|---:|---:|---:|---:|---:|`);
const allOurs = [], allMini = [];
for (const [q, options] of QUERIES) {
  // One sample of each in turn, so both see the machine in the same state.
  const t = [], m = { times: [], docs: 0 };
  for (let i = 0; i < SAMPLES; i++) {
    t.push(...await app.evaluate(([q, b]) => [...window.wasmBindings.explorer_time_search(q, b, 1)], [q, BATCH]));
    const s = await anchor.evaluate(([q, options, b]) => {
      let docs = 0;
      const plain = q.replace('*', '');
      const t0 = performance.now();
      for (let k = 0; k < b; k++) docs = window.mini.search(plain, options).length;
      return { time: (performance.now() - t0) / b, docs };
    }, [q, options, BATCH]);
    m.times.push(s.time);
    m.docs = s.docs;
  }
  const hits = await app.evaluate((q) => window.wasmBindings.explorer_search(q).total, q);
  allOurs.push(...t); allMini.push(...m.times);
  console.log(`| \`${q}\` | ${hits} | ${median(t).toFixed(3)} ms | ${p95(t).toFixed(3)} ms | ${m.docs} | ${median(m.times).toFixed(3)} ms | ${p95(m.times).toFixed(3)} ms |`);
}
console.log(`| **all** | | **${median(allOurs).toFixed(3)} ms** | **${p95(allOurs).toFixed(3)} ms** | | **${median(allMini).toFixed(3)} ms** | **${p95(allMini).toFixed(3)} ms** |`);
await browser.close();
await server.close();
