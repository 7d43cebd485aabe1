// Where the time to first paint goes: the pages of bench/paint.mjs loaded under Chromium's
// tracing, a fresh context each, medians of RUNS (default 7). Per page, up to its first
// contentful paint: the renderer's main-thread work by kind (style, layout, font lookups,
// paint) and the time its raster threads spent drawing the first frame's tiles.
//   node bench/paint-trace.mjs [DIST_DIR] [RUNS]
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launch, serve, ROOT, DIST } from '../tools/browser.mjs';
import { writePaintPages } from './paint-pages.mjs';

const dist = resolve(process.argv[2] ?? DIST);
const runs = Number(process.argv[3] ?? 7);
const site = join(ROOT, '.bench', 'paint-trace');
writePaintPages(dist, site);
const traceFile = join(site, 'trace.json');
const server = await serve(site);
const browser = await launch();
const pages = ['static', 'styled', 'app'];
const measures = {
  'first contentful paint': null,
  'main thread busy (tasks since navigation)': null,
  'style (UpdateLayoutTree)': ['UpdateLayoutTree'],
  'layout': ['Layout'],
  'font lookups (FontCache::GetFontPlatformData)': ['FontCache::GetFontPlatformData'],
  'HTML and CSS parsing': ['ParseHTML', 'CSSParserImpl::parseStyleSheet'],
  'script': ['EvaluateScript', 'v8.compileModule', 'FunctionCall'],
  'paint and commit': ['Paint', 'PrePaint', 'Commit'],
  'raster of the first frame (raster threads)': null,
};
const got = Object.fromEntries(pages.map((p) => [p, Object.fromEntries(Object.keys(measures).map((m) => [m, []]))]));
// One warm-up load of each, untraced: the first page a browser opens pays its own start-up.
for (let run = -1; run < runs; run++) {
  for (const which of pages) {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
    const page = await ctx.newPage();
    if (run >= 0) await browser.startTracing(page, { path: traceFile, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'loading', 'fonts', 'cc', 'v8'] });
    await page.goto(`${server.url}${which}/`);
    const fcp = await page.evaluate(() => new Promise((done) => {
      new PerformanceObserver((list) => {
        const e = list.getEntries().find((x) => x.name === 'first-contentful-paint');
        if (e) done(e.startTime);
      }).observe({ type: 'paint', buffered: true });
    }));
    await page.waitForTimeout(200);
    if (run >= 0) await browser.stopTracing();
    await ctx.close();
    if (run < 0) continue;
    const events = JSON.parse(readFileSync(traceFile, 'utf8')).traceEvents;
    const mark = events.find((e) => e.name === 'firstContentfulPaint');
    const start = mark.ts - fcp * 1000;
    const main = events.filter((e) => e.pid === mark.pid && e.tid === mark.tid && e.ph === 'X' && e.dur && e.ts >= start && e.ts <= mark.ts);
    const sum = (names) => main.filter((e) => names.includes(e.name)).reduce((n, e) => n + e.dur, 0) / 1000;
    const g = got[which];
    g['first contentful paint'].push(fcp);
    // Top-level tasks only, so nested events are not counted twice.
    let busy = 0, end = 0;
    for (const e of main.filter((x) => x.name === 'RunTask').sort((a, b) => a.ts - b.ts)) {
      if (e.ts >= end) { busy += Math.min(e.ts + e.dur, mark.ts) - e.ts; end = e.ts + e.dur; }
    }
    g['main thread busy (tasks since navigation)'].push(busy / 1000);
    for (const [m, names] of Object.entries(measures)) if (names) g[m].push(sum(names));
    const raster = events.filter((e) => e.name === 'DisplayItemList::Raster' && e.ts >= start && e.ts <= mark.ts);
    g['raster of the first frame (raster threads)'].push(raster.reduce((n, e) => n + e.dur, 0) / 1000);
  }
}
await browser.close();
await server.close();
rmSync(traceFile, { force: true });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`${runs} traced loads of each page, alternating, a fresh context each; medians, ms.\n`);
console.log(`| up to the first contentful paint | ${pages.join(' | ')} |\n|---|${pages.map(() => '---:').join('|')}|`);
for (const m of Object.keys(measures)) console.log(`| ${m} | ${pages.map((p) => median(got[p][m]).toFixed(1)).join(' | ')} |`);
