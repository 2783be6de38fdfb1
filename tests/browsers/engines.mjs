// The three browser engines, each driven through W3C WebDriver by its own driver:
// Chromium (chromedriver), Firefox ESR (geckodriver) and WebKit, Safari's engine
// (WebKitGTK's WebKitWebDriver driving its MiniBrowser). Every path is a Debian or crate
// install made by scripts/setup.sh; nothing is downloaded here (each driver is started
// by this file and reached by its address, so selenium-webdriver never looks for one).
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import webdriver from 'selenium-webdriver';
import http from 'selenium-webdriver/http/index.js';

const env = process.env;

export const ENGINES = {
  chromium: {
    driver: env.CHROMEDRIVER || '/usr/bin/chromedriver',
    args: (port) => [`--port=${port}`],
    capabilities: (downloads) => ({
      browserName: 'chrome',
      'goog:chromeOptions': {
        binary: env.CHROMIUM || '/usr/bin/chromium',
        args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
          '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
          '--window-size=1280,1000'],
        prefs: { 'download.default_directory': downloads, 'download.prompt_for_download': false },
      },
    }),
  },
  firefox: {
    driver: env.GECKODRIVER || `${homedir()}/.cargo/bin/geckodriver`,
    args: (port) => ['--port', String(port)],
    capabilities: (downloads) => ({
      browserName: 'firefox',
      'moz:firefoxOptions': {
        binary: env.FIREFOX || '/usr/bin/firefox-esr',
        args: ['-headless', '-width=1280', '-height=1000'],
        prefs: {
          // Downloads go to this folder without asking.
          'browser.download.folderList': 2,
          'browser.download.dir': downloads,
          'browser.download.useDownloadDir': true,
          'browser.download.always_ask_before_handling_new_types': false,
          'browser.helperApps.neverAsk.saveToDisk': 'application/json,text/csv',
          // Nothing but the app's own origin: no update checks, no telemetry.
          'app.update.enabled': false, 'datareporting.policy.dataSubmissionEnabled': false,
          'toolkit.telemetry.enabled': false, 'browser.shell.checkDefaultBrowser': false,
        },
      },
    }),
  },
  webkit: {
    driver: env.WEBKITWEBDRIVER || '/usr/bin/WebKitWebDriver',
    args: (port) => [`--port=${port}`],
    // The MiniBrowser has no headless mode here: scripts/test.sh runs this suite under
    // xvfb-run. It saves downloads to the XDG download folder, which has no capability:
    // core.test.mjs points it at `downloads` through XDG_CONFIG_HOME (user-dirs.dirs).
    capabilities: () => ({
      'webkitgtk:browserOptions': {
        binary: env.MINIBROWSER || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
        args: ['--automation'],
      },
    }),
  },
};

/** The engines to run: $ENGINES (comma-separated) or all three. */
export function selectedEngines() {
  const names = (env.ENGINES || Object.keys(ENGINES).join(',')).split(',').map((s) => s.trim()).filter(Boolean);
  for (const name of names) if (!ENGINES[name]) throw new Error(`unknown engine ${name}; known: ${Object.keys(ENGINES).join(', ')}`);
  return names;
}

function freePort() {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => { const { port } = probe.address(); probe.close(() => done(port)); });
  });
}

async function waitForDriver(url, child, deadline) {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the driver exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/status`);
      if (res.ok) return;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) throw new Error(`no driver at ${url}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Starts `name`'s driver and a browser session. Resolves to `{ driver, browser, quit() }`
 * (`browser`: the engine's name and version as its driver reports them); `downloads` is
 * the folder downloads go to, `environment` extra variables for the driver and browser.
 */
export async function launch(name, downloads, environment = {}) {
  const engine = ENGINES[name];
  const port = await freePort();
  const child = spawn(engine.driver, engine.args(port), {
    stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...environment },
  });
  let log = '';
  child.stderr.on('data', (d) => { log = (log + d).slice(-4000); });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForDriver(url, child, Date.now() + 30_000);
    const driver = await webdriver.WebDriver.createSession(
      new http.Executor(new http.HttpClient(url)), new webdriver.Capabilities(engine.capabilities(downloads)));
    const caps = await driver.getCapabilities();
    await driver.manage().setTimeouts({ script: 30_000 });
    const driverVersion = caps.get('chrome')?.chromedriverVersion?.split(' ')[0] ?? caps.get('moz:geckodriverVersion');
    return {
      driver,
      browser: `${caps.get('browserName')} ${caps.get('browserVersion')}${driverVersion ? ` (driver ${driverVersion})` : ''}`,
      quit: async () => { try { await driver.quit(); } finally { child.kill(); } },
    };
  } catch (e) {
    child.kill();
    throw new Error(`${name}: ${e.message}\n${log}`);
  }
}
