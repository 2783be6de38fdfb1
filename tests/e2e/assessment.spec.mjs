// A person's way through the app, for both perspectives: start, answer, reload,
// results, export; plus the views' accessibility.
import { readFile } from 'node:fs/promises';
import { test, expect, expectAccessible, openApp, startAssessment, questions, answer } from './fixtures.mjs';

test.beforeEach(async ({ page }) => {
  await openApp(page);
  await page.evaluate(() => localStorage.clear());
});

test('home explains the tool and is accessible', async ({ page }) => {
  await openApp(page);
  await expect(page.locator('main h1')).toHaveText('Roadmap Readiness');
  await expect(page.getByText('nothing is sent to a server')).toBeVisible();
  await expect(page.getByText('No saved assessments in this browser yet.')).toBeVisible();
  await expectAccessible(page, 'home');
  await page.getByRole('link', { name: 'New assessment' }).first().click();
  await expect(page.locator('main h1')).toHaveText('New assessment');
  await expectAccessible(page, 'new assessment');
});

test('a name is required, and the error is announced at the field', async ({ page }) => {
  await openApp(page, '#/new');
  await page.getByRole('button', { name: 'Start the assessment' }).click();
  const name = page.getByLabel('Name of the city or local government');
  await expect(name).toBeFocused();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Enter a name')).toBeVisible();
});

