// Delivery as a web app, on the release build in dist/: offline after one visit, from any
// folder of a static host, and updates that wait for the reader and never mix two builds.
// scripts/test.sh builds dist/ (release), target/dist-multi and target/dist-hostile (debug).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, rm, symlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, launchPersistent, coreSearch, waitForMarks, DIST, ROOT, APP_READY } from './helpers.mjs';
import { openRecorded, controlled, cacheContents, workerBuild, postBuild, reloadOffline, closeClean } from './delivery-helpers.mjs';

const require = createRequire(import.meta.url);
const { default: AxeBuilder } = require('@axe-core/playwright');

let browser, tmp;
before(async () => {
  browser = await launch();
  tmp = await mkdtemp(join(tmpdir(), 'explorer-delivery-'));
});
after(async () => {
  await browser?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

const cacheName = (siteUrl, build) => `text-explorer ${siteUrl} ${build.version}`;
const cachedUrls = (siteUrl, build) => build.files.map((f) => (f.path === 'index.html' ? siteUrl : siteUrl + f.path)).sort();

/**
 * The explorer answers: chips, the term chart, a search whose marks agree with the core on
 * the seeds the page was built from, and the word tools and corpus views.
 */
async function assertWorks(page, seeds = 'seeds') {
  assert.ok(await page.locator('.doc-body p').count() > 0, 'the article');
  assert.ok(await page.locator('.chip').count() > 0, 'entity chips');
  assert.ok(await page.locator('.term-row').count() > 0, 'the term chart');
  const term = (await page.locator('.term-row .term-label').first().textContent()).trim();
  await page.locator('input[type=search]').fill(term);
  const core = coreSearch(term, seeds);
  await waitForMarks(page, core.docs.find((d) => d.index === 0)?.hits.length ?? 0);
  const marks = await page.locator('.doc mark.hit').count();
  assert.ok(marks > 0, `no marks for ${term}`);
  assert.ok(core.docs.some((d) => d.hits.length === marks), `the core does not find ${marks} × ${term} in a document`);
  // The word tools and corpus views, whose module the page loads only now: the term's
  // collocates, and the network.
  await page.locator('.panel-tools table tbody tr').first().waitFor();
  await page.locator('.view-button', { hasText: 'Network' }).click();
  await page.locator('.net .node').first().waitFor();
  await page.locator('.view-button', { hasText: 'Reader' }).click();
  await page.locator('.doc-body p').first().waitFor();
  await page.locator('.chip').first().click();
  assert.equal(await page.locator('.chip').first().getAttribute('aria-pressed'), 'true');
}

/** A folder served at one URL whose contents can be swapped for another build's: a deploy. */
async function deployable(name, dir) {
  const link = join(tmp, name);
  await symlink(dir, link);
  const site = await serve(link);
  return {
    url: site.url,
    close: site.close,
    deploy: async (other) => { await rm(link); await symlink(other, link); },
  };
}

/** A copy of a build folder, under a name of its own. */
async function copyOf(dir, name) {
  const copy = join(tmp, name);
  await cp(dir, copy, { recursive: true });
  return copy;
}

test('after one visit the explorer works with the network off', { timeout: 60000 }, async () => {
  const site = await serve(DIST);
  const page = await openRecorded(browser, site.url);
  await controlled(page);
  // Exactly this build's files are kept, under a cache named for this build.
  const build = await workerBuild(DIST);
  assert.deepEqual(await cacheContents(page), { [cacheName(site.url, build)]: cachedUrls(site.url, build) });

  await reloadOffline(page);
  await assertWorks(page);
  await closeClean(page);
  await site.close();
});

test('from a sub-path the page, its worker and its requests stay in that folder, offline too', { timeout: 60000 }, async () => {
  const site = await serve(DIST, '/tools/explorer/');
  const page = await openRecorded(browser, site.url);
  await controlled(page);
  assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.ready).scope), site.url);
  assert.ok(page.requests.length > 5);
  for (const url of page.requests) assert.ok(url.startsWith(site.url), `${url} is outside ${site.url}`);
  await assertWorks(page);

  await reloadOffline(page);
  await assertWorks(page);
  await closeClean(page);
  await site.close();
});

test('the page is installable as an app', { timeout: 60000 }, async () => {
  const site = await serve(DIST, '/tools/explorer/');
  // Chromium never offers to install from a private window, which every new context is.
  const context = await launchPersistent(tmp);
  const page = await context.newPage();
  await page.goto(site.url);
  await page.waitForSelector(APP_READY);
  await page.evaluate(() => navigator.serviceWorker.ready);
  const cdp = await context.newCDPSession(page);
  const manifest = await cdp.send('Page.getAppManifest');
  assert.equal(manifest.url, `${site.url}manifest.webmanifest`);
  assert.deepEqual(manifest.errors, []);
  assert.deepEqual((await cdp.send('Page.getInstallabilityErrors')).installabilityErrors, []);
  await context.close();
  await site.close();
});

