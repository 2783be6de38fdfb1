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
  // Both are in the first group; each says why it is there in words, not a number.
  await expect(page.locator('[data-group="do_first"] ol.plan-list > li')).toHaveCount(2);
  await expect(items.nth(0).locator('.plan-source')).toContainText('answered at level 3 of 4. This question matters most to its step.');
  await expect(items.nth(0)).not.toContainText('Priority');
  // Every action starts as not started; "Planned" is the person's choice.
  await expect(items.nth(0).getByLabel('Status')).toHaveValue('not_started');
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
  expect(file.format_version).toBe(6);
  const tracked = file.assessment.plan.tracking;
  expect(tracked.find((t) => t.status === 'in_progress')).toMatchObject({ owner: 'Community liaison team', due: '2027-03-31' });
  expect(file.assessment.plan.custom).toMatchObject([{ step: 3, text: 'Brief the deputy mayor on the mapping', owner: 'Dana', status: 'not_started' }]);

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

test(`a "Don't know" becomes a find-out action, ranked early; later actions fall into groups`, async ({ page }) => {
  const id = await startAssessment(page, { perspective: 'city', mode: 'full', name: 'Unsure City' });
  for (let step = 1; step <= 3; step++) {
    await page.goto(`./#/a/${id}/step/${step}`);
    await expect(page.locator('main h1')).toHaveText(new RegExp(`^Step ${step}:`));
    const count = await questions(page).count();
    for (let i = 0; i < count; i++) await answer(questions(page).nth(i), i === 1 ? "Don't know" : 3);
  }
  await page.goto(`./#/a/${id}/plan`);
  const items = page.locator('ol.plan-list > li');
  const findOut = items.filter({ hasText: 'answered “Don\'t know”' });
  await expect(findOut).toHaveCount(3);
  await expect(findOut.first().locator('h4')).toHaveText(/^Find out/);
  // Not knowing ranks as a gap from level 0, ahead of every level-3 action of its step.
  await expect(items.first().locator('h4')).toHaveText(/^Find out/);
  for (const group of ['Do first', 'Next', 'Later']) {
    await expect(page.getByRole('heading', { name: group, exact: true })).toBeVisible();
  }
  await expect(page.locator('[data-group="do_first"] ol.plan-list > li')).toHaveCount(3);
  await expect(page.locator('[data-group="next"] ol.plan-list')).toHaveAttribute('start', '4');
  await expectAccessible(page, 'plan with groups');

  // Results start with the same three, in the same order.
  await page.goto(`./#/a/${id}/results`);
  const startHere = page.getByTestId('start-here').locator('li');
  await expect(startHere).toHaveCount(3);
  await page.goto(`./#/a/${id}/plan`);
  const planItems = page.locator('[data-group="do_first"] li h4');
  await expect(planItems).toHaveCount(3);
  const planFirst = await planItems.allTextContents();
  await page.goto(`./#/a/${id}/results`);
  for (let i = 0; i < 3; i++) await expect(startHere.nth(i)).toContainText(planFirst[i]);
  // Completeness in words that agree with each other.
  await expect(page.getByTestId('completeness-words')).toHaveText(/^\d+ answered; 3 “Don't know” do not count, so \d+ of \d+ are scored\.$/);
});

test('a quick check turns into the full assessment with every answer kept', async ({ page }) => {
  const id = await startAssessment(page, { perspective: 'city', mode: 'quick', name: 'Growing City', respondent: 'Sam' });
  await answer(questions(page).nth(0), 2);
  await questions(page).nth(0).getByLabel('Note or evidence (optional)').fill('From the ward log');
  const quickCount = await questions(page).count();
  for (let step = 1; step <= 10; step++) {
    await page.goto(`./#/a/${id}/step/${step}`);
    await expect(page.locator('main h1')).toHaveText(new RegExp(`^Step ${step}:`));
    if (step > 1) await answer(questions(page).nth(0), step % 3);
  }
  // The quick check's "Start here" is the head of its plan, in order.
  await page.goto(`./#/a/${id}/plan`);
  const planItems = page.locator('[data-group="do_first"] li h4');
  await expect(planItems).toHaveCount(3);
  const planFirst = await planItems.allTextContents();
  expect(planFirst).toHaveLength(3);
  await page.goto(`./#/a/${id}/results`);
  const startHere = page.getByTestId('start-here').locator('li');
  for (let i = 0; i < 3; i++) await expect(startHere.nth(i)).toContainText(planFirst[i]);
  await expect(page.getByTestId('context')).toContainText('Quick check · filled in by Sam');
  await page.getByRole('button', { name: 'Turn into the full assessment' }).click();
  await expect(page.getByTestId('context')).toContainText('Full assessment');
  await expect(page.getByRole('button', { name: 'Turn into the full assessment' })).toHaveCount(0);
  await page.goto(`./#/a/${id}/step/1`);
  await expect(questions(page)).not.toHaveCount(quickCount);
  const first = questions(page).filter({ has: page.getByRole('radio', { name: 'Level 2', checked: true }) });
  await expect(first).toHaveCount(1);
  await expect(first.getByLabel('Note or evidence (optional)')).toHaveValue('From the ward log');
  // The library card names who filled it in.
  await openApp(page, '#/');
  await expect(page.locator('.library li.card').getByTestId('respondent')).toHaveText('Sam');
});

test('a community organisation sees its grant readiness after step 7, on its results and in a funder pack', async ({ page }) => {
  const id = await startAssessment(page, { perspective: 'cso', mode: 'full', name: 'Riverside Youth Group', respondent: 'Amina' });
  await page.goto(`./#/a/${id}/step/7`);
  await expect(page.locator('main h1')).toHaveText('Step 7: Be ready to apply for and manage a small grant');
  await answer(questions(page).nth(0), 2); // legal standing: met from level 2
  await answer(questions(page).nth(1), 3); // committee: met
  await answer(questions(page).nth(2), 3); // financial statements: met from level 3
  await answer(questions(page).nth(3), 0); // money controls: not yet
  await answer(questions(page).nth(4), "Don't know"); // safeguarding: not known
  const readiness = page.getByTestId('grant-readiness');
  await expect(readiness.getByTestId('grant-verdict')).toContainText('Not ready yet');
  const fixFirst = readiness.getByTestId('grant-fix-first').locator('li');
  await expect(fixFirst).toHaveCount(3);
  await expect(fixFirst.nth(0)).toContainText('Safeguarding policy and named lead');
  await expect(fixFirst.nth(1)).toContainText("Bank account in the organisation's name, two signatories");
  await expect(readiness.locator('tr[data-check="legal-form"]')).toContainText('Met');
  await expect(readiness).toContainText('not a funder\'s decision');
  await expectAccessible(page, 'step 7 with grant readiness');

  await page.goto(`./#/a/${id}/results`);
  await expect(page.getByTestId('grant-verdict')).toContainText('Not ready yet');
  await page.getByRole('link', { name: 'The funder pack, one page to print' }).click();
  await expect(page.locator('main h1')).toHaveText('Funder pack: Riverside Youth Group');
  await expect(page.getByRole('region', { name: 'Legal form' })).toContainText('Legal form and governing document');
  await expect(page.getByRole('region', { name: 'Finances' })).toContainText('Not yet');
  await expect(page.getByTestId('pack-verdict')).toContainText('checks met');
  await expectAccessible(page, 'funder pack');

  // The jargon of a question is explained where it appears.
  await page.goto(`./#/a/${id}/step/7`);
  const legal = questions(page).nth(0);
  await legal.getByText('Words explained').click();
  await expect(legal.locator('.glossary-terms dt').first()).toBeVisible();
});
