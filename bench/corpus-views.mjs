// The corpus views in Chromium: how long the Trends view takes to answer a new term, the
// Network view to draw the top N entities, and the Documents table to sort, each from the
// event to (a) the DOM showing the answer and (b) the next animation frame.
//   node bench/corpus-views.mjs [URL|DIST_DIR] [RUNS]      (defaults to a server on dist/)
// BENCHMARKS.md runs it on nlp-corpus: EXPLORER_SEEDS=.bench/nlp-corpus trunk build --release
// --dist target/dist-bench, then node bench/corpus-views.mjs target/dist-bench.
import { resolve } from 'node:path';
import { launch, serve } from '../tests/e2e/helpers.mjs';

const TERMS = ['government', 'war', 'film', 'music', 'election', 'security', 'the', 'zeppelin',
  'threaten', 'states', '"cold war"', 'secur*', 'place:london', 'person:john', 'org:un',
  'peace', 'river', 'science', 'game', 'church'];
const runs = Number(process.argv[3] ?? 5);
const target = process.argv[2] ?? '';
const server = /^https?:/.test(target) ? null : await (target ? serve(resolve(target)) : serve());
const url = server ? server.url : target;
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
page.on('console', (m) => console.log(m.text()));
page.on('pageerror', (e) => console.log('page error:', String(e)));

/** Runs `act` in the page, then waits for `done()` to hold: [to the DOM, to the next frame]. */
const timer = () => {
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  const channel = new MessageChannel();
  const macrotask = () => new Promise((r) => { channel.port1.onmessage = () => r(); channel.port2.postMessage(0); });
  window.__time = async (act, done, what) => {
    await frame();
    const t0 = performance.now();
    act();
    let ready = false;
    for (let spins = 0; !ready && performance.now() - t0 < 10000; spins++) {
      ready = done();
      if (!ready) await (spins < 100 ? Promise.resolve() : macrotask());
    }
    const t1 = performance.now();
    await frame();
    const t2 = performance.now();
    if (!ready) throw new Error(`${what}: not shown within 10 s`);
    return [t1 - t0, t2 - t0];
  };
};

const results = {};
const record = (name, [dom, painted]) => {
  results[name] ??= { dom: [], painted: [] };
  results[name].dom.push(dom);
  results[name].painted.push(painted);
};

// Trends: type a new term with the view open.
await page.goto(`${url}#view=trends`);
await page.waitForSelector('.app.ready .tool-trends');
await page.evaluate(timer);
for (let run = 0; run < runs; run++) {
  for (const term of TERMS) {
    const t = await page.evaluate((term) => {
      const input = document.querySelector('input[type=search]');
      return window.__time(() => {
        input.value = term;
        input.dispatchEvent(new InputEvent('input', { bubbles: true }));
      }, () => [...document.querySelectorAll('.series-legend li')].some((li) => li.textContent.startsWith(`${term} (`)), term);
    }, term);
    record('Trends: a new term (typed at once) → chart', t);
  }
}

// Network: from the reader, open the view (at each size); then switch sizes in the view.
await page.goto(`${url}#view=network`);
await page.waitForSelector('.app.ready svg.net');
await page.evaluate(timer);
const clickSize = (size) => [...document.querySelectorAll('.tool-network input[type=radio]')]
  .find((r) => r.parentElement.textContent === `Top ${size}`).click();
for (let run = 0; run < runs; run++) {
  for (const size of [10, 25, 50, 100]) {
    await page.evaluate(`(${clickSize})(${size})`);
    await page.waitForFunction((size) => document.querySelectorAll('svg.net .node').length === size, size);
    await page.evaluate(() => [...document.querySelectorAll('.view-button')].find((b) => b.textContent === 'Reader').click());
    await page.waitForSelector('.doc-body');
    const t = await page.evaluate((size) => window.__time(
      () => [...document.querySelectorAll('.view-button')].find((b) => b.textContent === 'Network').click(),
      () => document.querySelectorAll('svg.net .node').length === size, `network top ${size}`), size);
    record(`Network: open the view, top ${size}`, t);
  }
  for (const size of [25, 50, 100, 10]) {
    const t = await page.evaluate((size) => window.__time(
      () => [...document.querySelectorAll('.tool-network input[type=radio]')].find((r) => r.parentElement.textContent === `Top ${size}`).click(),
      () => document.querySelectorAll('svg.net .node').length === size, `network top ${size}`), size);
    record(`Network: switch to top ${size}`, t);
  }
}

// Documents: sort by each column.
await page.goto(`${url}#view=documents&q=government`);
await page.waitForSelector('.app.ready .tool-documents tbody tr');
await page.evaluate(timer);
for (let run = 0; run < runs; run++) {
  for (const column of ['Words', 'Hits', 'Title', 'Distinct words', 'Top entities', '#']) {
    const t = await page.evaluate((column) => {
      const button = [...document.querySelectorAll('.sort-button')].find((b) => b.textContent.replace(/[▲▼]/, '') === column);
      const before = document.querySelector('.tool-documents tbody tr')?.textContent + button.closest('th').getAttribute('aria-sort');
      return window.__time(() => button.click(),
        () => document.querySelector('.tool-documents tbody tr')?.textContent + button.closest('th').getAttribute('aria-sort') !== before, column);
    }, column);
    record('Documents: sort by a column', t);
  }
}

const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(s.length * p))]; };
const fmt = (x) => x.toFixed(1);
console.log(`| action | samples | to the DOM: median | p95 | to the next frame: median | p95 |\n|---|---:|---:|---:|---:|---:|`);
for (const [name, { dom, painted }] of Object.entries(results)) {
  console.log(`| ${name} | ${dom.length} | ${fmt(pct(dom, 0.5))} ms | ${fmt(pct(dom, 0.95))} ms | ${fmt(pct(painted, 0.5))} ms | ${fmt(pct(painted, 0.95))} ms |`);
}
await browser.close();
await server?.close();
