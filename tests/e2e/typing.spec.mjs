// Typed text is saved after a pause in typing, or at once when the field, the view or
// the page is left: never lost, and never called saved before it is.
import { test, expect, expectAccessible, openApp, startAssessment, questions } from './fixtures.mjs';

test.beforeEach(async ({ page }) => {
  await openApp(page);
  await page.evaluate(() => localStorage.clear());
});

const note = (page, n = 0) => questions(page).nth(n).getByLabel('Note or evidence (optional)');
const status = (page) => page.locator('.save-status');
const storedNote = (page, id, n = 0) =>
  page.evaluate(([key, n]) => {
    const text = localStorage.getItem(key);
    if (!text) return null;
    const a = JSON.parse(text).assessment;
    const q = document.querySelectorAll('fieldset.question')[n]?.id;
    return a.answers.find((x) => x.question === q)?.note ?? '';
  }, [`roadmap-readiness/assessment/${id}`, n]);

/** Every text the save status shows from now on, in order. */
async function recordStatus(page) {
  await page.evaluate(() => {
    const el = document.querySelector('.save-status');
    window.__statusTexts = [el.textContent];
    new MutationObserver(() => {
      if (window.__statusTexts.at(-1) !== el.textContent) window.__statusTexts.push(el.textContent);
    }).observe(el, { childList: true, subtree: true, characterData: true });
  });
  return () => page.evaluate(() => window.__statusTexts);
}

test('a note says "Saving…" while typing, is saved after a pause, and survives a reload', async ({ page }) => {
  const id = await startAssessment(page, { perspective: 'city', mode: 'full', name: 'Pause City' });
  const seen = await recordStatus(page);
  await note(page).pressSequentially('Minutes of the March meeting', { delay: 20 });
  await expect(status(page)).toHaveText('Saved in this browser.');
  // Told "Saving…" first, never "Saved" before the text was written.
  expect(await seen()).toEqual(['Every answer is saved in this browser as you go.', 'Saving…', 'Saved in this browser.']);
  expect(await storedNote(page, id)).toBe('Minutes of the March meeting');
  await expectAccessible(page, 'step after a note was saved');
  await page.reload();
  await expect(note(page)).toHaveValue('Minutes of the March meeting');
});

test('a note typed just before a reload is kept: the page being left writes it', async ({ page }) => {
  const id = await startAssessment(page, { perspective: 'city', mode: 'full', name: 'Reload City' });
  await note(page).pressSequentially('Written in a hurry');
  await page.reload();
  await expect(note(page)).toHaveValue('Written in a hurry');
  expect(await storedNote(page, id)).toBe('Written in a hurry');
});

test('leaving the note writes it at once', async ({ page }) => {
  const id = await startAssessment(page, { perspective: 'city', mode: 'full', name: 'Blur City' });
  await note(page).pressSequentially('Checked with the liaison team');
  // Blurring the field writes the text in the same task: it is stored before any timer
  // of the pause could have run.
  const stored = await page.evaluate((key) => {
    document.activeElement.blur();
    return JSON.parse(localStorage.getItem(key)).assessment.answers.map((a) => a.note);
  }, `roadmap-readiness/assessment/${id}`);
  expect(stored).toContain('Checked with the liaison team');
  await expect(status(page)).toHaveText('Saved in this browser.');
  // Moving on with the keyboard saves too.
  await note(page, 1).pressSequentially('Second note');
  await page.keyboard.press('Tab');
  expect(await storedNote(page, id, 1)).toBe('Second note');
});

test('a note typed just before moving to the next step is kept', async ({ page }) => {
  const id = await startAssessment(page, { perspective: 'city', mode: 'full', name: 'Moving City' });
  await note(page).pressSequentially('Before moving on');
  await page.getByRole('link', { name: 'Next step' }).click();
  await expect(page.locator('main h1')).toHaveText(/^Step 2:/);
  await page.getByRole('link', { name: 'Previous step' }).click();
  await expect(page.locator('main h1')).toHaveText(/^Step 1:/);
  await expect(note(page)).toHaveValue('Before moving on');
  expect(await storedNote(page, id)).toBe('Before moving on');
  await page.reload();
  await expect(note(page)).toHaveValue('Before moving on');
});

test('a note typed just before opening another assessment is kept', async ({ page }) => {
  const other = await startAssessment(page, { perspective: 'city', mode: 'full', name: 'Other City' });
  const id = await startAssessment(page, { perspective: 'city', mode: 'full', name: 'First City' });
  await note(page).pressSequentially('Typed, then straight on');
  await page.evaluate((hash) => { location.hash = hash; }, `#/a/${other}/step/1`);
  await expect(page.getByTestId('context')).toContainText('Other City');
  expect(await storedNote(page, id)).toBe('Typed, then straight on');
  await page.goto(`./#/a/${id}/step/1`);
  await expect(note(page)).toHaveValue('Typed, then straight on');
});

test('a level chosen while a note waits saves both at once', async ({ page }) => {
  const id = await startAssessment(page, { perspective: 'city', mode: 'full', name: 'Both City' });
  await note(page).pressSequentially('Note first');
  const stored = await page.evaluate((key) => {
    document.querySelector('fieldset.question input[type=radio]').click();
    return JSON.parse(localStorage.getItem(key)).assessment.answers;
  }, `roadmap-readiness/assessment/${id}`);
  expect(stored).toEqual([expect.objectContaining({ response: 'level', level: 0, note: 'Note first' })]);
});

test("an action's owner and an own action's text typed just before a reload are kept", async ({ page }) => {
  const id = await startAssessment(page, { perspective: 'city', mode: 'full', name: 'Plan City' });
  await questions(page).nth(0).getByRole('radio', { name: 'Level 1' }).check();
  await openApp(page, `#/a/${id}/plan`);
  const first = page.locator('.plan-item').first();
  await first.getByLabel('Owner').pressSequentially('Liaison team');
  await page.locator('#new-own-text').fill('Brief the deputy mayor');
  await page.getByRole('button', { name: 'Add the action' }).click();
  const own = page.locator('ul.plan-list.own > li').getByLabel('Action', { exact: true });
  await own.press('End');
  await own.pressSequentially(' on the map');
  await page.reload();
  await expect(page.locator('.plan-item').first().getByLabel('Owner')).toHaveValue('Liaison team');
  await expect(page.locator('ul.plan-list.own > li').getByLabel('Action', { exact: true })).toHaveValue('Brief the deputy mayor on the map');
});
