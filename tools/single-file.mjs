// Writes the explorer as one self-contained HTML file that works from file://, no server:
//   trunk build --release && node tools/single-file.mjs [dist-folder] [output.html]
// (scripts/single-file.sh does both). By default: dist/ → dist-single/text-explorer.html.
//
// The page is dist/index.html with everything it loads inlined: the stylesheets as <style>,
// the icon as a data: URL, and in place of trunk's loader one module script holding the
// wasm-bindgen glue (its exports made local names) and the wasm (gzipped, then base64),
// instantiated from those bytes: a browser will not fetch a .wasm from a file:// page. The
// word tools' and corpus views' module (views.js, views_bg.wasm, views.css) is inlined too,
// its glue in a scope of its own, started when the page first asks for it. The
// service worker and the web app manifest are left out: neither works on file://. The
// Content-Security-Policy is written last, with the hashes of the inline script and styles.
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, extname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { withContentSecurityPolicy } from './csp.mjs';

const ROOT = resolve(new URL('..', import.meta.url).pathname);
const dist = resolve(process.argv[2] ?? join(ROOT, 'dist'));
const output = resolve(process.argv[3] ?? join(ROOT, 'dist-single/text-explorer.html'));

const POLICY = {
  'default-src': ["'none'"],
  'script-src': ["'wasm-unsafe-eval'"],
  'style-src': [],
  'img-src': ['data:'],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'object-src': ["'none'"],
};
const MEDIA_TYPES = { '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon' };

function fail(message) {
  console.error(`single-file: ${message}`);
  process.exit(1);
}

const asset = (name) => readFile(join(dist, name)).catch(() => fail(`${name} is named by ${dist}/index.html but missing`));

/** Inline text may not close its own element early. */
function inlineText(text, tag, name) {
  if (new RegExp(`</${tag}`, 'i').test(text)) fail(`${name} contains "</${tag}" and cannot be inlined`);
  return text;
}

/**
 * The wasm-bindgen glue (target "web") as plain module code: `export` removed from its
 * declarations, plus the names it exported, so the loader can call them.
 */
function localGlue(glue) {
  const names = [];
  // A statement starts a line or follows a `;` or `}` (release builds minify the glue onto
  // one line).
  let code = glue.replace(/(^|[;}])(\s*)export (function|class|const|let|async function) ([\w$]+)/gm, (_, before, space, kind, name) => {
    names.push([name, name]);
    return `${before}${space}${kind} ${name}`;
  });
  code = code.replace(/(^|[;}])(\s*)export ?\{([^}]*)\};?/gm, (_, before, space, list) => {
    for (const item of list.split(',').map((s) => s.trim()).filter(Boolean)) {
      const [local, exported = local] = item.split(/\s+as\s+/);
      names.push([exported, local]);
    }
    return before + space;
  });
  const leftover = code.match(/(?:^|[;}])\s*(?:import|export)\b(?![.(]).{0,60}/m);
  if (leftover) fail(`the wasm-bindgen glue has a statement this tool cannot inline: ${leftover[0]}`);
  if (!names.some(([exported]) => exported === 'default')) fail('the wasm-bindgen glue exports no init function');
  return { code, names };
}

let html = await readFile(join(dist, 'index.html'), 'utf8').catch(() => fail(`no ${dist}/index.html: run trunk build --release first`));

