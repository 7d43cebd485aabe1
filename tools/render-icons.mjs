// Renders icon.svg as the PNG icons the web app manifest names (pwa/icon-192.png and
// pwa/icon-512.png), with headless Chromium. Run it again after changing icon.svg:
//   node tools/render-icons.mjs
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launch, ROOT } from './browser.mjs';

const svg = await readFile(join(ROOT, 'icon.svg'));
const browser = await launch();
for (const size of [192, 512]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<body style="margin:0"><img width="${size}" height="${size}" src="data:image/svg+xml;base64,${svg.toString('base64')}"></body>`);
  await page.locator('img').evaluate((img) => img.decode());
  const path = join(ROOT, `pwa/icon-${size}.png`);
  await page.screenshot({ path, omitBackground: true });
  await page.close();
  console.log(`wrote ${path}`);
}
await browser.close();
