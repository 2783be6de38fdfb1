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

const en = flat(await catalogue(ROOT, 'en'));
const fr = flat(await catalogue(ROOT, 'fr'));

/** Every text string of a parsed TOML value. */
function texts(value, out = []) {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => texts(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => texts(v, out));
  return out;
}
const toml = async (path) => parse(await readFile(ROOT + path, 'utf8'));
const CONTENT = ['instrument/city', 'instrument/cso', 'roadmap', 'resources', 'glossary', 'funder_checks'];
const contentTexts = async (folder) => (await Promise.all(
  CONTENT.map((name) => toml(`${folder}/${folder.endsWith('content') ? name : name.replace('instrument/', '')}.toml`)),
)).flatMap((value) => texts(value));
const englishTexts = [...Object.values(en), ...(await contentTexts('content'))];

/**
 * The English sentences that must never show on a page in language `tag`: each
 * catalogue message and content text, cut at its placeholders, keeping pieces of three
 * words or more that no text of that language uses itself (a programme's own name stays
 * in its language, inside the translation: « Building a Stronger Britain Together
 * (programme britannique …) »).
 */
async function englishSentences(tag) {
  const own = [
    ...Object.values(flat(await catalogue(ROOT, tag))),
    ...(await contentTexts(`content/translations/${tag}`)),
  ].map((v) => v.replace(/\s+/g, ' '));
  return [...new Set(
    englishTexts
      .flatMap((text) => text.split(/\{[a-z_]+\}/))
      .map((piece) => piece.replace(/\s+/g, ' ').trim())
      .filter((piece) => piece.split(' ').length >= 3 && piece.length >= 15),
  )].filter((piece) => !own.some((text) => text.includes(piece)));
}

/** Fails when the view shows any of `english`, in its text, in a label or its title. */
async function expectNoEnglish(page, english, view) {
  const shown = await page.evaluate(() => {
    const body = document.body.cloneNode(true);
    body.querySelectorAll('noscript').forEach((n) => n.remove());
    const labels = [...document.querySelectorAll('[aria-label], [title], [placeholder], [alt]')]
      .flatMap((el) => ['aria-label', 'title', 'placeholder', 'alt'].map((a) => el.getAttribute(a) ?? ''));
    return [body.textContent, ...labels, document.title].join('\n').replace(/\s+/g, ' ');
  });
  const found = english.filter((sentence) => shown.includes(sentence));
  expect(found, `${view}: English on a page in another language`).toEqual([]);
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
});

test.describe('an assessment remembers its language', () => {
  test.use({ locale: 'fr-FR' });

  test('filled in in French, it says so in English and its report too; one click shows it in French', async ({ page }) => {
    await openApp(page, '#/new');
    await page.getByLabel(fr['new.name_city']).fill('Ville de Lyon');
    await page.getByRole('button', { name: fr['new.start'] }).click();
    await expect(page.locator('main h1')).toHaveText(/^Étape 1/);
    const id = page.url().match(/#\/a\/([^/]+)\//)[1];
    const stored = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)), `roadmap-readiness/assessment/${id}`);
    expect(stored.format_version).toBe(6);
    expect(stored.assessment.language).toBe('fr');
    // French pages say nothing about it.
    await expect(page.locator('.language-notice')).toHaveCount(0);

    await page.getByRole('button', { name: 'English' }).click();
    await page.goto(`./#/a/${id}/results`);
    const notice = page.locator('.language-notice');
    await expect(notice).toContainText('This assessment was filled in in French.');
    await page.goto(`./#/a/${id}/report`);
    await expect(page.locator('main')).toContainText('Language of the answers');
    await expect(page.locator('main')).toContainText('French');
    await expectAccessible(page, 'report of a French assessment, in English');
    await notice.getByRole('button', { name: 'Show it in French' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.locator('main')).toContainText(fr['report.language']);
    await expect(page.locator('.language-notice')).toHaveCount(0);
  });
});

const RUNS = [
  { tag: 'fr', locale: 'fr-FR', perspective: 'cso', name: 'Association des habitants de la Croix-Rousse', note: 'Réunion avec la mairie le 3 mars.' },
  { tag: 'es', locale: 'es-ES', perspective: 'city', name: 'Ayuntamiento de Valladolid', note: 'Reunión con las asociaciones el 3 de marzo.' },
];

