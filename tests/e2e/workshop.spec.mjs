// The facilitator's workshop: participants' files merged in the browser, refusals with
// their reasons, disagreement first, a consensus recorded by keyboard and saved.
import { readFile } from 'node:fs/promises';
import { test, expect, expectAccessible, openApp, drop, startAssessment, questions, answer } from './fixtures.mjs';

test.beforeEach(async ({ page }) => {
  await openApp(page);
  await page.evaluate(() => localStorage.clear());
});

/** A participant's export of the city questionnaire 1.1.0, built from a frozen file. */
async function participant(id, respondent, answers, perspective = 'city') {
  const file = JSON.parse(await readFile(new URL('../fixtures/format-v4.json', import.meta.url), 'utf8'));
  const a = file.assessment;
  Object.assign(a, { id, name: 'Springfield', respondent, perspective, instrument: { id: `rr-${perspective}`, version: '1.1.0' } });
  delete a.consensus;
  a.plan = { tracking: [], custom: [] };
  a.answers = Object.entries(answers).map(([question, level]) => (
    typeof level === 'number' ? { question, response: 'level', level, note: '' }
      : { question, response: level, note: `${respondent} says so` }));
  return { name: `${respondent}.json`, text: JSON.stringify(file, null, 2) };
}

test('five files dropped: two refused with their reasons, three merged, disagreement first, a consensus saved', async ({ page }) => {
  await openApp(page, '#/workshop');
  await expect(page.locator('main h1')).toHaveText('Workshop');
  await expectAccessible(page, 'workshop start');
  await page.getByLabel('Name of the workshop').fill('Springfield, March');
  await page.getByLabel('City / local government').check();
  await page.getByRole('button', { name: 'Start the workshop' }).click();

  const ana = await participant('p-ana', 'Ana', { 'city-1-every-district': 0, 'city-2-liaison-lead': 2, 'city-1-reluctant-communities': 'dont_know' });
  const ben = await participant('p-ben', 'Ben', { 'city-1-every-district': 4, 'city-2-liaison-lead': 2 });
  const cai = await participant('p-cai', 'Cai', { 'city-1-every-district': 2, 'city-2-liaison-lead': 3 });
  const cso = await participant('p-org', 'Org', { 'cso-1-communities-reached': 1 }, 'cso');
  await drop(page, [ana, ben, { name: 'broken.json', text: '{"format": ' }, cso, cai]);
  const outcomes = page.getByTestId('workshop-outcomes').locator('li');
  await expect(outcomes).toHaveCount(5);
  await expect(outcomes.nth(2)).toContainText('Not added. The file is not valid JSON');
  await expect(outcomes.nth(3)).toContainText('Not added. This is a Community organisation assessment, and this workshop is for the other questionnaire.');
  await expect(page.getByTestId('workshop-summary')).toContainText('3 participants');

  // The same participant sending an updated file replaces the earlier one.
  const later = JSON.parse(ben.text);
  later.assessment.revision += 1;
  later.assessment.updated_at = '2026-12-01T00:00:00.000Z';
  await drop(page, [{ name: 'ben-again.json', text: JSON.stringify(later) }]);
  await expect(outcomes.first()).toContainText('Replaced the earlier file of Ben');
  await expect(page.getByTestId('workshop-summary')).toContainText('3 participants');

  // Most disagreement first: every district (0, 4, 2) before the liaison lead (2, 2, 3).
  const rows = page.locator('.workshop-question');
  await expect(rows.first()).toHaveAttribute('data-question', 'city-1-every-district');
  await expect(rows.first()).toContainText('3 gave a level · median 2 · from 0 to 4');
  await expect(rows.first().locator('.level-strip li')).toHaveText(['Level 0: 1', 'Level 1: 0', 'Level 2: 1', 'Level 3: 0', 'Level 4: 1']);
  await expect(page.getByTestId('workshop-steps').locator('tr[data-step="1"] td').nth(0)).not.toHaveText('–');
  // The radar draws the median inside the middle half, and points at the table.
  const radar = page.getByRole('img', { name: /median and middle half/ });
  await expect(radar).toBeVisible();
  await expect(radar.locator('desc')).toContainText('The participants\' step scores: median, middle half and range');
  await expect(radar.locator('path.radar-band')).toHaveCount(1);
  await expect(page.locator('.radar-legend li')).toHaveText([/^Median/, /^Middle half/]);
  await expectAccessible(page, 'workshop with participants');

  // Notes are anonymous until the facilitator names them.
  const reluctant = page.locator('.workshop-question[data-question="city-1-reluctant-communities"]');
  await reluctant.getByText('Participants\' notes (1)').click();
  await expect(reluctant.locator('.workshop-notes li')).toHaveText('Ana says so');
  await page.getByLabel(/Show notes with the participant's name/).check();
  await expect(reluctant.locator('.workshop-notes li')).toHaveText('Ana: Ana says so');

  // Record a consensus by keyboard only.
  const agreed = rows.first().getByLabel('Agreed answer');
  await expect(agreed).toHaveValue('2');
  await agreed.focus();
  await page.keyboard.press('ArrowDown');
  await expect(agreed).toHaveValue('3');
  await page.keyboard.press('Tab');
  await expect(rows.first().getByLabel('Why (one line)')).toBeFocused();
  await page.keyboard.type('Ward logs show eight of twelve districts');
  await page.keyboard.press('Tab');

  // A reload loses nothing; the workshop moves to another laptop as one file.
  await page.reload();
  await expect(page.getByTestId('workshop-summary')).toContainText('3 participants');
  await expect(rows.first().getByLabel('Agreed answer')).toHaveValue('3');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export the workshop (one file)' }).click(),
  ]);
  const workshopFile = await readFile(await download.path(), 'utf8');
  expect(JSON.parse(workshopFile).format).toBe('roadmap-readiness.workshop');
  await page.getByRole('button', { name: 'Close the workshop' }).click();
  await page.getByRole('button', { name: 'Yes, close it' }).click();
  await expect(page.getByRole('button', { name: 'Start the workshop' })).toBeVisible();
  await page.getByLabel('Open a workshop file (JSON)').setInputFiles({ name: 'workshop.json', mimeType: 'application/json', buffer: Buffer.from(workshopFile) });
  await expect(page.getByTestId('workshop-summary')).toContainText('3 participants');
  await expect(rows.first().getByLabel('Why (one line)')).toHaveValue('Ward logs show eight of twelve districts');
  // Saved by keyboard too: from the last rationale, Tab reaches the button, Enter saves.
  await rows.last().getByLabel('Why (one line)').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Save the consensus' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText('The consensus is saved in this browser\'s library.')).toBeVisible();

  // In the library, its export and its report.
  await openApp(page, '#/');
  const card = page.locator('.library li.card', { hasText: 'Springfield, March (consensus)' });
  await expect(card).toBeVisible();
  await expect(card.getByTestId('respondent')).toHaveText('Ana, Ben, Cai');
  const stored = await page.evaluate(() => Object.entries(localStorage).find(([k, v]) => k.startsWith('roadmap-readiness/assessment/') && v.includes('"consensus"')));
  const file = JSON.parse(stored[1]);
  expect(file.assessment.consensus.participants).toBe(3);
  expect(file.assessment.consensus.labels).toEqual(['Ana', 'Ben', 'Cai']);
  expect(file.assessment.answers.find((a) => a.question === 'city-1-every-district')).toMatchObject({ level: 3, note: 'Ward logs show eight of twelve districts' });
  await page.goto(`./#/a/${file.assessment.id}/report`);
  const section = page.getByTestId('report-consensus');
  await expect(section).toContainText('consensus of 3 participants in a workshop (Ana, Ben, Cai)');
  await expect(section.locator('tr', { hasText: 'Ward logs show eight of twelve districts' })).toContainText('3 gave a level, from 0 to 4, median 2');
  await expectAccessible(page, 'consensus report');
});

