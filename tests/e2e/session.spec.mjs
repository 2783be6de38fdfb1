// One whole session, as a person works through it, with every request recorded: a new
// assessment answered step by step, its results, plan, report (printed), exports, an
// import, a workshop that merges it with a participant's file and saves a consensus, a
// community organisation's assessment and its funder pack, the two side by side, the
// roadmap and the scoring rules, and a reload. It runs twice:
//
// - service workers blocked: each request is recorded by the context's request event and
//   by a route on every URL, and the two records must agree, so nothing bypasses them;
// - service workers allowed, as a visitor has them: the event also records the worker's
//   own requests (its precache and update check), and the route those that reach the
//   network (the worker answers the rest from its cache).
//
// Either fails on any request to another origin and prints the distinct paths asked for.
import { readFile } from 'node:fs/promises';
import { test, expect, expectAccessible, questions, answer } from './fixtures.mjs';

/** Records every request of the context: by its request event and by a route. */
async function record(context, page) {
  const requests = [];
  await context.route('**', (route) => {
    requests.push({ url: route.request().url(), via: 'route' });
    return route.continue();
  });
  context.on('request', (r) => requests.push({ url: r.url(), via: r.serviceWorker() ? 'service worker' : 'event' }));
  const workers = [];
  context.on('serviceworker', (w) => workers.push(w.url()));
  page.on('worker', (w) => workers.push(w.url()));
  const count = (via) => requests.filter((r) => r.via === via).length;
  return { requests, workers, count };
}

/** What the record holds, printed; fails on any request to another origin. */
function report(origin, { requests, count }, registered) {
  const foreign = requests.filter((r) => new URL(r.url).origin !== origin);
  const paths = [...new Set(requests.map((r) => new URL(r.url).pathname))].sort();
  console.log(`${count('event')} requests of the pages, ${count('service worker')} of the service worker (${registered} registered), `
    + `${count('route')} through the route; ${foreign.length} to another origin than ${origin}; ${paths.length} distinct paths:\n  ${paths.join('\n  ')}`);
  expect(foreign, 'requests to another origin').toEqual([]);
}

const registrations = (page) => page.evaluate(async () => (await navigator.serviceWorker?.getRegistrations())?.length ?? 0);

