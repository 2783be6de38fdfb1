// Languages: a first visit follows the browser's languages; the switch on every page
// changes the language at once, keeps focus, is announced and is remembered; a whole
// French run (new assessment to the printed report, CSV included) speaks French on
// every view: no sentence of the English catalogue or of the English content shows,
// in the text or in any label, and every view is axe-clean.
import { readFile } from 'node:fs/promises';
import { parse } from 'smol-toml';
import { catalogue } from '../../scripts/language-packs.mjs';
import { test, expect, expectAccessible, openApp, questions } from './fixtures.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;

/** A catalogue as dotted keys → text. */
function flat(value, prefix = '', out = {}) {
  for (const [key, child] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (child && typeof child === 'object' && !Array.isArray(child)) flat(child, path, out);
    else out[path] = String(child);
  }
  return out;
}

const fr = flat(await catalogue(ROOT, 'fr'));
const en = flat(await catalogue(ROOT, 'en'));

/** Every text string of a parsed TOML value. */
function texts(value, out = []) {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => texts(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => texts(v, out));
  return out;
}
const toml = async (path) => parse(await readFile(ROOT + path, 'utf8'));
const CONTENT = ['roadmap', 'resources', 'glossary', 'funder_checks'];
const englishContent = [
  ...texts(await toml('content/instrument/city.toml')),
  ...texts(await toml('content/instrument/cso.toml')),
  ...(await Promise.all(CONTENT.map((n) => toml(`content/${n}.toml`)))).flatMap((v) => texts(v)),
];
const frenchContent = new Set([
  ...texts(await toml('content/translations/fr/city.toml')),
  ...texts(await toml('content/translations/fr/cso.toml')),
  ...(await Promise.all(CONTENT.map((n) => toml(`content/translations/fr/${n}.toml`)))).flatMap((v) => texts(v)),
]);
const frenchMessages = new Set(Object.values(fr));

/**
 * The English sentences that must never show on a French page: each catalogue message
 * and content text, cut at its placeholders, keeping pieces of three words or more that
 * no French text uses itself (a programme's own name stays in its language, inside the
 * French: « Building a Stronger Britain Together (programme britannique …) »).
 */
const frenchTexts = [...frenchMessages, ...frenchContent].map((v) => v.replace(/\s+/g, ' '));
const ENGLISH = [...new Set(
  [...Object.values(en), ...englishContent]
    .flatMap((text) => text.split(/\{[a-z_]+\}/))
    .map((piece) => piece.replace(/\s+/g, ' ').trim())
    .filter((piece) => piece.split(' ').length >= 3 && piece.length >= 15),
)].filter((piece) => !frenchTexts.some((text) => text.includes(piece)));

/** Fails when the view shows any English sentence, in its text or in a label. */
async function expectNoEnglish(page, view) {
  const shown = await page.evaluate(() => {
    const body = document.body.cloneNode(true);
    body.querySelectorAll('noscript').forEach((n) => n.remove());
    const labels = [...document.querySelectorAll('[aria-label], [title], [placeholder], [alt]')]
      .flatMap((el) => ['aria-label', 'title', 'placeholder', 'alt'].map((a) => el.getAttribute(a) ?? ''));
    return [body.textContent, ...labels, document.title].join('\n').replace(/\s+/g, ' ');
  });
  const found = ENGLISH.filter((sentence) => shown.includes(sentence));
  expect(found, `${view}: English on a French page`).toEqual([]);
}

const fill = (template, values) => template.replace(/\{([a-z_]+)\}/g, (_, name) => String(values[name]));

