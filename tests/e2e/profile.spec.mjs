// The profile (results), "How scores work" and the printable report: every number can be
// followed, the charts have a table twin and read at phone width, and the report prints
// (print media, PDF) with its sections and without the app's chrome.
import { readFile } from 'node:fs/promises';
import { test, expect, expectAccessible, openApp, startAssessment, questions, answer } from './fixtures.mjs';

test.beforeEach(async ({ page }) => {
  await openApp(page);
  await page.evaluate(() => localStorage.clear());
});

const storageKey = (id) => `roadmap-readiness/assessment/${id}`;

/** What each step gets: a level for every question, or a list per question. */
const PLAN = {
  1: 3, 2: 2, 3: [4, "Don't know"], 4: 0, 5: 1, 6: 2, 7: 3, 8: 4, 9: 0, 10: 1,
};

/** A full city assessment answered as in PLAN, with two notes. */
async function answeredCity(page, name = 'Springfield') {
  const id = await startAssessment(page, { perspective: 'city', mode: 'full', name, respondent: 'Dana Okafor, community liaison' });
  for (const [step, choice] of Object.entries(PLAN)) {
    if (step !== '1') {
      await page.goto(`./#/a/${id}/step/${step}`);
      await expect(page.locator('main h1')).toHaveText(new RegExp(`^Step ${step}:`));
    }
    const count = await questions(page).count();
    for (let i = 0; i < count; i++) {
      const c = Array.isArray(choice) ? choice[i] : choice;
      if (c !== undefined) await answer(questions(page).nth(i), c);
    }
    if (step === '1') {
      await questions(page).nth(0).getByLabel('Note or evidence (optional)').fill('Ward meetings in all 12 districts;\nminutes on the shared drive.');
    }
    if (step === '3') {
      await questions(page).nth(1).getByLabel('Note or evidence (optional)').fill('Ask the community safety team.');
    }
  }
  await expect(page.getByRole('status')).toHaveText('Saved in this browser.');
  return id;
}

/** Adds plan tracking and an own action to the stored assessment, as the plan view would. */
async function addPlanTracking(page, id) {
  await page.evaluate((key) => {
    const doc = JSON.parse(localStorage.getItem(key));
    doc.assessment.plan = {
      tracking: [
        { action: 'city-1-every-district/3', status: 'in_progress', owner: 'Community liaison team', due: '2027-03-31' },
        { action: 'city-4-board-meets/0', status: 'done', owner: 'Mayor’s office', due: '' },
      ],
      custom: [
        { id: 'c-1', step: 3, text: 'Brief the new deputy mayor on the mapping', status: 'planned', owner: 'Dana', due: '2027-02-15' },
        { id: 'c-2', step: null, text: 'Present this report to the council', status: 'planned', owner: '', due: '' },
      ],
    };
    localStorage.setItem(key, JSON.stringify(doc));
  }, storageKey(id));
}

