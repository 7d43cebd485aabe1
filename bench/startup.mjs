// When the explorer becomes usable, recorded in the page as it happens. Polling from the
// benchmark instead would add its own round trips and script injection to the figure (tens of
// milliseconds on the seed page).

/**
 * Opens `url` in a fresh page of `context` and resolves, in milliseconds from navigation, to
 * `usable` (trunk reported the app started, i.e. the wasm is instantiated and has drawn, and
 * the search box is enabled) and `searchable` (right after that, a first query answered by the
 * core; builds with the `test-api` feature only, else the same as `usable`).
 */
export async function timeStartup(context, url) {
  const page = await context.newPage();
  await page.addInitScript(() => {
    const check = () => {
      if (window.__startup === undefined && window.wasmBindings && document.querySelector('input[type=search]:not([disabled])')) {
        const usable = performance.now();
        window.wasmBindings.explorer_search?.('government');
        window.__startup = { usable, searchable: performance.now() };
      }
      return window.__startup !== undefined;
    };
    addEventListener('TrunkApplicationStarted', () => {
      if (!check()) new MutationObserver((_, o) => { if (check()) o.disconnect(); }).observe(document, { subtree: true, childList: true, attributes: true });
    });
  });
  await page.goto(url);
  await page.waitForFunction(() => window.__startup !== undefined, null, { timeout: 120000 });
  const times = await page.evaluate(() => window.__startup);
  return { page, ...times };
}
