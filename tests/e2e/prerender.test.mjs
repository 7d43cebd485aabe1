// The article before the wasm: the build writes the default view into index.html, so the page
// reads with JavaScript off, and the app takes over without changing the text or moving it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, APP_READY } from './helpers.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const readerText = (page) => page.evaluate(() => ({
  title: document.querySelector('h1').textContent,
  byline: document.querySelector('.byline')?.textContent,
  time: document.querySelector('time')?.getAttribute('datetime'),
  paragraphs: [...document.querySelectorAll('.doc-body p')].map((p) => p.textContent),
}));

test('the page reads with JavaScript off', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(server.url);
  const shown = await readerText(page);
  assert.match(shown.title, /Asia-Pacific version of NATO/);
  assert.equal(shown.byline, 'By Zheng Zaixing');
  assert.equal(shown.time, '2023-03-03T00:50:38');
  assert.equal(shown.paragraphs.length, 10);
  assert.ok(!shown.paragraphs.some((p) => p.includes('Related News')));
  await context.close();
});

for (const width of [360, 1280]) test(`the app adopts the pre-rendered nodes: same text, same place, same elements (${width} px)`, async () => {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  // Keep hold of the static title and paragraphs, and note where the title sits, before any
  // script runs.
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      window.__static = {
        h1: document.querySelector('h1'),
        paragraphs: [...document.querySelectorAll('.doc-body p')],
        title: document.querySelector('h1').getBoundingClientRect().toJSON(),
        text: document.querySelector('.doc-body').textContent,
      };
    });
  });
  page.errors = [];
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  page.on('pageerror', (e) => page.errors.push(String(e)));
  await page.goto(server.url);
  // The search box works once the app has taken over.
  await page.waitForSelector('input[type=search]:not([disabled])');
  const first = await page.evaluate(() => document.querySelector('h1').getBoundingClientRect().toJSON());
  // The side panels follow a frame later; they must not move the reader either.
  await page.waitForSelector(APP_READY);
  const after = await page.evaluate(() => ({
    title: document.querySelector('h1').getBoundingClientRect().toJSON(),
    text: document.querySelector('.doc-body').textContent,
    h1s: document.querySelectorAll('h1').length,
    bodies: document.querySelectorAll('.doc-body').length,
    sameTitle: document.querySelector('h1') === window.__static.h1,
    sameParagraphs: [...document.querySelectorAll('.doc-body p')].every((p, i) => p === window.__static.paragraphs[i]),
    paragraphs: document.querySelectorAll('.doc-body p').length,
  }));
  const before = await page.evaluate(() => ({ title: window.__static.title, text: window.__static.text, paragraphs: window.__static.paragraphs.length }));
  assert.equal(after.h1s, 1);
  assert.equal(after.bodies, 1);
  assert.ok(after.sameTitle, 'the title is the pre-rendered element, not a new one');
  assert.equal(after.paragraphs, before.paragraphs);
  assert.ok(after.sameParagraphs, 'the paragraphs are the pre-rendered elements, not new ones');
  assert.equal(after.text, before.text, 'the text is the same before and after');
  assert.ok(Math.abs(first.top - before.title.top) <= 2, `the title moved from ${before.title.top} to ${first.top}`);
  assert.ok(Math.abs(after.title.top - before.title.top) <= 2, `the title moved from ${before.title.top} to ${after.title.top}`);
  assert.ok(Math.abs(after.title.left - before.title.left) <= 2, `the title moved from ${before.title.left} to ${after.title.left}`);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a link to another view starts from the pre-rendered page, then shows that view', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  await page.goto(`${server.url}#q=alliance&inline=1`);
  await page.waitForSelector(APP_READY);
  await page.waitForSelector('.doc mark.hit');
  assert.equal(await page.locator('input[type=search]').inputValue(), 'alliance');
  assert.ok(await page.locator('.doc.inline-entities .ent').count() > 0);
  // Nothing rewrote the URL the reader came with.
  assert.equal(await page.evaluate(() => location.hash), '#q=alliance&inline=1');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the head has a description of the corpus from its first document', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(server.url);
  const description = await page.locator('meta[name=description]').getAttribute('content');
  assert.match(description, /^NATO Secretary-General Jens Stoltenberg recently visited/);
  assert.ok(description.length <= 160, description);
  await context.close();
});
