// The precompressed files of the release build: a .br and a .gz beside every asset a
// host may serve compressed (text and the wasm), each decompressing to exactly the file
// beside it, and left out only where it would not be smaller. `node --test tests/dist/`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { extname, join, relative, resolve } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';

const dist = resolve(process.env.E2E_DIST ?? 'dist');
const files = (await readdir(dist, { recursive: true, withFileTypes: true }))
  .filter((e) => e.isFile()).map((e) => join(e.parentPath ?? e.path, e.name));

test('every asset has a .br and a .gz beside it that decompress to it', async () => {
  const assets = files.filter((f) => ['.html', '.js', '.wasm', '.css', '.svg', '.json'].includes(extname(f)));
  assert.ok(assets.some((f) => f.endsWith('.wasm')) && assets.some((f) => f.endsWith('index.html')));
  for (const asset of assets) {
    const bytes = await readFile(asset);
    for (const [suffix, unpack, pack] of [['.br', brotliDecompressSync, brotliCompressSync], ['.gz', gunzipSync, (b) => gzipSync(b, { level: 9 })]]) {
      const name = `${relative(dist, asset)}${suffix}`;
      if (files.includes(asset + suffix)) {
        const packed = await readFile(asset + suffix);
        assert.ok(packed.length < bytes.length, `${name} is smaller than the file`);
        assert.ok(unpack(packed).equals(bytes), `${name} decompresses to the file beside it`);
      } else {
        assert.ok(pack(bytes).length >= bytes.length, `${name} is missing, though it would be smaller`);
      }
    }
  }
  const wasm = assets.find((f) => f.endsWith('.wasm'));
  assert.ok(files.includes(`${wasm}.br`) && files.includes(`${wasm}.gz`), 'the wasm has both');
});

test('nothing else is compressed', () => {
  for (const f of files.filter((f) => /\.(br|gz)$/.test(f))) {
    assert.ok(files.includes(f.replace(/\.(br|gz)$/, '')), `${relative(dist, f)} has its file beside it`);
    assert.ok(!/\.(br|gz)\.(br|gz)$/.test(f), `${relative(dist, f)}: compressed twice`);
  }
});
