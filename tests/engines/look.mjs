// Maintainer tool: screenshots of the built page in each engine, at phone and desktop width,
// light and dark, after an optional reader action. Not a test; look at the pictures.
//   node tests/engines/look.mjs OUT_PREFIX [URL] [--engines chromium,firefox,webkit] [--search QUERY] [--chip NAME]
// writes OUT_PREFIX-ENGINE-WIDTH-SCHEME.png. URL defaults to dist/ served on a free port.
// A window that cannot be as narrow as 360 px (Firefox's and MiniBrowser's cannot) shows the
// page in a 360 px frame inside it, as a browser's responsive view does. (WebKitGTK's picture
// of a frame scrolled down may leave the sticky top bar black; its window draws it.)
import { writeFile } from 'node:fs/promises';
import { DIST } from '../../tools/browser.mjs';
import { BLANK_PATH, Page, serveRecorded } from './page.mjs';

const args = process.argv.slice(2);
const option = (name) => { const i = args.indexOf(name); return i >= 0 ? args.splice(i, 2)[1] : undefined; };
const engines = (option('--engines') ?? 'chromium,firefox,webkit').split(',');
const query = option('--search');
const chip = option('--chip');
const [prefix, given] = args;
if (!prefix) {
  console.error('usage: node tests/engines/look.mjs OUT_PREFIX [URL] [--engines …] [--search QUERY] [--chip NAME]');
  process.exit(2);
}
const server = given ? null : await serveRecorded(DIST);
const url = given ?? server.url;

for (const engine of engines) {
  for (const dark of [false, true]) {
    const page = await Page.open(engine, { dark });
    try {
      for (const width of [360, 1280]) {
        const height = width < 500 ? 780 : 900;
        const inner = await page.resize(width, height);
        await page.goto(url);
        const framed = inner !== width;
        if (framed) {
          // A window tall enough for the whole frame, so the frame's screenshot is not cut.
          await page.resize(inner, height + 200);
          // A blank page of the same origin holds the frame (the explorer's own policy allows
          // no frames in it; WebKit holds back cross-origin frames).
          await page.driver.get(new URL(BLANK_PATH, url).href);
          await page.eval(`(() => {
            const frame = document.createElement('iframe');
            frame.src = ${JSON.stringify(url)};
            frame.style.cssText = 'width: ${width}px; height: ${height}px; border: 0; display: block';
            frame.onload = () => { window.frameLoaded = true; };
            document.body.append(frame);
          })()`);
          // Into the frame once it holds the page (not the blank document it starts with).
          await page.waitFor('window.frameLoaded', 'the frame to load');
          await page.driver.switchTo().frame(await page.find('iframe'));
          await page.waitFor('document.querySelector(".app.ready .doc-body p")', 'the app in the frame');
        }
        if (query) await page.search(query);
        if (chip) {
          if (width < 768) await page.click(await page.findWithText('.tabs button', 'Entities'));
          await page.click(await page.findWithText('.chip', chip));
          if (width < 768) await page.click(await page.findWithText('.tabs button', 'Reader'));
        }
        await page.eval('document.fonts.ready');
        const file = `${prefix}-${engine}-${width}-${dark ? 'dark' : 'light'}.png`;
        if (framed) {
          await page.driver.switchTo().defaultContent();
          await writeFile(file, await (await page.find('iframe')).takeScreenshot(), 'base64');
        } else {
          await writeFile(file, await page.driver.takeScreenshot(), 'base64');
        }
        const errors = await page.takeErrors();
        console.log(file, framed ? `(in a ${width} px frame: the window is ${inner} px)` : '', errors.length ? `errors: ${errors.join(' | ')}` : '');
      }
    } finally {
      await page.close();
    }
  }
}
await server?.close();
