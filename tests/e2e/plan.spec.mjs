// The action plan: ranked from the answers, prerequisites first, tracked and kept.
import { readFile } from 'node:fs/promises';
import { test, expect, expectAccessible, openApp, startAssessment, questions, answer } from './fixtures.mjs';

test.beforeEach(async ({ page }) => {
  await openApp(page);
  await page.evaluate(() => localStorage.clear());
});

test('plan ranks prerequisite steps first, and tracking survives a reload and the export', async ({ page }) => {
  const id = await startAssessment(page, { perspective: 'city', mode: 'full', name: 'Plan City' });
  // Step 4 (advisory board) far from the top, step 3 (mapping) one level short of it.
  await page.goto(`./#/a/${id}/step/4`);
  await expect(page.locator('main h1')).toHaveText(/^Step 4:/);
  await answer(questions(page).nth(0), 0);
  await page.goto(`./#/a/${id}/step/3`);
  await expect(page.locator('main h1')).toHaveText(/^Step 3:/);
  await answer(questions(page).nth(0), 3);
  await answer(questions(page).nth(1), 4); // at the top: no action

  await page.getByRole('navigation', { name: 'Roadmap steps' }).getByRole('link', { name: 'Action plan' }).click();
  await expect(page.locator('main h1')).toHaveText('Action plan: Plan City');
  await expectAccessible(page, 'plan');
  const items = page.locator('ol.plan-list > li');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0).locator('.plan-step')).toHaveText(/^Step 3:/);
  await expect(items.nth(1).locator('.plan-step')).toHaveText(/^Step 4:/);
  await expect(page.getByTestId('plan-done')).toHaveText('0 of 2 actions done');

  // Track the first action; add an own action.
  const first = items.nth(0);
  await first.getByLabel('Status').selectOption('in_progress');
  await first.getByLabel('Owner').fill('Community liaison team');
  await first.getByLabel('Due date').fill('2027-03-31');
  await items.nth(1).getByLabel('Status').selectOption('done');
  await expect(page.getByTestId('plan-done')).toHaveText('1 of 2 actions done');
  await page.getByRole('button', { name: 'Add the action' }).click();
  await expect(page.locator('#new-own-text')).toBeFocused();
  await expect(page.getByText('Describe the action before adding it.')).toBeVisible();
  await page.locator('#new-own-text').fill('Brief the deputy mayor on the mapping');
  await page.locator('#new-own-step').selectOption('3');
  await page.getByRole('button', { name: 'Add the action' }).click();
  const own = page.locator('ul.plan-list.own > li');
  await expect(own).toHaveCount(1);
  await own.getByLabel('Owner').fill('Dana');
  await expectAccessible(page, 'plan with tracking');

  await page.reload();
  await expect(page.locator('main h1')).toHaveText('Action plan: Plan City');
  await expect(items.nth(0).getByLabel('Status')).toHaveValue('in_progress');
  await expect(items.nth(0).getByLabel('Owner')).toHaveValue('Community liaison team');
  await expect(items.nth(0).getByLabel('Due date')).toHaveValue('2027-03-31');
  await expect(items.nth(1).getByLabel('Status')).toHaveValue('done');
  await expect(own.getByLabel('Action', { exact: true })).toHaveValue('Brief the deputy mayor on the mapping');
  await expect(own.getByLabel('Owner')).toHaveValue('Dana');
  await expect(own.locator('.plan-step')).toHaveText(/^Step 3:/);

  // The export carries the plan.
  await page.goto(`./#/a/${id}/results`);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download as JSON' }).click(),
  ]);
  const file = JSON.parse(await readFile(await download.path(), 'utf8'));
  expect(file.format_version).toBe(2);
  const tracked = file.assessment.plan.tracking;
  expect(tracked.find((t) => t.status === 'in_progress')).toMatchObject({ owner: 'Community liaison team', due: '2027-03-31' });
  expect(file.assessment.plan.custom).toMatchObject([{ step: 3, text: 'Brief the deputy mayor on the mapping', owner: 'Dana', status: 'planned' }]);

  // Removing the own action.
  await page.goto(`./#/a/${id}/plan`);
  await own.getByRole('button', { name: 'Remove the action “Brief the deputy mayor on the mapping”' }).click();
  await expect(own).toHaveCount(0);
});

test('a quick check says its plan comes from the quick questions alone', async ({ page }) => {
  const id = await startAssessment(page, { perspective: 'cso', mode: 'quick', name: 'Quick Org' });
  await answer(questions(page).nth(0), 1);
  await page.goto(`./#/a/${id}/plan`);
  await expect(page.getByText("This plan comes from the quick check's questions alone.")).toBeVisible();
  await expect(page.locator('ol.plan-list > li')).toHaveCount(1);
});
