// Nothing lost: the reader's state (query, document, selection, theme) survives a reload and,
// once the page has been visited, a reload with the network off.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, typeQuery, waitForHash, APP_READY } from './helpers.mjs';
import { controlled, reloadOffline } from './delivery-helpers.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function view(page) {
  return page.evaluate(() => ({
    query: document.querySelector('input[type=search]').value,
    chip: document.querySelector('.chip[aria-pressed=true] .chip-name')?.textContent ?? null,
    inline: document.querySelector('.doc.inline-entities') !== null,
    theme: document.documentElement.dataset.theme ?? 'system',
    marks: document.querySelectorAll('.doc mark').length,
  }));
}

test('query, chip, inline view and theme survive a reload, online and offline', { timeout: 120000 }, async () => {
  const page = await openPage(browser, server.url);
  await controlled(page);
  await page.locator('.chip', { hasText: 'Japan' }).click();
  await page.getByLabel('Show in text').check();
  await page.locator('.theme-toggle').click(); // system → light
  await page.locator('.theme-toggle').click(); // light → dark
  await waitForHash(page, ['ent=GPE:Japan', 'inline=1']);
  const before = await view(page);
  assert.deepEqual({ ...before, marks: before.marks > 0 }, { query: 'place:"Japan"', chip: 'Japan', inline: true, theme: 'dark', marks: true });

  await page.reload();
  await page.waitForSelector(APP_READY);
  assert.deepEqual(await view(page), before, 'after a reload');

  await reloadOffline(page);
  assert.deepEqual(await view(page), before, 'after a reload with the network off');
  await page.context().setOffline(false);

  // Typing is kept too, once it pauses.
  await typeQuery(page, 'alliance');
  // The URL follows typing once it pauses.
  await waitForHash(page, ['q=alliance']);
  await page.reload();
  await page.waitForSelector(APP_READY);
  assert.equal((await view(page)).query, 'alliance');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
