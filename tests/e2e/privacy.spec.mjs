// The privacy protections as a person uses them: export for sharing (JSON, CSV, the
// printed report) without notes or names and saying so; a shared computer, where the
// assessment lives only in the tab; "Delete all my data" over both storages and the
// offline cache, showing what it removed; the privacy page, linked from every page.
import { readFile } from 'node:fs/promises';
import { test, expect, expectAccessible, openApp, startAssessment, questions, answer } from './fixtures.mjs';

test.beforeEach(async ({ page }) => {
  await openApp(page);
  await page.evaluate(() => { localStorage.clear(); sessionStorage.clear(); });
});

const fixture = (name) => readFile(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const card = (page, name) => page.locator('.library li.card', { has: page.getByRole('heading', { name, exact: true }) });
const results = (page) => page.locator('.import-result');
const storages = (page) => page.evaluate(() => {
  const all = (s) => Object.fromEntries(Object.keys(s).sort().map((k) => [k, s.getItem(k)]));
  return { local: all(localStorage), session: all(sessionStorage) };
});
const ours = (entries) => Object.keys(entries).filter((k) => k.startsWith('roadmap-readiness/'));

async function download(page, click) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

test('export for sharing leaves out every note and name, says so, and imports as shared', async ({ page }) => {
  // A consensus with notes (its rationales), owners, own actions and a respondent.
  const original = JSON.parse(await fixture('format-v4.json'));
  Object.assign(original.assessment, {
    instrument: { id: 'rr-city', version: '1.1.0' },
    answers: [
      { question: 'city-1-every-district', response: 'level', level: 3, note: 'Ward meetings in all 12 districts' },
      { question: 'city-2-liaison-lead', response: 'level', level: 1, note: 'The liaison post is vacant' },
      { question: 'city-1-reluctant-communities', response: 'dont_know', note: 'Ask the imam' },
      { question: 'city-3-threat-picture', response: 'none', note: 'Only a note' },
    ],
  });
  original.assessment.plan.tracking = [
    { action: 'city-2-liaison-lead/1', status: 'in_progress', owner: 'Community liaison team', due: '2027-03-31' },
  ];
  original.assessment.consensus.labels = ['Ana Participant', 'Ben Participant'];
  original.assessment.consensus.spread = [];
  await openApp(page, '#/');
  await page.getByLabel('Import assessment files (JSON)').setInputFiles({ name: 'full.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(original)) });
  const name = 'Springfield workshop (consensus)';
  await expect(card(page, name)).toBeVisible();

  // On the card, by keyboard: the more export choices open with Enter.
  const more = card(page, name).getByText(`More ways to export ${name}: for sharing, or with a passphrase`);
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(card(page, name).getByRole('button', { name: `JSON for sharing of ${name}` })).toBeVisible();
  await expectAccessible(page, 'card with export choices');
  const json = await download(page, () => card(page, name).getByRole('button', { name: `JSON for sharing of ${name}` }).click());
  expect(json.name).toMatch(/^roadmap-readiness-springfield-workshop-consensus-shared-\d{4}-\d{2}-\d{2}\.json$/);
  const shared = JSON.parse(json.text);
  expect(shared.format_version).toBe(6);
  const a = shared.assessment;
  expect(a.redacted).toBe(true);
  expect(a.left_out).toEqual(['respondent', 'answers[].note', 'plan.tracking[].owner', 'plan.custom[].text', 'plan.custom[].owner', 'consensus.labels']);
  expect(a.respondent).toBe('');
  expect(a.answers.every((x) => x.note === '')).toBe(true);
  expect(a.plan.tracking.every((x) => x.owner === '')).toBe(true);
  expect(a.plan.custom.every((x) => x.text === '' && x.owner === '')).toBe(true);
  expect(a.consensus.labels).toEqual([]);
  for (const words of ['Ward meetings', 'vacant', 'imam', 'Only a note', 'Community liaison team', 'deputy mayor', 'Dana', 'Ana Participant', 'Consensus of 3']) {
    expect(json.text).not.toContain(words);
  }
  // The same answers, so the same scores.
  const answered = (x) => x.answers.filter((y) => y.response !== 'none').map(({ question, response, level }) => ({ question, response, level }))
    .sort((p, q) => p.question.localeCompare(q.question));
  expect(answered(a)).toEqual(answered(original.assessment));

  // The CSV for sharing: no note, and its note column says so.
  const csv = await download(page, () => card(page, name).getByRole('button', { name: `CSV for sharing of ${name}` }).click());
  expect(csv.text.startsWith('\ufeffStep,Step title,Question id,Question,Level,Level descriptor,Not applicable or don\'t know,Note (left out for sharing)\r\n')).toBe(true);
  expect(csv.text).not.toContain('Ward meetings');
  await page.getByText('Manage the data in this browser: the bin, storage used, delete all').click();
  const all = await download(page, () => page.getByRole('button', { name: 'Export all assessments for sharing: one CSV, no notes or names' }).click());
  expect(all.text).toContain('Filled in by (left out for sharing)');
  expect(all.text).not.toContain('Consensus of 3');

  // The printed report for sharing: its cover says what was left out; no note, no owner.
  await card(page, name).getByRole('link', { name: `Report for sharing of ${name}` }).click();
  await expect(page.getByTestId('report-cover')).toContainText('Shared without notes.');
  await expect(page.getByTestId('report-cover')).toContainText('Left out: respondent, answers[].note');
  const report = page.locator('article.report');
  await expect(report).toContainText('The notes were left out for sharing.');
  await expect(report).toContainText('(own action; its text was left out for sharing)');
  for (const words of ['Ward meetings', 'vacant', 'imam', 'Community liaison team', 'deputy mayor', 'Ana Participant', 'Consensus of 3']) {
    await expect(report).not.toContainText(words);
  }
  await expect(page.getByTestId('report-overall')).not.toHaveText('Not enough answers yet');
  await expectAccessible(page, 'report for sharing');
  const sharedScore = await page.getByTestId('report-overall').textContent();
  // The full report has the notes, the same score, and a way back to the shared one.
  await page.getByRole('link', { name: 'Report with notes and names' }).click();
  await expect(page.locator('article.report')).toContainText('Ward meetings');
  await expect(page.locator('article.report')).toContainText('Community liaison team');
  await expect(page.getByTestId('shared-notice')).toHaveCount(0);
  expect(await page.getByTestId('report-overall').textContent()).toBe(sharedScore);

  // Importing the shared file marks the assessment as shared.
  await openApp(page, '#/');
  await page.getByLabel('Import assessment files (JSON)').setInputFiles({ name: json.name, mimeType: 'application/json', buffer: Buffer.from(json.text) });
  await results(page).getByRole('button', { name: 'Keep both' }).click();
  const copy = card(page, `${name} (imported)`);
  await expect(copy.getByTestId('shared-marker')).toHaveText('Shared without notes: the notes and names of people were left out of the file it came from.');
  await expect(card(page, name).getByTestId('shared-marker')).toHaveCount(0);
  await copy.getByRole('link', { name: `Results of ${name} (imported)` }).click();
  await expect(page.getByTestId('shared-marker')).toBeVisible();
});

test('on a shared computer the assessment lives only in this tab, says so, and asks before it is lost', async ({ page }) => {
  await openApp(page, '#/new');
  await page.getByLabel('Community organisation', { exact: true }).check();
  await page.getByLabel('Name of the organisation').fill('Library Users Group');
  await page.getByLabel('This is a shared computer').check();
  await expectAccessible(page, 'new assessment on a shared computer');
  await page.getByRole('button', { name: 'Start the assessment' }).click();
  await expect(page.locator('main h1')).toHaveText(/^Step 1:/);
  const id = page.url().match(/#\/a\/([^/]+)\//)[1];

  // The banner at the top of every page, with its export button.
  const banner = page.getByRole('region', { name: 'Shared computer' });
  await expect(banner).toContainText('This is a shared computer. This assessment lives only in this tab');
  await expect(banner).toContainText('Library Users Group: not exported since its last change');
  await expect(banner.getByRole('button', { name: 'Export before you close' })).toBeVisible();
  await answer(questions(page).nth(0), 2);
  await questions(page).nth(0).getByLabel('Note or evidence (optional)').fill('Only on this computer');
  await expect(page.getByRole('status').first()).toHaveText('Saved in this browser.');
  await expectAccessible(page, 'a step on a shared computer');

  // It works through to the results, and nothing of it is in local storage.
  await page.goto(`./#/a/${id}/results`);
  await expect(page.getByTestId('overall-score')).not.toHaveText('');
  await expect(banner).toBeVisible();
  await page.reload();
  await expect(page.locator('main h1')).toContainText('Library Users Group');
  const stored = await storages(page);
  expect(ours(stored.local)).toEqual([]);
  expect(ours(stored.session)).toEqual([`roadmap-readiness/assessment/${id}`]);
  expect(stored.session[`roadmap-readiness/assessment/${id}`]).toContain('Only on this computer');
  // The home page's library (local storage) does not list it; the banner does.
  await openApp(page, '#/');
  await expect(page.locator('.library li.card')).toHaveCount(0);
  await expect(banner.getByRole('link', { name: 'Library Users Group' })).toBeVisible();

  // Leaving with it not exported asks first, and staying keeps it.
  const dialogs = [];
  page.on('dialog', (dialog) => { dialogs.push(dialog.type()); dialog.dismiss(); });
  await page.locator('main h1').click();
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => dialogs).toEqual(['beforeunload']);
  expect(page.isClosed()).toBe(false);

  // Exported: it says so, and leaving no longer asks.
  const file = await download(page, () => banner.getByRole('button', { name: 'Export before you close' }).click());
  expect(JSON.parse(file.text).assessment.answers[0].note).toBe('Only on this computer');
  await expect(banner).toContainText('Library Users Group: exported since its last change');
  expect(ours((await storages(page)).local)).toEqual([]);
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => page.isClosed()).toBe(true);
  expect(dialogs).toEqual(['beforeunload']);
});

test('"Delete all my data" removes every key of the app from both storages and the offline cache, and says what it removed', async ({ page }) => {
  // The service worker's precache is held half-filled until after the first deletion:
  // a worker still installing when the person deletes everything writes the rest of its
  // precache afterwards, and the app waits for it and deletes that too. (A chunk this test
  // never opens; Chromium routes the worker's requests through the context.)
  let releaseInstall;
  const installHeld = new Promise((resolve) => { releaseInstall = resolve; });
  await page.context().route('**/split_scoring.wasm', async (route) => {
    await installHeld;
    await route.continue();
  });
  await startAssessment(page, { perspective: 'city', mode: 'quick', name: 'Kept Locally' });
  await startAssessment(page, { perspective: 'city', mode: 'quick', name: 'Binned' });
  await openApp(page, '#/');
  await card(page, 'Binned').getByRole('button', { name: 'Delete Binned' }).click();
  await page.getByRole('button', { name: 'Yes, delete' }).click();
  // A workshop in progress, and a shared computer's assessment in this tab.
  await openApp(page, '#/workshop');
  await page.getByRole('button', { name: 'Start the workshop' }).click();
  await openApp(page, '#/new');
  await page.getByLabel('Name of the city or local government').fill('Only In This Tab');
  await page.getByLabel('This is a shared computer').check();
  await page.getByRole('button', { name: 'Start the assessment' }).click();
  await expect(page.locator('main h1')).toHaveText(/^Step 1:/);
  // The language chosen with the switch (a setting, not counted as data), other sites'
  // data, and caches: the app's offline copy and another site's.
  await page.evaluate(async () => {
    localStorage.setItem('roadmap-readiness/language', 'en');
    localStorage.setItem('another-app', 'not ours');
    sessionStorage.setItem('another-app', 'not ours either');
    await (await caches.open('roadmap-readiness-offline-v1')).put('./offline-test', new Response('app files'));
    await caches.open('another-app-cache');
  });
  await openApp(page, '#/');
  const before = await storages(page);
  expect(ours(before.local).length).toBe(4);
  expect(ours(before.session).length).toBe(1);

  // Not a first visit: the data tools are open already.
  await expect(page.locator('details.manage')).toHaveAttribute('open', '');
  await page.getByRole('button', { name: 'Delete all my data' }).click();
  await expect(page.getByRole('group', { name: /Delete all your data/ })).toContainText(
    'Delete all your data from this browser: 1 assessment, 1 in the bin, the workshop in progress, and 1 kept only in this tab?');
  await page.getByRole('button', { name: 'Yes, delete all my data' }).click();
  setTimeout(releaseInstall, 1_000);

  const report = page.getByTestId('removed-report');
  await expect(report).toContainText('Deleted: 1 assessment, 1 in the bin, the workshop in progress from this browser\'s local storage; 1 assessment from this tab\'s session storage.');
  // The app's own offline caches: the one made here, and the service worker's precache
  // when it has installed by now.
  await expect(report).toContainText(/Removed [12] offline cache\(s\): /);
  await expect(report).toContainText('roadmap-readiness-offline-v1');
  await expect(report).toBeFocused();
  await report.getByText('Every entry removed').click();
  for (const key of [...ours(before.local), ...ours(before.session)]) {
    await expect(report.locator('.removed-keys')).toContainText(key);
  }
  await expectAccessible(page, 'after delete all');

  // After: exactly the other sites' entries and cache are left.
  const after = await storages(page);
  const without = (entries) => Object.fromEntries(Object.entries(entries).filter(([k]) => !k.startsWith('roadmap-readiness/')));
  expect(after).toEqual({ local: without(before.local), session: without(before.session) });
  expect(after).toEqual({ local: { 'another-app': 'not ours' }, session: { 'another-app': 'not ours either' } });
  expect(await page.evaluate(() => caches.keys())).toEqual(['another-app-cache']);
  await expect(page.getByRole('region', { name: 'Shared computer' })).toHaveCount(0);
  // The workshop does not come back on the next visit.
  await openApp(page, '#/workshop');
  await expect(page.getByRole('button', { name: 'Start the workshop' })).toBeVisible();
  expect(ours((await storages(page)).local)).toEqual([]);
});

test('the privacy page says what is stored where and how to check, and every page links to it', async ({ page }) => {
  for (const hash of ['#/', '#/new', '#/roadmap', '#/workshop']) {
    await openApp(page, hash);
    await expect(page.locator('footer').getByRole('link', { name: 'Privacy: what is stored, and how to check' })).toHaveAttribute('href', '#/privacy');
  }
  await page.locator('footer').getByRole('link', { name: 'Privacy: what is stored, and how to check' }).click();
  await expect(page.locator('main h1')).toHaveText('Privacy');
  await expect(page).toHaveTitle('Privacy – Roadmap Readiness');
  const main = page.locator('main');
  for (const heading of ['Nothing is sent anywhere', 'What is stored where', 'What each kind of export holds', 'How to delete everything', 'How to check this yourself']) {
    await expect(main.getByRole('heading', { name: heading, level: 2 })).toBeVisible();
  }
  for (const words of ['roadmap-readiness/assessment/…', 'roadmap-readiness/bin/…', 'roadmap-readiness/workshop', 'roadmap-readiness/exported/…', 'roadmap-readiness/snapshot/…', 'roadmap-readiness/snapshot-bin/…', 'roadmap-readiness/language', 'Session storage (this tab only', 'AES-256-GCM', '600,000 rounds', 'Network tab', 'Application tab']) {
    await expect(main).toContainText(words);
  }
  await expectAccessible(page, 'privacy page');

  // From the export choices too.
  const id = await startAssessment(page, { perspective: 'city', mode: 'quick', name: 'Linked' });
  await page.goto(`./#/a/${id}/results`);
  await page.getByRole('link', { name: 'What each kind of export holds' }).click();
  await expect(page.locator('main h1')).toHaveText('Privacy');
});
