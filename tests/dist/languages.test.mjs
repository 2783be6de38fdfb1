// The language packs in the build: for every language with translations, its three
// files under lang/<tag>/, each exactly what scripts/language-packs.mjs makes of the
// sources (so a stale pack cannot ship), each with its precompressed copies, and the
// sizes each language adds, for the record. `node --test tests/dist/`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { languages, pack } from '../../scripts/language-packs.mjs';

const root = resolve('.');
const dist = resolve(process.env.E2E_DIST ?? 'dist');

test('every language has its pack in the build, equal to its sources', async () => {
  const tags = await languages(root);
  assert.deepEqual(tags, ['es', 'fr']);
  for (const tag of tags) {
    const expected = await pack(root, tag);
    assert.deepEqual(Object.keys(expected), ['common.json', 'city.json', 'cso.json']);
    let gzip = 0;
    for (const [name, value] of Object.entries(expected)) {
      const path = join(dist, 'lang', tag, name);
      const text = await readFile(path, 'utf8');
      // Through JSON, as the app reads it (the TOML reader's objects have no prototype).
      assert.deepEqual(JSON.parse(text), JSON.parse(JSON.stringify(value)), `lang/${tag}/${name} matches its sources`);
      await stat(`${path}.gz`);
      await stat(`${path}.br`);
      gzip += gzipSync(text, { level: 9 }).length;
    }
    console.log(`lang/${tag}: ${(gzip / 1024).toFixed(1)} KiB gzip, fetched only when ${tag} is chosen`);
  }
});

test('the English words are not shipped twice: English has no pack', async () => {
  await assert.rejects(stat(join(dist, 'lang', 'en')));
});
