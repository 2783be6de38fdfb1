// Protected files as a person uses them, and their interoperability: a file exported
// with a passphrase through the interface is opened here with Node's own Web Crypto
// (`globalThis.crypto.subtle`: Playwright runs in Node) from the README's documented
// parameters alone, no code of the app; a file protected here the same way is imported
// by the app with its passphrase. A wrong passphrase says so and the file keeps waiting;
// a changed file is refused; several protected files in one drop open with one entry;
// a workshop's files and the workshop file itself are protected the same way.
import { readFile } from 'node:fs/promises';
import { test, expect, expectAccessible, openApp, startAssessment, questions, answer, drop } from './fixtures.mjs';

const { subtle } = globalThis.crypto;

test.beforeEach(async ({ page }) => {
  await openApp(page);
  await page.evaluate(() => { localStorage.clear(); sessionStorage.clear(); });
});

const fixture = (name) => readFile(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const results = (page) => page.locator('.import-result');
const snapshot = (page) => page.evaluate(() => Object.fromEntries(Object.keys(localStorage).sort().map((k) => [k, localStorage.getItem(k)])));

async function download(page, click) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

// From the README's "Protected files": standard base64; the key is PBKDF2-HMAC-SHA-256
// of the NFC, UTF-8 passphrase with the salt and iterations, 256 bits; key_check is the
// SHA-256 of the key; AES-256-GCM with the nonce as IV, a 128-bit tag appended, no AAD.
const fromBase64 = (text) => new Uint8Array(Buffer.from(text, 'base64'));
const toBase64 = (bytes) => Buffer.from(bytes).toString('base64');

async function deriveKey(passphrase, salt, iterations) {
  const secret = new TextEncoder().encode(passphrase.normalize('NFC'));
  const base = await subtle.importKey('raw', secret, 'PBKDF2', false, ['deriveBits']);
  const bits = await subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, base, 256);
  const check = new Uint8Array(await subtle.digest('SHA-256', bits));
  const key = await subtle.importKey('raw', bits, 'AES-GCM', false, ['encrypt', 'decrypt']);
  return { key, check };
}

async function openProtected(text, passphrase) {
  const file = JSON.parse(text);
  expect(file.format).toBe('roadmap-readiness.protected');
  expect(file.format_version).toBe(1);
  expect(file.kdf).toBe('PBKDF2-HMAC-SHA-256');
  expect(file.cipher).toBe('AES-256-GCM');
  expect(file.iterations).toBeGreaterThanOrEqual(600000);
  const salt = fromBase64(file.salt);
  const nonce = fromBase64(file.nonce);
  expect(salt.length).toBe(16);
  expect(nonce.length).toBe(12);
  const { key, check } = await deriveKey(passphrase, salt, file.iterations);
  expect(toBase64(check)).toBe(file.key_check);
  const plain = await subtle.decrypt({ name: 'AES-GCM', iv: nonce, tagLength: 128 }, key, fromBase64(file.ciphertext));
  return new TextDecoder().decode(plain);
}

async function protect(plaintext, passphrase) {
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(16));
  const nonce = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const iterations = 600000;
  const { key, check } = await deriveKey(passphrase, salt, iterations);
  const ciphertext = new Uint8Array(await subtle.encrypt({ name: 'AES-GCM', iv: nonce, tagLength: 128 }, key, new TextEncoder().encode(plaintext)));
  return JSON.stringify({
    format: 'roadmap-readiness.protected', format_version: 1, kdf: 'PBKDF2-HMAC-SHA-256', iterations,
    salt: toBase64(salt), cipher: 'AES-256-GCM', nonce: toBase64(nonce), key_check: toBase64(check), ciphertext: toBase64(ciphertext),
  }, null, 2);
}

test('the README documents the envelope this test relies on', async () => {
  const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.split('### Protected files')[1].split('\n## ')[0];
  const example = JSON.parse(section.match(/```json\n([\s\S]*?)```/)[1]);
  expect(Object.keys(example)).toEqual(['format', 'format_version', 'kdf', 'iterations', 'salt', 'cipher', 'nonce', 'key_check', 'ciphertext']);
  for (const words of ['NFC', 'UTF-8', '256 bits', 'SHA-256 of the 32 key bytes', '128-bit tag', 'no additional authenticated data', 'RFC 4648', 'followed by its 16-byte tag']) {
    expect(section).toContain(words);
  }
});