for (const run of RUNS) {
  test.describe(`a browser that prefers ${run.locale}`, () => {
    test.use({ locale: run.locale });

    test(`a whole ${run.perspective} run in ${run.tag}, new assessment to the CSV: no English on any view, axe-clean`, async ({ page }) => {
      const words = flat(await catalogue(ROOT, run.tag));
      const english = await englishSentences(run.tag);
      await openApp(page);
      await page.evaluate(() => localStorage.clear());
      await openApp(page);
      await expect(page.locator('html')).toHaveAttribute('lang', run.tag);
      await expectNoEnglish(page, english, 'home');

      await openApp(page, '#/new');
      await expectNoEnglish(page, english, 'new assessment');
      await expectAccessible(page, `new assessment (${run.tag})`);
      await page.getByLabel(words[`perspective.${run.perspective}`], { exact: true }).check();
      await page.getByLabel(words['mode.quick'], { exact: true }).check();
      await page.getByLabel(words[`new.name_${run.perspective}`]).fill(run.name);
      await page.getByRole('button', { name: words['new.start'] }).click();
      const stepHeading = (number) => new RegExp(`^${fill(words['step.heading'], { number, title: '' }).trim()}`);
      await expect(page.locator('main h1')).toHaveText(stepHeading(1));
      const id = page.url().match(/#\/a\/([^/]+)\//)[1];
      await expectNoEnglish(page, english, 'step 1');
      await expectAccessible(page, `step 1 (${run.tag})`);

      // Level 2 throughout step 1 with a note, then "don't know" first in every other step.
      const count = await questions(page).count();
      for (let i = 0; i < count; i++) {
        await questions(page).nth(i).getByRole('radio', { name: fill(words['question.level'], { level: 2 }) }).check();
      }
      await questions(page).nth(0).getByLabel(words['question.note']).fill(run.note);
      for (let step = 2; step <= 10; step++) {
        await page.goto(`./#/a/${id}/step/${step}`);
        await expect(page.locator('main h1')).toHaveText(stepHeading(step));
        await questions(page).first().getByRole('radio', { name: words['question.dont_know'] }).check();
      }
      await expectNoEnglish(page, english, 'step 10');

      const views = [
        ['results', `#/a/${id}/results`],
        ['plan', `#/a/${id}/plan`],
        ['report', `#/a/${id}/report`],
        ...(run.perspective === 'cso' ? [['funder pack', `#/a/${id}/funder-pack`]] : []),
        ['change over time', `#/a/${id}/change`],
        ['workshop', '#/workshop'],
        ['city beside community', '#/compare'],
        ['roadmap', '#/roadmap'],
        ['scoring', '#/scoring'],
        ['privacy', '#/privacy'],
      ];
      for (const [view, hash] of views) {
        await page.goto(`./${hash}`);
        await expect(page.locator('main h1')).toBeVisible();
        await expectNoEnglish(page, english, view);
        await expectAccessible(page, `${view} (${run.tag})`);
      }
      await page.goto(`./#/a/${id}/results`);
      await expect(page.locator('main h1')).toHaveText(fill(words['results.heading'], { name: run.name }));

      // The home page lists it, and its CSV speaks the language.
      await openApp(page);
      await expectNoEnglish(page, english, 'home with an assessment');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: fill(words['library.export_csv_of'], { name: run.name }) }).click(),
      ]);
      const csv = await readFile(await download.path(), 'utf8');
      const header = csv.replace(/^\uFEFF/, '').split('\r\n')[0];
      const columns = ['step', 'step_title', 'question_id', 'question', 'level', 'descriptor', 'other_response', 'note'];
      for (const column of columns) expect(header).toContain(words[`csv.${column}`]);
      const differ = columns.filter((c) => !words[`csv.${c}`].includes(en[`csv.${c}`]));
      expect(differ.length, 'the test tells the columns from the English ones').toBeGreaterThan(0);
      for (const column of differ) expect(header).not.toContain(en[`csv.${column}`]);
      expect(csv).toContain(run.note);
      expect(csv).toContain(words['question.dont_know']);
    });
  });
}

test('the check for English can fail: an English page is full of the sentences it looks for', async ({ page }) => {
  const english = await englishSentences('fr');
  await openApp(page);
  await page.evaluate(() => localStorage.clear());
  await openApp(page, '#/new');
  const shown = await page.evaluate(() => document.body.textContent.replace(/\s+/g, ' '));
  expect(english.filter((sentence) => shown.includes(sentence)).length).toBeGreaterThan(3);
});