test('a new build waits for the reader, then replaces the old one whole', { timeout: 120000 }, async () => {
  // Build B: another corpus, post-built as a release build would be.
  const a = await copyOf(DIST, 'update-a');
  const b = await copyOf(join(ROOT, 'target/dist-multi'), 'update-b');
  postBuild(b, 'release');
  const [buildA, buildB] = [await workerBuild(a), await workerBuild(b)];
  assert.notEqual(buildA.version, buildB.version);

  const site = await deployable('update-site', a);
  const page = await openRecorded(browser, site.url);
  await controlled(page);
  const titleA = await page.locator('h1').textContent();

  await site.deploy(b);
  await page.reload();
  await page.waitForSelector(APP_READY);
  const banner = page.locator('.update-banner');
  const reload = banner.getByRole('button', { name: 'Reload' });
  await reload.waitFor({ timeout: 45000 });
  assert.equal(await banner.getAttribute('role'), 'status');
  assert.match(await banner.textContent(), /^A new version is available\./);
  const axe = await new AxeBuilder({ page }).include('.update-banner').analyze();
  assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.failureSummary).join(' ')}`), []);
  // Until the reader says so, the page is build A throughout; B waits with its own cache.
  assert.equal(await page.locator('h1').textContent(), titleA);
  assert.deepEqual(Object.keys(await cacheContents(page)).sort(), [cacheName(site.url, buildA), cacheName(site.url, buildB)].sort());

  page.requests.length = 0;
  await Promise.all([page.waitForEvent('load'), reload.click()]);
  await page.waitForSelector(APP_READY);
  assert.equal(await page.locator('h1').textContent(), 'Harbour reopens after storm repairs');
  assert.equal(await banner.textContent(), '');
  // Only B's cache is left, and it holds exactly B's files.
  assert.deepEqual(await cacheContents(page), { [cacheName(site.url, buildB)]: cachedUrls(site.url, buildB) });
  // Nothing of A was asked for after the switch, and everything the page loaded is B's.
  const onlyA = buildA.files.map((f) => f.path).filter((path) => !buildB.files.some((f) => f.path === path));
  assert.ok(onlyA.some((path) => path.endsWith('.wasm')));
  for (const url of page.requests) assert.ok(!onlyA.some((path) => url === site.url + path), `asked for ${url} of build A`);
  const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  assert.ok(loaded.some((url) => url.endsWith('.wasm')));
  for (const url of loaded) assert.ok(buildB.files.some((f) => url === site.url + f.path), `${url} is not part of build B`);
  await assertWorks(page, 'tests/fixtures/multi');
  await closeClean(page);
  await site.close();
});

test('a development build clears an earlier release worker, so trunk serve is never stale', { timeout: 120000 }, async () => {
  const release = await copyOf(DIST, 'dev-release');
  // A debug build (as trunk serve makes) ships a worker that clears the caches and retires.
  const development = await copyOf(join(ROOT, 'target/dist-hostile'), 'dev-debug');
  assert.equal(await workerBuild(development), null);

  const site = await deployable('dev-site', release);
  const page = await openRecorded(browser, site.url);
  await controlled(page);
  assert.equal(Object.keys(await cacheContents(page)).length, 1);

  await site.deploy(development);
  await page.reload();
  // The stale release page is replaced by the development build without any action.
  await page.locator('h1', { hasText: 'Breaking & "quoted"' }).waitFor({ timeout: 45000 }).catch(async (error) => {
    // Say what the page was showing and which worker held it, so a failure can be read.
    const state = await page.evaluate(async () => ({
      title: document.querySelector('h1')?.textContent,
      controller: navigator.serviceWorker.controller?.scriptURL ?? null,
      registrations: (await navigator.serviceWorker.getRegistrations()).map((r) => [r.active?.state, r.waiting?.state, r.installing?.state]),
      caches: await caches.keys(),
    })).catch((e) => String(e));
    throw new Error(`${error.message}\npage state: ${JSON.stringify(state)}\nrequests: ${page.requests.slice(-20).join(' ')}`);
  });
  await page.waitForFunction(async () => (await navigator.serviceWorker.getRegistrations()).length === 0
    && (await caches.keys()).length === 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
  await site.close();
});