test('exported with a passphrase, opened by Node from the README; made by Node, imported by the app', async ({ page }) => {
  const id = await startAssessment(page, { perspective: 'city', mode: 'quick', name: 'Harbour Town', respondent: 'Dana' });
  await answer(questions(page).nth(0), 3);
  await questions(page).nth(0).getByLabel('Note or evidence (optional)').fill('Met the imam on Tuesday — ünïcode');
  await expect(page.getByRole('status').first()).toHaveText('Saved in this browser.');
  await page.goto(`./#/a/${id}/results`);
  const passphrase = page.getByLabel('Passphrase', { exact: true });
  const again = page.getByLabel('The same passphrase again');
  const exportButton = page.getByRole('button', { name: 'Export with this passphrase: Harbour Town' });

  // Too short, then typed differently: each said plainly, nothing downloaded.
  await passphrase.fill('short');
  await again.fill('short');
  await exportButton.click();
  await expect(page.getByText('The passphrase has 5 characters; it needs at least 12')).toBeVisible();
  await expect(passphrase).toBeFocused();
  await passphrase.fill('harbour lights at dusk');
  await again.fill('harbour lights at dawn');
  await exportButton.click();
  await expect(page.getByText('The two passphrases are not the same.')).toBeVisible();
  await expect(again).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'protected export with a refusal');

  // By keyboard: Enter in the second field exports.
  await again.fill('harbour lights at dusk');
  const file = await download(page, () => again.press('Enter'));
  await expect(page.getByText('The protected file is in your downloads.')).toBeVisible();
  // The fields are emptied: the passphrase is not kept on the page.
  await expect(passphrase).toHaveValue('');
  await expect(again).toHaveValue('');
  expect(file.name).toMatch(/^roadmap-readiness-protected-\d{4}-\d{2}-\d{2}\.json$/);
  expect(file.text).not.toContain('Harbour');
  expect(file.text).not.toContain('imam');
  // Nothing of the passphrase is stored anywhere.
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  expect(stored).not.toContain('harbour lights');

  // Node opens it with nothing but the README's parameters.
  const inner = JSON.parse(await openProtected(file.text, 'harbour lights at dusk'));
  expect(inner.format).toBe('roadmap-readiness.assessment');
  expect(inner.assessment.id).toBe(id);
  expect(inner.assessment.name).toBe('Harbour Town');
  expect(inner.assessment.respondent).toBe('Dana');
  expect(inner.assessment.answers[0].note).toBe('Met the imam on Tuesday — ünïcode');
  // Decomposed accents are the same passphrase (NFC); another passphrase is not.
  await expect(openProtected(file.text, 'harbour lights at dusk ')).rejects.toThrow();

  // Node protects a file the app imports with the passphrase.
  await openApp(page, '#/');
  const before = await snapshot(page);
  const made = await protect(await fixture('format-v2.json'), 'crème brûlée for twelve');
  await page.getByLabel('Import assessment files (JSON)').setInputFiles({ name: 'from-node.json', mimeType: 'application/json', buffer: Buffer.from(made) });
  await expect(results(page)).toContainText('Protected with a passphrase: waiting for it.');
  await expect(page.getByText('1 protected file is waiting for its passphrase.')).toBeVisible();
  await expectAccessible(page, 'import waiting for a passphrase');
  const field = page.getByLabel('Passphrase for from-node.json');
  // Empty, then wrong: said so, still waiting, nothing changed.
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.getByText('Enter the passphrase.')).toBeVisible();
  await field.fill('creme brulee for twelve');
  await field.press('Enter');
  await expect(results(page)).toContainText('This passphrase does not open the file. It is still waiting');
  await expect(field).toBeFocused();
  await expect(results(page)).toContainText('Protected with a passphrase: waiting for it.');
  expect(await snapshot(page)).toEqual(before);
  // Typed with decomposed accents (as some keyboards do): the same passphrase.
  await field.fill('cre\u0300me bru\u0302le\u0301e for twelve');
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(results(page)).toContainText('Imported “Springfield, “Old Town” & Harbour”.');
  await expect(page.locator('.library li.card')).toHaveCount(2);
});