test('results: every number comes with how it was made, strengths and gaps in words', async ({ page }) => {
  const id = await answeredCity(page);
  await page.goto(`./#/a/${id}/results`);
  await expect(page.locator('main h1')).toHaveText('Results: Springfield');

  // The table: score, band, completeness, answered, confidence.
  const row = (step) => page.locator(`table.scores tr[data-step="${step}"] td`);
  await expect(row(1).nth(0)).toHaveText('75');
  await expect(row(1).nth(1)).toHaveText('Leading');
  await expect(row(1).nth(2)).toHaveText('100 %');
  await expect(row(1).nth(4)).toHaveText('Sufficient');
  await expect(row(3).nth(0)).toHaveText('100');
  await expect(row(3).nth(2)).toHaveText('20 %');
  await expect(row(3).nth(4)).toHaveText('Low: too few answers');
  await expect(row(4).nth(0)).toHaveText('0');
  await expect(row(4).nth(1)).toHaveText('Foundational');
  await expect(row(5).nth(1)).toHaveText('Developing');
  await expect(row(6).nth(1)).toHaveText('Established');

  // The radar: an image with a title and a description pointing to the table, ten
  // labelled spokes, one marker per scored step, the marker's shape telling the band.
  const radar = page.locator('figure.radar svg');
  await expect(radar).toHaveAttribute('role', 'img');
  await expect(radar.locator('title')).toHaveText('Radar of the ten step scores, 0 to 100');
  await expect(radar.locator('desc')).toContainText('Score, band and completeness of each step');
  await expect(radar.locator('text.radar-label')).toHaveCount(10);
  await expect(radar.locator('text.radar-label').nth(2)).toContainText('3 Map threat');
  await expect(radar.locator('.radar-marker')).toHaveCount(10);
  await expect(radar.locator('.radar-marker.band-leading')).toHaveCount(4);

  // The bars: band by label and pattern, completeness, the low-confidence flag; hidden
  // from screen readers, who get the table.
  await expect(page.locator('figure.bars ol')).toHaveAttribute('aria-hidden', 'true');
  const bar = (step) => page.locator(`.bar-row[data-step="${step}"]`);
  await expect(bar(1).locator('.bar-fill')).toHaveClass(/band-leading/);
  await expect(bar(1)).toContainText('Leading');
  await expect(bar(1)).toContainText('100 % complete');
  await expect(bar(3).locator('.flag')).toHaveText('Low confidence');
  await expect(bar(1).locator('.flag')).toHaveCount(0);
  const patterns = await page.locator('.band-legend .swatch').evaluateAll((els) => els.map((e) => getComputedStyle(e).backgroundImage));
  expect(new Set(patterns).size, 'each band has its own pattern').toBe(4);
  await expect(page.locator('.band-legend')).toContainText('Foundational 0 to 24');
  await expect(page.locator('.band-legend')).toContainText('Leading 75 to 100');

  // Strengths and gaps, in words.
  await expect(page.getByTestId('strengths').locator('li')).toHaveText([
    'Step 3, Map threat and actors: 100 (Leading)',
    'Step 8, Training: 100 (Leading)',
    'Step 1, Engage communities: 75 (Leading)',
  ]);
  await expect(page.getByTestId('gaps').locator('li')).toHaveText([
    'Step 4, Advisory board: 0 (Foundational)',
    'Step 9, Networking: 0 (Foundational)',
    'Step 5, Board mandate: 25 (Developing)',
  ]);

  // Open a step: each question's answer, weight, points and contribution, then the sum.
  const step1 = page.locator('details.breakdown[data-step="1"]');
  await expect(step1.locator('summary')).toHaveText('Step 1: Engage communities 75, Leading, 100 % complete');
  await step1.locator('summary').click();
  const lines = step1.locator('.breakdown-table tbody tr');
  await expect(lines).toHaveCount(5);
  await expect(lines.nth(0).locator('td')).toHaveText(['Level 3', '3', '2.25', '16.07']);
  await expect(step1).toContainText('Points 10.5 out of the 14 available');
  await expect(step1).toContainText('Score = 100 × 10.5 ÷ 14 = 75.');
  await expect(step1).toContainText('Completeness = 5 answered with a level ÷ 5 in scope');
  const step3 = page.locator('details.breakdown[data-step="3"]');
  await step3.locator('summary').click();
  await expect(step3.locator('.breakdown-table tbody tr').nth(1).locator('td').nth(0)).toHaveText("Don't know");
  await expect(step3.locator('.breakdown-table tbody tr').nth(2).locator('td')).toHaveText(['Not answered', '2', 'left out', '–']);
  await expect(step3.locator('.flag-note')).toContainText('one more answer could put this score anywhere from 50 (Established) to 100 (Leading).');

  // The way on: the report, the plan, the rules.
  await expect(page.getByRole('link', { name: 'Printable report' })).toHaveAttribute('href', `#/a/${id}/report`);
  await expect(page.getByRole('link', { name: 'Action plan', exact: true })).toHaveAttribute('href', `#/a/${id}/plan`);
  await expectAccessible(page, 'results with open breakdowns');
});

