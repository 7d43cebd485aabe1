// The service worker of a development build (trunk serve, debug builds): it removes whatever
// a release build of the explorer left at this address, so `trunk serve` never shows a stale
// cached page, then unregisters itself. tools/post-build.mjs writes it as dist/sw.js.

self.addEventListener('install', () => self.skipWaiting());

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const prefix = `text-explorer ${self.registration.scope} `;
    const stale = (await caches.keys()).filter((name) => name.startsWith(prefix));
    await Promise.all(stale.map((name) => caches.delete(name)));
    await self.registration.unregister();
    // Pages that were showing a cached release build load again, from the network.
    if (stale.length > 0) {
      for (const client of await self.clients.matchAll({ type: 'window' })) client.navigate(client.url);
    }
  })());
});
