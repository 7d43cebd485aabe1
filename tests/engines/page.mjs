// A page in one engine, driven through plain WebDriver, for the cross-engine suite: what a
// reader does (open, type, press keys, click) and what the page must never do (log an error).
//
// Errors are collected through whatever each engine offers:
// - Chromium: chromedriver's browser log (console errors, uncaught exceptions, policy
//   violations and failed loads, from the first byte of every page);
// - Firefox: WebDriver BiDi's log events (console errors and uncaught exceptions);
// - all three: an in-page recorder (`RECORDER` below: uncaught errors, unhandled rejections,
//   console.error, Content-Security-Policy violations, failed loads of elements). The suite's
//   server puts it first in every page it serves (`serveRecorded`); a page it cannot reach
//   (file://, or one a service worker answers from its cache) gets it as soon as WebDriver can
//   run a script there, so errors logged before that, while the page loaded, are seen only
//   through the engine's own channel. WebKitGTK's driver has neither a log nor BiDi: there the
//   recorder is all there is, and `page.recordedFromStart` says whether it saw the whole load.
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { serve } from '../../tools/browser.mjs';
import { openSession } from './engines.mjs';

const require = createRequire(import.meta.url);
const { By, Key } = require('selenium-webdriver');
export { By, Key };

/** How long a condition may take to come true before the wait fails. */
const WAIT_MS = 30000;

/** The in-page error recorder (a classic script; runs once per document). */
export const RECORDER = `(() => {
  if (window.__engineErrors) return;
  const errors = (window.__engineErrors = []);
  const text = (v) => (v instanceof Error ? v.name + ': ' + v.message : String(v));
  addEventListener('error', (e) => {
    const el = e.target;
    if (el && el !== window && el.tagName) {
      errors.push('failed to load <' + el.tagName.toLowerCase() + '> ' + (el.currentSrc || el.src || el.href || ''));
    } else {
      errors.push('uncaught ' + text(e.error ?? e.message) + ' (' + e.filename + ':' + e.lineno + ')');
    }
  }, true);
  addEventListener('unhandledrejection', (e) => errors.push('unhandled rejection: ' + text(e.reason)));
  document.addEventListener('securitypolicyviolation', (e) =>
    errors.push('policy violation: ' + e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' (' + e.sourceFile + ':' + e.lineNumber + ')'));
  const original = console.error;
  console.error = function (...args) {
    errors.push('console.error: ' + args.map(text).join(' '));
    return original.apply(this, args);
  };
})();`;

const RECORDER_PATH = '__engines-recorder.js';
/** An empty page of the same origin, to hold the explorer in a frame (look.mjs). */
export const BLANK_PATH = '__engines-blank.html';

/**
 * Serves `dir` like the e2e suite's `serve()`, with the recorder as the first script of every
 * page a browser navigates to (`Sec-Fetch-Mode: navigate`). Fetches by the page or its service
 * worker get the files byte for byte, so the worker's integrity checks see the build as built.
 */
export async function serveRecorded(dir, prefix = '/') {
  const inner = await serve(dir, prefix);
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, inner.url);
    if (url.pathname === `${prefix}${RECORDER_PATH}`) {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' });
      res.end(RECORDER);
      return;
    }
    if (url.pathname === `${prefix}${BLANK_PATH}`) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><title>frame</title><body style="margin: 0">');
      return;
    }
    let upstream, body;
    try {
      upstream = await fetch(new URL(url.pathname + url.search, inner.url), { headers: { 'cache-control': 'no-cache' } });
      body = Buffer.from(await upstream.arrayBuffer());
    } catch (error) {
      // The test is closing this server while a request (a service worker's re-fetch, say)
      // was on its way: answer it as a gateway would, rather than leave a rejection unhandled.
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`upstream failed: ${error.message}`);
      return;
    }
    const type = upstream.headers.get('content-type') ?? 'application/octet-stream';
    if (req.headers['sec-fetch-mode'] === 'navigate' && type.startsWith('text/html')) {
      body = Buffer.from(body.toString('utf8').replace(/<head>/i, `<head><script src="${prefix}${RECORDER_PATH}"></script>`));
    }
    res.writeHead(upstream.status, { 'content-type': type, 'cache-control': 'no-cache' });
    res.end(body);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    close: async () => {
      server.closeAllConnections?.();
      await new Promise((ok) => server.close(ok));
      await inner.close();
    },
  };
}