test('a city beside a community organisation: both scores for every step, the gaps in words', async ({ page }) => {
  for (const [perspective, name, level] of [['city', 'Springfield', 3], ['cso', 'Riverside Youth Group', 1]]) {
    const id = await startAssessment(page, { perspective, mode: 'quick', name });
    for (let step = 1; step <= 10; step++) {
      await page.goto(`./#/a/${id}/step/${step}`);
      await expect(page.locator('main h1')).toHaveText(new RegExp(`^Step ${step}:`));
      await answer(questions(page).nth(0), (level + step) % 5);
    }
  }
  await openApp(page, '#/compare');
  await expect(page.locator('main h1')).toHaveText('City beside community');
  await expect(page.getByText('only the step scores are compared')).toBeVisible();
  await page.getByLabel('City / local government assessment').selectOption({ label: 'Springfield' });
  await page.getByLabel('Community organisation assessment').selectOption({ label: 'Riverside Youth Group' });
  const rows = page.getByTestId('compare-table').locator('tbody tr');
  await expect(rows).toHaveCount(10);
  for (let i = 0; i < 10; i++) {
    await expect(rows.nth(i).locator('td').nth(0)).toHaveText(/^\d+$/);
    await expect(rows.nth(i).locator('td').nth(1)).toHaveText(/^\d+$/);
  }
  await expect(page.getByTestId('compare-furthest').locator('li').first()).toContainText('city');
  // A radar with both outlines, told apart by line and marker, named in its legend.
  await expect(page.getByRole('img', { name: /Radar of both assessments/ })).toBeVisible();
  await expect(page.locator('.radar-legend li')).toHaveText(['City / local government: Springfield', 'Community organisation: Riverside Youth Group']);
  const picture = page.locator('figure.radar svg[role="img"]');
  await expect(picture.locator('polygon.radar-line.series-1')).toHaveCount(1);
  await expect(picture.locator('rect.radar-marker.series-1')).toHaveCount(10);
  await expect(picture.locator('circle.radar-marker.series-0')).toHaveCount(10);
  await expectAccessible(page, 'city beside community');
});

