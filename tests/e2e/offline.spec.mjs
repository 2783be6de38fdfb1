// Offline and installable: after one visit the app loads and works with no network, and
// a new build is picked up on the next visit with a short notice that leaves every
// stored assessment as it was. Each test serves the build itself (its own server on a
// free port), so that it can take the host away or deploy a second build on the same
// origin, as a real host would.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { chromium } from '@playwright/test';
import { test, expect, expectAccessible, watch, questions, answer } from './fixtures.mjs';
import { serve } from './static-server.mjs';

const dist = resolve(process.env.E2E_DIST ?? 'dist');
const NOTICE = 'A new version of Roadmap Readiness is ready: it loads the next time you open or reload this page. Your saved assessments stay as they are.';

/** A page of its own context on `server`, watched as every test's page is. */
async function visitor(browser, server) {
  const context = await browser.newContext({ baseURL: server.url, acceptDownloads: true });
  const page = await context.newPage();
  const problems = watch(page, server.url);
  return { context, page, problems };
}

/** Opens the app and waits until its service worker is installed and controls the page. */
async function openControlled(page) {
  await page.goto('./');
  await expect(page.locator('main h1')).toBeVisible();
  await page.waitForFunction(async () => {
    await navigator.serviceWorker.ready;
    return navigator.serviceWorker.controller !== null;
  });
}

const storage = (page) => page.evaluate(() => Object.fromEntries(Object.keys(localStorage).sort().map((k) => [k, localStorage.getItem(k)])));

test('the build precaches every file of dist/ but the worker itself and the language packs, each with a revision', async () => {
  const sw = await readFile(join(dist, 'sw.js'), 'utf8');
  const listed = [...sw.matchAll(/url:"([^"]+)",revision:"([0-9a-f]+)"/g)].map((m) => m[1]).sort();
  const files = (await readdir(dist, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath ?? e.path, e.name).slice(dist.length + 1))
    // Not the app's files: the worker itself, the host's _headers, and the precompressed
    // copies a host serves in place of a file (the worker fetches the file itself). Not
    // the language packs either: each is kept once its language is chosen.
    .filter((f) => f !== 'sw.js' && f !== '_headers' && !/\.(br|gz)$/.test(f) && !f.startsWith('lang/'))
    .sort();
  expect(listed).toEqual(files);
  expect(listed).toContain('index.html');
  expect(listed.some((f) => f.endsWith('.wasm'))).toBe(true);
  expect(listed.some((f) => f.includes('split_'))).toBe(true);
});

test('a language chosen once works offline; one never chosen says it cannot be loaded', async ({ browser }) => {
  test.setTimeout(120_000);
  const server = await serve({ root: dist });
  const { context, page, problems } = await visitor(browser, server);
  try {
    await openControlled(page);
    await page.getByRole('button', { name: 'Français' }).click();
    await expect(page.locator('main h1')).toHaveText('Roadmap Readiness');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await context.setOffline(true);
    await server.close();
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.getByRole('button', { name: 'Français' })).toHaveAttribute('aria-pressed', 'true');
    // Spanish was never chosen here: the page stays in French and says why.
    await page.getByRole('button', { name: 'Español' }).click();
    await expect(page.locator('.language-failure')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expectAccessible(page, 'a language that cannot be loaded offline');
    expect(problems.filter((p) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(p))).toEqual([]);
  } finally {
    await context.close();
    await server.close();
  }
});

