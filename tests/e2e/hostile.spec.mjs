// Hostile files: every text field a file can fill (names, who filled it in, ids, dates,
// the questionnaire's version, notes, unknown question ids, owners, due dates, own
// actions, consensus labels, workshop names, participants' labels and rationales) holds
// markup and script payloads (an img with onerror, a script element, an svg that breaks
// out of an attribute, a style element, a javascript: URL), a spreadsheet formula, a
// message placeholder, bidi and zero-width characters, and 10,000 characters of mixed scripts without a
// space. The files are generated here, imported through the page as a person would, and
// every view is visited at 1280 and 360 pixels wide, the report also printed: nothing
// runs (no flag set, no dialog, no policy violation, no element made from a payload),
// the payloads show as text, the layout holds (nothing wider than the viewport unless
// inside its own scroll box), and the JSON and CSV exports carry every payload as text.
import { readFile } from 'node:fs/promises';
import { parse } from 'smol-toml';
import { test, expect, openApp } from './fixtures.mjs';

const P = {
  img: `<img src="https://attacker.example/i.png" onerror="window.__pwned='img';alert('img')">`,
  script: `<script>window.__pwned='script';alert('script')</script>`,
  svg: `"><svg onload="window.__pwned='svg';alert('svg')">`,
  style: `<style>*{display:none!important}</style>`,
  url: `javascript:window.__pwned='url';alert('url')`,
  formula: `=HYPERLINK("https://attacker.example","click")`,
  bidi: `\u202Eevil.exe\u202C \u2067isolated\u2069 zero\u200Bwidth\u200Djoin\uFEFFbom \u202Eunterminated`,
};
const ALL = Object.values(P).join(' ');
/** Mixed scripts that give a line no place to break (no space, no CJK, no emoji), as
 *  many characters (code points) as asked. */
function unbroken(count) {
  const run = 'LatinΕλληνικάКириллицаالعربيةעבריתहिन्दीԱրմენ𝔘𝔫𝔦𝔠𝔬𝔡𝔢Z̴̧a̷l̸g̶o̵';
  return Array.from(run.repeat(Math.ceil(count / Array.from(run).length))).slice(0, count).join('');
}
/** 10,000 characters of mixed scripts: a long unbroken run, then CJK, Thai, Hangul, emoji. */
const LONG = unbroken(9_000) + Array.from('漢字かなカナไทย한국어😀🏳️‍🌈'.repeat(100)).slice(0, 1_000).join('');

