// Maintainer tool: viewport screenshots of the built page after a few reader actions.
// usage: node tests/e2e/look.mjs URL OUT_PREFIX [width] [dark] [js-to-run-before-shot]
import { launch, APP_READY } from './helpers.mjs';

const [url, prefix, width = '1280', scheme = 'light', script = ''] = process.argv.slice(2);
const browser = await launch();
const ctx = await browser.newContext({ viewport: { width: Number(width), height: Number(width) < 500 ? 780 : 900 }, colorScheme: scheme });
const page = await ctx.newPage();
page.on('console', (m) => { if (m.type() === 'error') console.log('console error:', m.text()); });
page.on('pageerror', (e) => console.log('page error:', String(e)));
await page.goto(url);
await page.waitForSelector(APP_READY);
if (script) await new Function('page', `return (async () => { ${script} })()`)(page);
// Wait for the panels to follow the search box, and for the page to settle into a frame.
await page.waitForFunction(() => {
  const matches = document.querySelector('.panel-matches');
  return !matches || matches.dataset.query === document.querySelector('input[type=search]').value;
});
await page.evaluate(() => document.fonts.ready.then(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))));
await page.screenshot({ path: `${prefix}.png` });
await browser.close();