for (const perspective of ['city', 'cso']) {
  test(`${perspective}: answers in three steps survive a reload, results add up, export holds everything`, async ({ page }) => {
    const name = perspective === 'city' ? 'Springfield' : 'Eastside Youth Forum';
    const id = await startAssessment(page, { perspective, mode: 'full', name, respondent: 'Dana (liaison)' });
    await expectAccessible(page, `${perspective} step 1`);

    // Step 1: every question at level 3, a note on the first.
    const n1 = await questions(page).count();
    for (let i = 0; i < n1; i++) await answer(questions(page).nth(i), 3);
    await questions(page).nth(0).getByLabel('Note or evidence (optional)').fill('Met all 12 districts; minutes in the shared drive.');
    await expect(page.getByRole('status')).toHaveText('Saved in this browser.');

    // Step 2 through "Next": level 2, the last question not applicable.
    await page.getByRole('link', { name: 'Next step' }).click();
    await expect(page.locator('main h1')).toHaveText(/^Step 2:/);
    const n2 = await questions(page).count();
    for (let i = 0; i < n2 - 1; i++) await answer(questions(page).nth(i), 2);
    await answer(questions(page).nth(n2 - 1), 'Not applicable');

    // Step 3 through the step list: one at level 4, one "don't know", the rest open.
    await page.getByRole('navigation', { name: 'Roadmap steps' }).getByRole('link', { name: /^3/ }).click();
    await expect(page.locator('main h1')).toHaveText(/^Step 3:/);
    const n3 = await questions(page).count();
    await answer(questions(page).nth(0), 4);
    await answer(questions(page).nth(1), "Don't know");
    await questions(page).nth(1).getByLabel('Note or evidence (optional)').fill('Ask the community safety team.');
    await expect(page.getByText(`2 of ${n3} answered`).first()).toBeVisible();

    // Reload step 1 by its deep link: everything is still there.
    await page.goto(`./#/a/${id}/step/1`);
    await page.reload();
    await expect(page.locator('main h1')).toHaveText(/^Step 1:/);
    for (let i = 0; i < n1; i++) await expect(questions(page).nth(i).getByRole('radio', { name: 'Level 3' })).toBeChecked();
    await expect(questions(page).nth(0).getByLabel('Note or evidence (optional)')).toHaveValue('Met all 12 districts; minutes in the shared drive.');
    await page.goto(`./#/a/${id}/step/3`);
    await expect(questions(page).nth(0).getByRole('radio', { name: 'Level 4' })).toBeChecked();
    await expect(questions(page).nth(1).getByRole('radio', { name: "Don't know" })).toBeChecked();
    await expect(questions(page).nth(1).getByLabel('Note or evidence (optional)')).toHaveValue('Ask the community safety team.');

    // Results: step scores 75, 50, 100; overall their mean; completeness as counted.
    await page.getByRole('link', { name: 'Results', exact: true }).click();
    await expect(page.locator('main h1')).toHaveText(`Results: ${name}`);
    const row = (step) => page.locator(`table.scores tr[data-step="${step}"] td`);
    await expect(row(1).nth(0)).toHaveText('75');
    await expect(row(2).nth(0)).toHaveText('50');
    await expect(row(3).nth(0)).toHaveText('100');
    await expect(row(4).nth(0)).toHaveText('–');
    await expect(row(1).nth(1)).toHaveText('Leading');
    await expect(row(2).nth(1)).toHaveText('Established');
    await expect(row(3).nth(2)).toHaveText(`${Math.floor(100 / n3)} %`);
    await expect(page.getByTestId('overall-score')).toHaveText('75');
    // Overall completeness: level answers over questions in scope (all, less the one N/A),
    // shown rounded down.
    const answeredColumn = await page.locator('table.scores tbody tr td:nth-child(5)').allTextContents();
    const inScope = answeredColumn.map((t) => Number(t.match(/of (\d+)/)[1])).reduce((x, y) => x + y, 0) - 1;
    const scored = n1 + (n2 - 1) + 1;
    await expect(page.getByTestId('overall-completeness')).toHaveText(`${Math.floor((100 * scored) / inScope)} %`);
    await expect(page.getByTestId('overall-band')).toHaveText('Leading');
    await expectAccessible(page, `${perspective} results`);

    // The results survive a reload on their own deep link.
    await page.reload();
    await expect(page.getByTestId('overall-score')).toHaveText('75');

    // Export: a pretty JSON file with format, instrument, names and every answer and note.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download as JSON' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^roadmap-readiness-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.json$/);
    const text = await readFile(await download.path(), 'utf8');
    expect(text).toContain('\n  "format"');
    const file = JSON.parse(text);
    expect(file.format).toBe('roadmap-readiness.assessment');
    expect(file.format_version).toBe(6);
    const a = file.assessment;
    expect(a.id).toBe(id);
    expect(a.name).toBe(name);
    expect(a.respondent).toBe('Dana (liaison)');
    expect(a.perspective).toBe(perspective);
    expect(a.mode).toBe('full');
    expect(a.instrument).toEqual({ id: `rr-${perspective}`, version: '1.1.0' });
    expect(a.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(a.answers).toHaveLength(n1 + n2 + 2);
    expect(a.answers.filter((x) => x.response === 'level' && x.level === 3)).toHaveLength(n1);
    expect(a.answers.filter((x) => x.response === 'not_applicable')).toHaveLength(1);
    expect(a.answers.filter((x) => x.response === 'dont_know')).toHaveLength(1);
    expect(a.answers.map((x) => x.note)).toContain('Met all 12 districts; minutes in the shared drive.');
    expect(a.answers.map((x) => x.note)).toContain('Ask the community safety team.');
  });
}

test('quick check asks only the quick questions', async ({ page }) => {
  await startAssessment(page, { perspective: 'cso', mode: 'quick', name: 'Northside Women’s Network' });
  const inStep = await questions(page).count();
  expect(inStep).toBeGreaterThanOrEqual(1);
  expect(inStep).toBeLessThanOrEqual(2);
  await expect(page.locator('.progress-text').nth(1)).toHaveText(/^0 of (1\d|20) answered$/);
});

test('the questionnaire works with the keyboard alone', async ({ page }) => {
  await startAssessment(page, { perspective: 'city', mode: 'full', name: 'Keyboard City' });
  const first = questions(page).nth(0);
  await first.getByRole('radio', { name: 'Level 0' }).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(first.getByRole('radio', { name: 'Level 2' })).toBeChecked();
  await expect(first.getByRole('radio', { name: 'Level 2' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(first.getByRole('button', { name: 'Clear answer' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(first.getByRole('radio', { name: 'Level 2' })).not.toBeChecked();
});

test('home lists, resumes and deletes only after confirmation', async ({ page }) => {
  const id = await startAssessment(page, { perspective: 'city', mode: 'full', name: 'Riverton' });
  await answer(questions(page).nth(0), 1);
  await openApp(page, '#/');
  const card = page.locator('.library li', { hasText: 'Riverton' });
  await expect(card).toContainText('City / local government');
  await expect(card).toContainText('Full assessment');
  await expect(card).toContainText(/1 of \d+ answered/);
  await card.getByRole('button', { name: 'Delete Riverton' }).click();
  await expect(card.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await card.getByRole('button', { name: 'Cancel' }).click();
  await expect(card).toBeVisible();
  await card.getByRole('button', { name: 'Delete Riverton' }).click();
  await card.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(page.getByText('No saved assessments in this browser yet.')).toBeVisible();
  await expect.poll(() => page.evaluate((k) => localStorage.getItem(k), `roadmap-readiness/assessment/${id}`)).toBeNull();
});

test('a corrupt storage entry is listed, downloadable, and the others still open', async ({ page }) => {
  await startAssessment(page, { perspective: 'city', mode: 'full', name: 'Intact City' });
  await page.evaluate(() => localStorage.setItem('roadmap-readiness/assessment/broken', '{"format": "roadmap-readiness.assessment", oops'));
  await openApp(page, '#/');
  await expect(page.locator('.library li', { hasText: 'Intact City' })).toBeVisible();
  const broken = page.locator('.library li.unreadable');
  await expect(broken).toContainText('roadmap-readiness/assessment/broken');
  await expect(broken).toContainText('line 1, column');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    broken.getByRole('button', { name: 'Download its text' }).click(),
  ]);
  expect(await readFile(await download.path(), 'utf8')).toBe('{"format": "roadmap-readiness.assessment", oops');
  await expectAccessible(page, 'home with an unreadable entry');
  await openApp(page, '#/a/broken/step/1');
  await expect(page.locator('main h1')).toHaveText('This assessment cannot be opened');
  expect(await page.evaluate(() => localStorage.getItem('roadmap-readiness/assessment/broken'))).toContain('oops');
});

test('an entry whose id is not its key is refused by its address as in the library', async ({ page }) => {
  const id = await startAssessment(page, { perspective: 'city', mode: 'full', name: 'Moved Entry' });
  const text = await page.evaluate((id) => localStorage.getItem(`roadmap-readiness/assessment/${id}`), id);
  await page.evaluate(([text]) => localStorage.setItem('roadmap-readiness/assessment/elsewhere', text), [text]);
  await openApp(page, '#/');
  await expect(page.locator('.library li.unreadable')).toContainText('roadmap-readiness/assessment/elsewhere');
  await openApp(page, '#/a/elsewhere/step/1');
  await expect(page.locator('main h1')).toHaveText('This assessment cannot be opened');
  await expect(page.locator('main')).toContainText('assessment.id');
  expect(await page.evaluate(() => localStorage.getItem('roadmap-readiness/assessment/elsewhere'))).toBe(text);
});

test('a note of 10,000 characters with emoji can be edited: the box counts characters as the format does', async ({ page }) => {
  const id = await startAssessment(page, { perspective: 'city', mode: 'full', name: 'Long Notes' });
  const qid = await questions(page).nth(0).getAttribute('id');
  // 10,000 characters, 15,000 UTF-16 units: within the format's limit.
  const note = '😀'.repeat(5000) + 'a'.repeat(5000);
  await page.evaluate(([id, qid, note]) => {
    const key = `roadmap-readiness/assessment/${id}`;
    const doc = JSON.parse(localStorage.getItem(key));
    doc.assessment.answers.push({ question: qid, response: 'none', note });
    localStorage.setItem(key, JSON.stringify(doc));
  }, [id, qid, note]);
  await page.reload();
  const card = questions(page).nth(0);
  const box = card.getByLabel('Note or evidence (optional)');
  await expect(box).toHaveValue(note);
  await expect(card.locator('.note-count')).toHaveText('10,000 of 10,000 characters');
  const stored = () => page.evaluate(([id, qid]) => JSON.parse(localStorage.getItem(`roadmap-readiness/assessment/${id}`))
    .assessment.answers.find((a) => a.question === qid).note, [id, qid]);

  // One character out, one in: saved.
  await box.focus();
  await box.evaluate((el) => el.setSelectionRange(el.value.length, el.value.length));
  await page.keyboard.press('Backspace');
  await page.keyboard.type('b');
  const edited = '😀'.repeat(5000) + 'a'.repeat(4999) + 'b';
  await expect(page.locator('.save-status')).toHaveText('Saved in this browser.');
  expect(await stored()).toBe(edited);

  // One more is kept out, as the format would refuse it, and the page says so.
  await page.keyboard.type('c');
  await expect(card.getByText('A note holds at most 10,000 characters; what did not fit was not added.')).toBeVisible();
  await expect(box).toHaveValue(edited);
  expect(await stored()).toBe(edited);
  await expectAccessible(page, 'a note at the limit');
});

test('unknown addresses and missing assessments say so', async ({ page }) => {
  await openApp(page, '#/nowhere');
  await expect(page.locator('main h1')).toHaveText('Page not found');
  await openApp(page, '#/a/doesnotexist/results');
  await expect(page.locator('main h1')).toHaveText('Assessment not found');
  await expectAccessible(page, 'not found');
});