/** The fragment's form of an id, as core::route writes it. */
const encode = (id) => [...new TextEncoder().encode(id)]
  .map((b) => (/[A-Za-z0-9._-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');

async function questionnaire(perspective) {
  return parse(await readFile(new URL(`../../content/instrument/${perspective}.toml`, import.meta.url), 'utf8'));
}

/** An assessment record with every text field hostile. */
async function hostile(perspective, id, name) {
  const q = await questionnaire(perspective);
  const firsts = [...new Set(q.question.map((x) => x.step))].map((step) => q.question.find((x) => x.step === step));
  const answers = firsts.map((x, i) => ({ question: x.id, response: 'level', level: i % 4, note: i === 0 ? LONG : i === 1 ? `${P.formula} ${ALL}` : `${ALL} ${i}` }));
  // Every question of step 7 answered, so that a community organisation's funder checks show.
  for (const x of q.question.filter((x) => x.step === 7 && !answers.some((a) => a.question === x.id))) {
    answers.push({ question: x.id, response: 'dont_know', note: P.svg });
  }
  answers.push({ question: `${perspective}-unknown ${P.img}`, response: 'level', level: 2, note: P.script });
  answers.push({ question: q.question.at(-1).id, response: 'none', note: `${P.bidi} ${P.style}` });
  return {
    id,
    name: `${name} ${P.script} {respondent} ${P.bidi} ${unbroken(300)}`,
    respondent: `${P.svg} ${P.url}`,
    perspective,
    mode: 'full',
    instrument: { id: q.id, version: `${q.version}${P.img}` },
    created_at: `2026-11-28T09:00:00.000Z${P.script}`,
    updated_at: `2026-11-28T09:55:00.000Z${P.img}`,
    revision: 7,
    answers,
    plan: {
      tracking: [{ action: `${firsts[1].id}/1`, status: 'in_progress', owner: LONG, due: P.script }],
      custom: [
        { id: `own ${P.img}`, step: 3, text: LONG, status: 'planned', owner: `${P.svg}${P.bidi}`, due: P.url },
        { id: 'own-2', step: null, text: `${P.formula} ${ALL}`, status: 'not_started', owner: unbroken(500), due: '' },
      ],
    },
    consensus: { participants: 3, labels: [P.img, `${P.script}${P.bidi}`, unbroken(400)], spread: [{ question: firsts[0].id, answered: 3, min: 0, max: 4, median: 2 }] },
  };
}
const file = (assessment) => ({ format: 'roadmap-readiness.assessment', format_version: 4, app_version: `0.1.0${P.script}`, saved_at: `2026-11-28T10:00:00.000Z${P.img}`, assessment });

test.beforeEach(async ({ page }) => {
  // Any payload that ran would set the flag, open a dialog, or be refused by the policy.
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.effectiveDirective}: ${e.sample}`));
  });
  page.on('dialog', (d) => { page.__dialogs = [...(page.__dialogs ?? []), d.message()]; d.dismiss(); });
  await openApp(page);
  await page.evaluate(() => localStorage.clear());
});

/** Nothing ran, nothing was made from a payload, nothing sticks out of the viewport. */
async function holds(page, view) {
  await expect(page.locator('main h1')).toBeVisible();
  const state = await page.evaluate(() => {
    const made = [...document.querySelectorAll('img[src*="attacker"], script:not([src]), svg[onload], [onerror], [onload], body style, a[href^="javascript:" i], iframe, object, embed')]
      .map((e) => e.outerHTML.slice(0, 100));
    const width = document.documentElement.clientWidth;
    const wide = [];
    for (const el of document.querySelectorAll('body *')) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.right <= width + 1) continue;
      // Inside a box of its own that scrolls or clips (a wide table's scroll box): held.
      let up = el.parentElement;
      while (up && up !== document.body && getComputedStyle(up).overflowX === 'visible') up = up.parentElement;
      if (up && up !== document.body) continue;
      wide.push(`${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ').join('.')}` : ''} ${Math.round(box.right)} px`);
    }
    return { pwned: window.__pwned ?? null, violations: window.__violations, made, scroll: document.documentElement.scrollWidth - width, wide: wide.slice(0, 8) };
  });
  expect(state.pwned, `${view}: a payload ran`).toBeNull();
  expect(state.violations, `${view}: policy violations`).toEqual([]);
  expect(state.made, `${view}: elements made from payloads`).toEqual([]);
  expect(page.__dialogs ?? [], `${view}: dialogs`).toEqual([]);
  expect.soft(state.wide, `${view}: wider than the viewport`).toEqual([]);
  expect.soft(state.scroll, `${view}: the page scrolls sideways`).toBeLessThanOrEqual(0);
}

/** RFC 4180 rows. */
function csvRows(text) {
  const rows = [[]];
  let cell = '';
  let quoted = false;
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { rows.at(-1).push(cell); cell = ''; } else if (c === '\r' && text[i + 1] === '\n') { rows.at(-1).push(cell); cell = ''; rows.push([]); i++; } else cell += c;
  }
  if (cell || rows.at(-1).length) rows.at(-1).push(cell);
  return rows.filter((r) => r.length > 1);
}

async function download(page, click) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return readFile(await file.path(), 'utf8');
}

