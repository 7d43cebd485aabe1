// The post-build step: trunk runs it after writing the page (Trunk.toml, [[hooks]] stage =
// "post_build"), in the staging folder that then replaces dist/. Hooks run without a shell and
// see TRUNK_STAGING_DIR and TRUNK_PROFILE; by hand:
//   TRUNK_STAGING_DIR=dist TRUNK_PROFILE=release node tools/post-build.mjs
//
// Steps, in order, each reading and writing files in that folder:
//   1. manifest        the web app manifest linked from the page names icons that are there
//   2. prerender       the app's first render (the first document), by yew's server renderer
//                      natively (the page crate's `prerender` binary), written into the
//                      page's #app element, and a meta description into its head: the article
//                      shows before the wasm starts and with JavaScript off, and the page
//                      hydrates those nodes
//   3. wasm after paint the wasm is fetched once the pre-rendered page has painted (trunk's
//                      preload of it goes; its integrity hash moves into the loader's fetch)
//   4. minify          release builds: the JavaScript files minified (terser) with trunk's
//                      integrity hashes rewritten to match, the inline stylesheet without
//                      comments and runs of whitespace
//   5. csp             a Content-Security-Policy meta tag with the hash of every inline script
//                      and style in index.html
//   6. service worker  sw.js: this build's files and their SHA-256 and pwa/sw.js minified
//                      (release builds), or a
//                      worker that clears old caches and retires itself (debug, trunk serve)
// A step that changes index.html goes before `csp`, which hashes whatever inline code is
// there by then; `service worker` stays last because it fingerprints the final bytes of
// every file, index.html included.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFile, readdir, rename, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { withContentSecurityPolicy } from './csp.mjs';

const ROOT = new URL('..', import.meta.url).pathname;

