// Writes a stress corpus for the reliability tests: a megabyte-long single paragraph, a file
// with CRLF line ends and a byte-order mark, right-to-left text, odd unicode, many small
// documents and (with --nlp N) N documents of the npm package nlp-corpus. Also writes, in a
// separate folder, a file of only whitespace, which must stop the build.
//   node tests/stress/make-seeds.mjs OUT_DIR [--big BYTES] [--many N] [--nlp N]
import { mkdirSync, rmSync, writeFileSync, readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';

const args = process.argv.slice(2);
const out = resolve(args[0] ?? 'target/stress-seeds');
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? Number(args[i + 1]) : dflt; };
const bigBytes = opt('--big', 1_000_000);
const many = opt('--many', 20);
const nlp = opt('--nlp', 0);

// A deterministic generator (mulberry32), so every run writes the same corpus.
let seed = 42;
const rand = () => { seed |= 0; seed = (seed + 0x6D2B79F5) | 0; let t = Math.imul(seed ^ (seed >>> 15), 1 | seed); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const WORDS = ['the', 'council', 'of', 'Europe', 'said', 'on', 'Monday', 'that', 'trade', 'talks', 'with', 'Japan', 'would', 'resume', 'after', 'a', 'long', 'pause', 'in', 'Brussels', 'and', 'Geneva', 'ministers', 'agreed', 'to', 'meet', 'again', 'NATO', 'security', 'Zürich', 'São', 'Paulo', 'naïve', 'café', 'coöperate'];
const sentence = (n) => { const w = Array.from({ length: n }, () => pick(WORDS)); w[0] = w[0][0].toUpperCase() + w[0].slice(1); return `${w.join(' ')}.`; };

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
let big = 'One very long paragraph\n\n';
while (big.length < bigBytes) big += `${sentence(8 + Math.floor(rand() * 20))} `;
writeFileSync(join(out, 'big-paragraph.txt'), `${big.trimEnd()}\n`);
const crlf = ['Windows line ends', 'Wire Service', '2024-02-29 23:59', '', 'By Ana María Núñez', '', sentence(20), '', sentence(15), '', 'Related News', ''].join('\r\n');
writeFileSync(join(out, 'crlf-bom.txt'), Buffer.concat([Buffer.from([0xEF, 0xBB, 0xBF]), Buffer.from(crlf, 'utf8')]));
writeFileSync(join(out, 'rtl.txt'), 'שלום עולם — مرحبا بالعالم\n\nהממשלה הודיעה היום על תוכנית חדשה. ثم قال الوزير إن المحادثات ستستمر في القاهرة.\n\nMixed: the word שלום sits in English text, and Cairo (القاهرة) too.\n');
writeFileSync(join(out, 'odd-unicode.txt'), 'Odd unicode 🎉\n\nEmoji 👩‍👩‍👧 and flags 🇯🇵, combining e\u0301 and Z\u0308urich, zero\u200Bwidth, ﬁ ligatures, ＮＡＴＯ fullwidth, \u202Ereversed\u202C text, tab\there.\n\n' + 'x'.repeat(5000) + '\n');
for (let i = 0; i < many; i++) {
  const paras = Array.from({ length: 3 + Math.floor(rand() * 10) }, () => Array.from({ length: 1 + Math.floor(rand() * 5) }, () => sentence(6 + Math.floor(rand() * 14))).join(' '));
  writeFileSync(join(out, `many-${String(i).padStart(3, '0')}.txt`), `Generated report ${i}\n\n${paras.join('\n\n')}\n`);
}
if (nlp > 0) {
  const root = resolve(new URL('../..', import.meta.url).pathname);
  execFileSync('node', [join(root, 'bench', 'nlp-corpus.mjs'), join(out, 'nlp'), String(nlp)], { stdio: 'inherit' });
}
const bad = `${out}-whitespace`;
rmSync(bad, { recursive: true, force: true });
mkdirSync(bad, { recursive: true });
writeFileSync(join(bad, 'blank.txt'), ' \n\t\r\n   \n');
console.log(`stress seeds in ${out} (and a whitespace-only file in ${bad})`);
