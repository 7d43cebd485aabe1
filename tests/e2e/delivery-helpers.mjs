// Helpers for the delivery tests (offline, updates, sub-paths, the single file, the CSP):
// a page that records Content-Security-Policy violations, console errors and every request,
// and a way to turn a copy of a build into a release build of another version.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, APP_READY } from './helpers.mjs';

export const SINGLE_FILE = join(ROOT, 'dist-single/text-explorer.html');

/**
 * Opens `url` in a new context and waits for the reader. The page records console errors and
 * uncaught exceptions in `page.errors` and the URL of every request its context makes (the
 * service worker's included) in `page.requests`; `cspViolations(page)` lists what the policy
 * blocked since the last load.
 */
export async function openRecorded(browser, url, options = {}) {
  const context = await browser.newContext(options);
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  const page = await context.newPage();
  page.errors = [];
  page.requests = [];
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  page.on('pageerror', (e) => page.errors.push(String(e)));
  context.on('request', (r) => page.requests.push(r.url()));
  await page.goto(url);
  await page.waitForSelector(APP_READY);
  return page;
}

const cspViolations = (page) => page.evaluate(() => window.__cspViolations);

/** Checks that the policy blocked nothing and the page logged no error, then closes its context. */
export async function closeClean(page) {
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(page.errors, []);
  await page.context().close();
}

/** Waits until a service worker is active and controls the page. */
export async function controlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/**
 * Turns the network off and reloads; checks that the page and everything it loaded came from
 * the service worker.
 */
export async function reloadOffline(page) {
  await page.context().setOffline(true);
  const responses = [];
  const record = (response) => responses.push(response);
  page.on('response', record);
  await page.reload();
  await page.waitForSelector(APP_READY);
  page.off('response', record);
  const fromNetwork = responses.filter((r) => !r.fromServiceWorker()).map((r) => r.url());
  if (fromNetwork.length > 0) throw new Error(`offline, yet not from the service worker: ${fromNetwork.join(', ')}`);
  if (!responses.some((r) => r.url().endsWith('.wasm'))) throw new Error('offline, the wasm was not loaded');
}

/** The explorer's caches: name → the URLs it holds, sorted. */
export async function cacheContents(page) {
  return page.evaluate(async () => {
    const out = {};
    for (const name of await caches.keys()) {
      out[name] = (await (await caches.open(name)).keys()).map((r) => r.url).sort();
    }
    return out;
  });
}

/** The build a dist folder's service worker keeps: {version, files: [{path, sha256}]}, or null. */
export async function workerBuild(dir) {
  const source = await readFile(join(dir, 'sw.js'), 'utf8');
  const match = source.match(/^const BUILD = (\{[\s\S]*?\n\});$/m);
  return match ? new Function(`return ${match[1]}`)() : null;
}

/** Runs tools/post-build.mjs on `dir` as trunk would after a build with `profile`. */
export function postBuild(dir, profile) {
  const run = spawnSync('node', [join(ROOT, 'tools/post-build.mjs')], {
    env: { ...process.env, TRUNK_STAGING_DIR: dir, TRUNK_PROFILE: profile }, encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`post-build failed: ${run.stderr}`);
}

/** The page's Content-Security-Policy meta tag, parsed: directive → values. */
export function pagePolicy(html) {
  const content = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)?.[1];
  if (!content) return null;
  return Object.fromEntries(content.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
}
