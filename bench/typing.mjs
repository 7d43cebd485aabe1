// Keystroke-to-highlight latency in Chromium: types queries one character at a time into the
// built page and times each keystroke from the input event to (a) the DOM holding the new
// marks and (b) the next animation frame, when they are painted.
//   node bench/typing.mjs [URL] [RUNS]      (URL defaults to a server on dist/)
import { launch, serve } from '../tests/e2e/helpers.mjs';

const QUERIES = ['security', 'nato alliance', '"cold war"', 'asia-pacific', 'chin*', 'place:korea', 'threaten'];
const runs = Number(process.argv[3] ?? 5);
const server = process.argv[2] ? null : await serve();
// An empty URL argument means the default too (so RUNS can be given).
const url = process.argv[2] || server.url;
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
page.on('console', (m) => console.log(m.text()));
await page.goto(url);
await page.waitForSelector('.doc-body p');

const times = await page.evaluate(async ({ queries, runs }) => {
  const input = document.querySelector('input[type=search]');
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  const dom = [], painted = [];
  for (let run = 0; run < runs; run++) {
    for (const q of queries) {
      for (let n = 1; n <= q.length; n++) {
        const typed = q.slice(0, n);
        const expected = window.wasmBindings.explorer_search(typed).docs[0]?.hits.length ?? 0;
        await frame();
        const t0 = performance.now();
        input.value = typed;
        input.dispatchEvent(new InputEvent('input', { bubbles: true }));
        // yew renders from its scheduler: poll microtasks until the marks are in the DOM.
        let marks = -1;
        for (let spins = 0; spins < 1000; spins++) {
          const found = new Set([...document.querySelectorAll('.doc mark[data-hit]')].map((m) => m.dataset.hit)).size;
          if (found === expected && document.querySelector('.counter').textContent.endsWith(String(expected))) { marks = found; break; }
          if (expected === 0 && found === 0) { marks = 0; break; }
          await Promise.resolve();
        }
        const t1 = performance.now();
        await frame();
        const t2 = performance.now();
        if (marks !== expected) throw new Error(`"${typed}": ${marks} marks, expected ${expected}`);
        dom.push(t1 - t0);
        if (t1 - t0 > 10) console.log(`slow: ${typed} ${(t1 - t0).toFixed(1)} ms, ${expected} hits`);
        painted.push(t2 - t0);
      }
      input.value = '';
      input.dispatchEvent(new InputEvent('input', { bubbles: true }));
    }
  }
  return { dom, painted };
}, { queries: QUERIES, runs });

const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(s.length * p))]; };
const fmt = (x) => x.toFixed(2);
console.log(`keystrokes: ${times.dom.length} (${QUERIES.length} queries typed ${runs}×, one character at a time)`);
console.log(`| measure | median | p95 | max |\n|---|---:|---:|---:|`);
console.log(`| input event → marks in the DOM | ${fmt(pct(times.dom, 0.5))} ms | ${fmt(pct(times.dom, 0.95))} ms | ${fmt(Math.max(...times.dom))} ms |`);
console.log(`| input event → next frame | ${fmt(pct(times.painted, 0.5))} ms | ${fmt(pct(times.painted, 0.95))} ms | ${fmt(Math.max(...times.painted))} ms |`);
await browser.close();
await server?.close();
