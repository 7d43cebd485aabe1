// The service worker of a release build: keeps exactly this build's files so the explorer
// works offline after one visit, and hands over to a newer build only when the page asks.
//
// tools/post-build.mjs writes dist/sw.js as `const BUILD = {version, files}` followed by this
// file, where `files` lists every file of the build with its SHA-256, so a new build is a new
// worker with a new cache.

const SCOPE = self.registration.scope;
const SCOPE_PATH = new URL(SCOPE).pathname;
// Cache names are shared by the whole origin: the scope keeps two copies of the explorer in
// different folders apart.
const CACHE_PREFIX = `text-explorer ${SCOPE} `;
const CACHE = CACHE_PREFIX + BUILD.version;
const FILES = new Set(BUILD.files.map((file) => file.path));

// The page is cached under the folder's own URL, as visitors load it.
const cacheKey = (path) => new URL(path === 'index.html' ? './' : path, SCOPE).href;

const hex = (buffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');

/** Fetches one file of this build, checking it is byte for byte the one the build wrote. */
async function fetchExactly(file) {
  // A host may serve the page only as the folder URL or only as index.html.
  const candidates = file.path === 'index.html' ? ['./', './index.html'] : [file.path];
  for (const candidate of candidates) {
    // Revalidated, so a file the page has just loaded is not downloaded twice when the host
    // sends ETag or Last-Modified, and never taken stale from the HTTP cache.
    const response = await fetch(new URL(candidate, SCOPE), { cache: 'no-cache' });
    if (!response.ok) continue;
    const body = await response.arrayBuffer();
    if (hex(await crypto.subtle.digest('SHA-256', body)) !== file.sha256) continue;
    // A fresh response: drops the `redirected` flag a host's redirect may have set (which
    // would make a navigation refuse it) and any encoding headers of the decoded body.
    const type = response.headers.get('content-type');
    return new Response(body, { status: 200, headers: type ? { 'content-type': type } : {} });
  }
  throw new Error(`${file.path} on the server is not the one of build ${BUILD.version}`);
}

self.addEventListener('install', (event) => {
  // No skipWaiting here: an update waits until the page asks for it (SKIP_WAITING) or every
  // tab of the old build is closed.
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    try {
      const responses = await Promise.all(BUILD.files.map(fetchExactly));
      await Promise.all(BUILD.files.map((file, i) => cache.put(cacheKey(file.path), responses[i])));
    } catch (error) {
      // A half-deployed or changed server: leave nothing behind; the browser tries again later.
      await caches.delete(CACHE);
      throw error;
    }
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(CACHE_PREFIX) && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data?.type === 'SKIP_WAITING') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || !url.pathname.startsWith(SCOPE_PATH)) return;
  const path = url.pathname.slice(SCOPE_PATH.length);
  let key = null;
  if (request.mode === 'navigate') {
    if (path === '' || path === 'index.html') key = cacheKey('index.html');
  } else if (FILES.has(path) && url.search === '') {
    key = cacheKey(path);
  }
  // Anything else is not part of this build: the network answers as if there were no worker.
  if (key === null) return;
  event.respondWith((async () => {
    const cached = await (await caches.open(CACHE)).match(key);
    return cached ?? fetch(request);
  })());
});
