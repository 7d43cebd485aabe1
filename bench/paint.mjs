// Text before wasm: when the article's text first paints, against a plain static HTML page
// holding the same article (no stylesheet, no script), and when search becomes usable.
// Alternating, a fresh browser context each, median of RUNS (default 15).
//   node bench/paint.mjs [DIST_DIR] [RUNS]
import { join, resolve } from 'node:path';
import { launch, serve, ROOT, DIST } from '../tools/browser.mjs';
import { timeStartup } from './startup.mjs';
import { writePaintPages } from './paint-pages.mjs';

const dist = resolve(process.argv[2] ?? DIST);
const runs = Number(process.argv[3] ?? 15);
const site = join(ROOT, '.bench', 'paint');
writePaintPages(dist, site);

const server = await serve(site);
const browser = await launch();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const firstPaint = () => new Promise((done) => {
  new PerformanceObserver((list) => {
    const fcp = list.getEntries().find((e) => e.name === 'first-contentful-paint');
    if (fcp) done(fcp.startTime);
  }).observe({ type: 'paint', buffered: true });
});
const ours = [], usable = [], plain = [], styled = [];
for (let i = 0; i < runs; i++) {
  for (const which of ['app', 'static', 'styled']) {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    if (which === 'app') {
      const { page, usable: at } = await timeStartup(ctx, `${server.url}${which}/`);
      ours.push(await page.evaluate(firstPaint));
      usable.push(at);
    } else {
      const p = await ctx.newPage();
      await p.goto(`${server.url}${which}/`);
      (which === 'static' ? plain : styled).push(await p.evaluate(firstPaint));
    }
    await ctx.close();
  }
}
await browser.close();
await server.close();
const m = { ours: median(ours), usable: median(usable), plain: median(plain), styled: median(styled) };
console.log(`${runs} runs each, alternating, fresh context each; medians.\n`);
console.log('| measure | time | × static page |\n|---|---:|---:|');
console.log(`| static HTML page, same article: first contentful paint | ${m.plain.toFixed(0)} ms | 1.00 |`);
console.log(`| static HTML page, same article and the explorer's stylesheet: first contentful paint | ${m.styled.toFixed(0)} ms | ${(m.styled / m.plain).toFixed(2)} |`);
console.log(`| explorer: first contentful paint (the pre-rendered article) | ${m.ours.toFixed(0)} ms | ${(m.ours / m.plain).toFixed(2)} (target ≤ 1.1) |`);
console.log(`| explorer: search usable (wasm started, box enabled) | ${m.usable.toFixed(0)} ms | ${(m.usable / m.plain).toFixed(2)} (target ≤ 1.5) |`);