test('hostile text in every field renders as text on every view, at two widths and in print', async ({ page }) => {
  test.setTimeout(300_000);
  const cityId = `hostile city ${P.img}/..#?&`;
  const city = await hostile('city', cityId, 'Hostile City');
  const cso = await hostile('cso', `hostile org ${P.svg}`, 'Hostile Org');
  const cityFile = JSON.stringify(file(city), null, 2);

  // Imported through the picker, both at once; the refusal-free report names them as text.
  await page.getByLabel('Import assessment files (JSON)').setInputFiles([
    { name: `${P.img}.json`, mimeType: 'application/json', buffer: Buffer.from(cityFile) },
    { name: 'org.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file(cso))) },
  ]);
  await expect(page.getByText('2 imported, 0 not imported, 0 waiting for your choice.')).toBeVisible();
  await expect(page.locator('.import-result').first()).toContainText(`city-unknown ${P.img}`);
  await holds(page, 'home after the import');

  const views = [
    ['home', '#/'],
    ...Array.from({ length: 10 }, (_, i) => [`city step ${i + 1}`, `#/a/${encode(cityId)}/step/${i + 1}`]),
    ['city results', `#/a/${encode(cityId)}/results`],
    ['city plan', `#/a/${encode(cityId)}/plan`],
    ['city report', `#/a/${encode(cityId)}/report`],
    ['organisation step 7', `#/a/${encode(cso.id)}/step/7`],
    ['organisation results', `#/a/${encode(cso.id)}/results`],
    ['organisation plan', `#/a/${encode(cso.id)}/plan`],
    ['organisation report', `#/a/${encode(cso.id)}/report`],
    ['funder pack', `#/a/${encode(cso.id)}/funder-pack`],
    ['roadmap', '#/roadmap'],
    ['scoring', '#/scoring'],
  ];
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 900 });
    for (const [view, hash] of views) {
      await page.goto(`./${hash}`);
      await holds(page, `${view} at ${width} px`);
    }
    // The payloads are there, as text.
    await page.goto(`./#/a/${encode(cityId)}/report`);
    await expect(page.locator('main')).toContainText(`Hostile City ${P.script} {respondent}`);
    await expect(page.locator('main')).toContainText(P.formula);
    await page.goto(`./#/a/${encode(cityId)}/plan`);
    await expect(page.locator('ul.plan-list.own > li').first().getByLabel('Action', { exact: true })).toHaveValue(LONG);
    // The name's right-to-left override ends with the name: the app's own words after it
    // in the same line still read left to right.
    await page.goto(`./#/a/${encode(cityId)}/results`);
    const leftToRight = await page.getByTestId('context').evaluate((line) => {
      const text = line.firstChild;
      const at = text.textContent.indexOf('Full assessment');
      const left = (i) => { const r = document.createRange(); r.setStart(text, i); r.setEnd(text, i + 1); return r.getBoundingClientRect().left; };
      return at >= 0 && left(at) < left(at + 1) && left(at + 1) < left(at + 2);
    });
    expect(leftToRight, 'the words after a name with U+202E keep their order').toBe(true);
    // A placeholder in a name is the name's own text.
    await expect(page.getByTestId('context')).toContainText(`Hostile City ${P.script} {respondent}`);

    // City beside community, with both chosen.
    await page.goto('./#/compare');
    await page.getByLabel('City / local government assessment').selectOption({ index: 1 });
    await page.getByLabel('Community organisation assessment').selectOption({ index: 1 });
    await expect(page.getByTestId('compare-table')).toBeVisible();
    await holds(page, `compare at ${width} px`);
  }

  // The report printed, on A4 at 96 dpi, and as a PDF.
  await page.setViewportSize({ width: 794, height: 1123 });
  for (const id of [cityId, cso.id]) {
    await page.goto(`./#/a/${encode(id)}/report`);
    await page.emulateMedia({ media: 'print' });
    await holds(page, `printed report of ${id.split(' ')[1]}`);
    await page.emulateMedia({ media: 'screen' });
  }
  await page.goto(`./#/a/${encode(cityId)}/report`);
  expect((await page.pdf({ format: 'A4' })).length).toBeGreaterThan(1000);

  // The exports carry every payload as text: JSON exactly, CSV cell by cell.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('./#/');
  const card = page.locator('.library li.card').filter({ hasText: 'Hostile City' });
  const exported = JSON.parse(await download(page, () => card.getByRole('button', { name: /^Export JSON of/ }).click()));
  // The same assessment (the export lists answers in question order).
  const byQuestion = (x) => ({ ...x, answers: [...x.answers].sort((p, q) => (p.question < q.question ? -1 : 1)) });
  expect(byQuestion(exported.assessment)).toEqual(byQuestion(city));
  const rows = csvRows(await download(page, () => card.getByRole('button', { name: /^Export CSV of/ }).click()));
  const noteColumn = rows[0].length - 1;
  const notes = rows.slice(1).map((r) => r[noteColumn]).filter(Boolean);
  expect(notes).toContain(LONG);
  expect(notes).toContain(`'${P.formula} ${ALL}`); // a formula is neutralised, nothing else changes
  expect(notes).toContain(`${ALL} 2`);
  const library = csvRows(await download(page, () => page.getByRole('button', { name: 'Export all assessments as one CSV' }).click()));
  expect(library.slice(1).map((r) => r[1])).toContain(city.name);
  expect(library.slice(1).map((r) => r[0])).toContain(cityId);
  expect(library.slice(1).map((r) => r[2])).toContain(city.respondent);
});