test('a file changed after it was protected is refused and nothing changes', async ({ page }) => {
  const made = JSON.parse(await protect(await fixture('format-v2.json'), 'the right passphrase'));
  const bytes = fromBase64(made.ciphertext);
  bytes[10] ^= 1;
  made.ciphertext = toBase64(bytes);
  await openApp(page, '#/');
  await page.getByLabel('Import assessment files (JSON)').setInputFiles({ name: 'changed.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(made)) });
  await page.getByLabel('Passphrase for changed.json').fill('the right passphrase');
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(results(page)).toContainText('Not imported; nothing was changed. The passphrase is right, but the file was changed after it was protected');
  expect(await snapshot(page)).toEqual({});

  // A protected file with a wrong field says which.
  made.salt = 'AAAA';
  await page.getByLabel('Import assessment files (JSON)').setInputFiles({ name: 'salt.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(made)) });
  await expect(results(page)).toContainText('This is a protected file, but it cannot be read: The field salt is wrong: expected 16 bytes in base64, found 3.');
});

test('a workshop drop of protected files opens with one entry of the room passphrase', async ({ page }) => {
  const room = 'our room passphrase';
  const base = JSON.parse(await fixture('format-v4.json'));
  delete base.assessment.consensus;
  const file = (id, respondent) => JSON.stringify({ ...base, assessment: { ...base.assessment, id, respondent, instrument: { id: 'rr-city', version: '1.1.0' } } });
  const ana = await protect(file('p-ana', 'Ana'), room);
  const ben = await protect(file('p-ben', 'Ben'), room);
  const other = await protect(file('p-cai', 'Cai'), 'another passphrase');

  // On the home page: three protected files and a plain one in one drop.
  await openApp(page, '#/');
  await drop(page, [
    { name: 'ana.json', text: ana }, { name: 'ben.json', text: ben },
    { name: 'cai.json', text: other }, { name: 'plain.json', text: await fixture('format-v2.json') },
  ]);
  await expect(results(page)).toHaveCount(4);
  await expect(page.getByText('3 protected files are waiting for their passphrase')).toBeVisible();
  const all = page.getByLabel('Passphrase for the 3 protected files');
  await all.fill(room);
  await all.press('Enter');
  await expect(page.getByText('This passphrase did not open 1 of the 3 files; they are still waiting.')).toBeVisible();
  await expect(results(page).filter({ hasText: 'ana.json' })).toContainText('Imported');
  await expect(results(page).filter({ hasText: 'ben.json' })).toContainText('Imported');
  await expect(results(page).filter({ hasText: 'cai.json' })).toContainText('Protected with a passphrase: waiting for it.');
  await expectAccessible(page, 'import with protected files waiting');
  // The last one alone now: its field is in its line.
  await page.getByLabel('Passphrase for cai.json').fill('another passphrase');
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(results(page).filter({ hasText: 'cai.json' })).toContainText('Imported');
  await expect(page.locator('.library li.card')).toHaveCount(4);

  // In the workshop: the room's files, one passphrase; then the workshop file itself.
  await openApp(page, '#/workshop');
  await page.getByLabel('Name of the workshop').fill('Harbour, April');
  await page.getByLabel('City / local government').check();
  await page.getByRole('button', { name: 'Start the workshop' }).click();
  await drop(page, [{ name: 'ana.json', text: ana }, { name: 'ben.json', text: ben }]);
  await expect(page.getByTestId('workshop-locked')).toContainText('2 protected file(s) are waiting for the room\'s passphrase: ana.json, ben.json.');
  await expectAccessible(page, 'workshop with protected files waiting');
  const roomField = page.getByLabel('The room\'s passphrase');
  await roomField.fill('not the room passphrase');
  await roomField.press('Enter');
  await expect(page.getByTestId('workshop-locked')).toContainText('This passphrase did not open 2 of the 2 files');
  await roomField.fill(room);
  await roomField.press('Enter');
  await expect(page.getByTestId('workshop-summary')).toContainText('2 participants');
  await expect(page.getByTestId('workshop-locked')).toHaveCount(0);

  await page.getByText('Export the workshop with a passphrase').click();
  await page.getByLabel('Passphrase', { exact: true }).fill(room);
  await page.getByLabel('The same passphrase again').fill(room);
  const workshopFile = await download(page, () => page.getByRole('button', { name: 'Export the workshop with this passphrase' }).click());
  expect(workshopFile.text).not.toContain('Ana');
  const opened = JSON.parse(await openProtected(workshopFile.text, room));
  expect(opened.format).toBe('roadmap-readiness.workshop');
  expect(opened.workshop.participants.map((p) => p.assessment.id)).toEqual(['p-ana', 'p-ben']);

  // On "another laptop": the workshop closed, the protected file opened with its passphrase.
  await page.getByRole('button', { name: 'Close the workshop' }).click();
  await page.getByRole('button', { name: 'Yes, close it' }).click();
  await page.getByLabel('Open a workshop file (JSON)').setInputFiles({ name: workshopFile.name, mimeType: 'application/json', buffer: Buffer.from(workshopFile.text) });
  await expect(page.getByText('This workshop file is protected with a passphrase.')).toBeVisible();
  await page.getByLabel('Passphrase of the workshop file').fill(room);
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.getByTestId('workshop-summary')).toContainText('2 participants');
});