export class Page {
  /** Starts `engine` (see engines.mjs for the options) and sets up its error channels. */
  static async open(engine, options = {}) {
    const session = await openSession(engine, options);
    const page = new Page(session);
    await session.driver.manage().setTimeouts({ script: WAIT_MS + 5000, pageLoad: 60000 });
    if (options.width) await page.resize(options.width, options.height ?? 900);
    if (engine === 'firefox') {
      const LogInspector = require('selenium-webdriver/bidi/logInspector');
      const inspector = await LogInspector(session.driver);
      await inspector.onConsoleEntry((e) => { if (e.level === 'error') page.engineErrors.push(`console: ${e.text}`); });
      await inspector.onJavascriptException((e) => page.engineErrors.push(`uncaught: ${e.text}`));
    }
    return page;
  }

  constructor(session) {
    this.engine = session.engine;
    this.driver = session.driver;
    this.session = session;
    /** Errors from the engine's own channel (Firefox), not yet checked. */
    this.engineErrors = [];
    /** Whether the recorder saw the current document from its first script on. */
    this.recordedFromStart = false;
  }

  async close() { await this.session.close(); }

  /** Sets the window so that the page's viewport is as close to `width` as the engine allows. */
  async resize(width, height = 900) {
    await this.driver.manage().window().setRect({ width, height });
    // The window has a frame in some engines: widen it by the difference once.
    const inner = await this.driver.executeScript('return innerWidth');
    if (inner < width) await this.driver.manage().window().setRect({ width: width + (width - inner), height });
    return this.driver.executeScript('return innerWidth');
  }

  /** Navigates (after taking the errors of the page it leaves) and waits for `ready`, a CSS selector. */
  async goto(url, ready = '.app.ready .doc-body p') {
    const left = await this.takeErrors();
    await this.driver.get(url);
    await this.afterNavigation(ready);
    return left;
  }

  /**
   * Leaves for an empty page and returns the errors of the page it left, as `goto` does. A
   * test leaves before it shuts a server down, so that no page is alive on an origin whose
   * server is gone: a request such a page made on its way out (to the next test's page)
   * would fail, and Firefox would log the failure during the next test.
   */
  async leave() {
    const left = await this.takeErrors();
    await this.driver.get('about:blank');
    this.recordedFromStart = false;
    return left;
  }

  /** Reloads the page, as a reader's reload does. */
  async reload(ready = '.app.ready .doc-body p') {
    const left = await this.takeErrors();
    await this.driver.navigate().refresh();
    await this.afterNavigation(ready);
    return left;
  }

  async afterNavigation(ready) {
    this.recordedFromStart = await this.driver.executeScript('return Boolean(window.__engineErrors)');
    if (!this.recordedFromStart) await this.driver.executeScript(RECORDER);
    if (ready) await this.waitFor(`document.querySelector(${JSON.stringify(ready)})`, `${ready} is on the page`);
  }

  /**
   * Every error logged since the last call, from every channel this engine has; the
   * recorder's list is emptied.
   */
  async takeErrors() {
    const errors = this.engineErrors.splice(0);
    if (this.engine === 'chromium') {
      const entries = await this.driver.manage().logs().get('browser');
      errors.push(...entries.filter((e) => e.level.name === 'SEVERE').map((e) => `console: ${e.message}`));
    }
    try {
      const recorded = await this.driver.executeScript('const e = window.__engineErrors ?? []; return e.splice(0);');
      // Chromium's log already holds what its recorder saw; keep one copy of each.
      for (const e of recorded ?? []) if (!(this.engine === 'chromium' && errors.some((x) => x.includes(e.replace(/^console\.error: /, ''))))) errors.push(`page: ${e}`);
    } catch { /* no page to ask (a closed window) */ }
    return errors;
  }

