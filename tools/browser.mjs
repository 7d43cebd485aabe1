// What the tests, the benchmarks and the build tools share: the project's folders, a static
// file server for a build, and how to start Debian's Chromium (it cannot download its own
// here). Test-only helpers are in tests/e2e/helpers.mjs.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

export const ROOT = resolve(new URL('..', import.meta.url).pathname);
export const DIST = process.env.EXPLORER_DIST ?? join(ROOT, 'dist');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves `dir` under `prefix` (e.g. "/" or "/tools/explorer/") on a free loopback port. With
 * `{ gzip: true }`, text and wasm go gzipped to a browser that accepts it, as static hosts
 * send them (what a benchmark of transfer times needs; tests see the bytes as built).
 */
export async function serve(dir = DIST, prefix = '/', { gzip = false } = {}) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (!url.pathname.startsWith(prefix)) {
      res.writeHead(404).end('not found');
      return;
    }
    let rel = decodeURIComponent(url.pathname.slice(prefix.length));
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = normalize(join(dir, rel));
    if (!file.startsWith(normalize(dir))) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      let body = await readFile(file);
      const headers = {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
      };
      if (gzip && extname(file) !== '.png' && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        body = gzipSync(body, { level: 9 });
        headers['content-encoding'] = 'gzip';
      }
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}${prefix}`, close: () => new Promise((ok) => server.close(ok)) };
}

/** How every test and benchmark starts Debian's Chromium (it cannot download its own here). */
export const CHROMIUM_OPTIONS = {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
};

/**
 * Chromium occasionally crashes while starting on these machines (SIGSEGV before the first
 * page, nothing to do with the page under test); such a start is tried once more, and said so.
 */
async function startOnce(start, retry) {
  try {
    return await start();
  } catch (error) {
    console.log(`# Chromium did not start (${error.message.split('\n')[0]}); trying once more`);
    return retry();
  }
}

export async function launch() {
  const start = () => chromium.launch(CHROMIUM_OPTIONS);
  return startOnce(start, start);
}

/**
 * A browser with a profile on disk (some things, like installability, are never offered in
 * the private contexts `launch` gives). A retry gets a new profile folder.
 */
export async function launchPersistent(dir) {
  return startOnce(() => chromium.launchPersistentContext(join(dir, 'profile'), CHROMIUM_OPTIONS),
    () => chromium.launchPersistentContext(join(dir, 'profile-again'), CHROMIUM_OPTIONS));
}

/** What to wait for before using the page: the app has taken over the pre-rendered view and
 * drawn its side panels (a frame after the reader). */
export const APP_READY = '.app.ready .doc-body p';

