// The built page against its Content-Security-Policy, and the headers shipped for static
// hosts: no inline script, style or handler anywhere in dist/index.html, every script and
// stylesheet from a file whose integrity attribute matches it, a policy that allows no
// other host and nothing inline, and the _headers file and README's server snippets
// carrying the same policy. Runs on the release build: `node --test tests/dist/`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';

const dist = resolve(process.env.E2E_DIST ?? 'dist');
// Comments dropped: they may name what they forbid.
const html = (await readFile(join(dist, 'index.html'), 'utf8')).replace(/<!--[\s\S]*?-->/g, '');
const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');

/** The directives of a policy, as a map of name to its list of sources. */
function directives(policy) {
  return new Map(policy.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
    const [name, ...sources] = d.split(/\s+/);
    return [name, sources];
  }));
}

const metaPolicy = html.match(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i)?.[1];
/** Element start tags of a kind, each as a map of its attributes. */
function tags(name) {
  return [...html.matchAll(new RegExp(`<${name}\\b([^>]*)>`, 'gi'))].map((m) =>
    new Map([...m[1].matchAll(/([\w:-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)]
      .map(([, key, a, b, c]) => [key.toLowerCase(), a ?? b ?? c ?? ''])));
}

test('the page carries a policy that allows nothing inline and no other host', () => {
  assert.ok(metaPolicy, 'a Content-Security-Policy meta tag');
  const d = directives(metaPolicy);
  assert.deepEqual(d.get('default-src'), ["'none'"]);
  assert.deepEqual(d.get('script-src'), ["'self'", "'wasm-unsafe-eval'"], 'scripts: own files and their WebAssembly only');
  assert.deepEqual(d.get('style-src'), ["'self'"], 'styles: own stylesheets only');
  assert.deepEqual(d.get('connect-src'), ["'self'"], 'fetches: own origin only');
  assert.deepEqual(d.get('img-src'), ["'self'"]);
  assert.deepEqual(d.get('object-src'), ["'none'"]);
  assert.deepEqual(d.get('base-uri'), ["'none'"]);
  assert.deepEqual(d.get('form-action'), ["'none'"]);
  for (const [name, sources] of d) {
    for (const source of sources) {
      assert.ok(["'self'", "'none'", "'wasm-unsafe-eval'"].includes(source), `${name} allows only this origin, found ${source}`);
    }
  }
});

test('no inline script, handler, style or javascript: URL in the built page', () => {
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
  assert.ok(scripts.length >= 1, 'the loader is there');
  for (const [whole, attrs, body] of scripts) {
    assert.match(attrs, /\bsrc="[^"]+"/, `a script without src: ${whole.slice(0, 120)}`);
    assert.equal(body.trim(), '', `a script with a body: ${whole.slice(0, 120)}`);
  }
  assert.doesNotMatch(html, /\son[a-z]+\s*=/i, 'an inline event handler');
  assert.doesNotMatch(html, /\sstyle\s*=/i, 'an inline style attribute');
  assert.doesNotMatch(html, /<style\b/i, 'an inline style element');
  assert.doesNotMatch(html, /javascript:/i, 'a javascript: URL');
  assert.doesNotMatch(html, /<base\b/i, 'a base element');
});

test('every script and stylesheet is a file of this build whose integrity matches it', async () => {
  const loaded = [
    ...tags('script').map((a) => ({ kind: 'script', href: a.get('src'), integrity: a.get('integrity') })),
    ...tags('link').filter((a) => /stylesheet|modulepreload|preload/.test(a.get('rel') ?? ''))
      .map((a) => ({ kind: a.get('rel'), href: a.get('href'), integrity: a.get('integrity') })),
  ];
  assert.ok(loaded.some((l) => l.kind === 'script'));
  assert.ok(loaded.some((l) => l.kind === 'stylesheet'));
  for (const { kind, href, integrity } of loaded) {
    assert.match(href, /^\.\/(wasm-[0-9a-f]{16}\/)?[\w.-]+$/, `${kind} ${href}: a relative name in this folder or the wasm's`);
    assert.ok(integrity, `${kind} ${href} has an integrity attribute`);
    const [algorithm, expected] = integrity.split(/-(.*)/s);
    const actual = createHash(algorithm).update(await readFile(join(dist, href))).digest('base64');
    assert.equal(actual, expected, `${kind} ${href}: integrity matches the file`);
  }
});

/** The _headers file: path -> { header name (lowercase) -> value }. */
async function headersFile() {
  const rules = new Map();
  let current;
  for (const line of (await readFile(join(dist, '_headers'), 'utf8')).split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      current = new Map();
      rules.set(line.trim(), current);
    } else {
      const [, name, value] = line.trim().match(/^([^:]+):\s*(.*)$/);
      current.set(name.toLowerCase(), value);
    }
  }
  return rules;
}

const headerPolicy = `${metaPolicy}; frame-ancestors 'none'`;

test('_headers: the same policy with frame-ancestors, the security headers, caching by name', async () => {
  const rules = await headersFile();
  const all = rules.get('/*');
  assert.equal(all.get('content-security-policy'), headerPolicy);
  assert.equal(all.get('x-frame-options'), 'DENY');
  assert.equal(all.get('x-content-type-options'), 'nosniff');
  assert.equal(all.get('referrer-policy'), 'no-referrer');
  assert.match(all.get('permissions-policy'), /camera=\(\), .*microphone=\(\), .*geolocation=\(\)|camera=\(\).*geolocation=\(\).*microphone=\(\)/);
  assert.equal(all.get('cross-origin-opener-policy'), 'same-origin');
  assert.ok(!all.has('cache-control'), 'no caching rule for every path (rules add up on some hosts)');
  for (const page of ['/', '/index.html']) assert.equal(rules.get(page).get('cache-control'), 'no-cache');

  // Hashed names, and the wasm's folder named by the hash of all it holds (its files
  // name each other, so they cannot carry their own hashes).
  const hashed = (await readdir(dist)).flatMap((n) => (/-[0-9a-f]{16}(_bg)?\.(js|css|svg)$/.test(n)
    ? [n] : /^wasm-[0-9a-f]{16}$/.test(n) ? [`${n}/*`] : []));
  assert.ok(hashed.some((n) => n.startsWith('wasm-')) && hashed.some((n) => n.startsWith('loader-')));
  const [folder] = hashed.filter((n) => n.startsWith('wasm-'));
  const inFolder = await readdir(join(dist, folder.slice(0, -2)));
  assert.ok(inFolder.includes('roadmap-readiness_bg.wasm') && inFolder.includes('__wasm_split.js'), 'the main module and its chunks\' fetcher');
  for (const name of hashed) {
    assert.equal(rules.get(`/${name}`)?.get('cache-control'), 'public, max-age=31536000, immutable', name);
  }
  for (const [path, headers] of rules) {
    if (headers.get('cache-control')?.includes('immutable')) {
      assert.ok(hashed.includes(path.slice(1)), `immutable only for a hashed name of this build: ${path}`);
    }
  }
});

test('the README\'s nginx and Apache snippets carry the same policy and headers', async () => {
  const permissions = (await headersFile()).get('/*').get('permissions-policy');
  const block = (lang) => readme.match(new RegExp('```' + lang + '\\n([\\s\\S]*?)```'))?.[1];
  const nginx = block('nginx');
  const apache = block('apache');
  assert.ok(nginx && apache, 'README.md has an nginx and an Apache block');
  for (const [name, text] of [['nginx', nginx], ['apache', apache]]) {
    assert.ok(text.includes(`"${headerPolicy}"`), `${name}: the page's policy with frame-ancestors`);
    assert.ok(text.includes(`"${permissions}"`), `${name}: the same Permissions-Policy as _headers`);
    for (const header of ['X-Frame-Options', 'X-Content-Type-Options', 'Referrer-Policy', 'Permissions-Policy', 'Cross-Origin-Opener-Policy']) {
      assert.ok(text.includes(header), `${name}: ${header}`);
    }
    assert.ok(text.includes('immutable') && text.includes('no-cache'), `${name}: caching by name`);
  }
});
