// Browser benchmarks against the release build in dist/ (make bench builds it first):
// compressed bundle size, time to the first question on a cold load, and time from a
// click on a level to the updated profile on screen. Prints medians; asserts nothing.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { join } from 'node:path';

const dist = process.env.E2E_DIST ?? 'dist';
const port = 4390;
const runs = Number(process.env.RUNS ?? 7);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;

// The release build writes the .gz and .br a host serves beside each file; they are read
// when present (what a visitor downloads), else compressed here the same way.
console.log('bundle (raw / gzip -9 / brotli 11):');
let total = { raw: 0, gz: 0, br: 0 };
const shipped = (name, suffix, pack) => readFile(join(dist, name + suffix)).then((b) => b.length, () => pack().length);
for (const name of (await readdir(dist)).filter((f) => /\.(wasm|js|css|html)$/.test(f)).sort()) {
  const bytes = await readFile(join(dist, name));
  const gz = await shipped(name, '.gz', () => gzipSync(bytes, { level: 9 }));
  const br = await shipped(name, '.br', () => brotliCompressSync(bytes));
  total = { raw: total.raw + bytes.length, gz: total.gz + gz, br: total.br + br };
  console.log(`  ${name.padEnd(48)} ${kib(bytes.length).padStart(10)} ${kib(gz).padStart(10)} ${kib(br).padStart(10)}`);
}
console.log(`  ${'total'.padEnd(48)} ${kib(total.raw).padStart(10)} ${kib(total.gz).padStart(10)} ${kib(total.br).padStart(10)}`);

const server = spawn('node', ['tests/e2e/server.mjs'], { env: { ...process.env, PORT: String(port), BASE_PATH: '/', DIST: dist }, stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 400));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  // Seed one full-length assessment, then time cold loads of its first step.
  const setup = await browser.newPage();
  await setup.goto(`http://127.0.0.1:${port}/#/new`);
  await setup.getByLabel('Full assessment', { exact: true }).check();
  await setup.getByLabel('Name of the city or local government').fill('Bench City');
  await setup.getByRole('button', { name: 'Start the assessment' }).click();
  await setup.waitForSelector('fieldset.question');
  const url = setup.url();
  const state = await setup.context().storageState();
  await setup.close();

  const firstQuestion = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ storageState: state });
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForSelector('fieldset.question');
    firstQuestion.push(await page.evaluate(() => performance.now()));
    await context.close();
  }
  console.log(`time to first question, cold load (median of ${runs}): ${median(firstQuestion).toFixed(0)} ms`);

  const context = await browser.newContext({ storageState: state });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('fieldset.question');
  const update = [];
  for (let i = 0; i < runs * 3; i++) {
    update.push(await page.evaluate(async (level) => {
      const radio = document.querySelectorAll('fieldset.question')[0].querySelectorAll('input[type=radio]')[level];
      const status = document.querySelector('.step-list li .step-status');
      const start = performance.now();
      radio.click();
      // The step list's progress is derived from the profile memo; wait for its next paint.
      await new Promise((r) => requestAnimationFrame(() => r()));
      void status.textContent;
      return performance.now() - start;
    }, i % 5));
  }
  console.log(`click on a level to updated profile and saved entry (median of ${runs * 3}): ${median(update).toFixed(1)} ms`);
  await context.close();

  // A workshop: 200 participants' files dropped at once, to the merged view on screen.
  const { parse } = await import('smol-toml');
  const city = parse(await readFile('content/instrument/city.toml', 'utf8'));
  const template = JSON.parse(await readFile('tests/fixtures/format-v4.json', 'utf8'));
  const files = Array.from({ length: 200 }, (_, n) => {
    const file = structuredClone(template);
    const a = file.assessment;
    Object.assign(a, { id: `bench-${n}`, respondent: `Participant ${n}`, instrument: { id: 'rr-city', version: city.version } });
    delete a.consensus;
    a.plan = { tracking: [], custom: [] };
    a.answers = city.question.map((q, i) => ({ question: q.id, response: 'level', level: (n + i) % 5, note: i % 9 === 0 ? 'A note.' : '' }));
    return { name: `p${n}.json`, text: JSON.stringify(file) };
  });
  const merge = [];
  for (let i = 0; i < 3; i++) {
    const ws = await (await browser.newContext()).newPage();
    await ws.goto(`http://127.0.0.1:${port}/#/workshop`);
    await ws.getByRole('button', { name: 'Start the workshop' }).click();
    const transfer = await ws.evaluateHandle((files) => {
      const dt = new DataTransfer();
      for (const f of files) dt.items.add(new File([f.text], f.name, { type: 'application/json' }));
      return dt;
    }, files);
    const start = await ws.evaluate(() => performance.now());
    await ws.locator('.drop-zone').dispatchEvent('drop', { dataTransfer: transfer });
    await ws.getByText('200 participants').waitFor();
    await ws.locator('.workshop-question').first().waitFor();
    merge.push((await ws.evaluate(() => performance.now())) - start);
    await ws.context().close();
  }
  console.log(`workshop: 200 files dropped to the merged view (median of 3): ${median(merge).toFixed(0)} ms`);
} finally {
  await browser.close();
  server.kill();
}
