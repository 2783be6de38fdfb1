// Views fetched the first time they open (the wasm split into chunks, scripts/wasm.mjs):
// while a view's code is on its way the page says so, the heading is focused once the
// view is there, as for any change of view; a chunk that cannot be fetched leaves a
// message in its place and the rest of the app working.
import { test, expect, expectAccessible } from './fixtures.mjs';

const roadmapLink = (page) => page.getByRole('navigation').first().getByRole('link', { name: 'The roadmap', exact: true });

test('a view fetched on first use: a status while it loads, then its heading focused', async ({ page }) => {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/split_roadmap.wasm', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('./');
  await expect(page.locator('main h1')).toHaveText('Roadmap Readiness');
  await roadmapLink(page).click();
  await expect(page.getByRole('status').filter({ hasText: 'Loading this view…' })).toBeVisible();
  await expectAccessible(page, 'a view while its code loads');
  release();
  await expect(page.locator('main h1')).toHaveText('The roadmap');
  await expect(page.locator('main h1')).toBeFocused();
  await expect(page.getByText('Loading this view…')).toHaveCount(0);

  // The second time its code is here: the view and the focus at once.
  await page.getByRole('link', { name: 'Saved assessments' }).first().click();
  await expect(page.locator('main h1')).toHaveText('Roadmap Readiness');
  await roadmapLink(page).click();
  await expect(page.locator('main h1')).toHaveText('The roadmap');
  await expect(page.locator('main h1')).toBeFocused();
});

test('a chunk that cannot be fetched: a message in its place, the rest of the app goes on', async ({ page, guard }) => {
  await page.route('**/split_roadmap.wasm', (route) => route.abort('internetdisconnected'));
  await page.goto('./');
  await expect(page.locator('main h1')).toHaveText('Roadmap Readiness');
  await roadmapLink(page).click();
  await expect(page.locator('main h1')).toHaveText('This view could not be loaded');
  await expect(page.locator('main [role="alert"]')).toHaveText(/the connection may be down\. Your assessments are safe in this browser\. Reload the page to try again\./);
  await expectAccessible(page, 'a view whose code could not be fetched');
  // The browser reports the refused fetch; nothing else went wrong.
  expect(guard.splice(0).filter((p) => !/Failed to fetch|ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(p))).toEqual([]);

  await page.getByRole('link', { name: 'New assessment' }).first().click();
  await expect(page.getByLabel('Name of the city or local government')).toBeVisible();
  await page.getByRole('link', { name: 'How scores work' }).first().click();
  await expect(page.locator('main h1')).toHaveText('How scores work');
});
