// Registers the service worker (sw.js, written at build time by tools/post-build.mjs) and
// tells the page when a newer build is installed and waiting.
//
// The page learns of it through the `explorer-update-ready` event on window (and the
// `data-update-ready` attribute on the root element, for a page that mounts later); its
// banner (src/update_banner.rs) answers with `explorer-update-accept`, and the waiting
// worker is then asked to take over. Every open tab of the old build reloads when it does, so
// no page runs one build's code against another build's cache. The view lives in the URL
// hash, so a reload keeps it.
(() => {
  // A file:// page has no origin to register a worker for; the explorer works without one.
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;

  const container = navigator.serviceWorker;
  const hadController = Boolean(container.controller);
  let reloading = false;
  container.addEventListener('controllerchange', () => {
    // On a first visit the new worker only claims the page it already loaded: no reload.
    if (hadController && !reloading) {
      reloading = true;
      location.reload();
    }
  });

  let announced = null;
  const announce = (worker) => {
    if (!container.controller || announced === worker) return;
    announced = worker;
    document.documentElement.setAttribute('data-update-ready', '');
    window.dispatchEvent(new Event('explorer-update-ready'));
  };
  window.addEventListener('explorer-update-accept', () => {
    announced?.postMessage({ type: 'SKIP_WAITING' });
  });

  const watch = (worker) => {
    if (!worker) return;
    worker.addEventListener('statechange', () => {
      if (worker.state === 'installed') announce(worker);
    });
  };

  // Register once the explorer has started (trunk's `TrunkApplicationStarted`), so fetching
  // and caching the build for offline use never competes with the first paint and the start
  // of the wasm; if the app never starts, 5 s after the page has loaded.
  const started = new Promise((resolve) => {
    if (window.wasmBindings) resolve();
    window.addEventListener('TrunkApplicationStarted', resolve, { once: true });
    window.addEventListener('load', () => setTimeout(resolve, 5000), { once: true });
  });

  started.then(() => container.register('./sw.js')).then((registration) => {
    if (registration.waiting) announce(registration.waiting);
    watch(registration.installing);
    registration.addEventListener('updatefound', () => watch(registration.installing));
    // Look for a new build now and whenever the tab comes back; offline, that just fails.
    const check = () => registration.update().catch(() => {});
    if (hadController) check();
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') check();
    });
  }, (error) => {
    console.warn('Text Explorer works online only here: the service worker did not register.', error);
  });
})();
