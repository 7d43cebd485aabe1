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
  })());
  // Pages that were showing a cached release build load again, from the network: their
  // register.js reloads them when this worker takes over (`controllerchange`). The worker does
  // not navigate them itself: a navigation started from inside `activate` races that reload,
  // and a reload waits for activation to finish, so the two could wait on each other.
});