test.describe('a browser that prefers French', () => {
  test.use({ locale: 'fr-FR' });

  test.beforeEach(async ({ page }) => {
    await openApp(page);
    await page.evaluate(() => localStorage.clear());
  });

  test('the first visit speaks French; the switch changes language at once, is announced and remembered', async ({ page }) => {
    await openApp(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.getByRole('link', { name: fr['nav.new'] }).first()).toBeVisible();
    const group = page.getByRole('group', { name: fr['language.label'] });
    await expect(group.getByRole('button', { name: 'Français' })).toHaveAttribute('aria-pressed', 'true');
    await expectAccessible(page, 'home in French');

    // Español, by keyboard: the page is Spanish, focus stays on the switch, and the
    // change is announced in Spanish.
    await group.getByRole('button', { name: 'Español' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    const es = page.getByRole('group', { name: 'Idioma' });
    await expect(es.getByRole('button', { name: 'Español' })).toHaveAttribute('aria-pressed', 'true');
    await expect(es.getByRole('button', { name: 'Español' })).toBeFocused();
    await expect(page.locator('[aria-live="polite"].visually-hidden')).toHaveText('Idioma: español');
    await expect(page.getByRole('link', { name: 'Nuevo diagnóstico' }).first()).toBeVisible();
    await expectAccessible(page, 'home in Spanish');

    // Remembered: the choice outweighs the browser's French at the next visit.
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    expect(await page.evaluate(() => localStorage.getItem('roadmap-readiness/language'))).toBe('es');

    // And back to English, whose words are in the wasm.
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('link', { name: 'New assessment' }).first()).toBeVisible();
  });

  test('a French run from a new assessment to the report: French on every view, axe-clean', async ({ page }) => {
    await openApp(page);
    await expectNoEnglish(page, 'home');

    await openApp(page, '#/new');
    await expectNoEnglish(page, 'new assessment');
    await expectAccessible(page, 'new assessment in French');
    await page.getByLabel(fr['perspective.cso'], { exact: true }).check();
    await page.getByLabel(fr['mode.quick'], { exact: true }).check();
    await page.getByLabel(fr['new.name_cso']).fill('Association des habitants de la Croix-Rousse');
    await page.getByRole('button', { name: fr['new.start'] }).click();
    await expect(page.locator('main h1')).toHaveText(new RegExp(`^${fill(fr['step.heading'], { number: 1, title: '' }).trim()}`));
    const id = page.url().match(/#\/a\/([^/]+)\//)[1];
    await expectNoEnglish(page, 'step 1');
    await expectAccessible(page, 'step 1 in French');

    // Answers and a note, then the other steps' first questions.
    const count = await questions(page).count();
    for (let i = 0; i < count; i++) {
      await questions(page).nth(i).getByRole('radio', { name: fill(fr['question.level'], { level: 2 }) }).check();
    }
    await questions(page).nth(0).getByLabel(fr['question.note']).fill('Réunion avec la mairie le 3 mars.');
    for (let step = 2; step <= 10; step++) {
      await page.goto(`./#/a/${id}/step/${step}`);
      await expect(page.locator('main h1')).toHaveText(new RegExp(`^Étape ${step}`));
      await questions(page).first().getByRole('radio', { name: fr['question.dont_know'] }).check();
    }
    await expectNoEnglish(page, 'step 10');

    for (const [view, hash] of [
      ['results', `#/a/${id}/results`],
      ['plan', `#/a/${id}/plan`],
      ['report', `#/a/${id}/report`],
      ['funder pack', `#/a/${id}/funder-pack`],
      ['change over time', `#/a/${id}/change`],
      ['workshop', '#/workshop'],
      ['city beside community', '#/compare'],
      ['roadmap', '#/roadmap'],
      ['scoring', '#/scoring'],
      ['privacy', '#/privacy'],
    ]) {
      await page.goto(`./${hash}`);
      await expect(page.locator('main h1')).toBeVisible();
      await expectNoEnglish(page, view);
      await expectAccessible(page, `${view} in French`);
    }
    await page.goto(`./#/a/${id}/results`);
    await expect(page.locator('main h1')).toHaveText(fill(fr['results.heading'], { name: 'Association des habitants de la Croix-Rousse' }));

    // The home page lists it with a French date, and its CSV is in French.
    await openApp(page);
    await expectNoEnglish(page, 'home with an assessment');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: fill(fr['library.export_csv_of'], { name: 'Association des habitants de la Croix-Rousse' }) }).click(),
    ]);
    const csv = await readFile(await download.path(), 'utf8');
    const header = csv.replace(/^\uFEFF/, '').split('\r\n')[0];
    const columns = ['step', 'step_title', 'question_id', 'question', 'level', 'descriptor', 'other_response', 'note'];
    for (const column of columns) expect(header).toContain(fr[`csv.${column}`]);
    expect(columns.some((c) => fr[`csv.${c}`] !== en[`csv.${c}`]), 'the test tells French columns from English').toBe(true);
    for (const column of columns.filter((c) => fr[`csv.${c}`] !== en[`csv.${c}`] && !fr[`csv.${c}`].includes(en[`csv.${c}`]))) {
      expect(header).not.toContain(en[`csv.${column}`]);
    }
    expect(csv).toContain('Réunion avec la mairie le 3 mars.');
    expect(csv).toContain(fr['question.dont_know']);
  });
});

test('the English catalogue check can fail: an English page is full of English sentences', async ({ page }) => {
  await openApp(page);
  await page.evaluate(() => localStorage.clear());
  await openApp(page, '#/new');
  const shown = await page.evaluate(() => document.body.textContent.replace(/\s+/g, ' '));
  expect(ENGLISH.filter((sentence) => shown.includes(sentence)).length).toBeGreaterThan(3);
});