  /** Runs `expression` (a JavaScript expression over `args`) in the page and returns its value. */
  async eval(expression, ...args) {
    return this.driver.executeScript(`const args = arguments; return (${expression});`, ...args);
  }

  /**
   * Waits until `expression` is truthy in the page (checked in the page about once a frame,
   * on a timer: hidden and headless windows may run no animation frames), and returns its
   * value.
   */
  async waitFor(expression, what = expression, ...args) {
    const result = await this.driver.executeAsyncScript(`
      const done = arguments[arguments.length - 1];
      const args = [...arguments].slice(0, -1);
      const deadline = Date.now() + ${WAIT_MS};
      const check = () => {
        let value, error = null;
        try { value = (${expression}); } catch (e) { error = String(e); }
        if (value) done({ value });
        else if (Date.now() > deadline) done({ timeout: true, error });
        else setTimeout(check, 16);
      };
      check();`, ...args);
    if (result.timeout) throw new Error(`${this.engine}: waited ${WAIT_MS} ms for ${what}${result.error ? ` (${result.error})` : ''}`);
    return result.value;
  }

  /**
   * Clicks an element as a reader would: scrolled to the middle of its scrolling box first
   * (WebDriver scrolls it only to the edge, where a sticky part of the page may cover it),
   * once the page has stopped scrolling.
   */
  async click(element) {
    if (typeof element === 'string') element = await this.find(element);
    // A smooth scroll still under way (to a hit, say) would carry the element on after it
    // was put in place: first wait until the page stays put for three frames (at most 2 s).
    await this.driver.executeAsyncScript(`const done = arguments[0], t0 = performance.now();
      let last = -1, still = 0;
      const check = () => {
        still = scrollY === last ? still + 1 : 0;
        last = scrollY;
        if (still >= 3 || performance.now() - t0 > 2000) done(); else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);`);
    await this.driver.executeScript('arguments[0].scrollIntoView({ block: "center", inline: "nearest", behavior: "instant" })', element);
    // The engine clicks at the element's centre as it measured it: wait (at most 2 s) until
    // the element has kept its place for three checks a frame apart and is what lies at its
    // centre, so
    // that a layout still settling (a panel drawn a frame late) cannot take the click.
    await this.driver.executeAsyncScript(`const [element, done] = arguments, t0 = performance.now();
      let last = '', still = 0;
      const check = () => {
        const r = element.getBoundingClientRect();
        const place = [r.left, r.top, r.width, r.height].join();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        still = place === last && hit && (hit === element || element.contains(hit)) ? still + 1 : 0;
        last = place;
        if (still >= 3 || performance.now() - t0 > 2000) done(); else setTimeout(check, 16);
      };
      check();`, element);
    await element.click();
  }

  /** Resolves once the page has drawn two more frames (whatever a scroll set off has run). */
  async afterFrames() {
    await this.driver.executeAsyncScript('const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => done()));');
  }

  async find(css) { return this.driver.findElement(By.css(css)); }

  /** The first element matching `css` whose text contains `text` (rendered or not). */
  async findWithText(css, text) {
    const element = await this.eval('[...document.querySelectorAll(args[0])].find((e) => e.textContent.includes(args[1])) ?? null', css, text);
    if (!element) throw new Error(`${this.engine}: no ${css} with the text "${text}"`);
    return element;
  }

  async text(css) { return this.eval('document.querySelector(args[0])?.textContent ?? null', css); }
  async count(css) { return this.eval('document.querySelectorAll(args[0]).length', css); }
  async value(css = '#search-input') { return this.eval('document.querySelector(args[0]).value', css); }
  async hash() { return this.eval('decodeURIComponent(location.hash)'); }

  /** Types into the search box after clearing it, and waits until every panel shows the query. */
  async search(query) {
    const input = await this.find('#search-input');
    if (await this.value()) {
      await input.sendKeys(Key.ESCAPE);
      await this.waitFor('document.querySelector("#search-input").value === ""', 'the search box to clear');
    }
    await input.sendKeys(query);
    await this.waitFor('document.querySelector(".panel-matches")?.dataset.query === args[0]', `the panels to show "${query}"`, query);
    return input;
  }
}
