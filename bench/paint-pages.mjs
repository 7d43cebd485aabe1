// The three pages the paint benchmarks compare, written under `site`: `static/` (the article
// the build pre-rendered, as a plain HTML page: no stylesheet, no script), `styled/` (the same
// with the explorer's stylesheet, still no script) and `app/` (the explorer's build).
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function writePaintPages(dist, site) {
  rmSync(site, { recursive: true, force: true });
  mkdirSync(site, { recursive: true });
  cpSync(dist, join(site, 'app'), { recursive: true });
  const page = readFileSync(join(dist, 'index.html'), 'utf8');
  const article = page.match(/<article class="doc">[\s\S]*?<\/article>/)[0];
  const head = '<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Static</title>';
  mkdirSync(join(site, 'static'));
  writeFileSync(join(site, 'static', 'index.html'), `${head}${article}</html>`);
  const styles = page.match(/<style[^>]*>[\s\S]*?<\/style>/)?.[0] ?? '';
  mkdirSync(join(site, 'styled'));
  writeFileSync(join(site, 'styled', 'index.html'), `${head}${styles}<main class="panel panel-reader">${article}</main></html>`);
}
