// Phones: at 360 px the first question is on the first screen (the header's links and
// the step list fold), everything a finger taps is at least 44 px tall, and no view
// scrolls sideways at 320 px. Wide tables scroll inside their own region instead.
import { test, expect, expectAccessible, openApp, startAssessment, questions, answer } from './fixtures.mjs';

const PHONE = { width: 360, height: 640 };
const SMALLEST = { width: 320, height: 568 };

test.beforeEach(async ({ page }) => {
  await page.setViewportSize(PHONE);
  await openApp(page);
  await page.evaluate(() => localStorage.clear());
});

test('at 360 px the first question is on the first screen, and the folds open by keyboard', async ({ page }) => {
  const id = await startAssessment(page, { perspective: 'city', mode: 'full', name: 'Springfield' });
  await page.reload();
  await expect(page.locator('main h1')).toHaveText(/^Step 1:/);
  await page.evaluate(() => window.scrollTo(0, 0));
  const legend = await questions(page).first().locator('legend').boundingBox();
  expect(legend.y, 'the first question starts on the first screen').toBeLessThan(PHONE.height);

  // The step list is one line until opened; Enter opens it, and its links lead on.
  const fold = page.locator('details.step-list-fold');
  await expect(fold.locator('summary')).toHaveText('Step 1 of 10 · all steps');
  await expect(fold.getByRole('link', { name: /Networking/ })).toBeHidden();
  await fold.locator('summary').focus();
  await page.keyboard.press('Enter');
  await expect(fold.getByRole('link', { name: /Networking/ })).toBeVisible();
  await expectAccessible(page, 'step at 360 px, step list open');
  await fold.getByRole('link', { name: /Networking/ }).click();
  await expect(page.locator('main h1')).toHaveText(/^Step 9:/);
  await expect(page.locator('main h1')).toBeFocused();

  // The header's links fold under "Menu".
  const menu = page.locator('details.site-nav-fold');
  await expect(menu.getByRole('link', { name: 'The roadmap' })).toBeHidden();
  await menu.locator('summary').click();
  await expect(menu.getByRole('link', { name: 'The roadmap' })).toBeVisible();
  await expectAccessible(page, 'step at 360 px, menu open');
  await menu.getByRole('link', { name: 'The roadmap' }).click();
  await expect(page.locator('main h1')).toHaveText(/roadmap/i);
  expect(id).toBeTruthy();
});

test('at 360 px every control a finger taps is at least 44 px tall', async ({ page }) => {
  await startAssessment(page, { perspective: 'city', mode: 'quick', name: 'Springfield' });
  await page.locator('details.step-list-fold summary').click();
  await page.locator('details.site-nav-fold summary').click();
  const small = await page.evaluate(() => {
    const targets = document.querySelectorAll(
      'header summary, header a, header button, .step-list-fold summary, .step-list-fold a, .level, main button, main .button, .pager a',
    );
    const out = [];
    for (const el of targets) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue; // not shown at this width
      if (box.height < 44) out.push(`${el.tagName.toLowerCase()} "${el.textContent.trim().slice(0, 30)}": ${box.height.toFixed(1)} px`);
    }
    return out;
  });
  expect(small).toEqual([]);
});

/** The page is no wider than the screen; tables may scroll in their own region. */
async function expectNoSidewaysScroll(page, view) {
  const [scroll, screen, wide] = await page.evaluate(() => {
    const w = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > w + 0.5 && !el.closest('.table-scroll'))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
    return [document.documentElement.scrollWidth, w, wide];
  });
  expect(scroll, `${view}: page width ${scroll} at a screen of ${screen}; too wide: ${wide.join(', ')}`).toBeLessThanOrEqual(screen);
}

test('no view scrolls sideways at 320 px, and the radar fits the screen', async ({ page }) => {
  await page.setViewportSize(SMALLEST);
  const city = await startAssessment(page, { perspective: 'city', mode: 'quick', name: 'Springfield, a city with a long name that must wrap' });
  for (let step = 1; step <= 10; step++) {
    if (step > 1) {
      await page.goto(`./#/a/${city}/step/${step}`);
      await expect(page.locator('main h1')).toHaveText(new RegExp(`^Step ${step}:`));
    }
    const count = await questions(page).count();
    for (let i = 0; i < count; i++) await answer(questions(page).nth(i), (step + i) % 5);
  }
  const cso = await startAssessment(page, { perspective: 'cso', mode: 'quick', name: 'Riverside Youth Group' });
  const views = [
    ['home', '#/'],
    ['new assessment', '#/new'],
    ['step', `#/a/${city}/step/1`],
    ['results', `#/a/${city}/results`],
    ['plan', `#/a/${city}/plan`],
    ['report', `#/a/${city}/report`],
    ['funder pack', `#/a/${cso}/funder-pack`],
    ['workshop', '#/workshop'],
    ['compare', '#/compare'],
    ['roadmap', '#/roadmap'],
    ['how scores work', '#/scoring'],
  ];
  for (const [view, hash] of views) {
    await page.goto(`./${hash}`);
    await expect(page.locator('main h1')).toBeVisible();
    await expectNoSidewaysScroll(page, view);
  }
  await page.goto(`./#/a/${city}/results`);
  const radar = await page.locator('figure.radar svg').first().boundingBox();
  expect(radar.x).toBeGreaterThanOrEqual(0);
  expect(radar.x + radar.width).toBeLessThanOrEqual(SMALLEST.width);
  await expectAccessible(page, 'results at 320 px');
});
