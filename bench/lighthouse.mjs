// Lighthouse 12 (mobile, its default settings: simulated slow 4G and a 4x slower CPU) on a
// build served from loopback (gzipped, as static hosts serve it), in Debian's Chromium; RUNS runs (default 3), each in a fresh
// browser. Prints each run and the median: the four category scores, FCP, LCP, TBT, CLS and
// Speed Index, and which element Lighthouse took as the largest contentful paint.
//   node bench/lighthouse.mjs [DIST_DIR] [RUNS]
// Lighthouse is installed into .bench/lighthouse by scripts/bench.sh (never committed or shipped).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { serve, ROOT, DIST, CHROMIUM_OPTIONS } from '../tools/browser.mjs';

const dist = resolve(process.argv[2] ?? DIST);
const runs = Number(process.argv[3] ?? 3);
const cli = join(ROOT, '.bench/lighthouse/node_modules/lighthouse/cli/index.js');
const out = join(ROOT, '.bench/lighthouse/reports');
mkdirSync(out, { recursive: true });

/**
 * One Lighthouse run against the served build, its JSON report written to `path`. (Not a
 * synchronous child: this process serves the build meanwhile.)
 */
async function lighthouse(path) {
  await promisify(execFile)(process.execPath, [cli, server.url,
    '--quiet', '--output=json', `--output-path=${path}`,
    '--only-categories=performance,accessibility,best-practices,seo',
    `--chrome-flags=--headless=new --disable-dev-shm-usage ${CHROMIUM_OPTIONS.args.join(' ')}`],
  { env: { ...process.env, CHROME_PATH: CHROMIUM_OPTIONS.executablePath }, maxBuffer: 64 * 1024 * 1024 });
}

const server = await serve(dist, '/', { gzip: true });
const results = [];
try {
  for (let run = 0; run < runs; run++) {
    const path = join(out, `run-${run}.json`);
    // Chromium sometimes dies while starting on this loaded 2-core machine ("Target closed"):
    // such a run is tried again, up to twice, and said so.
    for (let attempt = 0; ; attempt++) {
      try {
        await lighthouse(path);
        break;
      } catch (error) {
        if (attempt === 2) throw error;
        console.log(`run ${run + 1}: Lighthouse failed (${String(error.message).split('\n')[0].slice(0, 80)}…); trying again`);
      }
    }
    const report = JSON.parse(readFileSync(path, 'utf8'));

    const score = (c) => Math.round(report.categories[c].score * 100);
    const ms = (a) => report.audits[a].numericValue;
    const lcpItem = report.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node;
    results.push({
      performance: score('performance'), accessibility: score('accessibility'),
      'best-practices': score('best-practices'), seo: score('seo'),
      fcp: ms('first-contentful-paint'), lcp: ms('largest-contentful-paint'), tbt: ms('total-blocking-time'),
      cls: ms('cumulative-layout-shift'), si: ms('speed-index'),
      lcpElement: lcpItem ? `${lcpItem.selector} (${(lcpItem.nodeLabel ?? '').slice(0, 40)}…)` : '?',
      failed: Object.values(report.audits).filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary').map((a) => a.id),
    });
    const r = results.at(-1);
    console.log(`run ${run + 1}: performance ${r.performance}, accessibility ${r.accessibility}, best practices ${r['best-practices']}, SEO ${r.seo}; FCP ${(r.fcp / 1000).toFixed(2)} s, LCP ${(r.lcp / 1000).toFixed(2)} s, TBT ${r.tbt.toFixed(0)} ms, CLS ${r.cls.toFixed(3)}, SI ${(r.si / 1000).toFixed(2)} s; LCP element ${r.lcpElement}${r.failed.length ? `; failed: ${r.failed.join(', ')}` : ''}`);
  }
} finally {
  await server.close();
}
const median = (k) => { const v = results.map((r) => r[k]).sort((a, b) => a - b); return v[Math.floor(v.length / 2)]; };
console.log(`\n| Lighthouse 12 mobile, median of ${runs} | performance | accessibility | best practices | SEO | FCP | LCP | TBT | CLS | Speed Index |`);
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
console.log(`| ${dist.replace(ROOT + '/', '')} | ${median('performance')} | ${median('accessibility')} | ${median('best-practices')} | ${median('seo')} | ${(median('fcp') / 1000).toFixed(2)} s | ${(median('lcp') / 1000).toFixed(2)} s | ${median('tbt').toFixed(0)} ms | ${median('cls').toFixed(3)} | ${(median('si') / 1000).toFixed(2)} s |`);
