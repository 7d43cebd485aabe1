// The explorer in Chromium, Firefox and WebKit, through plain WebDriver, against the release
// build (dist/) and the single file (dist-single/): what a reader does in any browser.
// Run by scripts/test.sh after the Playwright suite; ENGINES=firefox,webkit picks engines.
import { describe, test, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, ROOT } from '../../tools/browser.mjs';
import { coreSearch } from '../e2e/helpers.mjs';
import { ENGINES } from './engines.mjs';
import { gap } from './gaps.mjs';
import { Key, Page, serveRecorded } from './page.mjs';

const SINGLE_FILE = pathToFileURL(join(ROOT, 'dist-single/text-explorer.html')).href;
/** The stress build scripts/test.sh makes (a megabyte-long paragraph, drawn a window at a time). */
const STRESS_DIST = join(ROOT, 'target/dist-stress');

/** How many hits the core finds for `query` in the seeds (the native CLI, as the e2e suite asks). */
const coreTotal = (query) => coreSearch(query).total;

/** The seed's title line: what the reader's heading must say. */
async function seedTitle() {
  const seeds = (await readdir(join(ROOT, 'seeds'))).filter((f) => f.endsWith('.txt')).sort();
  return (await readFile(join(ROOT, 'seeds', seeds[0]), 'utf8')).split('\n')[0].trim();
}

/** The reader's text, as a visitor sees it. */
const readerText = (page) => page.eval(`({
  title: document.querySelector('h1')?.textContent,
  byline: document.querySelector('.byline')?.textContent ?? null,
  paragraphs: [...document.querySelectorAll('.doc-body p')].map((p) => p.textContent),
})`);

/** Fails on any error the page logged since the last check, from every channel the engine has. */
async function checkErrors(page, t) {
  const errors = await page.takeErrors();
  assert.deepEqual(errors, [], `${page.engine} logged errors`);
  if (!page.recordedFromStart && gap(page.engine, 'console')) t.diagnostic(`${page.engine}: ${gap(page.engine, 'console')}`);
}

/** The current hit is on screen (below the sticky top bar). */
const currentHitInView = `(() => {
  const r = document.querySelector('.doc mark.current')?.getBoundingClientRect();
  return r && r.top >= 0 && r.bottom <= innerHeight;
})()`;

