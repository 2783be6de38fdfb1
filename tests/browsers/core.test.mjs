// The core of the app in every engine, through the same test code: Chromium, Firefox ESR
// and WebKit (Safari's engine) — new assessment, answers, reload, results, export, import,
// workshop merge, French from the switch, offline after one visit, with an axe check of
// each view. The release
// build in dist/ is served under a sub-path as a static host would. Each engine's name
// and version are printed first.
//
//   node --test tests/browsers/               (WebKit needs a display: xvfb-run -a)
//   ENGINES=firefox node --test tests/browsers/
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '../e2e/static-server.mjs';
import { launch, selectedEngines } from './engines.mjs';
import { Person } from './person.mjs';
import { download } from './downloads.mjs';

const dist = process.env.E2E_DIST ?? 'dist';
const fixture = async (name) => JSON.parse(await readFile(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'));

/** A participant's export of the city questionnaire 1.1.0, built from a frozen file. */
async function participant(id, respondent, answers) {
  const file = await fixture('format-v4.json');
  const a = file.assessment;
  Object.assign(a, { id, name: 'Springfield', respondent, perspective: 'city', instrument: { id: 'rr-city', version: '1.1.0' } });
  delete a.consensus;
  a.plan = { tracking: [], custom: [] };
  a.answers = Object.entries(answers).map(([question, level]) => ({ question, response: 'level', level, note: '' }));
  return file;
}

for (const engine of selectedEngines()) {
  describe(engine, () => {
    let server, session, person, work, downloads, id;

    before(async () => {
      work = await mkdtemp(join(tmpdir(), `rr-${engine}-`));
      downloads = join(work, 'downloads');
      await mkdir(downloads);
      const environment = {};
      if (engine === 'webkit') {
        // WebKitGTK saves downloads to the XDG download folder and has no capability
        // for it: that folder is named here, for the MiniBrowser the driver starts.
        await mkdir(join(work, 'config'));
        await writeFile(join(work, 'config', 'user-dirs.dirs'), `XDG_DOWNLOAD_DIR="${downloads}"\n`);
        environment.XDG_CONFIG_HOME = join(work, 'config');
      }
      server = await serve({ root: dist });
      session = await launch(engine, downloads, environment);
      person = new Person(session.driver, server.url);
    });

    after(async () => {
      await session?.quit();
      await server?.close();
      if (work) await rm(work, { recursive: true, force: true });
    });

    it('names the engine and its version', (t) => {
      t.diagnostic(`${engine}: ${session.browser}`);
      assert.match(session.browser, /\d+\.\d+/);
    });

    it('home: the tool explains itself and is accessible', async () => {
      await person.open();
      assert.equal(await person.heading(), 'Roadmap Readiness');
      await person.see('No saved assessments in this browser yet.');
      await person.expectAccessible('home');
    });

    it('new assessment: a quick check for a city', async () => {
      await person.open('#/new');
      await person.expectAccessible('new assessment');
      await person.choose('City / local government');
      await person.choose('Quick check');
      await person.fill('Name of the city or local government', 'Springfield');
      await person.fill('Who is filling it in (optional)', 'Dana');
      await person.click('button', 'Start the assessment');
      await person.heading(/^Step 1:/);
      id = (await person.url()).match(/#\/a\/([^/]+)\//)[1];
    });

    it('answers: every question of step 1 at level 3, a note, one answer in step 2', async () => {
      const step1 = await person.all('fieldset.question');
      assert.ok(step1.length > 0);
      for (const q of step1) await person.choose('Level 3', q);
      await (await person.control('Note or evidence (optional)', step1[0])).sendKeys('Met all 12 districts');
      await person.seeText('.save-status', 'Saved in this browser.');
      await person.expectAccessible('step 1');
      await person.click('a', 'Next step');
      await person.heading(/^Step 2:/);
      const [first] = await person.all('fieldset.question');
      await person.choose('Level 1', first);
      await person.seeText('.save-status', 'Saved in this browser.');
    });

    it('reload: the answers and the note are still there', async () => {
      await person.open(`#/a/${id}/step/1`);
      await person.reload();
      await person.heading(/^Step 1:/);
      for (const q of await person.all('fieldset.question')) assert.ok(await levelChecked(person, q, 'Level 3'));
      const [first] = await person.all('fieldset.question');
      assert.equal(await (await person.control('Note or evidence (optional)', first)).getAttribute('value'), 'Met all 12 districts');
    });

    it('results: step scores and the overall index', async () => {
      await person.click('a', 'Results');
      await person.heading('Results: Springfield');
      await person.seeText('table.scores tr[data-step="1"] td', '75');
      await person.seeText('table.scores tr[data-step="2"] td', '25');
      await person.seeText('[data-testid="overall-score"]', '50');
      await person.expectAccessible('results');
    });

    let exported;
    it('export: the downloaded file holds the assessment', async () => {
      const file = await download(downloads, () => person.click('button', 'Download as JSON'));
      assert.match(file.name, /^roadmap-readiness-springfield-dana-\d{4}-\d{2}-\d{2}\.json$/);
      exported = JSON.parse(file.text);
      assert.equal(exported.format, 'roadmap-readiness.assessment');
      assert.equal(exported.assessment.id, id);
      assert.equal(exported.assessment.name, 'Springfield');
      assert.equal(exported.assessment.mode, 'quick');
      const levels = exported.assessment.answers.filter((a) => a.response === 'level');
      assert.deepEqual([...new Set(levels.map((a) => a.level))].sort(), [1, 3]);
      assert.ok(exported.assessment.answers.some((a) => a.note === 'Met all 12 districts'));
    });

    it('import: a file chosen in the picker becomes a saved assessment with its answers', async () => {
      const copy = structuredClone(exported);
      copy.assessment.id = `${id}-copy`;
      copy.assessment.name = 'Shelbyville';
      const path = join(work, 'shelbyville.json');
      await writeFile(path, JSON.stringify(copy, null, 2));
      await person.open('#/');
      await person.upload('Import assessment files (JSON)', [path]);
      await person.seeText('.import-result', /Imported “Shelbyville”\./);
      await person.see('1 imported, 0 not imported, 0 waiting for your choice.');
      await person.expectAccessible('home after an import');
      const stored = await person.storage();
      const entry = JSON.parse(stored[`roadmap-readiness/assessment/${id}-copy`]);
      assert.deepEqual(entry.assessment.answers, copy.assessment.answers);
      await person.open(`#/a/${id}-copy/step/1`);
      const [first] = await person.all('fieldset.question');
      assert.ok(await levelChecked(person, first, 'Level 3'));
    });

    it('workshop: three participants merged, the most disagreement first', async () => {
      const files = [
        ['p-ana', 'Ana', { 'city-1-every-district': 0, 'city-2-liaison-lead': 2 }],
        ['p-ben', 'Ben', { 'city-1-every-district': 4, 'city-2-liaison-lead': 2 }],
        ['p-cai', 'Cai', { 'city-1-every-district': 2, 'city-2-liaison-lead': 3 }],
      ];
      const paths = [];
      for (const [pid, who, answers] of files) {
        const path = join(work, `${who}.json`);
        await writeFile(path, JSON.stringify(await participant(pid, who, answers), null, 2));
        paths.push(path);
      }
      await person.open('#/workshop');
      await person.heading('Workshop');
      await person.fill('Name of the workshop', 'Springfield, March');
      await person.choose('City / local government');
      await person.click('button', 'Start the workshop');
      await person.upload("Add participants' files (JSON)", paths);
      await person.seeText('[data-testid="workshop-summary"]', /3 participants/);
      const first = (await person.all('.workshop-question'))[0];
      assert.equal(await first.getAttribute('data-question'), 'city-1-every-district');
      assert.match(await first.getText(), /3 gave a level · median 2 · from 0 to 4/);
      await person.expectAccessible('workshop with participants');
    });

    it('languages: Français from the switch, fetched and kept over a reload; English again', async () => {
      await person.open(`#/a/${id}/results`);
      await person.click('button', 'Français');
      await person.seeText('main h1', /^Résultats\s*:\s*Springfield$/);
      assert.equal(await session.driver.executeScript('return document.documentElement.lang'), 'fr');
      await person.seeText('[data-testid="overall-score"]', '50');
      await person.expectAccessible('results in French');
      await person.reload();
      await person.seeText('main h1', /^Résultats\s*:\s*Springfield$/);
      await person.click('button', 'English');
      await person.seeText('main h1', 'Results: Springfield');
      assert.equal(await session.driver.executeScript('return document.documentElement.lang'), 'en');
    });

    it('nothing was requested from another host', async () => {
      const origin = new URL(server.url).origin;
      const foreign = await session.driver.executeScript(
        'return performance.getEntriesByType("resource").map((e) => e.name).filter((n) => !n.startsWith(arguments[0]) && !/^(blob|data):/.test(n));', origin);
      assert.deepEqual(foreign, []);
    });

    it('offline: after one visit the app opens and shows what is saved with the host gone', async () => {
      // The service worker controls the page once it is installed and the page reloaded.
      await person.open('#/');
      await session.driver.executeAsyncScript('const done = arguments[arguments.length - 1]; navigator.serviceWorker.ready.then(() => done(true));');
      await person.reload();
      assert.ok(await session.driver.executeScript('return navigator.serviceWorker.controller !== null;'), 'a service worker controls the page');
      await server.close();
      await person.open(`#/a/${id}/results`);
      await person.heading('Results: Springfield');
      await person.seeText('[data-testid="overall-score"]', '50');
      await person.reload();
      await person.seeText('[data-testid="overall-score"]', '50');
    });
  });
}

/** Whether the radio a label names inside `scope` is checked. */
async function levelChecked(person, scope, label) {
  return (await person.control(label, scope)).isSelected();
}
