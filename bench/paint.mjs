// Text before wasm: when the article's text first paints, against a plain static HTML page
// holding the same article (no stylesheet, no script), and when search becomes usable.
// Alternating, a fresh browser context each, median of RUNS (default 15).
//   node bench/paint.mjs [DIST_DIR] [RUNS]
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launch, serve, ROOT, DIST } from '../tests/e2e/helpers.mjs';
import { timeStartup } from './startup.mjs';

const dist = resolve(process.argv[2] ?? DIST);
const runs = Number(process.argv[3] ?? 15);
const site = join(ROOT, '.bench', 'paint');
rmSync(site, { recursive: true, force: true });
mkdirSync(site, { recursive: true });
cpSync(dist, join(site, 'app'), { recursive: true });
// The static page: the same article markup the build wrote, nothing else.
const page = readFileSync(join(dist, 'index.html'), 'utf8');
const article = page.match(/<article class="doc">[\s\S]*?<\/article>/)[0];
mkdirSync(join(site, 'static'));
writeFileSync(join(site, 'static', 'index.html'), `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Static</title>${article}</html>`);
// And the same article with the explorer's own stylesheet (same fonts and layout), still
// without any script.
const styles = page.match(/<style[^>]*>[\s\S]*?<\/style>/)?.[0] ?? '';
mkdirSync(join(site, 'styled'));
writeFileSync(join(site, 'styled', 'index.html'), `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Static</title>${styles}<main class="panel panel-reader">${article}</main></html>`);

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
