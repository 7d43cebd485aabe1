// A seed full of markup renders as inert text: nothing runs, every character shows as written.
// scripts/test.sh builds it into target/dist-hostile from tests/fixtures/hostile.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, openPage, ROOT } from './helpers.mjs';

let server, browser;
before(async () => { server = await serve(join(ROOT, 'target/dist-hostile')); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('markup in a seed is shown as text and never runs', async () => {
  const page = await openPage(browser, server.url);
  const source = await readFile(join(ROOT, 'tests/fixtures/hostile/hostile.txt'), 'utf8');
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  // No element from the seed reached the DOM.
  const injected = await page.locator('.doc script, .doc img, .doc svg, .doc iframe, .doc style, .doc a[href^="javascript"]').count();
  assert.equal(injected, 0);
  assert.equal(await page.locator('h1').textContent(), source.split('\n')[0]);
  const body = (await page.locator('.doc-body').textContent());
  for (const written of ["<script>window.__pwned = 'script'</script>", '<img src="x" onerror="window.__pwned = \'img\'">',
    '&lt;b&gt; &amp;amp; &#x3C;script&#x3E; &nbsp; &copy;', '<a href="javascript:window.__pwned=\'link\'">click me</a>',
    'quoted "$&", then $` and $\' and $$ and $1 and $<name>.']) {
    assert.ok(body.includes(written), `shows ${written}`);
  }
  // Clicking the would-be link text does nothing either.
  await page.getByText('click me', { exact: false }).first().click();
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the pre-rendered page holds the text as written, once, with JavaScript off', async () => {
  // `$&` and its kind are replacement patterns in JavaScript's String.replace: a build step
  // that inserted the article with one would copy parts of the page into it.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(server.url);
  const shown = await page.evaluate(() => ({
    body: document.querySelector('.doc-body').textContent,
    apps: document.querySelectorAll('#app').length,
    titles: document.querySelectorAll('title').length,
    scripts: document.querySelectorAll('#app script, #app link, #app meta').length,
  }));
  assert.ok(shown.body.includes('quoted "$&", then $` and $\' and $$ and $1 and $<name>.'), shown.body);
  assert.deepEqual({ ...shown, body: undefined }, { apps: 1, titles: 1, scripts: 0, body: undefined });
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await context.close();
});