/** The policy of the served page. Inline script and style hashes are added by the csp step. */
const PAGE_POLICY = {
  'default-src': ["'none'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'style-src': ["'self'"],
  'img-src': ["'self'"],
  // The wasm module is fetched (and preloaded) by trunk's loader.
  'connect-src': ["'self'"],
  'manifest-src': ["'self'"],
  'worker-src': ["'self'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'object-src': ["'none'"],
};

const steps = [
  ['manifest', checkManifest],
  ['prerender', writePrerender],
  ['wasm after paint', fetchWasmAfterPaint],
  ['minify', minify],
  ['csp', writeContentSecurityPolicy],
  ['service worker', writeServiceWorker],
];

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('post-build: TRUNK_STAGING_DIR is not set (trunk sets it for hooks)');
  process.exit(1);
}
const html = await readFile(join(dir, 'index.html'), 'utf8');
const build = {
  dir,
  release: process.env.TRUNK_PROFILE === 'release',
  // `trunk serve` adds a live-reload script that it rewrites for every request (the address
  // goes in), so its text is not known here.
  devServer: html.includes('{{__TRUNK_ADDRESS__}}'),
};
for (const [name, step] of steps) {
  try {
    const said = await step(build);
    if (said) console.log(`post-build ${name}: ${said}`);
  } catch (error) {
    console.error(`post-build ${name}: ${error.message}`);
    process.exit(1);
  }
}

async function readPage() {
  return readFile(join(build.dir, 'index.html'), 'utf8');
}

/** Step 1: the manifest the page links to exists, and so does every icon, at its stated size. */
async function checkManifest({ dir }) {
  const link = (await readPage()).match(/<link rel="manifest" href="(?:\.\/)?([^"]+)"/);
  if (!link) return 'the page links no manifest';
  const manifest = JSON.parse(await readFile(join(dir, link[1]), 'utf8'));
  for (const icon of manifest.icons ?? []) {
    const bytes = await readFile(join(dir, icon.src)).catch(() => {
      throw new Error(`${link[1]} names ${icon.src}, which is not in the build`);
    });
    if (icon.type === 'image/png') {
      const size = `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
      if (size !== icon.sizes) throw new Error(`${icon.src} is ${size}, not ${icon.sizes}`);
    }
  }
  return `${link[1]}, ${manifest.icons?.length ?? 0} icons`;
}

/**
 * Step 2: the default view as static HTML in #app, and a meta description in the head. The
 * page crate's `prerender` binary renders the app's own components natively (yew's server
 * renderer) from the same seeds folder build.rs embedded (EXPLORER_SEEDS, relative to the
 * project, or seeds/), and splices them into index.html itself, so the text before and after
 * the app starts is the same, and the page hydrates those very nodes.
 */
async function writePrerender({ dir }) {
  // Run again over a finished build (tests re-post-build copies), the view is already there.
  if (!(await readPage()).includes('<div id="app"></div>')) return 'already there';
  const said = execFileSync('cargo', ['run', '--offline', '--quiet', '-p', 'text-explorer', '--features', 'ssr', '--bin', 'prerender', '--', join(resolve(dir), 'index.html')], {
    cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'],
  });
  return said.trim();
}

/**
 * Step 3: the wasm is fetched after the first paint. trunk preloads it from the head, so its
 * download starts before the pre-rendered article paints and competes with it; Lighthouse's
 * simulation then counts those 170 KB towards the largest contentful paint (3.3 s on its slow
 * 4G), though the paint itself never waited for them. The preload goes, and the loader waits
 * for a frame to be painted, then fetches the wasm with the integrity hash trunk gave the
 * preload. (tools/single-file.mjs replaces this loader with its own.)
 */
async function fetchWasmAfterPaint({ dir }) {
  const page = await readPage();
  const preload = page.match(/<link rel="preload" href="\.\/([^"]+\.wasm)"[^>]*>/);
  const loader = page.match(/const wasm = await init\(\{ module_or_path: '\.\/([^']+\.wasm)' \}\);/);
  if (!loader) {
    if (page.includes('await new Promise((painted)')) return 'already there';
    throw new Error("index.html has no trunk loader calling init({ module_or_path: './….wasm' })");
  }
  if (preload && preload[1] !== loader[1]) throw new Error(`the page preloads ${preload[1]} but loads ${loader[1]}`);
  const integrity = preload?.[0].match(/\sintegrity="([^"]+)"/)?.[1];
  const options = integrity ? `, { integrity: ${JSON.stringify(integrity)} }` : '';
  // The word tools and corpus views are a module of their own, which the page has this
  // function import, with their stylesheet, the first time it needs them (src/lazy_views.rs);
  // tools/single-file.mjs writes its own. The wasm waits for a frame (a hidden tab paints
  // none: the timer then). Written small, as terser would: inline scripts are not minified.
  const views = await nameViewsModule(dir);
  const wait = `window.explorerViews=(b,a,r,f)=>Promise.all([import('./${views.js}'),new Promise((d)=>document.head.append(Object.assign(document.createElement('link'),{rel:'stylesheet',href:'./${views.css}',onload:d,onerror:d})))]).then(async([v])=>(await v.default({module_or_path:'./${views.wasm}'}),v.init(b,a),v)).then(r,f);
await new Promise((painted) => { requestAnimationFrame(() => setTimeout(painted)); setTimeout(painted, 500); });
const wasm = await init({ module_or_path: fetch('./${loader[1]}'${options}) });`;
  let html = page.replace(loader[0], () => wait);
  if (preload) html = html.replace(preload[0], () => '');
  await writeFile(join(dir, 'index.html'), html);
  return `${loader[1]} after the first paint${integrity ? ', integrity kept' : ''}; the views module as ${views.js}`;
}

/**
 * The views module's files (trunk writes them as views.js, views_bg.wasm and views.css: it
 * builds the module as a "worker" so as not to load it, and names workers plainly) renamed
 * for their content, as trunk names the page's, so that a page never imports another build's
 * module from a cache; a new build's page names new files.
 */
async function nameViewsModule(dir) {
  const files = { js: 'views.js', wasm: 'views_bg.wasm', css: 'views.css' };
  const hash = createHash('sha256');
  for (const name of Object.values(files)) hash.update(await readFile(join(dir, name)));
  const tag = hash.digest('hex').slice(0, 16);
  const named = { js: `views-${tag}.js`, wasm: `views-${tag}_bg.wasm`, css: `views-${tag}.css` };
  for (const key of Object.keys(files)) await rename(join(dir, files[key]), join(dir, named[key]));
  return named;
}

/**
 * Step 4: smaller release files. Each JavaScript file trunk wrote goes through terser (as a
 * module if the page or the views loader imports it as one), and the `integrity` attribute
 * trunk put on the tags that load it is rewritten for the new bytes. The inline stylesheet
 * and the views module's (views.css) lose their comments and runs of whitespace, and the
 * spaces around `{`, `}`, `;` and `,`.
 */
async function minify({ dir, release, devServer }) {
  if (!release || devServer) return 'skipped (development build)';
  let page = await readPage();
  const said = [];
  for (const name of await readdir(dir)) {
    if (name.endsWith('.css')) {
      const css = await readFile(join(dir, name), 'utf8');
      const small = compactCss(css);
      if (small === null) {
        said.push(`${name} left as it is (a quoted string would change)`);
        continue;
      }
      await writeFile(join(dir, name), small);
      said.push(`${name} ${css.length} → ${small.length} bytes`);
      continue;
    }
    if (!name.endsWith('.js') || name === 'sw.js') continue;
    const code = await readFile(join(dir, name), 'utf8');
    // The page's loader imports its module; the views module is imported at run time.
    const module = page.includes(`from './${name}'`) || /^export |\bimport\.meta\b/m.test(code);
    const small = await minifyScript(code, module, name);
    await writeFile(join(dir, name), small);
    const integrity = `sha384-${createHash('sha384').update(small).digest('base64')}`;
    let tags = 0;
    page = page.replace(/<(?:link|script)\b[^>]*>/g, (tag) => {
      if (!tag.includes(`"./${name}"`) || !/\sintegrity="/.test(tag)) return tag;
      tags++;
      return tag.replace(/\sintegrity="[^"]*"/, ` integrity="${integrity}"`);
    });
    said.push(`${name} ${code.length} → ${small.length} bytes (${tags} integrity)`);
  }
  page = page.replace(/(<style\b[^>]*>)([\s\S]*?)(<\/style>)/g, (whole, open, css, close) => {
    const small = compactCss(css);
    if (small === null) {
      said.push('inline style left as it is (a quoted string would change)');
      return whole;
    }
    said.push(`inline style ${css.length} → ${small.length} bytes`);
    return open + small + close;
  });
  await writeFile(join(dir, 'index.html'), page);
  return said.join('; ');
}

/**
 * A stylesheet without comments and runs of whitespace, or null where stripping would change
 * a quoted string holding a run of whitespace or a character it trims around.
 */
function compactCss(css) {
  const bare = css.replace(/\/\*[\s\S]*?\*\//g, '');
  if ((bare.match(/"[^"]*"|'[^']*'/g) ?? []).some((q) => /\s\s|[{};,]/.test(q))) return null;
  return bare
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,])\s*/g, '$1')
    .trim();
}

/** JavaScript through terser (loaded only when a release build needs it). */
async function minifyScript(code, module, name) {
  const { minify: terser } = await import('terser');
  const out = await terser(code, { module, compress: true, mangle: true });
  if (!out.code) throw new Error(`terser returned nothing for ${name}`);
  return out.code;
}

/** Step 5: the Content-Security-Policy meta tag, written after everything else that edits the page. */
async function writeContentSecurityPolicy({ dir, devServer }) {
  if (devServer) return 'skipped under trunk serve (its live-reload script cannot be hashed ahead)';
  const { html, scripts, styles } = withContentSecurityPolicy(await readPage(), PAGE_POLICY);
  await writeFile(join(dir, 'index.html'), html);
  return `${scripts} inline script(s) and ${styles} inline style(s) hashed`;
}

/** Step 6: sw.js, after the last change to any file. */
async function writeServiceWorker({ dir, release, devServer }) {
  if (!release || devServer) {
    await writeFile(join(dir, 'sw.js'), await readFile(join(ROOT, 'pwa/sw-retire.js')));
    return 'a retiring worker (development build)';
  }
  const files = [];
  for (const path of await listFiles(dir)) {
    if (path === 'sw.js') continue;
    const sha256 = createHash('sha256').update(await readFile(join(dir, path))).digest('hex');
    files.push({ path, sha256 });
  }
  const code = await readFile(join(ROOT, 'pwa/sw.js'), 'utf8');
  // The version (and so the cache name) changes with any file and with the worker's code.
  const version = createHash('sha256')
    .update(files.map((f) => `${f.sha256}  ${f.path}\n`).join(''))
    .update(code)
    .digest('hex')
    .slice(0, 16);
  const listing = files.map((f) => `    ${JSON.stringify(f)},`).join('\n');
  // Minified like the page's scripts; `BUILD` stays as written (tests read it).
  const small = await minifyScript(code, false, 'pwa/sw.js');
  const worker = `// Written by tools/post-build.mjs for build ${version}; the code below is pwa/sw.js, minified.
const BUILD = {
  version: ${JSON.stringify(version)},
  files: [
${listing}
  ],
};

${small}`;
  await writeFile(join(dir, 'sw.js'), worker);
  return `build ${version}, ${files.length} files to keep offline`;
}

/** Every file under `dir` (dot files aside) as a sorted list of '/'-separated paths. */
async function listFiles(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath ?? e.path, e.name)).split(/[/\\]/).join('/'))
    .filter((path) => !path.split('/').some((part) => part.startsWith('.')))
    .sort();
}
