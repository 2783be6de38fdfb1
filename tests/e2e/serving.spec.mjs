// What a host that serves the precompressed files does: the release build's .br or .gz
// beside each asset goes out in place of the file to a browser that accepts it, and the
// app runs from it (integrity is checked on the decompressed bytes).
import { readFile } from 'node:fs/promises';
import { test, expect, openApp } from './fixtures.mjs';

test('the precompressed files are served to a browser that accepts them, and the app runs from them', async ({ page }) => {
  const responses = [];
  page.on('response', (r) => responses.push(r));
  await openApp(page);
  const wasm = responses.find((r) => r.url().endsWith('.wasm'));
  const js = responses.find((r) => /wasm-[0-9a-f]{16}\/roadmap-readiness\.js$/.test(r.url()));
  const html = responses.find((r) => r.request().resourceType() === 'document');
  for (const response of [wasm, js, html]) {
    const encoding = response.headers()['content-encoding'];
    expect(['br', 'gzip'], `${response.url()} sent compressed (${encoding})`).toContain(encoding);
    expect(response.headers().vary).toBe('Accept-Encoding');
  }
  // The browser decompresses to the very file of the build.
  // `wasm-<hash>/<module>.wasm`: the wasm's folder and the file in it.
  const name = new URL(wasm.url()).pathname.split('/').slice(-2).join('/');
  expect((await wasm.body()).equals(await readFile(`${process.env.E2E_DIST ?? 'dist'}/${name}`))).toBe(true);
  console.log(`served as: ${[wasm, js, html].map((r) => `${new URL(r.url()).pathname.split('/').pop() || 'index.html'} ${r.headers()['content-encoding']}`).join(', ')}`);
});