test('the profile reads at phone width', async ({ page }) => {
  const id = await answeredCity(page, 'Small Screen City');
  await page.setViewportSize({ width: 360, height: 780 });
  await page.goto(`./#/a/${id}/results`);
  await expect(page.locator('main h1')).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'no sideways scrolling').toBeLessThanOrEqual(0);
  const radar = page.locator('figure.radar svg');
  await radar.scrollIntoViewIfNeeded();
  // Labels are at least 11 CSS pixels high once the picture is scaled to the screen.
  const labelPx = await radar.evaluate((svg) => {
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    return parseFloat(getComputedStyle(svg.querySelector('.radar-label')).fontSize) * scale;
  });
  expect(labelPx).toBeGreaterThanOrEqual(11);
  // Every label lies inside the picture.
  const outside = await radar.evaluate((svg) => {
    const box = svg.getBoundingClientRect();
    return [...svg.querySelectorAll('.radar-label')].filter((t) => {
      const r = t.getBoundingClientRect();
      return r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5;
    }).length;
  });
  expect(outside).toBe(0);
  await radar.screenshot({ path: '/tmp/radar-phone.png' });
  await page.locator('figure.bars').screenshot({ path: '/tmp/bars-phone.png' });
  await expectAccessible(page, 'results at phone width');
});

test('"How scores work" explains the rules with a worked example computed by the app', async ({ page }) => {
  await openApp(page, '#/scoring');
  await expect(page.locator('main h1')).toHaveText('How scores work');
  await expect(page).toHaveTitle('How scores work – Roadmap Readiness');
  for (const heading of ['Levels 0 to 4', 'Weights', "Not applicable and Don't know", 'The step score, 0 to 100', 'The overall index', 'Four bands', 'Completeness and confidence', 'A worked example']) {
    await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
  }
  await expect(page.locator('table.bands-table tbody tr')).toHaveCount(4);
  await expect(page.locator('table.bands-table tbody tr th')).toHaveText(['Foundational', 'Developing', 'Established', 'Leading']);
  await expect(page.locator('table.bands-table tbody tr td:nth-child(2)')).toHaveText(['0 to 24', '25 to 49', '50 to 74', '75 to 100']);
  await expect(page.getByText('flagged as low confidence')).toContainText('below 60 %');

  // The example: step 1 of the city questionnaire, every kind of answer.
  const example = page.getByTestId('worked-example');
  await expect(example).toContainText('Step 1, Engage communities, of the city questionnaire');
  const rows = example.locator('.breakdown-table tbody tr');
  await expect(rows).toHaveCount(5);
  await expect(rows.locator('td:nth-child(2)')).toHaveText(['Level 3', "Don't know", 'Level 1', 'Not applicable', 'Not answered']);
  await expect(rows.nth(0).locator('th')).toContainText('engage regularly and proactively');
  await expect(example).toContainText('Score = 100 × 3 ÷ 6 = 50.');
  await expect(example).toContainText('Completeness = 2 answered with a level ÷ 4 in scope (5 questions, 1 not applicable) = 50 %.');
  await expect(example.locator('.flag')).toHaveText('Low confidence');
  await expect(example).toContainText('anywhere from 33 (Developing) to 66 (Established)');
  await expect(page.getByTestId('example-overall')).toHaveText(/\(50 \+ 25 \+ 100\) ÷ 3 = 58\.33, shown as 58 \(Established\)/);
  await expectAccessible(page, 'how scores work');
});