test('presented to the room on a 1920 px projector: large type, the results alone, the radar readable', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openApp(page, '#/workshop');
  await page.getByLabel('Name of the workshop').fill('Springfield, March');
  await page.getByRole('button', { name: 'Start the workshop' }).click();
  await drop(page, [
    await participant('p-ana', 'Ana', { 'city-1-every-district': 0, 'city-2-liaison-lead': 2 }),
    await participant('p-ben', 'Ben', { 'city-1-every-district': 4, 'city-2-liaison-lead': 2 }),
    await participant('p-cai', 'Cai', { 'city-1-every-district': 2, 'city-2-liaison-lead': 3 }),
  ]);
  await expect(page.getByTestId('workshop-summary')).toContainText('3 participants');
  const size = (selector) => page.locator(selector).first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  const radar = page.getByRole('img', { name: /^Radar of the participants/ });
  const before = { question: await size('.workshop-question h3'), radar: (await radar.boundingBox()).width };

  const present = page.getByRole('button', { name: 'Present to the room' });
  await expect(present).toHaveAttribute('aria-pressed', 'false');
  await present.click();
  await expect(present).toHaveAttribute('aria-pressed', 'true');
  // The site's header and footer, adding files and naming participants step aside.
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.locator('.site-footer')).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Add participants', exact: true })).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Participants', exact: true })).toBeHidden();
  // What the room reads is larger: body text at 24 px or more, the questions half as
  // large again, the radar too; nothing scrolls sideways.
  expect(await size('.workshop-running')).toBeGreaterThanOrEqual(24);
  expect(await size('.workshop-question h3')).toBeGreaterThanOrEqual(before.question * 1.4);
  expect((await radar.boundingBox()).width).toBeGreaterThanOrEqual(before.radar * 1.4);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1920);
  await expect(page.getByTestId('workshop-steps')).toBeVisible();
  await expectAccessible(page, 'workshop presented');

  // Pressed again, the ordinary view is back, focus still on the toggle.
  await present.press('Enter');
  await expect(present).toHaveAttribute('aria-pressed', 'false');
  await expect(present).toBeFocused();
  await expect(page.locator('.site-header')).toBeVisible();
});
