// The whole instrument as a person meets it: a quick and a full assessment in each
// perspective, answered to the end; and the roadmap page that maps questions to steps.
import { test, expect, expectAccessible, openApp, startAssessment, questions, answer } from './fixtures.mjs';

test.beforeEach(async ({ page }) => {
  await openApp(page);
  await page.evaluate(() => localStorage.clear());
});

const CHOICES = [0, 1, 2, 3, 4, 'Not applicable', "Don't know"];

for (const perspective of ['city', 'cso']) {
  for (const mode of ['quick', 'full']) {
    test(`${perspective} ${mode}: every step answered to the end`, async ({ page }) => {
      test.setTimeout(120_000);
      await startAssessment(page, { perspective, mode, name: `${perspective} ${mode} run` });
      let answered = 0;
      for (let step = 1; step <= 10; step++) {
        await expect(page.locator('main h1')).toHaveText(new RegExp(`^Step ${step}:`));
        const count = await questions(page).count();
        expect(count, `step ${step}`).toBeGreaterThanOrEqual(mode === 'quick' ? 1 : 4);
        // One or two per step; a community organisation's step 7 has the three
        // due-diligence essentials (legal form, finances, safeguarding).
        if (mode === 'quick') expect(count, `step ${step}`).toBeLessThanOrEqual(perspective === 'cso' && step === 7 ? 3 : 2);
        for (let i = 0; i < count; i++) {
          // Each step's first question gets a level, so that every step has a score;
          // the rest rotate through every choice, Not applicable and Don't know too.
          const choice = i === 0 ? step % 5 : CHOICES[(answered + i) % CHOICES.length];
          await answer(questions(page).nth(i), choice);
        }
        answered += count;
        await expect(page.locator('.progress-text').nth(0)).toHaveText(`${count} of ${count} answered`);
        await page.getByRole('link', { name: step < 10 ? 'Next step' : 'See the results' }).click();
      }
      await expect(page.locator('main h1')).toHaveText(/^Results:/);
      if (mode === 'quick') {
        expect(answered).toBeGreaterThanOrEqual(10);
        expect(answered).toBeLessThanOrEqual(20);
      } else {
        expect(answered).toBeGreaterThanOrEqual(40);
      }
      // Every step has a score (a number, not "–").
      await expect(page.locator('table.scores tbody tr td:nth-child(2)')).toHaveText(Array(10).fill(/^\d+$/));
    });
  }
}

test('the roadmap page maps every sub-item to questions and is accessible', async ({ page }) => {
  await openApp(page, '#/roadmap');
  await expect(page.locator('main h1')).toHaveText('The roadmap');
  await expect(page.locator('section.roadmap-step')).toHaveCount(10);
  for (const item of ['1a', '1b', '4a', '4b', '4c', '5a', '5b', '5c', '7a', '7b', '7c', '7d', '7e', '7f', '7g', '7h', '7i']) {
    const block = page.locator(`.serving[data-serves="${item}"]`);
    await expect(block, item).toBeVisible();
    await expect(block.getByRole('heading', { name: 'City / local government' }), item).toBeVisible();
  }
  await expect(page.getByRole('heading', { name: 'Resources' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Shared Endeavour Fund (London)' })).toHaveAttribute('href', 'https://www.london.gov.uk/CVE');
  await expectAccessible(page, 'roadmap');
});