test('the report prints: cover, radar, table, plan and notes, without the app chrome; PDF too', async ({ page }) => {
  const id = await answeredCity(page);
  await addPlanTracking(page, id);
  await page.goto(`./#/a/${id}/results`);
  await page.reload();
  await page.getByRole('link', { name: 'Printable report' }).click();
  await expect(page.locator('main h1')).toHaveText('Springfield');
  await expect(page).toHaveTitle(/^Springfield – Report – Roadmap Readiness$/);

  // The cover.
  const cover = page.getByTestId('report-cover');
  await expect(cover).toContainText('Readiness report');
  await expect(cover).toContainText('City / local government');
  await expect(cover).toContainText('Full assessment');
  await expect(cover).toContainText('Dana Okafor, community liaison');
  await expect(cover).toContainText(/Answers as of\s*\d{4}-\d{2}-\d{2}/);
  await expect(cover).toContainText('The City / local government questionnaire, version 1.1.0');
  // Page one carries the summary: the weakest steps and where to start.
  await expect(cover.getByTestId('report-weakest').locator('li')).toHaveCount(3);
  await expect(cover.getByTestId('start-here').locator('li')).toHaveCount(3);
  await expect(page.getByTestId('report-overall')).toHaveText(/^\d+ of 100, (Foundational|Developing|Established|Leading)$/);
  await expectAccessible(page, 'report');

  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.locator('.site-footer')).toBeHidden();
  await expect(page.locator('.report-tools')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
  for (const heading of ['Profile', 'Scores by step', 'Action plan', 'Notes and evidence', 'How the scores were made']) {
    await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
  }
  await expect(page.locator('.report figure.radar svg')).toBeVisible();
  await expect(page.locator('.report table.scores tbody tr')).toHaveCount(10);
  await expect(page.locator('.report table.scores tr[data-step="3"] td').nth(2)).toHaveText('20 %');

  // The plan: ranked actions with their resources and tracking, then the own actions.
  const plan = page.locator('table.report-plan tbody tr');
  expect(await plan.count()).toBeGreaterThan(10);
  const tracked = plan.filter({ hasText: 'Community liaison team' });
  await expect(tracked).toHaveCount(1);
  await expect(tracked.locator('td').nth(1)).toHaveText('1. Engage communities');
  await expect(tracked).toContainText('In progress');
  await expect(tracked).toContainText('2027-03-31');
  const board = plan.filter({ hasText: 'Mayor’s office' });
  await expect(board).toContainText('Done');
  await expect(board.locator('td').nth(2)).toHaveText('Strong Cities Network: Guide for Cities; NYC Office for the Prevention of Hate Crimes (OPHC)');
  const own = plan.filter({ hasText: 'Present this report to the council' });
  await expect(own).toContainText('Whole roadmap');
  await expect(own).toContainText('Own action');
  await expect(plan.filter({ hasText: 'Brief the new deputy mayor' })).toContainText('3. Map threat and actors');

  // The notes, each with its question and answer.
  const notes = page.locator('.report-notes .note-entry');
  await expect(notes).toHaveCount(2);
  await expect(notes.nth(0).locator('dt')).toContainText('engage regularly and proactively');
  await expect(notes.nth(0)).toContainText('Answer: Level 3');
  await expect(notes.nth(0).locator('.note-text')).toHaveText('Ward meetings in all 12 districts;\nminutes on the shared drive.');
  await expect(notes.nth(1)).toContainText("Answer: Don't know");

  // The cover ends its page; the charts do not break.
  expect(await page.locator('.cover').evaluate((e) => getComputedStyle(e).breakAfter)).toBe('page');
  expect(await page.locator('.report figure.radar').evaluate((e) => getComputedStyle(e).breakInside)).toBe('avoid');

  await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
  await page.screenshot({ path: '/tmp/report-print.png', fullPage: true });
  const pdf = await page.pdf({ format: 'A4', path: '/tmp/report-a4.pdf' });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  expect(pdf.length).toBeGreaterThan(20_000);
  const letter = await page.pdf({ format: 'Letter' });
  expect(letter.subarray(0, 5).toString()).toBe('%PDF-');
  const pages = (buffer) => (buffer.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pages(pdf)).toBeGreaterThanOrEqual(3);
});

test('a report from a stored file: unusual names, notes without an answer, retired questions', async ({ page }) => {
  const file = JSON.parse(await readFile('tests/fixtures/format-v2.json', 'utf8'));
  // The fixture answers questionnaire 1.0.0; its note without an answer goes to the
  // question of 1.1.0 that replaced its question, so that the report lists it.
  file.assessment.answers.find((a) => a.question === 'city-3-stakeholder-mapping').question = 'city-3-actor-map';
  const id = file.assessment.id;
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [storageKey(id), JSON.stringify(file)]);
  await openApp(page, `#/a/${id}/report`);
  await expect(page.locator('main h1')).toHaveText('Springfield, “Old Town” & Harbour');
  await expect(page.getByTestId('report-cover')).toContainText(/Answers as of\s*2026-11-21/);
  const notes = page.locator('.report-notes .note-entry');
  await expect(notes.filter({ hasText: 'Ünïcode, 日本語, عربي' })).toContainText('Answer: Not answered');
  await expect(page.locator('.report-notes')).not.toContainText('city-retired-question');
  await expect(page.locator('table.report-plan')).toContainText('Brief the new deputy mayor on the mapping, "before" March');
  await expectAccessible(page, 'report from a file');
});