// trunk's loader: import the glue, then init it with the wasm's URL.
const loader = html.match(/<script type="module">\s*import init, \* as bindings from '\.\/([^']+\.js)';[\s\S]*?module_or_path: (?:fetch\()?'\.\/([^']+\.wasm)'[\s\S]*?<\/script>/);
if (!loader) fail(`${dist}/index.html has no trunk loader script`);
const [loaderTag, glueName, wasmName] = loader;
const { code, names } = localGlue((await asset(glueName)).toString('utf8'));
const wasm = await asset(wasmName);
const bindings = names.map(([exported, local]) => (exported === local ? local : `${JSON.stringify(exported)}: ${local}`)).join(', ');
const init = names.find(([exported]) => exported === 'default')[1];
// The word tools and corpus views: their module's glue, kept in a scope of its own (its names
// are the page glue's too), and its wasm, started the first time the page asks
// (src/lazy_views.rs); its stylesheet is inlined below with the page's.
// (Named for their content by tools/post-build.mjs: views-<hash>.js and so on.)
const viewsFile = (ending) => readdir(dist).then((names) => names.find((n) => /^views-[0-9a-f]+/.test(n) && n.endsWith(ending)) ?? fail(`${dist} has no views module (views-….${ending})`));
const views = localGlue((await asset(await viewsFile('.js'))).toString('utf8'));
const viewsWasm = await asset(await viewsFile('_bg.wasm'));
const viewsBindings = views.names.map(([exported, local]) => `${JSON.stringify(exported)}: ${local}`).join(', ');
const packed = (bytes) => `"${gzipSync(bytes, { level: 9 }).toString('base64')}"`;
const module = `${inlineText(code, 'script', glueName)}
{
  // The wasm, gzipped then base64-encoded: a file opened from disk gets no transfer compression.
  const unpack = (b64) => new Response(new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
  window.explorerViews = (bytes, act, ready, failed) => (async () => {
    const views = (() => {
${inlineText(views.code, 'script', 'views.js')}
      return { ${viewsBindings} };
    })();
    await views.default({ module_or_path: await unpack(${packed(viewsWasm)}) });
    views.init(bytes, act);
    return views;
  })().then(ready, failed);
  const bytes = await unpack(${packed(wasm)});
  const instance = await ${init}({ module_or_path: bytes });
  // As trunk's loader does: tests and benchmarks call the module's API through it.
  window.wasmBindings = Object.freeze({ ${bindings} });
  dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm: instance } }));
}
`;
html = html.replace(loaderTag, () => `<script type="module">\n${module}</script>`);

const viewsCss = inlineText((await asset(await viewsFile('.css'))).toString('utf8'), 'style', 'views.css');
html = html.replace('</head>', () => `<style>\n${viewsCss}</style>\n</head>`);
const stylesheets = [...html.matchAll(/<link rel="stylesheet" href="\.\/([^"]+)"[^>]*>/g)];
for (const [tag, name] of stylesheets) {
  const css = inlineText((await asset(name)).toString('utf8'), 'style', name);
  html = html.replace(tag, () => `<style>\n${css}</style>`);
}
for (const [tag, name] of [...html.matchAll(/<link rel="icon" href="\.\/([^"]+)"[^>]*>/g)]) {
  const type = MEDIA_TYPES[extname(name)] ?? fail(`unknown icon type: ${name}`);
  const data = (await asset(name)).toString('base64');
  html = html.replace(tag, () => `<link rel="icon" href="data:${type};base64,${data}">`);
}

// Left out: the preloads of the glue and the wasm (inlined above), the web app manifest and
// the service worker's registration (neither works on file://).
html = html
  .replace(/<link rel="(?:modulepreload|preload|manifest)"[^>]*>/g, '')
  .replace(/<script src="\.\/register-[0-9a-f]+\.js"[^>]*><\/script>/, '');
const external = html.match(/<[^>]+\s(?:src|href)="(?!data:|#)[^"]*"[^>]*>/);
if (external) fail(`the page still loads a file this tool does not inline: ${external[0]}`);

const { html: page } = withContentSecurityPolicy(html, POLICY);
await mkdir(dirname(output), { recursive: true });
await writeFile(output, page);
const kib = (n) => `${(n / 1024).toFixed(0)} KiB`;
console.log(`single-file: wrote ${output} (${kib((await stat(output)).size)}; in it, gzipped: the page's wasm ${kib(gzipSync(wasm, { level: 9 }).length)}, the views module's ${kib(gzipSync(viewsWasm, { level: 9 }).length)})`);
