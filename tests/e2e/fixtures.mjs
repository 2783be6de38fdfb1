// Shared fixtures: every test fails on a console error, an uncaught exception, or a
// request to any host but the app's own (nothing may leave the browser).
import { test as base, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** Collects the page's console errors, uncaught exceptions and requests to other hosts. */
export function watch(page, baseURL) {
  const problems = [];
  const origin = new URL(baseURL).origin;
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:')) {
      problems.push(`request to another host: ${url}`);
    }
  });
  return problems;
}

export const test = base.extend({
  guard: [async ({ page, baseURL }, use) => {
    const problems = watch(page, baseURL);
    await use(problems);
    expect(problems, 'console errors, page errors or foreign requests').toEqual([]);
  }, { auto: true }],
});
export { expect };

/** Fails on any serious or critical axe violation in the current view. */
export async function expectAccessible(page, view) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = results.violations.filter((v) => ['serious', 'critical'].includes(v.impact));
  expect(bad.map((v) => `${view}: ${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Waits until the wasm app has rendered its first view. */
export async function openApp(page, hash = '') {
  await page.goto(hash ? `./${hash}` : './');
  await expect(page.locator('main h1')).toBeVisible();
}

export async function startAssessment(page, { perspective, mode, name, respondent }) {
  await openApp(page, '#/new');
  await page.getByLabel(perspective === 'city' ? 'City / local government' : 'Community organisation', { exact: true }).check();
  await page.getByLabel(mode === 'quick' ? 'Quick check' : 'Full assessment', { exact: true }).check();
  await page.getByLabel(perspective === 'city' ? 'Name of the city or local government' : 'Name of the organisation').fill(name);
  if (respondent) await page.getByLabel('Who is filling it in (optional)').fill(respondent);
  await page.getByRole('button', { name: 'Start the assessment' }).click();
  await expect(page.locator('main h1')).toHaveText(/^Step 1:/);
  return page.url().match(/#\/a\/([^/]+)\//)[1];
}

/** The question fieldsets of the current step. */
export const questions = (page) => page.locator('fieldset.question');

export async function answer(question, choice) {
  const label = typeof choice === 'number' ? `Level ${choice}` : choice;
  await question.getByRole('radio', { name: label }).check();
}

/** Drops `files` ({ name, text }) on the page's drop zone, as a person dragging them would. */
export async function drop(page, files) {
  const dataTransfer = await page.evaluateHandle((files) => {
    const dt = new DataTransfer();
    for (const f of files) dt.items.add(new File([f.text], f.name, { type: 'application/json' }));
    return dt;
  }, files);
  await page.locator('.drop-zone').dispatchEvent('drop', { dataTransfer });
}
