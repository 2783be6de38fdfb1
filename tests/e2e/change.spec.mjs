// Change over time: a snapshot saved, answers and the plan changed, the two compared;
// snapshots in the library (a count, a disclosure with compare, export, rename,
// delete), exported and imported back, and listed when their assessment is gone.
import { readFile } from 'node:fs/promises';
import { test, expect, expectAccessible, openApp, startAssessment, questions, answer } from './fixtures.mjs';

test.beforeEach(async ({ page }) => {
  await openApp(page);
  await page.evaluate(() => localStorage.clear());
});

const card = (page, name) => page.locator('.library li.card', { has: page.getByRole('heading', { name, exact: true }) });

async function download(page, click) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

test('snapshot compare shows a moved question, the step change in words and an action done in between', async ({ page }) => {
  const id = await startAssessment(page, { perspective: 'city', mode: 'quick', name: 'Springfield' });
  const first = questions(page).nth(0);
  const questionText = (await first.locator('legend').innerText()).replace(/^\S+\s/, '');
  await answer(first, 1);
  await expect(page.getByRole('status').first()).toHaveText('Saved in this browser.');

  // Save a snapshot from the results.
  await page.goto(`./#/a/${id}/results`);
  await expect(page.locator('main h1')).toHaveText('Results: Springfield');
  await expect(page.getByLabel('Name of the snapshot')).toHaveAttribute('placeholder', 'Baseline');
  await page.getByLabel('Name of the snapshot').fill('Baseline');
  await page.getByRole('button', { name: 'Save a snapshot' }).click();
  await expect(page.getByText('Saved the snapshot “Baseline”.')).toBeVisible();
  await expect(page.getByLabel('Name of the snapshot')).toHaveAttribute('placeholder', 'Follow-up 1');

  // The work goes on: the answer moves up two levels, the action it brings is done.
  await page.goto(`./#/a/${id}/step/1`);
  await expect(page.locator('main h1')).toHaveText(/^Step 1:/);
  await answer(questions(page).nth(0), 3);
  await answer(questions(page).nth(1), "Don't know");
  await page.goto(`./#/a/${id}/plan`);
  const action = page.locator('ol.plan-list > li').first();
  const actionText = await action.locator('h4').innerText();
  await action.getByLabel('Status').selectOption('done');

  // Compare: the baseline beside now, by default.
  await page.goto(`./#/a/${id}/results`);
  await page.getByRole('link', { name: 'Compare over time' }).click();
  await expect(page.locator('main h1')).toHaveText('Change over time: Springfield');
  await expect(page.getByLabel('Compare', { exact: true })).toHaveValue(/.+/);
  await expect(page.getByLabel('Compare', { exact: true }).locator('option:checked')).toHaveText(/^Baseline \(/);
  await expect(page.getByLabel('with', { exact: true }).locator('option:checked')).toHaveText('Now (as saved)');
  const moved = page.getByTestId('change-moved').locator('tbody tr');
  const row = moved.filter({ hasText: questionText });
  await expect(row).toHaveCount(1);
  await expect(row.locator('th')).toHaveText(questionText);
  await expect(row.locator('td')).toHaveText(['1. Engage communities', 'Level 1', 'Level 3']);
  await expect(moved.filter({ hasText: "Don't know" }).locator('td').nth(1)).toHaveText('Not answered');
  await expect(page.getByTestId('change-steps').locator('tbody tr').nth(1)).toContainText(/up \d+ points?, (from \w+ to \w+|still \w+)/);
  await expect(page.getByTestId('change-completed')).toContainText(actionText);
  await expect(page.getByRole('img', { name: /Radar of the step scores in both states/ })).toBeVisible();
  await expect(page.locator('.radar-legend li')).toHaveText(['Baseline', 'Now (as saved)']);
  await expectAccessible(page, 'change over time');

  // The other way round: the same question, moved down.
  await page.getByLabel('Compare', { exact: true }).selectOption({ label: 'Now (as saved)' });
  await page.getByLabel('with', { exact: true }).selectOption({ index: 0 });
  await expect(row.locator('td')).toHaveText(['1. Engage communities', 'Level 3', 'Level 1']);
  await expect(page.getByTestId('change-reopened')).toContainText(actionText);

  // In the library: a count and a disclosure with compare, export, rename, delete.
  await openApp(page, '#/');
  const springfield = card(page, 'Springfield');
  await springfield.getByText('Snapshots (1)').click();
  await expect(springfield.locator('.snapshots li')).toContainText('Baseline');
  await expectAccessible(page, 'library with a snapshot');
  const file = await download(page, () => springfield.getByRole('button', { name: 'Export JSON of Springfield: Baseline (snapshot)' }).click());
  expect(file.name).toMatch(/^roadmap-readiness-springfield-snapshot-baseline-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(file.bytes.toString('utf8'));
  expect(exported.format_version).toBe(6);
  expect(exported.assessment.id).toBe(id);
  expect(exported.assessment.snapshot.label).toBe('Baseline');
  expect(exported.assessment.answers.find((a) => a.response === 'level').level).toBe(1);

  await springfield.getByRole('button', { name: 'Rename Springfield: Baseline (snapshot)' }).click();
  await springfield.getByLabel('Name of the snapshot').fill('Before the district work');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Renamed the snapshot to “Before the district work”.')).toBeVisible();
  await expect(springfield.locator('.snapshots li')).toContainText('Before the district work');

  // Delete to the bin, import the exported file back: a snapshot again, under Springfield.
  await springfield.getByRole('button', { name: 'Delete Springfield: Before the district work (snapshot)' }).click();
  await page.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(springfield.getByText(/Snapshots \(/)).toHaveCount(0);
  await expect(page.locator('.bin li')).toContainText('Springfield: Before the district work (snapshot)');
  await page.getByLabel('Import assessment files (JSON)').setInputFiles({ name: file.name, mimeType: 'application/json', buffer: file.bytes });
  await expect(page.locator('.import-result')).toContainText('Imported “Springfield: Baseline (snapshot)”.');
  await expect(springfield.getByText('Snapshots (1)')).toBeVisible();
  const keys = await page.evaluate(() => Object.keys(localStorage).sort());
  expect(keys.filter((k) => k.startsWith('roadmap-readiness/snapshot/'))).toEqual([`roadmap-readiness/snapshot/${id}/${exported.assessment.snapshot.id}`]);

  // The assessment deleted: its snapshot still lists, under its own card, and compares.
  await springfield.getByRole('button', { name: 'Delete Springfield', exact: true }).click();
  await page.getByRole('button', { name: 'Yes, delete' }).click();
  const orphan = page.locator('.library li.card', { hasText: 'not in this browser\'s library' });
  await expect(orphan).toContainText('Springfield');
  await orphan.getByText('Snapshots (1)').click();
  await expectAccessible(page, 'snapshots without their assessment');
  await orphan.getByRole('link', { name: 'Compare Springfield: Baseline (snapshot)' }).click();
  await expect(page.locator('main h1')).toHaveText('Change over time: Springfield');
  await expect(page.getByTestId('change-none')).toBeVisible();
  await expectAccessible(page, 'change over time with one state');
});

test('a full storage saves no snapshot and says so; the assessment is untouched', async ({ page }) => {
  const id = await startAssessment(page, { perspective: 'city', mode: 'quick', name: 'Full City' });
  await answer(questions(page).nth(0), 2);
  await expect(page.getByRole('status').first()).toHaveText('Saved in this browser.');
  await page.goto(`./#/a/${id}/results`);
  await expect(page.locator('main h1')).toHaveText('Results: Full City');
  const before = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
  // Fill the rest of the storage with another site's data.
  await page.evaluate(() => {
    let chunk = 'x'.repeat(1 << 20);
    for (let i = 0; chunk.length > 0; i++) {
      try { localStorage.setItem(`other-site/${i}`, chunk); } catch { chunk = chunk.slice(chunk.length / 2 | 0 || chunk.length); if (chunk.length < 16) break; }
    }
  });
  await page.getByRole('button', { name: 'Save a snapshot' }).click();
  await expect(page.getByRole('alert')).toContainText('The snapshot was not saved; the assessment is unchanged.');
  const after = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).filter(([k]) => k.startsWith('roadmap-readiness/')).sort()));
  expect(after).toBe(before);
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('other-site/')).forEach((k) => localStorage.removeItem(k)));
});
