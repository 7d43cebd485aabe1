// Keystroke-to-highlight latency in Chromium: types queries one character at a time into the
// built page and times each keystroke from the input event to (a) the DOM holding the new
// marks and (b) the next animation frame, when they are painted.
//   node bench/typing.mjs [URL|DIST_DIR] [RUNS]      (defaults to a server on dist/)
import { resolve } from 'node:path';
import { launch, serve, APP_READY } from '../tools/browser.mjs';

const QUERIES = ['security', 'nato alliance', '"cold war"', 'asia-pacific', 'chin*', 'place:korea', 'threaten'];
const runs = Number(process.argv[3] ?? 5);
const target = process.argv[2] ?? '';
// An empty argument means dist/ too (so RUNS can be given); a folder is served as it is.
const server = /^https?:/.test(target) ? null : await (target ? serve(resolve(target)) : serve());
const url = server ? server.url : target;
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
page.on('console', (m) => console.log(m.text()));
await page.goto(url);
await page.waitForSelector(APP_READY);

const times = await page.evaluate(async ({ queries, runs }) => {
  const input = document.querySelector('input[type=search]');
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  const channel = new MessageChannel();
  const macrotask = () => new Promise((r) => { channel.port1.onmessage = () => r(); channel.port2.postMessage(0); });
  const dom = [], painted = [];
  for (let run = 0; run < runs; run++) {
    for (const q of queries) {
      for (let n = 1; n <= q.length; n++) {
        const typed = q.slice(0, n);
        const expected = window.wasmBindings.explorer_search(typed).docs.find((d) => d.index === 0)?.hits.length ?? 0;
        await frame();
        const t0 = performance.now();
        input.value = typed;
        input.dispatchEvent(new InputEvent('input', { bubbles: true }));
        // yew renders from its scheduler: poll microtasks until the counter shows the core's
        // count and the current hit is marked (a long document draws only a window of its
        // text, so not every mark need be in the DOM).
        let ready = false;
        for (let spins = 0; !ready && performance.now() - t0 < 5000; spins++) {
          const counter = document.querySelector('.counter').textContent;
          const marked = document.querySelectorAll('.doc mark[data-hit]').length;
          ready = expected === 0 ? marked === 0 : counter.endsWith(` of ${expected}`) && document.querySelector('.doc mark.current') !== null;
          // Microtasks first (yew renders from one); then let a task run, without a timer's clamp.
          if (!ready) await (spins < 100 ? Promise.resolve() : macrotask());
        }
        const t1 = performance.now();
        await frame();
        const t2 = performance.now();
        if (!ready) throw new Error(`"${typed}": the page did not show the core's ${expected} hits`);
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
