// Starts the three engines the cross-engine suite drives through plain WebDriver: Debian's
// Chromium (chromedriver), Firefox ESR (geckodriver) and WebKitGTK's MiniBrowser
// (WebKitWebDriver, under xvfb-run: it needs a display). Each driver runs on a free port of
// its own, in its own process group, and is stopped with the session.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, homedir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { Builder } = require('selenium-webdriver');

const cargoBin = join(process.env.CARGO_HOME ?? join(homedir(), '.cargo'), 'bin');

/** Where each engine's pieces are, overridable from the environment. */
export const PATHS = {
  chromium: process.env.CHROMIUM ?? '/usr/bin/chromium',
  chromedriver: process.env.CHROMEDRIVER ?? '/usr/bin/chromedriver',
  firefox: process.env.FIREFOX ?? '/usr/bin/firefox-esr',
  geckodriver: process.env.GECKODRIVER ?? join(cargoBin, 'geckodriver'),
  minibrowser: process.env.MINIBROWSER ?? findMiniBrowser(),
  webkitdriver: process.env.WEBKIT_WEBDRIVER ?? '/usr/bin/WebKitWebDriver',
};

function findMiniBrowser() {
  for (const arch of ['x86_64-linux-gnu', 'aarch64-linux-gnu']) {
    const path = `/usr/lib/${arch}/webkit2gtk-4.1/MiniBrowser`;
    if (existsSync(path)) return path;
  }
  return '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
}

/** The engines, in the order the suite runs them; ENGINES=firefox,webkit picks some. */
export const ENGINES = (process.env.ENGINES ?? 'chromium,firefox,webkit').split(',').filter(Boolean);

async function freePort() {
  const server = createServer();
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  await new Promise((ok) => server.close(ok));
  return port;
}

/** Waits until a driver answers /status (it is ready for a session) or its process ends. */
async function untilReady(url, child, name) {
  let exited = null;
  child.once('exit', (code, signal) => { exited = `${code ?? signal}`; });
  const deadline = Date.now() + 60000;
  while (Date.now() < deadline) {
    if (exited !== null) throw new Error(`${name} exited (${exited}) before it was ready: ${child.stderrText()}`);
    try {
      const res = await fetch(`${url}/status`);
      if (res.ok && (await res.json()).value?.ready !== false) return;
    } catch { /* not listening yet */ }
    await new Promise((ok) => setTimeout(ok, 50)); // polling a process that has no ready event
  }
  throw new Error(`${name} did not answer within 60 s: ${child.stderrText()}`);
}

function start(command, args, env = {}) {
  const child = spawn(command, args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr = (stderr + d).slice(-4000); });
  child.stderrText = () => stderr.trim();
  child.stop = () => new Promise((ok) => {
    if (child.exitCode !== null || child.signalCode !== null) return ok();
    child.once('exit', ok);
    try { process.kill(-child.pid, 'SIGTERM'); } catch { ok(); }
  });
  return child;
}

/**
 * Starts `engine` and opens a session. Options: `width`, `height` (the window's inner size is
 * then set to them where the engine allows), `dark` (the system prefers a dark scheme),
 * `javascript` (false: scripts off).
 * Returns { engine, driver, close, capabilities }.
 */
export async function openSession(engine, { width = 1280, height = 900, dark = false, javascript = true } = {}) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let child;
  let capabilities;
  const profile = mkdtempSync(join(tmpdir(), `engines-${engine}-`));
  if (engine === 'chromium') {
    child = start(PATHS.chromedriver, [`--port=${port}`]);
    const args = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
      '--disable-dev-shm-usage', `--user-data-dir=${profile}`, `--window-size=${width},${height}`,
      // Scripts off, for the no-JavaScript reading test (a content setting, as a visitor sets it).
      ...(dark ? ['--force-dark-mode', '--blink-settings=preferredColorScheme=0'] : [])];
    capabilities = {
      browserName: 'chrome',
      'goog:chromeOptions': {
        binary: PATHS.chromium, args,
        prefs: javascript ? {} : { 'profile.managed_default_content_settings.javascript': 2 },
      },
      'goog:loggingPrefs': { browser: 'ALL' },
    };
  } else if (engine === 'firefox') {
    const wsPort = await freePort();
    child = start(PATHS.geckodriver, ['--port', String(port), '--websocket-port', String(wsPort), '--profile-root', profile]);
    capabilities = {
      browserName: 'firefox',
      'moz:firefoxOptions': {
        binary: PATHS.firefox,
        args: ['-headless', `--width=${width}`, `--height=${height}`],
        prefs: {
          // 0 dark, 1 light: what prefers-color-scheme reports to pages.
          'layout.css.prefers-color-scheme.content-override': dark ? 0 : 1,
          'javascript.enabled': javascript,
          'browser.shell.checkDefaultBrowser': false,
          'app.update.enabled': false,
          'datareporting.policy.dataSubmissionEnabled': false,
          'network.captive-portal-service.enabled': false,
          'network.connectivity-service.enabled': false,
        },
      },
      webSocketUrl: true,
    };
  } else if (engine === 'webkit') {
    // WebKitGTK's MiniBrowser draws into an X window even when driven: xvfb-run gives it a
    // virtual display (-a: the first free one).
    child = start('xvfb-run', ['-a', '-s', '-screen 0 1920x1200x24', PATHS.webkitdriver, `--port=${port}`]);
    capabilities = {
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': {
        binary: PATHS.minibrowser,
        args: ['--automation', ...(dark ? ['--dark-mode'] : []), ...(javascript ? [] : ['--enable-javascript=false'])],
      },
    };
  } else {
    throw new Error(`unknown engine ${engine}`);
  }
  try {
    await untilReady(url, child, engine);
  } catch (error) {
    await child.stop();
    throw error;
  }
  let driver;
  try {
    driver = await new Builder().usingServer(url).withCapabilities(capabilities).build();
  } catch (error) {
    await child.stop();
    throw new Error(`${engine}: no session (${error.message}); driver said: ${child.stderrText()}`);
  }
  const close = async () => {
    try { await driver.quit(); } catch { /* the browser is gone already */ }
    await child.stop();
    rmSync(profile, { recursive: true, force: true });
  };
  return { engine, driver, close, capabilities: await driver.getCapabilities() };
}
