// The library and data safety: export, delete, import with nothing lost; broken files
// refused with their reason and nothing changed; several files at once; the bin; delete
// all; CSV; two tabs on one assessment.
import { readFile } from 'node:fs/promises';
import { test, expect, expectAccessible, openApp, startAssessment, questions, answer, drop } from './fixtures.mjs';

test.beforeEach(async ({ page }) => {
  await openApp(page);
  await page.evaluate(() => localStorage.clear());
});

const fixture = (name) => readFile(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const card = (page, name) => page.locator('.library li.card', { has: page.getByRole('heading', { name, exact: true }) });
const results = (page) => page.locator('.import-result');
const snapshot = (page) => page.evaluate(() => Object.fromEntries(Object.keys(localStorage).sort().map((k) => [k, localStorage.getItem(k)])));

async function download(page, click) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

async function answeredAssessment(page, name) {
  const id = await startAssessment(page, { perspective: 'city', mode: 'full', name, respondent: 'Dana' });
  await answer(questions(page).nth(0), 3);
  await answer(questions(page).nth(1), 'Not applicable');
  await questions(page).nth(2).getByLabel('Note or evidence (optional)').fill('Ünïcode, "quotes", 日本語');
  await expect(page.getByRole('status').first()).toHaveText('Saved in this browser.');
  return id;
}

test('export, delete for good, import: the assessment is identical', async ({ page }) => {
  const id = await answeredAssessment(page, 'Round Trip City');
  await openApp(page, '#/');
  const first = await download(page, () => card(page, 'Round Trip City').getByRole('button', { name: 'Export JSON of Round Trip City' }).click());
  // The respondent is in the name, so that a workshop's files can be told apart.
  expect(first.name).toMatch(/^roadmap-readiness-round-trip-city-dana-\d{4}-\d{2}-\d{2}\.json$/);
  const before = JSON.parse(first.bytes.toString('utf8'));
  // The format's JSON Schema is served with the app, as committed.
  const schema = await page.request.get('./public/schema/assessment.schema.json');
  expect(schema.ok()).toBe(true);
  expect(await schema.text()).toBe(await readFile(new URL('../../public/schema/assessment.schema.json', import.meta.url), 'utf8'));
  expect(before.format_version).toBe(JSON.parse(await schema.text()).properties.format_version.const);

  // Delete: to the bin, then for good.
  await card(page, 'Round Trip City').getByRole('button', { name: 'Delete Round Trip City' }).click();
  await page.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(page.getByText('No saved assessments in this browser yet.')).toBeVisible();
  await expect(page.locator('.bin li')).toContainText('Round Trip City');
  await page.getByRole('button', { name: 'Delete for good: Round Trip City' }).click();
  await page.getByRole('button', { name: 'Yes, delete for good' }).click();
  await expect(page.getByText('The bin is empty.')).toBeVisible();
  expect(await snapshot(page)).toEqual({});

  // Import the file through the labelled picker.
  await page.getByLabel('Import assessment files (JSON)').setInputFiles({ name: first.name, mimeType: 'application/json', buffer: first.bytes });
  await expect(results(page)).toHaveCount(1);
  await expect(results(page)).toContainText('Imported “Round Trip City”.');
  await expect(page.getByText('1 imported, 0 not imported, 0 waiting for your choice.')).toBeVisible();
  await expect(card(page, 'Round Trip City')).toBeVisible();
  await expectAccessible(page, 'home after an import');

  const second = await download(page, () => card(page, 'Round Trip City').getByRole('button', { name: 'Export JSON of Round Trip City' }).click());
  const after = JSON.parse(second.bytes.toString('utf8'));
  expect(after.assessment).toEqual(before.assessment);
  expect(after.assessment.id).toBe(id);

  // It opens with its answers.
  await page.goto(`./#/a/${id}/step/1`);
  await expect(questions(page).nth(0).getByRole('radio', { name: 'Level 3' })).toBeChecked();
  await expect(questions(page).nth(2).getByLabel('Note or evidence (optional)')).toHaveValue('Ünïcode, "quotes", 日本語');
});

test('a broken file shows its error and changes nothing', async ({ page }) => {
  await answeredAssessment(page, 'Untouched');
  await openApp(page, '#/');
  const before = await snapshot(page);
  const input = page.getByLabel('Import assessment files (JSON)');
  await input.setInputFiles({ name: 'level.json', mimeType: 'application/json', buffer: Buffer.from(await fixture('import/level-out-of-range.json')) });
  await expect(results(page)).toContainText('level.json');
  await expect(results(page)).toContainText('Not imported; nothing was changed. The field assessment.answers[3].level is wrong: expected a whole number from 0 to 4, found 7.');
  await expectAccessible(page, 'home with an import error');
  await input.setInputFiles({ name: 'syntax.json', mimeType: 'application/json', buffer: Buffer.from(await fixture('import/syntax-error.json')) });
  await expect(results(page)).toContainText('The file is not valid JSON: line 5, column 3');
  await input.setInputFiles({ name: 'newer.json', mimeType: 'application/json', buffer: Buffer.from(await fixture('import/newer-version.json')) });
  await expect(results(page)).toContainText('made by a newer version of Roadmap Readiness (format version 7)');
  expect(await snapshot(page)).toEqual(before);
  await expect(page.locator('.library li.card')).toHaveCount(1);
});

test('two files dropped at once import each; the same assessment again asks', async ({ page }) => {
  await openApp(page, '#/');
  await drop(page, [
    { name: 'v2.json', text: await fixture('format-v2.json') },
    { name: 'older.json', text: await fixture('import/other-instrument-version.json') },
    { name: 'broken.json', text: '{"format": ' },
  ]);
  await expect(results(page)).toHaveCount(3);
  await expect(page.getByText('2 imported, 1 not imported, 0 waiting for your choice.')).toBeVisible();
  await expect(results(page).nth(0)).toContainText('Imported “Springfield, “Old Town” & Harbour”.');
  await expect(results(page).nth(0)).toContainText('Kept the answer to a question this questionnaire does not know: city-retired-question.');
  await expect(results(page).nth(1)).toContainText('questionnaire version 0.9.0');
  await expect(results(page).nth(2)).toContainText('The file is not valid JSON');
  await expect(page.locator('.library li.card')).toHaveCount(2);

  // The version-1 file of the same assessment: never overwritten silently.
  const stored = await snapshot(page);
  await drop(page, [{ name: 'v1.json', text: await fixture('format-v1.json') }]);
  // The new batch's report replaces the last one once the file is read.
  await expect(results(page)).toHaveCount(1);
  await expect(results(page)).toContainText('this browser already has the same assessment (the same id)');
  expect(await snapshot(page)).toEqual(stored);
  await expectAccessible(page, 'home with an import conflict');
  await results(page).getByRole('button', { name: 'Keep both' }).click();
  await expect(results(page)).toContainText('Imported as “Springfield, “Old Town” & Harbour (imported)”');
  await expect(page.locator('.library li.card')).toHaveCount(3);

  // And once more, replacing: the one that was there goes to the bin.
  await drop(page, [{ name: 'v1.json', text: await fixture('format-v1.json') }]);
  await expect(results(page).getByRole('button', { name: 'Replace' })).toBeVisible();
  await results(page).getByRole('button', { name: 'Replace' }).click();
  await expect(results(page)).toContainText('replacing the one that was here; that one is in the bin');
  await expect(page.locator('.library li.card')).toHaveCount(3);
  await expect(page.locator('.bin li')).toHaveCount(1);
});

test('a choice still waiting stays, with its words, when another import starts', async ({ page }) => {
  await openApp(page, '#/');
  await drop(page, [{ name: 'v2.json', text: await fixture('format-v2.json') }]);
  await expect(results(page)).toContainText('Imported “Springfield, “Old Town” & Harbour”.');
  // The same assessment again: it waits for a choice.
  await drop(page, [{ name: 'v1.json', text: await fixture('format-v1.json') }]);
  await expect(results(page)).toHaveCount(1);
  await expect(results(page).getByRole('button', { name: 'Replace' })).toBeVisible();
  const stored = await snapshot(page);

  // Another import starts before the choice is made: the waiting line stays as it was.
  await drop(page, [{ name: 'older.json', text: await fixture('import/other-instrument-version.json') }]);
  await expect(page.getByText('1 imported, 0 not imported, 1 waiting for your choice.')).toBeVisible();
  await expect(results(page)).toHaveCount(2);
  const waiting = results(page).filter({ hasText: 'v1.json' });
  await expect(waiting).toContainText('this browser already has the same assessment (the same id)');
  await expect(waiting.getByRole('button', { name: 'Keep both' })).toBeVisible();
  expect(Object.keys(await snapshot(page)).length).toBe(Object.keys(stored).length + 1);

  // And the choice still works.
  await waiting.getByRole('button', { name: 'Keep both' }).click();
  await expect(waiting).toContainText('Imported as “Springfield, “Old Town” & Harbour (imported)”');
  await expect(page.locator('.library li.card')).toHaveCount(3);
});

test('many files are imported one at a time, with the progress shown', async ({ page }) => {
  await openApp(page, '#/');
  const base = JSON.parse(await fixture('format-v3.json'));
  const files = Array.from({ length: 12 }, (_, i) => {
    const doc = structuredClone(base);
    doc.assessment.id = `batch-${i + 1}`;
    doc.assessment.name = `Batch ${i + 1}`;
    return { name: `f${i + 1}.json`, text: JSON.stringify(doc) };
  });
  // Every progress line the page shows: one per file, each shown before that file is read.
  await page.evaluate(() => {
    window.progressSeen = [];
    new MutationObserver(() => {
      const line = document.querySelector('.import-progress');
      if (line && window.progressSeen.at(-1) !== line.textContent) window.progressSeen.push(line.textContent);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await drop(page, files);
  await expect(page.getByText('12 imported, 0 not imported, 0 waiting for your choice.')).toBeVisible();
  await expect(page.locator('.import-progress')).toHaveCount(0);
  await expect(page.locator('.library li.card')).toHaveCount(12);
  const seen = await page.evaluate(() => window.progressSeen);
  expect(seen[0]).toBe('Importing file 1 of 12: f1.json…');
  expect(seen).toContain('Importing file 12 of 12: f12.json…');
  expect(seen).toEqual(files.map((f, i) => `Importing file ${i + 1} of 12: ${f.name}…`));
  await expect(page.getByRole('heading', { name: 'Import results' })).toBeFocused();
});

test('an assessment with no room for its bin copy can be deleted for good after a second question', async ({ page }) => {
  await startAssessment(page, { perspective: 'city', mode: 'full', name: 'No Room' });
  await questions(page).nth(0).getByLabel('Note or evidence (optional)').fill('x'.repeat(5000));
  await expect(page.getByRole('status').first()).toHaveText('Saved in this browser.');
  await openApp(page, '#/');
  // Fill the site's storage to the brim with another app's data.
  await page.evaluate(() => {
    let chunk = 'f'.repeat(1024 * 1024);
    for (let i = 0; chunk.length > 8;) {
      try { localStorage.setItem(`another-app/filler-${i}`, chunk); i += 1; } catch { chunk = chunk.slice(0, chunk.length / 2); }
    }
  });
  const before = await snapshot(page);
  await card(page, 'No Room').getByRole('button', { name: 'Delete No Room' }).click();
  await card(page, 'No Room').getByRole('button', { name: 'Yes, delete' }).click();
  const offer = card(page, 'No Room').getByRole('alert');
  await expect(offer).toContainText('This browser\'s storage has no room for the bin\'s copy of “No Room”, so it was not deleted.');
  expect(await snapshot(page)).toEqual(before);
  await expectAccessible(page, 'library with no room for the bin copy');
  await card(page, 'No Room').getByRole('button', { name: 'Delete for good: No Room' }).click();
  await expect(card(page, 'No Room').getByRole('group', { name: /Delete “No Room” for good, with no copy in the bin\?/ })).toBeVisible();
  await card(page, 'No Room').getByRole('button', { name: 'Yes, delete for good' }).click();
  await expect(card(page, 'No Room')).toHaveCount(0);
  await expect(page.getByText('Deleted “No Room” for good.')).toBeAttached();
  const after = await snapshot(page);
  expect(Object.keys(after).filter((k) => k.startsWith('roadmap-readiness/'))).toEqual([]);
  expect(Object.keys(after).length).toBe(Object.keys(before).length - 1);
  await page.evaluate(() => localStorage.clear());
});

test('library: sort, filter, rename, duplicate, the bin and restore', async ({ page }) => {
  await startAssessment(page, { perspective: 'city', mode: 'full', name: 'Bravo' });
  await startAssessment(page, { perspective: 'cso', mode: 'quick', name: 'alpha' });
  await answer(questions(page).nth(0), 2);
  await startAssessment(page, { perspective: 'city', mode: 'quick', name: 'Charlie' });
  await openApp(page, '#/');
  // Retrying assertions: the list re-renders after each choice.
  const names = page.locator('.library li.card h3');
  await expect(names).toHaveText(['Charlie', 'alpha', 'Bravo']);
  await page.getByLabel('Sort by').selectOption('name');
  await expect(names).toHaveText(['alpha', 'Bravo', 'Charlie']);
  await page.getByLabel('Sort by').selectOption('progress');
  await expect(names.first()).toHaveText('alpha');
  await page.getByLabel('Perspective').selectOption('city');
  await expect(names).toHaveText(['Bravo', 'Charlie']);
  await page.getByLabel('Version', { exact: true }).selectOption('quick');
  await expect(names).toHaveText(['Charlie']);
  await expect(page.getByText('Showing 1 of 3 saved assessments.')).toBeVisible();
  await page.getByLabel('Perspective').selectOption('');
  await page.getByLabel('Version', { exact: true }).selectOption('');
  await page.getByLabel('Find by name or respondent').fill('RAV');
  await expect(names).toHaveText(['Bravo']);
  await page.getByLabel('Find by name or respondent').fill('');
  await expectAccessible(page, 'library with controls');

  // Rename, in place and by keyboard.
  await card(page, 'Bravo').getByRole('button', { name: 'Rename Bravo' }).click();
  const field = page.getByLabel('New name for “Bravo”');
  await expect(field).toBeFocused();
  await field.fill('Bravo Town');
  await field.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Renamed to “Bravo Town”.' })).toBeVisible();
  await expect(card(page, 'Bravo Town')).toBeVisible();

  // Duplicate keeps the answers.
  await card(page, 'alpha').getByRole('button', { name: 'Duplicate alpha' }).click();
  await expect(card(page, 'alpha (copy)')).toContainText(/1 of \d+ answered/);

  // Delete goes to the bin; restore brings it back unchanged.
  const before = await snapshot(page);
  await card(page, 'alpha').getByRole('button', { name: 'Delete alpha' }).click();
  await expect(card(page, 'alpha').getByRole('button', { name: 'Cancel' })).toBeFocused();
  await card(page, 'alpha').getByRole('button', { name: 'Yes, delete' }).click();
  await expect(card(page, 'alpha')).toHaveCount(0);
  // The announcement names what went, read before it went.
  await expect(page.locator('.library-notice')).toHaveText('Moved “alpha” to the bin.');
  await expect(page.locator('.bin li')).toContainText('alpha');
  await expectAccessible(page, 'library with the bin');
  await page.getByRole('button', { name: 'Restore alpha' }).click();
  await expect(card(page, 'alpha')).toBeVisible();
  await expect(page.getByText('The bin is empty.')).toBeVisible();
  expect(await snapshot(page)).toEqual(before);
});

test('a change in another tab leaves an open rename form and delete confirmation open', async ({ page, context }) => {
  await startAssessment(page, { perspective: 'city', mode: 'full', name: 'Keep Open' });
  await startAssessment(page, { perspective: 'city', mode: 'full', name: 'Ask First' });
  await openApp(page, '#/');
  await card(page, 'Keep Open').getByRole('button', { name: 'Rename Keep Open' }).click();
  const field = page.getByLabel('New name for “Keep Open”');
  await field.fill('Half typed');
  await card(page, 'Ask First').getByRole('button', { name: 'Delete Ask First' }).click();
  const confirm = card(page, 'Ask First').getByRole('button', { name: 'Yes, delete' });
  await expect(confirm).toBeVisible();

  // Another tab adds an assessment and changes this one: this tab reads storage again.
  const other = await context.newPage();
  await startAssessment(other, { perspective: 'cso', mode: 'quick', name: 'From Elsewhere' });
  await answer(questions(other).nth(0), 2);
  await expect(card(page, 'From Elsewhere')).toContainText(/1 of \d+ answered/);
  await expect(field).toHaveValue('Half typed');
  await expect(confirm).toBeVisible();
  await other.close();

  // Both still work as before.
  await confirm.click();
  await expect(card(page, 'Ask First')).toHaveCount(0);
  await field.press('Enter');
  await expect(card(page, 'Half typed')).toBeVisible();
  await expectAccessible(page, 'library after another tab\'s change');
});

test('an imported id with a space gets valid DOM ids', async ({ page }) => {
  const file = JSON.parse(await fixture('format-v2.json'));
  file.assessment.id = 'an id with spaces';
  file.assessment.name = 'Spaced';
  await openApp(page, '#/');
  await drop(page, [{ name: 'spaced.json', text: JSON.stringify(file) }]);
  await expect(card(page, 'Spaced')).toBeVisible();
  // The card is named by its heading, which aria-labelledby must find.
  await expect(page.getByRole('listitem', { name: 'Spaced' })).toBeVisible();
  await expectAccessible(page, 'library with a spaced id');
});

test('CSV of one assessment and of the library: BOM, RFC 4180, one row per question', async ({ page }) => {
  await answeredAssessment(page, 'Zürich, “Altstadt”');
  await openApp(page, '#/');
  const one = await download(page, () => page.getByRole('button', { name: 'Export CSV of Zürich, “Altstadt”' }).click());
  expect(one.name).toMatch(/\.csv$/);
  expect([...one.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = one.bytes.toString('utf8').slice(1);
  expect(text.startsWith('Step,Step title,Question id,Question,Level,Level descriptor,Not applicable or don\'t know,Note\r\n')).toBe(true);
  expect(text).toContain(',"Ünïcode, ""quotes"", 日本語"\r\n');
  expect(text).toContain(',Not applicable,');
  const all = await download(page, () => page.getByRole('button', { name: 'Export all assessments as one CSV' }).click());
  const library = all.bytes.toString('utf8');
  expect(library.startsWith('\ufeffAssessment id,Assessment,Filled in by,Perspective,Version,Step,')).toBe(true);
  expect(library).toContain(',"Zürich, “Altstadt”",Dana,City / local government,Full assessment,');
});

test('storage use is shown and "Delete all my data" names what goes and keeps other sites\' data', async ({ page }) => {
  await startAssessment(page, { perspective: 'city', mode: 'full', name: 'One' });
  await startAssessment(page, { perspective: 'city', mode: 'full', name: 'Two' });
  await startAssessment(page, { perspective: 'city', mode: 'full', name: 'Three' });
  await page.evaluate(() => {
    localStorage.setItem('roadmap-readiness/assessment/broken', '{oops');
    localStorage.setItem('another-app', 'not ours');
  });
  await openApp(page, '#/');
  await card(page, 'Three').getByRole('button', { name: 'Delete Three' }).click();
  await page.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(page.getByText(/This tool uses [\d.]+ KB of this browser's local storage/)).toBeVisible();
  await page.getByRole('button', { name: 'Delete all my data' }).click();
  await expect(page.getByRole('group', { name: /Delete all your data/ })).toContainText(
    'Delete all your data from this browser: 2 assessments, 1 in the bin, 1 unreadable entry?');
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expectAccessible(page, 'delete all confirmation');
  await page.getByRole('button', { name: 'Yes, delete all my data' }).click();
  await expect(page.getByText('No saved assessments in this browser yet.')).toBeVisible();
  expect(await snapshot(page)).toEqual({ 'another-app': 'not ours' });
});

test('two tabs on one assessment: changes show up, and a clash asks', async ({ page, context }) => {
  const id = await startAssessment(page, { perspective: 'city', mode: 'full', name: 'Two Tabs' });
  const other = await context.newPage();
  // Lets the test hold back storage events from this tab, as a sleeping tab might miss
  // them: a listener registered before the app's, so it runs first.
  await other.addInitScript(() => {
    window.__holdStorageEvents = false;
    window.addEventListener('storage', (e) => { if (window.__holdStorageEvents) e.stopImmediatePropagation(); });
  });
  const problems = [];
  other.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  other.on('pageerror', (e) => problems.push(e.message));
  await other.goto(`./#/a/${id}/step/1`);
  await expect(other.locator('main h1')).toHaveText(/^Step 1:/);

  // A change in the first tab shows up in the second.
  await answer(questions(page).nth(0), 2);
  await expect(questions(other).nth(0).getByRole('radio', { name: 'Level 2' })).toBeChecked();
  await expect(other.getByText('Updated with a change saved in another tab.')).toBeVisible();
  // Notes follow too, and typing in the middle of one keeps the caret in place.
  const note = (p) => questions(p).nth(0).getByLabel('Note or evidence (optional)');
  await note(page).fill('Minutes of the March meeting');
  await expect(note(other)).toHaveValue('Minutes of the March meeting');
  await note(page).press('Home');
  await note(page).pressSequentially('Draft: ');
  await expect(note(page)).toHaveValue('Draft: Minutes of the March meeting');
  await expect(note(other)).toHaveValue('Draft: Minutes of the March meeting');

  // The home page of a third tab follows too.
  const home = await context.newPage();
  await home.goto('./#/');
  await expect(home.locator('.library li.card')).toContainText('1 of');
  await answer(questions(page).nth(1), 4);
  await expect(home.locator('.library li.card')).toContainText('2 of');
  await home.close();

  // The second tab misses the news (as a sleeping tab might) and then changes the
  // same assessment: it must not overwrite the first tab's write.
  await other.evaluate(() => { window.__holdStorageEvents = true; });
  await answer(questions(page).nth(2), 1);
  await expect(page.getByRole('status').first()).toHaveText('Saved in this browser.');
  await answer(questions(other).nth(3), 3);
  const notice = other.getByRole('alert').filter({ hasText: 'Changed in another tab' });
  await expect(notice).toBeVisible();
  await expect(other.getByRole('heading', { name: 'Changed in another tab' })).toBeFocused();
  await expectAccessible(other, 'two-tab conflict');
  const stored = () => page.evaluate((k) => JSON.parse(localStorage.getItem(k)).assessment, `roadmap-readiness/assessment/${id}`);
  // Answers are stored by question id; their levels, sorted, tell the versions apart.
  const levels = (a) => a.answers.map((x) => x.level).sort();
  expect(levels(await stored())).toEqual([1, 2, 4]);

  // Moving to another view keeps the unsaved change, and the question stays open.
  await other.getByRole('link', { name: 'Next step' }).click();
  await expect(other.locator('main h1')).toHaveText(/^Step 2:/);
  await expect(notice).toBeVisible();
  await other.getByRole('link', { name: 'Previous step' }).click();
  await expect(other.locator('main h1')).toHaveText(/^Step 1:/);
  await expect(questions(other).nth(3).getByRole('radio', { name: 'Level 3' })).toBeChecked();
  await expect(notice).toBeVisible();

  // Keep mine: the second tab's version is saved; the first tab's is in the bin.
  await notice.getByRole('button', { name: 'Keep mine' }).click();
  await expect(notice).toHaveCount(0);
  const mine = await stored();
  expect(levels(mine)).toEqual([2, 3, 4]);
  const bin = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('roadmap-readiness/bin/')));
  expect(bin).toHaveLength(1);

  // The first tab had nothing unsaved, so it simply follows.
  await expect(questions(page).nth(3).getByRole('radio', { name: 'Level 3' })).toBeChecked();

  // Load theirs: the first tab changes again; the second, still missing the news,
  // changes too, and chooses the first tab's version.
  await answer(questions(page).nth(3), 0);
  await expect(page.getByRole('status').first()).toHaveText('Saved in this browser.');
  await answer(questions(other).nth(4), 1);
  await expect(notice).toBeVisible();
  await notice.getByRole('button', { name: 'Load theirs' }).click();
  await expect(notice).toHaveCount(0);
  await expect(questions(other).nth(3).getByRole('radio', { name: 'Level 0' })).toBeChecked();
  await expect(questions(other).nth(4).getByRole('radio', { name: 'Level 1' })).not.toBeChecked();
  expect(levels(await stored())).toEqual([0, 2, 4]);
  expect(problems).toEqual([]);
});

test('an assessment of questionnaire 1.0.0 opens with its retired answers as hints, never as answers', async ({ page }) => {
  await openApp(page, '#/');
  await drop(page, [{ name: 'frozen.json', text: await fixture('city-1.0.0.json') }]);
  await expect(results(page)).toContainText('Imported “Frozen City (questionnaire 1.0.0)”.');
  await expect(results(page)).toContainText('53 answers belong to questions that this version of the questionnaire has retired.');
  await card(page, 'Frozen City (questionnaire 1.0.0)').getByRole('link', { name: /^Continue/ }).click();
  await expect(page.locator('main h1')).toHaveText(/^Step 1:/);

  const notice = page.getByRole('region', { name: 'Answers to an earlier version of the questionnaire' });
  await expect(notice).toContainText('This assessment holds 53 answers given to questionnaire version 1.0.0');
  await notice.getByText('Which answers').click();
  await expect(notice.locator('li')).toHaveCount(53);
  await expect(notice.locator('li', { hasText: 'city-1-district-reach' })).toHaveText('city-1-district-reach: Level 0; its question is now in step 1');

  // Beside the question that replaced it: the old answer and its note, as a hint.
  const first = questions(page).nth(0);
  await expect(first.locator('.earlier-answer')).toContainText('Earlier answer, to question city-1-district-reach (retired in version 1.1.0): Level 0. It is a hint, not an answer.');
  await expect(first.locator('.earlier-answer')).toContainText('Its note: Evidence for city-1-district-reach: minutes of the March meeting.');
  for (const level of [0, 1, 2, 3, 4]) {
    await expect(first.getByRole('radio', { name: `Level ${level}` })).not.toBeChecked();
  }
  await expectAccessible(page, 'step with earlier answers');

  // Answering the new question keeps the old answer in the file.
  await answer(first, 2);
  await expect(page.getByRole('status').first()).toHaveText('Saved in this browser.');
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('roadmap-readiness/assessment/frozen-city-1-0-0')).assessment.answers);
  expect(stored.find((a) => a.question === 'city-1-district-reach')).toMatchObject({ response: 'level', level: 0 });
  expect(stored.find((a) => a.question === 'city-1-every-district')).toMatchObject({ response: 'level', level: 2 });
  expect(stored).toHaveLength(55);
});

test('a first visit is oriented, and the tools for stored data wait one click away', async ({ page }) => {
  await page.reload();
  await expect(page.locator('main h1')).toHaveText('Roadmap Readiness');
  const how = page.locator('details.orientation');
  await expect(how).toHaveAttribute('open', '');
  await expect(how.locator('ol.ten-steps li')).toHaveCount(10);
  await expect(how).toContainText('Community organisation');
  await expect(how).toContainText('about ten minutes');
  // Import is there at once for a facilitator with files; the bin and "delete all" are
  // one click away.
  await expect(page.getByLabel('Import assessment files (JSON)')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Empty the bin' })).toHaveCount(0);
  await page.locator('details.manage > summary').click();
  await expect(page.getByText('The bin is empty.')).toBeVisible();
  await expectAccessible(page, 'home, first visit');
  // The new-assessment form starts on the quick check.
  await openApp(page, '#/new');
  await expect(page.getByLabel('Quick check', { exact: true })).toBeChecked();
});
