// The README's network recipe: docs/network/median-by-step.sql run through DuckDB over a
// folder of generated exports, checked against medians computed here independently from
// the instruments' TOML. Also checks that docs/network/weights.csv is the instruments'
// weights and that the README quotes the SQL verbatim.
//
//   node --test tests/network/
//   UPDATE_WEIGHTS=1 node --test tests/network/   # rewrite weights.csv after a content change
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'smol-toml';
import { DuckDBInstance } from '@duckdb/node-api';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const RECIPE = path.join(ROOT, 'docs/network');
const SQL = fs.readFileSync(path.join(RECIPE, 'median-by-step.sql'), 'utf8');
const PERSPECTIVES = ['city', 'cso'];

// The instruments as the app builds them: content/instrument/<perspective>.toml.
const INSTRUMENTS = Object.fromEntries(
  PERSPECTIVES.map((perspective) => {
    const toml = parse(fs.readFileSync(path.join(ROOT, `content/instrument/${perspective}.toml`), 'utf8'));
    assert.equal(toml.perspective, perspective);
    return [perspective, toml];
  }),
);
const questionsOf = (perspective) => INSTRUMENTS[perspective].question;
const retiredOf = (perspective) => (INSTRUMENTS[perspective].retired ?? []).map((r) => r.id);