test('a hostile workshop: its file, its participants, their labels and rationales render as text, and its consensus too', async ({ page }) => {
  test.setTimeout(180_000);
  const a = await hostile('city', `participant ${P.img}`, 'Hostile Participant');
  const b = { ...(await hostile('city', 'participant-two', 'Second')), consensus: undefined };
  delete b.consensus;
  const q = await questionnaire('city');
  const workshopFile = {
    format: 'roadmap-readiness.workshop', format_version: 4, app_version: '0.1.0', saved_at: '2026-11-28T10:00:00.000Z',
    workshop: {
      name: `Hostile workshop ${P.script} ${P.bidi}`, perspective: 'city', attributed: true,
      participants: [{ label: `${P.img}${P.bidi}`, assessment: a }, { label: unbroken(400), assessment: b }],
      agreed: [{ question: q.question[0].id, response: 'level', level: 2, rationale: `${P.formula} ${ALL}` },
        { question: q.question[1].id, response: 'dont_know', rationale: LONG }],
    },
  };
  await page.goto('./#/workshop');
  await page.getByLabel('Open a workshop file (JSON)').setInputFiles({ name: `${P.svg}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(workshopFile)) });
  await expect(page.getByTestId('workshop-summary')).toContainText('2 participants');
  // A third, from a file, then renamed by the facilitator to a payload.
  const c = { ...(await hostile('city', `participant three ${P.url}`, 'Third')) };
  delete c.consensus;
  await page.getByLabel('Add participants\' files (JSON)').setInputFiles({ name: 'third.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file(c))) });
  await expect(page.getByTestId('workshop-summary')).toContainText('3 participants');
  await page.getByLabel(/^Name shown for/).last().fill(`${P.svg} renamed`);
  // Every participant's notes opened, a rationale typed.
  for (const summary of await page.locator('.workshop-notes summary, details summary').all()) {
    if (await summary.isVisible()) await summary.click();
  }
  await page.locator('.workshop-question').nth(2).getByLabel('Why (one line)').fill(`${P.script} typed`);
  await expect(page.locator('main')).toContainText(`Hostile workshop ${P.script}`);
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 900 });
    await holds(page, `workshop at ${width} px`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });

  const exported = JSON.parse(await download(page, () => page.getByRole('button', { name: 'Export the workshop (one file)' }).click()));
  expect(exported.workshop.name).toBe(workshopFile.workshop.name);
  expect(exported.workshop.participants.map((p) => p.label)).toEqual([workshopFile.workshop.participants[0].label, workshopFile.workshop.participants[1].label, `${P.svg} renamed`]);
  expect(exported.workshop.agreed.map((x) => x.rationale)).toEqual(expect.arrayContaining([`${P.formula} ${ALL}`, LONG, `${P.script} typed`]));

  await page.getByRole('button', { name: 'Save the consensus' }).click();
  await expect(page.getByText('The consensus is saved in this browser\'s library.')).toBeVisible();
  const links = {};
  for (const link of ['Its report', 'Its results']) links[link] = await page.getByRole('link', { name: link }).getAttribute('href');
  for (const [link, href] of Object.entries(links)) {
    await page.goto(`./${href}`);
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 900 });
      await holds(page, `consensus: ${link} at ${width} px`);
    }
  }
  await expect(page.locator('main')).toContainText(P.img);
});