for (const engine of ENGINES) {
  describe(engine, () => {
    let server, page, title, staticText;

    before(async () => {
      title = await seedTitle();
      page = await Page.open(engine, { width: 1280, height: 900 });
    });
    after(async () => { await page?.close(); });
    // Each test has an origin of its own: its first load comes from the server (with the
    // error recorder in it from the start), not from a service worker an earlier test left.
    beforeEach(async () => { server = await serveRecorded(DIST); });
    afterEach(async () => {
      // Off the test's origin before its server goes (see Page.leave).
      await page.leave();
      await server.close();
    });

    test('the article reads with JavaScript off', async (t) => {
      const off = await Page.open(engine, { javascript: false });
      try {
        await off.goto(server.url, 'h1');
        assert.equal(await off.eval('window.wasmBindings === undefined && !document.querySelector(".app.ready")'), true,
          'no script ran');
        staticText = await readerText(off);
        assert.equal(staticText.title, title);
        assert.equal(staticText.byline, 'By Zheng Zaixing');
        assert.equal(staticText.paragraphs.length, 10);
        assert.ok(staticText.paragraphs.every((p) => p.length > 40), 'whole paragraphs');
        // The page says what it needs for the rest, and nothing is hidden behind a script.
        assert.match(await off.eval('[...document.querySelectorAll("noscript")].map((n) => n.textContent).join(" ")'),
          /needs JavaScript/);
        assert.equal(await off.eval('document.querySelector("h1").getBoundingClientRect().height > 0'), true, 'the title is shown');
        await checkErrors(off, t);
      } finally {
        await off.close();
      }
    });

    test('the article reads with JavaScript on: the app takes over the same text', async (t) => {
      await page.goto(server.url);
      const shown = await readerText(page);
      assert.equal(shown.title, title);
      if (staticText) assert.deepEqual(shown, staticText, 'the same text with and without JavaScript');
      assert.equal(await page.count('h1'), 1);
      assert.equal(await page.count('.doc-body'), 1);
      await checkErrors(page, t);
    });

    test('search marks every hit and steps through them', async (t) => {
      await page.goto(server.url);
      const input = await page.search('NATO');
      const total = coreTotal('NATO');
      assert.ok(total >= 17, `the seed mentions NATO often (${total})`);
      const marks = await page.eval('[...document.querySelectorAll(".doc mark.hit")].map((m) => m.textContent)');
      assert.equal(marks.length, total);
      assert.ok(marks.every((m) => /^NATO(’s|'s)?$/.test(m)), marks.join('|'));
      assert.equal(await page.text('.counter'), `1 of ${total}`);
      assert.match(await page.text('#search-status'), new RegExp(`^${total} matches`));
      assert.equal(await page.count('.panel-matches .kwic'), total);

      const counterIs = (n) => page.waitFor(`document.querySelector('.counter').textContent === '${n} of ${total}'`, `the counter to say ${n} of ${total}`);
      await input.sendKeys(Key.ENTER);
      await counterIs(2);
      await input.sendKeys(Key.ENTER);
      await counterIs(3);
      assert.equal(await page.eval('document.querySelector(".doc mark.current").dataset.hit'), '2');
      await input.sendKeys(Key.chord(Key.SHIFT, Key.ENTER));
      await counterIs(2);
      await input.sendKeys(Key.chord(Key.SHIFT, Key.ENTER));
      await input.sendKeys(Key.chord(Key.SHIFT, Key.ENTER));
      await counterIs(total);
      await page.waitFor(currentHitInView, 'the last hit to scroll into view');
      await page.click(await page.find('button[aria-label="Next match"]'));
      await counterIs(1);
      await page.waitFor(currentHitInView, 'the first hit to scroll into view');
      // A keyword-in-context line jumps to its hit.
      await page.click((await page.driver.findElements({ css: '.panel-matches .kwic' }))[4]);
      await counterIs(5);
      assert.equal(await page.eval('document.querySelector(".doc mark.current").dataset.hit'), '4');
      await input.sendKeys(Key.ESCAPE);
      await page.waitFor('document.querySelectorAll(".doc mark").length === 0', 'Esc to clear the marks');
      assert.equal(await page.value(), '');
      await checkErrors(page, t);
    });

    test('a chip click selects the entity and marks its mentions; a second click clears it', async (t) => {
      await page.goto(server.url);
      const chip = await page.findWithText('.chip', 'Republic of Korea');
      const loaded = await page.eval('performance.timeOrigin');
      await page.click(chip);
      await page.waitFor('document.querySelector(".chip[aria-pressed=true]")', 'the chip to be pressed').catch(async (e) => {
        // Say what the page was doing, should a click ever be lost again.
        const state = await page.eval(`({ reloaded: performance.timeOrigin !== args[0], hash: location.hash,
          query: document.querySelector('#search-input')?.value, chipOnPage: document.contains(args[1]) })`, loaded, chip);
        throw new Error(`${e.message}; the page then: ${JSON.stringify(state)}`);
      });
      assert.match(await page.text('.chip[aria-pressed=true]'), /Republic of Korea/);
      const marks = await page.eval('[...document.querySelectorAll(".doc mark.hit-ent")].map((m) => m.textContent)');
      assert.ok(marks.includes('Republic of Korea') && marks.includes('ROK'), marks.join('|'));
      assert.equal(await page.value(), 'place:"Republic of Korea"');
      assert.equal(await page.count('.entity-detail .kwic'), marks.length);
      await page.waitFor('decodeURIComponent(location.hash).includes("ent=GPE:Republic of Korea")', 'the hash to name the entity');
      await page.click(await page.findWithText('.chip', 'Republic of Korea'));
      await page.waitFor('document.querySelectorAll(".doc mark").length === 0 && !document.querySelector(".chip[aria-pressed=true]")', 'the chip to clear');
      await checkErrors(page, t);
    });

    test('a term click searches for the term', async (t) => {
      await page.goto(server.url);
      const term = (await page.text('.term-row .term-label')).trim();
      await page.click(await page.find('.term-row .term-label'));
      await page.waitFor('document.querySelector("#search-input").value === args[0]', `the box to hold "${term}"`, term);
      await page.waitFor('document.querySelector(".term-row.selected")', 'the bar to be selected');
      assert.equal((await page.text('.term-row.selected .term-label')).trim(), term);
      assert.equal(await page.count('.doc mark.hit'), coreTotal(term));
      assert.ok(await page.count('.doc mark.hit') > 0);
      await checkErrors(page, t);
    });

    test('the URL hash round-trips: a link opens its view, Back and Forward follow it', async (t) => {
      // The app starts from the default view, then follows the URL.
      await page.goto(`${server.url}#q=%22cold%20war%22`);
      await page.waitFor(`document.querySelector('#search-input').value === '"cold war"' && document.querySelector('.doc mark.hit')`, 'the link\'s query and its marks');
      const marks = await page.eval('[...document.querySelectorAll(".doc mark.hit")].map((m) => m.textContent.toLowerCase())');
      assert.ok(marks.length >= 2 && marks.every((m) => m === 'cold war'), marks.join('|'));

      await page.goto(server.url);
      await page.search('alliance');
      await page.waitFor('location.hash === "#q=alliance"', 'the URL to follow the typing');
      await page.click(await page.findWithText('.chip', 'Japan'));
      await page.waitFor('decodeURIComponent(location.hash) === "#q=place:\\"Japan\\"&ent=GPE:Japan"', 'the chip to be in the URL');
      await page.driver.navigate().back();
      await page.waitFor('document.querySelector("#search-input").value === "alliance"', 'Back to restore the query');
      assert.equal(await page.count('.chip[aria-pressed=true]'), 0);
      await page.driver.navigate().forward();
      await page.waitFor('document.querySelector("#search-input").value === \'place:"Japan"\'', 'Forward to restore the chip');
      assert.match(await page.text('.chip[aria-pressed=true]'), /Japan/);
      await page.reload();
      await page.waitFor('document.querySelector("#search-input").value === \'place:"Japan"\' && document.querySelector(".chip[aria-pressed=true]")', 'the reload to restore the chip');
      assert.match(await page.text('.chip[aria-pressed=true]'), /Japan/);
      // Junk in the hash falls back to the default view, and says nothing is wrong.
      await page.goto(`${server.url}#q=%E2%28&ent=XX:y&doc=nope`);
      await page.waitFor('document.querySelector(".notice")', 'a notice about the unknown document');
      assert.match(await page.text('.notice'), /no document “nope”/);
      await checkErrors(page, t);
    });

    test('the corpus tools: a collocate, a network node and a trends point lead back to the text', async (t) => {
      await page.goto(server.url);
      // Collocates of a query (the word tools' first tool); a collocate runs the proximity search.
      await page.search('nato');
      await page.waitFor('document.querySelector(".panel-tools tbody tr th a")', 'the collocates of "nato"');
      const top = (await page.text('.panel-tools tbody tr th a')).trim();
      await page.click('.panel-tools tbody tr th a');
      const near = `"nato ${top}"~5`;
      await page.waitFor('document.querySelector("#search-input").value === args[0] && document.querySelector(".doc mark.hit")', `the search ${near}`, near);
      assert.equal(await page.count('.doc mark.hit'), coreSearch(near).total);
      assert.equal((await page.text('.panel-tools tr.selected th')).trim(), top, 'the list stays, the collocate selected');

      // The network: a node selects its entity, as its chip does.
      await page.click(await page.findWithText('.view-bar [role=tab]', 'Network'));
      await page.waitFor('document.querySelectorAll("svg.net .node").length === 25', 'the network of the top 25 entities');
      // (Its circle: geckodriver cannot scroll an SVG link itself into view.)
      await page.click(await page.eval('[...document.querySelectorAll("svg.net .node")].find((n) => n.textContent.includes("NATO")).querySelector("circle")'));
      await page.waitFor('document.querySelector("#search-input").value === \'org:"NATO"\'', 'the node to search for its entity');
      assert.match(await page.text('.chip[aria-pressed=true]'), /NATO/);
      assert.match(await page.text('.net-detail h2'), /^NATO: 17 mentions/);

      // Trends of the one document, in tenths; a point (by keyboard: a point has no box to
      // aim a pointer at) opens the reader at its part's first hit.
      await page.search('nato');
      await page.click(await page.findWithText('.view-bar [role=tab]', 'Trends'));
      await page.waitFor('document.querySelector(".series-legend")?.textContent === "nato (17)"', 'the trend of "nato"');
      const parts = await page.eval('[...document.querySelectorAll(".trends-svg a")].map((a) => Number(a.getAttribute("aria-label").match(/: (\\d+) hits?/)[1]))');
      assert.equal(parts.reduce((a, b) => a + b, 0), 17, `the parts' hits add up: ${parts}`);
      const point = (await page.driver.findElements({ css: '.trends-svg a' }))[2]; // the third part with hits
      await page.driver.executeScript('arguments[0].focus()', point);
      await point.sendKeys(Key.ENTER);
      const current = parts[0] + parts[1] + 1;
      await page.waitFor('document.querySelector(".doc-body") && document.querySelector(".counter")?.textContent === args[0]', `the reader at hit ${current}`, `${current} of 17`);
      await checkErrors(page, t);
    });

    test('on a narrow screen the panels are tabs and nothing overflows', async (t) => {
      const width = await page.resize(360, 780);
      try {
        // Some engines' windows cannot be this narrow; the phone layout starts below 768 px.
        if (width !== 360) t.diagnostic(`${engine}: the narrowest window is ${width} px wide`);
        assert.ok(width < 768, `${width} px is a phone's layout`);
        await page.goto(server.url);
        assert.equal(await page.eval('document.documentElement.scrollWidth <= innerWidth'), true, 'no sideways scrolling');
        // Shown: laid out bigger than a pixel (another tab hides the reader visually only).
        const visible = '(el) => { const r = el.getBoundingClientRect(); return r.width > 1 && r.height > 1; }';
        const shown = (name) => page.eval(`(${visible})(document.querySelector(args[0]))`, `.panel-${name}`);
        assert.equal(await shown('reader'), true);
        assert.equal(await shown('terms'), false);
        await page.click(await page.findWithText('.tabs button', 'Terms'));
        await page.waitFor(`(${visible})(document.querySelector('.panel-terms'))`, 'the Terms tab to show its panel');
        assert.equal(await shown('reader'), false);
        await page.click(await page.find('.term-row .term-label'));
        await page.waitFor(`(${visible})(document.querySelector('.panel-reader')) && document.querySelector('.doc mark.hit')`,
          'a term click to show the reader with its hits');
        await checkErrors(page, t);
      } finally {
        await page.resize(1280, 900);
      }
    });

    test('the dark theme applies its colours', async (t) => {
      await page.goto(server.url);
      const background = () => page.eval('getComputedStyle(document.body).backgroundColor');
      const light = await background();
      // The toggle goes system → light → dark.
      for (const theme of ['light', 'dark']) {
        await page.click(await page.find('.theme-toggle'));
        await page.waitFor('document.documentElement.dataset.theme === args[0]', `the ${theme} theme`, theme);
      }
      assert.equal(await background(), 'rgb(20, 21, 24)');
      assert.notEqual(light, 'rgb(20, 21, 24)');
      assert.equal(await page.eval('getComputedStyle(document.documentElement).colorScheme'), 'dark');
      await page.click(await page.find('.theme-toggle'));
      await page.waitFor('!document.documentElement.dataset.theme', 'back to the system theme');
      await checkErrors(page, t);
    });

    test('after one visit the page works with its server gone (service worker)', async (t) => {
      await page.goto(server.url);
      // The worker registers once the app has started, keeps this build and claims the page.
      await page.waitFor('navigator.serviceWorker.controller', 'a service worker to control the page');
      await server.close();
      // A new load (not WebDriver's refresh: Firefox's is a hard reload, which skips workers).
      await page.goto(`${server.url}index.html#q=NATO`);
      assert.equal(page.recordedFromStart, false, 'the page came from the worker, not the server');
      await page.waitFor('document.querySelector("#search-input").value === "NATO" && document.querySelector(".doc mark.hit")', 'the query from the URL');
      assert.equal(await page.count('.doc mark.hit'), coreTotal('NATO'));
      await checkErrors(page, t);
    });

    test('a long document grows its window as the reader scrolls (IntersectionObserver)', async (t) => {
      if (!existsSync(join(STRESS_DIST, 'index.html'))) {
        t.skip('target/dist-stress is not built (scripts/test.sh builds it before this suite)');
        return;
      }
      const stress = await serveRecorded(STRESS_DIST);
      const parts = () => page.count('.doc-body p');
      try {
        await page.goto(`${stress.url}#doc=big-paragraph`);
        const drawn = await parts();
        assert.ok(drawn > 0 && drawn < 40, `a window of the paragraph is drawn (${drawn} parts)`);
        // Page by page, as a reader scrolls: the window grows before its end is reached.
        let pages = 0;
        while ((await parts()) === drawn) {
          assert.ok(++pages <= 300, 'the window grew within 300 screens');
          await page.eval('scrollBy({ top: innerHeight * 0.9, behavior: "instant" })');
          await page.afterFrames();
        }

        // "Show more text" (for keyboards, and engines without IntersectionObserver) draws
        // more at once. Pressed where it is: scrolling to it would grow the window first.
        await page.goto(`${stress.url}#doc=big-paragraph&q=zzz`);
        await page.eval('document.querySelector(".doc-body .more-text:last-child button").click()');
        await page.waitFor(`document.querySelectorAll('.doc-body p').length > ${drawn}`, '"Show more text" to draw more');
        await checkErrors(page, t);
      } finally {
        await page.leave();
        await stress.close();
      }
    });

    test('the single file opens from file:// and works', async (t) => {
      await page.goto(SINGLE_FILE);
      assert.equal((await readerText(page)).title, title);
      const input = await page.search('NATO');
      const total = coreTotal('NATO');
      assert.equal(await page.count('.doc mark.hit'), total);
      await input.sendKeys(Key.ENTER);
      await page.waitFor(`document.querySelector('.counter').textContent === '2 of ${total}'`, 'Enter to step');
      await page.waitFor('location.hash === "#q=NATO"', 'the URL to follow the typing');
      await page.click(await page.findWithText('.chip', 'Republic of Korea'));
      await page.waitFor('decodeURIComponent(location.hash).includes("ent=GPE:Republic of Korea")', 'the chip to be in the URL');
      await page.driver.navigate().back();
      await page.waitFor('document.querySelector("#search-input").value === "NATO"', 'Back to restore the query');
      await page.click(await page.find('.term-row .term-label'));
      await page.waitFor('document.querySelector(".term-row.selected") && document.querySelector(".doc mark.hit")', 'a term click to search');
      await checkErrors(page, t);
    });
  });
}
