// Fetches the npm package nlp-corpus (100 documents, about 1.5 M words of varied English) into
// .bench/ and writes each document as a seed-style text file: a title line, then its strings
// as paragraphs. Used by the benchmarks only; nothing here is committed.
//   node bench/nlp-corpus.mjs [OUT_DIR] [N_DOCS]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(new URL('..', import.meta.url).pathname);
const cache = join(root, '.bench', 'pkg');
const out = resolve(process.argv[2] ?? join(root, '.bench', 'nlp-corpus'));
const limit = Number(process.argv[3] ?? 100);

if (!existsSync(join(cache, 'package', 'builds'))) {
  mkdirSync(cache, { recursive: true });
  const tgz = execFileSync('npm', ['pack', 'nlp-corpus@4.4.0', '--silent'], { cwd: cache, encoding: 'utf8' }).trim();
  execFileSync('tar', ['xzf', tgz], { cwd: cache });
}
const builds = join(cache, 'package', 'builds');
const files = readdirSync(builds).filter((f) => f.endsWith('.json'))
  .sort((a, b) => Number(a.match(/\d+/)[0]) - Number(b.match(/\d+/)[0])).slice(0, limit);
mkdirSync(out, { recursive: true });
let bytes = 0;
for (const f of files) {
  const strings = JSON.parse(readFileSync(join(builds, f), 'utf8'));
  const id = f.replace('.json', '');
  const text = `nlp-corpus ${id}\n\n${strings.map((s) => s.trim()).filter(Boolean).join('\n\n')}\n`;
  writeFileSync(join(out, `${id}.txt`), text);
  bytes += Buffer.byteLength(text);
}
console.log(`${files.length} documents, ${(bytes / 1e6).toFixed(1)} MB -> ${out}`);