function weightsCsv() {
  const lines = ['perspective,question,step,weight,quick'];
  for (const perspective of PERSPECTIVES) {
    for (const q of questionsOf(perspective)) {
      lines.push([perspective, q.id, q.step, q.weight, q.quick === true].join(','));
    }
  }
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------
// Independent computation, the rule of core::scoring::step_score.

function stepScore(perspective, mode, answers, step) {
  let points = 0;
  let weights = 0;
  for (const q of questionsOf(perspective)) {
    if (q.step !== step || (mode === 'quick' && q.quick !== true)) continue;
    const answer = answers.find((a) => a.question === q.id);
    if (answer?.response !== 'level') continue;
    points += (q.weight * answer.level) / 4;
    weights += q.weight;
  }
  return weights > 0 ? (100 * points) / weights : null;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Expected rows of the recipe, unrounded: `perspective/step` → {organisations, median}. */
function expected(assessments) {
  const latest = new Map();
  for (const a of assessments) {
    if (!latest.has(a.id) || latest.get(a.id).revision < a.revision) latest.set(a.id, a);
  }
  const scores = new Map();
  for (const a of latest.values()) {
    for (let step = 1; step <= 10; step++) {
      const score = stepScore(a.perspective, a.mode, a.answers, step);
      if (score === null) continue;
      const key = `${a.perspective}/${step}`;
      if (!scores.has(key)) scores.set(key, []);
      scores.get(key).push(score);
    }
  }
  return new Map([...scores].map(([key, list]) => [key, { organisations: list.length, median: median(list) }]));
}

// ---------------------------------------------------------------------------
// Files and the recipe.

let savedAt = Date.parse('2026-11-28T10:00:00.000Z');

/** An export in the layout of README's "File format"; format versions 1 and 2 too. */
function exportFile(a, formatVersion = 3) {
  const stamp = new Date((savedAt += 60_000)).toISOString();
  const assessment = {
    id: a.id,
    name: a.name ?? `Organisation ${a.id}`,
    respondent: 'Generated',
    perspective: a.perspective,
    mode: a.mode,
    instrument: { id: `rr-${a.perspective}`, version: '1.1.0' },
    created_at: '2026-11-28T09:00:00.000Z',
    updated_at: stamp,
    revision: a.revision,
    answers: a.answers.map(({ question, response, level, note }) =>
      response === 'level' ? { question, response, level, note: note ?? '' } : { question, response, note: note ?? '' },
    ),
  };
  if (formatVersion >= 2) {
    assessment.plan = {
      tracking: [{ action: `${a.answers[0]?.question ?? 'x'}/0`, status: formatVersion >= 3 ? 'not_started' : 'planned', owner: '', due: '' }],
      custom: [{ id: `${a.id}-c`, step: null, text: 'Our own action, with "quotes", a\nline break and ünïcödé', status: 'planned', owner: 'Dana', due: '2027-03-31' }],
    };
  }
  const file = { format: 'roadmap-readiness.assessment', format_version: formatVersion, app_version: '0.1.0', saved_at: stamp, assessment };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Lays out a recipe folder (weights.csv, exports/) and runs the SQL file there. */
async function runRecipe(files) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rr-network-'));
  try {
    fs.copyFileSync(path.join(RECIPE, 'weights.csv'), path.join(dir, 'weights.csv'));
    fs.mkdirSync(path.join(dir, 'exports'));
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, 'exports', name), text);
    const previous = process.cwd();
    process.chdir(dir); // the recipe's paths are relative, as for `duckdb < median-by-step.sql`
    try {
      const instance = await DuckDBInstance.create(':memory:');
      const connection = await instance.connect();
      const reader = await connection.runAndReadAll(SQL);
      const rows = reader.getRowObjectsJS();
      connection.closeSync();
      instance.closeSync();
      return rows.map((r) => ({ ...r, organisations: Number(r.organisations) }));
    } finally {
      process.chdir(previous);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const keyed = (rows) => new Map(rows.map((r) => [`${r.perspective}/${r.step}`, r]));

// A small seeded generator, so a failure can be replayed.
function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------------------

test('weights.csv holds every question of both instruments with its step, weight and quick flag', () => {
  const file = path.join(RECIPE, 'weights.csv');
  if (process.env.UPDATE_WEIGHTS) fs.writeFileSync(file, weightsCsv());
  assert.equal(
    fs.readFileSync(file, 'utf8'),
    weightsCsv(),
    'docs/network/weights.csv differs from content/instrument/*.toml; rerun with UPDATE_WEIGHTS=1',
  );
});

test('the README quotes median-by-step.sql verbatim', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  assert.ok(readme.includes(`\`\`\`sql\n${SQL}\`\`\`\n`), 'README.md must quote docs/network/median-by-step.sql whole in a ```sql block');
});

test('hand-made cases: weights weigh, a quick check counts its key questions, the latest revision counts', async () => {
  const city = questionsOf('city');
  const step = (n) => city.filter((q) => q.step === n);
  const all = (n, level) => step(n).map((q) => ({ question: q.id, response: 'level', level }));
  // Step 2: a weight-3 question at 4 and a weight-1 question at 0 score 75, not 50.
  const heavy = step(2).find((q) => q.weight === 3);
  const light = step(2).find((q) => q.weight === 1);
  const others = step(2).filter((q) => q !== heavy && q !== light);
  const weighted = [
    { question: heavy.id, response: 'level', level: 4 },
    { question: light.id, response: 'level', level: 0 },
    { question: others[0].id, response: 'not_applicable' },
    { question: others[1].id, response: 'dont_know' },
  ];
  // A quick check: its key question at 4; an answer outside it (level 0) does not count.
  const quickQuestion = step(3).find((q) => q.quick);
  const outside = step(3).find((q) => !q.quick);
  const files = {
    'a.json': exportFile({ id: 'a', perspective: 'city', mode: 'full', revision: 5, answers: [...all(1, 1), ...all(2, 1)] }),
    'b.json': exportFile({ id: 'b', perspective: 'city', mode: 'full', revision: 5, answers: [...all(1, 4), ...all(2, 4)] }),
    'c.json': exportFile({ id: 'c', perspective: 'city', mode: 'full', revision: 9, answers: [...all(1, 2), ...weighted] }),
    // An older export of c, which would move both medians: left out.
    'c-old.json': exportFile({ id: 'c', perspective: 'city', mode: 'full', revision: 3, answers: all(1, 0) }),
    'd.json': exportFile({ id: 'd', perspective: 'city', mode: 'full', revision: 1, answers: all(1, 3) }, 1),
    'q.json': exportFile({
      id: 'q', perspective: 'city', mode: 'quick', revision: 2,
      answers: [{ question: quickQuestion.id, response: 'level', level: 4 }, { question: outside.id, response: 'level', level: 0 }],
    }, 2),
    // Answers the app keeps but never scores: a retired question, an unknown one.
    'r.json': exportFile({
      id: 'r', perspective: 'city', mode: 'full', revision: 1,
      answers: [{ question: retiredOf('city')[0], response: 'level', level: 4 }, { question: 'city-4-not-a-question', response: 'level', level: 4 }],
    }),
    // Another kind of JSON file in the folder, even one shaped like an export: skipped.
    'not-an-export.json': exportFile({ id: 'x', perspective: 'city', mode: 'full', revision: 1, answers: all(1, 0) })
      .replace('roadmap-readiness.assessment', 'something.else'),
  };
  const rows = await runRecipe(files);
  assert.deepEqual(rows, [
    { perspective: 'city', step: 1, organisations: 4, median_score: 62.5 }, // 25, 50, 75, 100
    { perspective: 'city', step: 2, organisations: 3, median_score: 75 }, // 25, 75, 100
    { perspective: 'city', step: 3, organisations: 1, median_score: 100 },
  ]);
});

test('200 generated exports: the recipe finds the medians computed independently', async () => {
  const next = random(20261128);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const assessments = [];
  const files = {};
  const generate = (id, perspective, mode, revision) => {
    const skippedStep = next() < 0.2 ? 1 + Math.floor(next() * 10) : null;
    const answers = [];
    for (const q of questionsOf(perspective)) {
      if (q.step === skippedStep) continue;
      // A quick check answers its key questions, and now and then one outside it.
      if (mode === 'quick' && !q.quick && next() > 0.05) continue;
      const r = next();
      if (r < 0.12) continue; // unanswered
      if (r < 0.2) answers.push({ question: q.id, response: 'not_applicable' });
      else if (r < 0.3) answers.push({ question: q.id, response: 'dont_know' });
      else if (r < 0.35) answers.push({ question: q.id, response: 'none', note: 'a note, no answer yet' });
      else answers.push({ question: q.id, response: 'level', level: Math.floor(next() * 5) });
    }
    if (next() < 0.3) answers.push({ question: pick(retiredOf(perspective)), response: 'level', level: 4 });
    if (next() < 0.1) answers.push({ question: `${perspective}-5-unknown-question`, response: 'level', level: 0 });
    answers.sort(() => next() - 0.5);
    return { id, perspective, mode, revision, answers };
  };
  for (let i = 0; i < 200; i++) {
    const id = `org-${String(i).padStart(3, '0')}-${Math.floor(next() * 1e9).toString(16)}`;
    const perspective = next() < 0.6 ? 'city' : 'cso';
    const mode = next() < 0.25 ? 'quick' : 'full';
    const a = generate(id, perspective, mode, 10 + Math.floor(next() * 100));
    assessments.push(a);
    files[`${id}.json`] = exportFile(a, pick([3, 3, 3, 2, 1]));
    if (i % 10 === 0) {
      // The same organisation exported earlier, with other answers: must not count.
      const old = generate(id, perspective, mode, a.revision - 1 - Math.floor(next() * 5));
      assessments.push(old);
      files[`${id}-earlier.json`] = exportFile(old);
    }
  }
  const want = expected(assessments);
  const got = keyed(await runRecipe(files));
  assert.deepEqual([...got.keys()].sort(), [...want.keys()].sort());
  assert.equal(want.size, 20, 'every step of both perspectives has scores');
  for (const [key, { organisations, median: value }] of want) {
    const row = got.get(key);
    assert.equal(row.organisations, organisations, `${key}: organisations`);
    assert.ok(Math.abs(row.median_score - value) <= 0.05 + 1e-9, `${key}: median ${row.median_score}, expected ${value}`);
  }
});
