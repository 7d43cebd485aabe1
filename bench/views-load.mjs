// The word tools' and corpus views' module, loaded on demand: from a click on a word tool's
// tab (Phrases) in a freshly opened page to its first row, then from a click on the Network
// tab to the graph (the module already there). Each run opens the page in a new browser
// context, so the module comes from the server (a local one: no network delay), not a cache.
//   node bench/views-load.mjs [DIST_DIR] [RUNS]      (defaults to dist/, 9 runs)
import { resolve } from 'node:path';
import { launch, serve, APP_READY } from '../tests/e2e/helpers.mjs';

const dist = resolve(process.argv[2] ?? 'dist');
const runs = Number(process.argv[3] ?? 9);
const server = await serve(dist);
const browser = await launch();

/** Clicks what `selector` names, then waits for `ready` to match: ms from click to shown. */
const timeClick = (page, selector, ready) => page.evaluate(([selector, ready]) => new Promise((done, fail) => {
  const t0 = performance.now();
  document.querySelector(selector).click();
  const check = () => {
    if (document.querySelector(ready)) done(performance.now() - t0);
    else if (performance.now() - t0 > 30000) fail(new Error(`${ready}: not shown within 30 s`));
    else requestAnimationFrame(check);
  };
  check();
}), [selector, ready]);

const first = [];
const next = [];
for (let run = 0; run < runs; run++) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForSelector(APP_READY);
  await page.waitForSelector('.panel-tools .tool-tab');
  first.push(await timeClick(page, '.panel-tools .tool-tab:nth-child(2)', '.panel-tools tbody tr'));
  next.push(await timeClick(page, '.view-bar .view-button:nth-child(4)', 'svg.net .node, .tool-network .tool-note'));
  await context.close();
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (xs) => `median ${median(xs).toFixed(0)} ms (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)})`;
console.log(`${dist}, ${runs} runs, to the next frame after it is shown:`);
console.log(`| Phrases, the module not yet loaded (fetch, compile, take the corpus, draw) | ${fmt(first)} |`);
console.log(`| then Network (the module loaded) | ${fmt(next)} |`);
await browser.close();
await server.close();
