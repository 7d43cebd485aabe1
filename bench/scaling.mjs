// Build time, wasm size and start-up time as the corpus grows: 1×, 10×, 100× and 1000× the
// seed's size (and a 9 MB corpus), cut from nlp-corpus text. Run after bench/nlp-corpus.mjs.
//   node bench/scaling.mjs
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launch, serve, ROOT } from '../tools/browser.mjs';
import { timeStartup } from './startup.mjs';

const seedBytes = readdirSync(join(ROOT, 'seeds')).reduce((n, f) => n + statSync(join(ROOT, 'seeds', f)).size, 0);
const source = readdirSync(join(ROOT, '.bench', 'nlp-corpus')).sort()
  .map((f) => readFileSync(join(ROOT, '.bench', 'nlp-corpus', f), 'utf8'));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const browser = await launch();
console.log(`| corpus | documents | build | wasm | wasm gzipped | navigation → searchable |\n|---|---:|---:|---:|---:|---:|`);
for (const factor of [1, 10, 100, 1000, 2000]) {
  const target = seedBytes * factor;
  const dir = join(ROOT, '.bench', `scale-${factor}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let written = 0, n = 0;
  for (const text of source) {
    if (written >= target) break;
    const piece = text.slice(0, Math.max(200, Math.min(text.length, target - written)));
    // Cut at a paragraph end so every file is well formed.
    const cut = piece.length < text.length ? piece.slice(0, Math.max(piece.lastIndexOf('\n\n'), 100)) : piece;
    writeFileSync(join(dir, `doc-${String(n).padStart(3, '0')}.txt`), cut);
    written += Buffer.byteLength(cut); n++;
  }
  const dist = join(ROOT, 'target', `dist-scale-${factor}`);
  const t0 = Date.now();
  const build = spawnSync('trunk', ['build', '--release', '--dist', dist], { cwd: ROOT, env: { ...process.env, EXPLORER_SEEDS: dir, TRUNK_BUILD_FEATURES: 'test-api' }, encoding: 'utf8' });
  const buildMs = Date.now() - t0;
  if (build.status !== 0) throw new Error(build.stderr.slice(-2000));
  const wasm = readdirSync(dist).find((f) => f.endsWith('.wasm'));
  const bytes = readFileSync(join(dist, wasm));
  const server = await serve(dist);
  const times = [];
  for (let i = 0; i < 5; i++) {
    const ctx = await browser.newContext();
    times.push((await timeStartup(ctx, server.url)).searchable);
    await ctx.close();
  }
  await server.close();
  const kb = (b) => `${(b / 1024).toFixed(0)} KB`;
  console.log(`| ${factor}× seed (${kb(written)}) | ${n} | ${(buildMs / 1000).toFixed(1)} s | ${kb(bytes.length)} | ${kb(gzipSync(bytes, { level: 9 }).length)} | ${median(times).toFixed(0)} ms |`);
}
await browser.close();
