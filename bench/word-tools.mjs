// The word tools in Chromium: how long each takes to answer a new term (collocates in the
// corpus and in one document, phrases with the term, the proximity search a collocate's
// click runs) or a document (its keywords, its phrases), timed in the page by the same core
// code the panel runs, after the one-time rebuild of the token streams (timed first).
//   node bench/word-tools.mjs DIST_DIR [SAMPLES]
// DIST_DIR is a release build, with the `test-api` feature, of the corpus to measure
// (scripts/bench.sh builds nlp-corpus into target/dist-bench).
import { APP_READY, launch, serve } from '../tools/browser.mjs';

const [dist, samplesArg] = process.argv.slice(2);
const samples = Number(samplesArg ?? 15);
// The native benchmark's terms (core/examples/word_tools.rs): every frequency from "the"
// down, a phrase, a prefix and two entities.
const TERMS = ['the', 'said', 'new', 'government', 'film', 'music', 'election', 'president', 'war',
  'city', 'threaten', 'zeppelin', '"united states"', 'secur*', 'place:london', 'person:john'];

const server = await serve(dist);
const browser = await launch();
const page = await (await browser.newContext()).newPage();
await page.goto(server.url);
await page.waitForSelector(APP_READY);
const api = (name, ...args) => page.evaluate(([name, args]) => window.wasmBindings[name](...args), [name, args]);

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const p95 = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))]; };
const ms = (x) => `${x.toFixed(2)} ms`;

const streams = await api('explorer_time_token_streams');
const nDocs = await api('explorer_doc_count');
console.log(`${nDocs} documents; ${samples} samples per row, each one full answer as the panel computes it.\n`);
console.log('| once, on first use | time |\n|---|---:|');
console.log(`| token streams rebuilt from the postings | ${ms(streams)} |\n`);

const byTool = new Map();
const rows = [];
const time = async (tool, input, label) => {
  const xs = await api('explorer_time_word_tool', tool, input, samples);
  rows.push(`| ${label} | ${ms(median(xs))} | ${ms(p95(xs))} |`);
  byTool.set(tool, [...(byTool.get(tool) ?? []), ...xs]);
};
for (const term of TERMS) {
  const shown = term.replace(/\|/g, '\\|');
  await time('collocates', term, `collocates, corpus: \`${shown}\``);
  await time('collocates-doc', term, `collocates, its first document: \`${shown}\``);
  await time('phrases', term, `phrases with the term, corpus: \`${shown}\``);
  const first = term.split(/["\s]/).find((w) => w && !w.includes(':'));
  if (first) await time('near', `"${first.replace(/\*$/, '')} said"~5`, `proximity search \`"${first.replace(/\*$/, '')} said"~5\``);
}
for (const doc of [0, Math.floor(nDocs / 3), nDocs - 1]) {
  await time('phrases-doc', String(doc), `phrases of document ${doc}`);
  await time('keywords', String(doc), `keywords of document ${doc} against the rest`);
  await time('keywords-english', String(doc), `keywords of document ${doc} against general English`);
}
console.log('| tool: input | median | p95 |\n|---|---:|---:|');
rows.forEach((r) => console.log(r));
console.log('\n| tool, every input | median | p95 | max |\n|---|---:|---:|---:|');
for (const [tool, xs] of byTool) {
  console.log(`| ${tool} | ${ms(median(xs))} | ${ms(p95(xs))} | ${ms(Math.max(...xs))} |`);
}
await browser.close();
await server.close();
