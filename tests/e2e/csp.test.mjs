// The Content-Security-Policy written by tools/post-build.mjs, on the release build (dist/)
// and the hostile-seed build (target/dist-hostile, debug): strict on paper, and nothing the
// explorer does, with any seed, breaks it or reaches beyond the page's own files.
// (The single file's policy is checked in single-file.test.mjs.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, coreSearch, waitForMarks, DIST, ROOT, APP_READY } from './helpers.mjs';
import { openRecorded, pagePolicy, closeClean } from './delivery-helpers.mjs';
import { unhashableInline } from '../../tools/csp.mjs';

const HOSTILE = join(ROOT, 'target/dist-hostile');
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the policy step refuses inline code no hash allows, and only that', () => {
  const check = (html, refused) => assert.equal(unhashableInline(html).length, refused, html);
  check('<img src=x onerror="a()">', 1);
  check('<div onclick=go>', 1);
  check('<p style="color:red">x</p>', 1);
  check('<a href=" JavaScript:alert(1)">x</a>', 1);
  check('<form action="javascript:x()">', 1);
  // Text that only looks like an attribute, inside a value (a description of a hostile seed).
  check('<meta name="description" content="By &lt;svg onload=&quot;x&quot;&gt; Mallory">', 0);
  check('<p title="style=red onclick=x" class=a>x</p>', 0);
  check('<input disabled value="a onfocus=b">', 0);
  check('<a href="./javascript-notes.html">notes</a>', 0);
});

for (const [name, dir] of [['release', DIST], ['hostile-seed', HOSTILE]]) {
  test(`the ${name} page's policy allows only its own files and hashed inline code`, async () => {
    const html = await readFile(join(dir, 'index.html'), 'utf8');
    const policy = pagePolicy(html);
    assert.ok(policy, 'a Content-Security-Policy meta tag');
    // It comes before anything it governs.
    assert.match(html, /^<!doctype html>\s*<html[^>]*>\s*<head>\s*<meta charset="utf-8">\s*<meta http-equiv="Content-Security-Policy"/i);
    assert.deepEqual(policy['default-src'], ["'none'"]);
    assert.deepEqual(policy['object-src'], ["'none'"]);
    assert.deepEqual(policy['base-uri'], ["'none'"]);
    const scripts = policy['script-src'];
    assert.deepEqual(scripts.filter((v) => !v.startsWith("'sha256-")), ["'self'", "'wasm-unsafe-eval'"]);
    // Styles: its own files, and the inlined stylesheet by its hash.
    const styles = policy['style-src'];
    assert.deepEqual(styles.filter((v) => !v.startsWith("'sha256-")), ["'self'"]);
    assert.equal(styles.filter((v) => v.startsWith("'sha256-")).length, [...html.matchAll(/<style[^>]*>/g)].length);
    for (const values of Object.values(policy)) {
      for (const value of values) assert.match(value, /^('self'|'none'|'wasm-unsafe-eval'|'sha256-[A-Za-z0-9+/]+=*')$/, `${value} in the policy`);
    }
    // One hash per inline script: trunk's loader.
    const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>/g)].length;
    assert.equal(scripts.filter((v) => v.startsWith("'sha256-")).length, inline);
  });
}

test('the release page keeps trunk\'s subresource integrity', { timeout: 60000 }, async () => {
  const html = await readFile(join(DIST, 'index.html'), 'utf8');
  const tags = html.match(/<(link rel="(stylesheet|icon|modulepreload|preload)"|script src=)[^>]*>/g);
  // The icon, the register script and the glue's modulepreload (the wasm's integrity is in
  // the loader's fetch since it is fetched after the first paint).
  assert.ok(tags.length >= 3);
  for (const tag of tags) {
    assert.match(tag, /\sintegrity="sha384-[A-Za-z0-9+/]+=*"/, tag);
    // And each hash is of the file as shipped (the post-build step minifies the scripts).
    const [, file] = tag.match(/(?:href|src)="\.\/([^"]+)"/);
    const [, hash] = tag.match(/\sintegrity="(sha384-[^"]+)"/);
    const bytes = await readFile(join(DIST, file));
    assert.equal(hash, `sha384-${createHash('sha384').update(bytes).digest('base64')}`, file);
  }
  // The wasm: fetched by the loader after the first paint, with trunk's hash of it, and no
  // longer preloaded (its download would compete with the first paint).
  const [, wasm, hash] = html.match(/fetch\('\.\/([^']+\.wasm)', \{ integrity: "(sha384-[^"]+)" \}\)/) ?? [];
  assert.ok(wasm, 'the loader fetches the wasm with its integrity');
  assert.equal(hash, `sha384-${createHash('sha384').update(await readFile(join(DIST, wasm))).digest('base64')}`, wasm);
  assert.ok(!/<link rel="preload"[^>]*\.wasm/.test(html), 'the wasm is not preloaded');
});

test('using the release page breaks no rule and asks only for its own files', { timeout: 60000 }, async () => {
  const server = await serve(DIST);
  const page = await openRecorded(browser, server.url);
  await page.locator('input[type=search]').fill('security alliance');
  await page.keyboard.press('Enter');
  await page.locator('.chip', { hasText: 'NATO' }).first().click();
  await page.getByLabel('Show in text').check();
  await page.locator('.term-row').first().click();
  await page.getByText('Pairs').click();
  await page.locator('.theme-toggle, button[aria-label*="heme"]').first().click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByText('Download entities (JSON)').click()]);
  assert.match(download.suggestedFilename(), /\.json$/);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await page.waitForSelector(APP_READY);
  for (const url of page.requests) assert.ok(url.startsWith(server.url), `requested ${url}`);
  await closeClean(page);
  await server.close();
});

test('the hostile seeds render inert under the policy: nothing runs, nothing is even blocked', { timeout: 60000 }, async () => {
  const server = await serve(HOSTILE);
  const page = await openRecorded(browser, server.url);
  // Searching splits the hostile text into marks; inline entities wrap more of it.
  for (const query of ['script', 'onerror', 'javascript*', 'img']) {
    await page.locator('input[type=search]').fill(query);
    await waitForMarks(page, 'some');
    assert.equal(await page.locator('.doc mark.hit').count(), coreSearch(query, 'tests/fixtures/hostile').docs.find((d) => d.index === 0)?.hits.length, query);
  }
  await page.getByLabel('Show in text').check();

  const more = await readFile(join(ROOT, 'tests/fixtures/hostile/more-markup.txt'), 'utf8');
  await page.goto(`${server.url}#doc=more-markup`);
  await page.waitForFunction((title) => document.querySelector('h1')?.textContent === title, more.split('\n')[0]);
  const shown = await page.locator('.doc').textContent();
  for (const line of more.split('\n').slice(1).filter((l) => l.trim())) assert.ok(shown.includes(line), `shows ${line}`);
  await page.locator('.doc').getByText('click', { exact: false }).last().click();

  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  const injected = '.doc :is(script, img, svg, math, iframe, style, base, meta, link, form, object, embed, template, noscript, a, div[style], [onclick])';
  assert.equal(await page.locator(injected).count(), 0);
  assert.equal(await page.evaluate(() => document.baseURI), server.url + `#doc=more-markup`);
  for (const url of page.requests) assert.ok(url.startsWith(server.url), `requested ${url}`);
  await closeClean(page);
  await server.close();
});