test('after one visit the app loads with no network: a quick check completed and exported', async ({ browser }) => {
  test.setTimeout(120_000);
  const server = await serve({ root: dist });
  const { context, page, problems } = await visitor(browser, server);
  try {
    await openControlled(page);
    // No network at all: the browser is offline and the host is gone.
    await context.setOffline(true);
    await server.close();
    await page.reload();
    await expect(page.locator('main h1')).toHaveText('Roadmap Readiness');

    await page.goto('./#/new');
    await page.getByLabel('City / local government', { exact: true }).check();
    await page.getByLabel('Quick check', { exact: true }).check();
    await page.getByLabel('Name of the city or local government').fill('Offline City');
    await page.getByRole('button', { name: 'Start the assessment' }).click();
    let answered = 0;
    for (let step = 1; step <= 10; step++) {
      await expect(page.locator('main h1')).toHaveText(new RegExp(`^Step ${step}:`));
      const count = await questions(page).count();
      for (let i = 0; i < count; i++) await answer(questions(page).nth(i), 2);
      answered += count;
      await page.getByRole('link', { name: step < 10 ? 'Next step' : 'See the results' }).click();
    }
    await expect(page.locator('main h1')).toHaveText('Results: Offline City');
    await expect(page.getByTestId('overall-score')).toHaveText('50');
    // A reload with no network shows the same.
    await page.reload();
    await expect(page.getByTestId('overall-score')).toHaveText('50');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download as JSON' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^roadmap-readiness-offline-city-\d{4}-\d{2}-\d{2}\.json$/);
    const file = JSON.parse(await readFile(await download.path(), 'utf8'));
    expect(file.assessment.name).toBe('Offline City');
    expect(file.assessment.mode).toBe('quick');
    expect(file.assessment.answers).toHaveLength(answered);
    expect(file.assessment.answers.every((a) => a.response === 'level' && a.level === 2)).toBe(true);
    expect(problems).toEqual([]);
  } finally {
    await context.close();
    await server.close();
  }
});

test('installable: Chromium finds no installability error; the manifest is relative and its icons load', async ({}, testInfo) => {
  // A persistent profile: the test's usual contexts are private windows, where Chromium
  // never offers to install (its only objection there is "in-incognito").
  const server = await serve({ root: dist });
  const profile = await mkdtemp(join(tmpdir(), 'rr-profile-'));
  const { launchOptions } = testInfo.project.use;
  const context = await chromium.launchPersistentContext(profile, { ...launchOptions, baseURL: server.url });
  const page = context.pages()[0] ?? await context.newPage();
  const problems = watch(page, server.url);
  try {
    await openControlled(page);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
    const { url: manifestUrl } = await cdp.send('Page.getAppManifest');
    const manifest = await (await page.request.get(manifestUrl)).json();
    // Relative start and scope: the app's own folder under any sub-path.
    expect(new URL(manifest.start_url, manifestUrl).href).toBe(server.url);
    expect(new URL(manifest.scope, manifestUrl).href).toBe(server.url);
    expect(manifest.display).toBe('standalone');
    for (const icon of manifest.icons) {
      const src = new URL(icon.src, manifestUrl).href;
      expect(src.startsWith(server.url)).toBe(true);
      const size = await page.evaluate((src) => new Promise((done, fail) => {
        const img = new Image();
        img.onload = () => done(`${img.naturalWidth}x${img.naturalHeight}`);
        img.onerror = () => fail(new Error(`${src} does not load`));
        img.src = src;
      }), src);
      if (icon.sizes !== 'any') expect(size).toBe(icon.sizes);
    }
    expect(problems).toEqual([]);
  } finally {
    await context.close();
    await server.close();
    await rm(profile, { recursive: true, force: true });
  }
});