/** The session, as a person works through it. */
async function session(page) {
  const nav = (name) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
  const heading = page.locator('main h1');
  async function download(click) {
    const [file] = await Promise.all([page.waitForEvent('download'), click()]);
    return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
  }

  // A first visit.
  await page.goto('./');
  await expect(heading).toBeVisible();
  await page.evaluate(() => localStorage.clear());
  await page.reload();

  // A new assessment, answered over two steps.
  await nav('New assessment').click();
  await page.getByLabel('City / local government', { exact: true }).check();
  await page.getByLabel('Full assessment', { exact: true }).check();
  await page.getByLabel('Name of the city or local government').fill('Session City');
  await page.getByLabel('Who is filling it in (optional)').fill('Dana');
  await page.getByRole('button', { name: 'Start the assessment' }).click();
  await expect(heading).toHaveText(/^Step 1:/);
  await answer(questions(page).nth(0), 3);
  await answer(questions(page).nth(1), 'Not applicable');
  await questions(page).nth(2).getByLabel('Note or evidence (optional)').fill('Minutes of the March meeting');
  await page.getByRole('link', { name: 'Next step' }).click();
  await expect(heading).toHaveText(/^Step 2:/);
  await answer(questions(page).nth(0), "Don't know");
  await answer(questions(page).nth(1), 1);
  await expect(page.getByRole('status').first()).toHaveText('Saved in this browser.');

  // Results, plan, report.
  await page.getByRole('navigation', { name: 'Roadmap steps' }).getByRole('link', { name: 'Results' }).click();
  await expect(heading).toContainText('Session City');
  const json = await download(() => page.getByRole('button', { name: 'Download as JSON' }).click());
  await page.getByRole('navigation', { name: 'Plan, report and scoring rules' }).getByRole('link', { name: 'Action plan' }).click();
  await expect(heading).toHaveText('Action plan: Session City');
  const first = page.locator('ol.plan-list > li').first();
  await first.getByLabel('Owner').fill('Liaison team');
  await first.getByLabel('Status').selectOption('in_progress');
  await page.locator('#new-own-text').fill('Brief the deputy mayor');
  await page.getByRole('button', { name: 'Add the action' }).click();
  await expect(page.locator('ul.plan-list.own > li')).toHaveCount(1);
  await page.getByRole('link', { name: 'Printable report' }).click();
  await expect(heading).toContainText('Session City');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await page.emulateMedia({ media: 'screen' });

  // The library: exports, then the exported file imported again, kept beside the first.
  await nav('Saved assessments').click();
  const card = page.locator('.library li.card', { hasText: 'Session City' });
  await download(() => card.getByRole('button', { name: 'Export JSON of Session City' }).click());
  await download(() => card.getByRole('button', { name: 'Export CSV of Session City' }).click());
  await download(() => page.getByRole('button', { name: 'Export all assessments as one CSV' }).click());
  await page.getByLabel('Import assessment files (JSON)').setInputFiles({ name: json.name, mimeType: 'application/json', buffer: Buffer.from(json.text) });
  await page.locator('.import-result').getByRole('button', { name: 'Keep both' }).click();
  await expect(page.locator('.library li.card')).toHaveCount(2);

  // A workshop: the assessment from the library and a participant's file, a consensus.
  await nav('Workshop').click();
  await page.getByLabel('Name of the workshop').fill('Session workshop');
  await page.getByLabel('City / local government').check();
  await page.getByRole('button', { name: 'Start the workshop' }).click();
  await page.getByText('Add assessments saved in this browser').click();
  await page.getByRole('button', { name: 'Add “Session City (Dana)”' }).first().click();
  const other = JSON.parse(json.text);
  Object.assign(other.assessment, { id: 'session-participant-ben', respondent: 'Ben' });
  other.assessment.answers = other.assessment.answers.map((a) => (a.response === 'level' ? { ...a, level: 4 - a.level } : a));
  await page.getByLabel('Add participants\' files (JSON)').setInputFiles({ name: 'ben.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(other)) });
  await expect(page.getByTestId('workshop-summary')).toContainText('2 participants');
  const workshopFile = await download(() => page.getByRole('button', { name: 'Export the workshop (one file)' }).click());
  expect(JSON.parse(workshopFile.text).format).toBe('roadmap-readiness.workshop');
  await page.getByRole('button', { name: 'Save the consensus' }).click();
  await expect(page.getByText('The consensus is saved in this browser\'s library.')).toBeVisible();
  await page.getByRole('link', { name: 'Its report' }).click();
  await expect(page.getByTestId('report-consensus')).toBeVisible();

  // A community organisation's assessment, up to its grant readiness and funder pack.
  await nav('New assessment').click();
  await page.getByLabel('Community organisation', { exact: true }).check();
  await page.getByLabel('Quick check', { exact: true }).check();
  await page.getByLabel('Name of the organisation').fill('Session Youth Group');
  await page.getByRole('button', { name: 'Start the assessment' }).click();
  await expect(heading).toHaveText(/^Step 1:/);
  await answer(questions(page).nth(0), 2);
  await page.getByRole('navigation', { name: 'Roadmap steps' }).getByRole('link', { name: /^7/ }).click();
  await expect(heading).toHaveText(/^Step 7:/);
  await answer(questions(page).nth(0), 1);
  await page.getByRole('navigation', { name: 'Roadmap steps' }).getByRole('link', { name: 'Results' }).click();
  await page.getByRole('link', { name: 'The funder pack, one page to print' }).click();
  await expect(heading).toContainText('Session Youth Group');

  // Side by side, the roadmap, the rules; and a reload.
  await nav('City beside community').click();
  await page.getByLabel('City / local government assessment').selectOption({ label: 'Session City' });
  await page.getByLabel('Community organisation assessment').selectOption({ label: 'Session Youth Group' });
  await expect(page.getByTestId('compare-table').locator('tbody tr')).toHaveCount(10);
  await nav('The roadmap').click();
  await expect(heading).toBeVisible();
  await nav('How scores work').click();
  await expect(heading).toHaveText('How scores work');
  await expectAccessible(page, 'scoring, at the end of a session');
  await page.reload();
  await expect(heading).toHaveText('How scores work');
}

test.describe('service workers blocked', () => {
  // A response from the worker's cache reaches the page without a route: blocked, the
  // two records must agree request for request.
  test.use({ serviceWorkers: 'block' });
  test('a whole session, new assessment to workshop and comparison, asks nothing of any other host', async ({ page, context, baseURL }) => {
    test.setTimeout(180_000);
    const origin = new URL(baseURL).origin;
    const recorded = await record(context, page);
    await session(page);
    expect(recorded.workers, 'no worker of any kind').toEqual([]);
    expect(await registrations(page)).toBe(0);
    report(origin, recorded, 0);
    expect(recorded.count('route'), 'the route saw every request the event saw').toBe(recorded.count('event'));
  });
});

test.describe('service workers allowed', () => {
  test.use({ serviceWorkers: 'allow' });
  test('the same session with the app\'s service worker at work: it too asks nothing of any other host', async ({ page, context, baseURL }) => {
    test.setTimeout(180_000);
    const origin = new URL(baseURL).origin;
    const recorded = await record(context, page);
    await session(page);
    const registered = await registrations(page);
    expect(registered, 'the app registers its service worker').toBe(1);
    expect(recorded.workers.map((url) => new URL(url).origin), 'every worker is the app\'s own').toEqual(recorded.workers.map(() => origin));
    expect(recorded.count('service worker'), 'the service worker\'s own requests are recorded').toBeGreaterThan(0);
    report(origin, recorded, registered);
  });
});