test('a new build is picked up on the next visit with a notice, and stored data is untouched', async ({ browser }) => {
  test.setTimeout(120_000);
  // Build B: build A (dist/) with a changed page, and its service worker generated again
  // by the build's own step, so that the precache list and its revisions are B's. A copy
  // rather than a second release build: the same bytes but one file, made in a second.
  const b = await mkdtemp(join(tmpdir(), 'rr-build-b-'));
  await cp(dist, b, { recursive: true });
  // Build A's precompressed copies would be served in place of B's changed files.
  for (const e of await readdir(b, { recursive: true, withFileTypes: true })) {
    if (e.isFile() && /\.(br|gz)$/.test(e.name)) await rm(join(e.parentPath ?? e.path, e.name));
  }
  let page = await readFile(join(b, 'index.html'), 'utf8');
  // B's wasm is in a folder of its own, as a new release's is: the chunks build A's page
  // has not fetched yet are gone from the host and, once B takes over, from the cache.
  const [folderA] = (await readdir(b)).filter((n) => /^wasm-[0-9a-f]{16}$/.test(n));
  const folderB = 'wasm-bbbbbbbbbbbbbbbb';
  await rename(join(b, folderA), join(b, folderB));
  const loaderName = (await readdir(b)).find((n) => /^loader-[0-9a-f]{16}\.js$/.test(n));
  const loader = (await readFile(join(b, loaderName), 'utf8')).replaceAll(folderA, folderB);
  await writeFile(join(b, loaderName), loader);
  page = page.replaceAll(folderA, folderB).replace(
    new RegExp(`(src="\\./${loaderName}" integrity=")[^"]+`),
    `$1sha384-${createHash('sha384').update(loader).digest('base64')}`);
  await writeFile(join(b, 'index.html'), page.replace('<head>', '<head><meta name="build" content="B">'));
  await promisify(execFile)('node', ['scripts/service-worker.mjs', b]);
  expect(await readFile(join(b, 'sw.js'), 'utf8')).not.toBe(await readFile(join(dist, 'sw.js'), 'utf8'));

  const server = await serve({ root: dist });
  const visit = await visitor(browser, server);
  try {
    const { page } = visit;
    await openControlled(page);
    await page.goto('./#/new');
    await page.getByLabel('Name of the city or local government').fill('Springfield');
    await page.getByRole('button', { name: 'Start the assessment' }).click();
    await answer(questions(page).nth(0), 3);
    await questions(page).nth(0).getByLabel('Note or evidence (optional)').fill('Kept across versions');
    await expect(page.getByRole('status').first()).toHaveText('Saved in this browser.');
    const before = await storage(page);
    expect(Object.keys(before)).toHaveLength(1);

    // The host deploys build B; the person comes back.
    server.root = b;
    await page.goto('./');
    await expect(page.locator('main h1')).toHaveText('Roadmap Readiness');
    const notice = page.locator('.update-notice[aria-live="polite"]');
    await expect(notice).toHaveText(NOTICE, { timeout: 30_000 });
    await expectAccessible(page, 'home with the update notice');
    expect(await page.locator('meta[name="build"]').count()).toBe(0);
    expect(await storage(page)).toEqual(before);
    // A view this page has not opened yet: its code was build A's, replaced by B's (and
    // with the browser's HTTP cache emptied, which could otherwise still hold it). The
    // view says so; nothing else breaks.
    await (await visit.context.newCDPSession(page)).send('Network.clearBrowserCache');
    await page.getByRole('navigation').first().getByRole('link', { name: 'The roadmap', exact: true }).click();
    await expect(page.locator('main [role="alert"]')).toHaveText(/^A new version of Roadmap Readiness was installed while this page was open/);
    await expectAccessible(page, 'a view of the old version after the update');
    expect(visit.problems.splice(0).filter((p) => !/Failed to load resource|404|HTTP status code is not ok/.test(p)), 'only the old chunk\'s 404, and its compile refused').toEqual([]);
    await page.goto('./');

    // The next load is build B, with the assessment as it was and no notice.
    await page.reload();
    await expect(page.locator('main h1')).toHaveText('Roadmap Readiness');
    await expect(page.locator('meta[name="build"]')).toHaveAttribute('content', 'B');
    await expect(notice).toHaveText('');
    await expect(page.getByRole('heading', { name: 'Springfield', exact: true })).toBeVisible();
    expect(await storage(page)).toEqual(before);
    // And B's views open.
    await page.getByRole('navigation').first().getByRole('link', { name: 'The roadmap', exact: true }).click();
    await expect(page.locator('main h1')).toHaveText('The roadmap');
    expect(visit.problems).toEqual([]);
  } finally {
    await visit.context.close();
    await server.close();
    await rm(b, { recursive: true, force: true });
  }
});
