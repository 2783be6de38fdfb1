// Trunk's post-build hook (Trunk.toml), run on the staged build (TRUNK_STAGING_DIR)
// before trunk moves it to dist/, for `trunk build` and `trunk serve` alike:
//
// 0. The wasm (scripts/wasm.mjs): cargo, wasm-split, wasm-bindgen and wasm-opt, into a
//    folder named by its hash, and the module script that loads it into index.html's
//    head; then the language packs (scripts/language-packs.mjs): each language but
//    English as JSON under lang/<tag>/, fetched when a person chooses that language.
// 1. Every inline <script> in index.html (the wasm's loader from step 0; under `trunk
//    serve` also trunk's autoreload script, which then finds the server's address
//    itself) moves into a file of its own, named by its hash and loaded with an
//    integrity attribute. The Content-Security-Policy can then allow scripts from the
//    app's own origin only, never inline ones.
// 2. `_headers` for static hosts that read one (Netlify, Cloudflare Pages): the page's
//    policy as a header, with what only a header can say (frame-ancestors), the other
//    security headers, and caching: immutable for the hashed names, revalidated for
//    index.html.
// 3. In a release build, the service worker (scripts/service-worker.mjs), over the
//    finished files, so that it precaches the moved loader and the wasm's chunks too.
// 4. In a release build, precompressed files beside each asset, for hosts that serve
//    them (nginx's gzip_static and brotli_static, Apache with rewrite rules): `.br`
//    (brotli, quality 11) and `.gz` (gzip, level 9), each only when it is smaller.
//
// Node's standard library, and smol-toml for the language packs. tests/dist/ checks the
// result.
import { createHash } from 'node:crypto';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { writeLanguagePacks } from './language-packs.mjs';
import { writeServiceWorker } from './service-worker.mjs';
import { buildWasm } from './wasm.mjs';

/** Names trunk (filehash = true) and step 1 give their outputs: `name-<16 hex>[_bg].ext`. */
const HASHED = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css|svg)$/;
/** The wasm's folder (step 0), named by the hash of all it holds. */
const HASHED_FOLDER = /^wasm-[0-9a-f]{16}$/;

/** Powerful features the app never uses, refused to it and to anything it might embed. */
const PERMISSIONS = [
  'accelerometer', 'autoplay', 'camera', 'display-capture', 'encrypted-media', 'fullscreen',
  'geolocation', 'gyroscope', 'hid', 'idle-detection', 'magnetometer', 'microphone', 'midi',
  'payment', 'picture-in-picture', 'publickey-credentials-get', 'screen-wake-lock', 'serial',
  'usb', 'xr-spatial-tracking',
].map((feature) => `${feature}=()`).join(', ');

/** What gets a .br and a .gz beside it: text, and the wasm. */
const COMPRESSIBLE = new Set(['.html', '.js', '.wasm', '.css', '.svg', '.json']);

const stage = process.env.TRUNK_STAGING_DIR;
if (!stage) throw new Error('post-build.mjs runs as trunk\'s post_build hook (TRUNK_STAGING_DIR is not set)');
const base = process.env.TRUNK_PUBLIC_URL ?? './';
const indexPath = join(stage, 'index.html');

// 0. The wasm, first (its folder is precached and precompressed like every file).
{
  const tags = await buildWasm(stage, { release: process.env.TRUNK_PROFILE === 'release' });
  const page = await readFile(indexPath, 'utf8');
  if (!page.includes('</head>')) throw new Error('index.html has no </head> for the wasm loader');
  await writeFile(indexPath, page.replace('</head>', `${tags}\n</head>`));
}

// 0. The language packs, first: everything after this step (the service worker's
//    precache, precompression) covers them.
const packs = await writeLanguagePacks(process.cwd(), stage);
console.log(`post-build: wrote ${packs.length} language pack file(s)`);

const digest = (algorithm, bytes, encoding = 'base64') => createHash(algorithm).update(bytes).digest(encoding);

// 1. Inline scripts to files. Trunk writes each as `<script attrs>body</script>`; a script
//    with a src is left alone.
let html = await readFile(indexPath, 'utf8');
const moved = [];
const pending = [];
html = html.replace(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi, (whole, attrs, body) => {
  if (/\bsrc\s*=/i.test(attrs)) return whole;
  // `trunk serve` fills its autoreload script's address and base into the HTML it
  // serves, which no longer holds the script: the script finds them itself, as trunk's
  // own fallback does (the page's host, and the folder the page is served from).
  const text = `${body.trim()}\n`
    .replace(/(['`])\{\{__TRUNK_ADDRESS__\}\}\1/g, 'window.location.host')
    .replace(/(['`])\{\{__TRUNK_WS_BASE__\}\}\1/g, "new URL('.', document.baseURI).pathname");
  const kind = /type\s*=\s*["']?module/i.test(attrs) ? 'loader' : 'script';
  const name = `${kind}-${digest('sha256', text, 'hex').slice(0, 16)}.js`;
  pending.push(writeFile(join(stage, name), text));
  moved.push(name);
  return `<script${attrs} src="${base}${name}" integrity="sha384-${digest('sha384', text)}"></script>`;
});
await Promise.all(pending);
await writeFile(indexPath, html);

// 2. _headers. The policy is the one index.html's meta tag carries, so the two never
//    drift apart; a header can add frame-ancestors, which a meta tag cannot.
const meta = html.match(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i);
if (!meta) throw new Error('index.html has no Content-Security-Policy meta tag');
const policy = `${meta[1].trim().replace(/;\s*$/, '')}; frame-ancestors 'none'`;
const hashed = (await readdir(stage))
  .flatMap((name) => (HASHED.test(name) ? [name] : HASHED_FOLDER.test(name) ? [`${name}/*`] : []))
  .sort();
await writeFile(join(stage, '_headers'), headersFile(policy, hashed));

console.log(`post-build: moved ${moved.length} inline script(s) to ${moved.join(', ') || '-'}; wrote _headers`);

// 3. The service worker, release only: a developer's reload under `trunk serve` always
//    shows the latest code.
if (process.env.TRUNK_PROFILE === 'release') {
  await writeServiceWorker(stage);
} else {
  console.log(`post-build: no service worker for a ${process.env.TRUNK_PROFILE ?? 'debug'} build`);
}

// 4. Precompressed files, release only (`trunk serve` rebuilds on every change).
if (process.env.TRUNK_PROFILE === 'release') {
  let written = 0;
  for (const entry of await readdir(stage, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !COMPRESSIBLE.has(extname(entry.name))) continue;
    const path = join(entry.parentPath ?? entry.path, entry.name);
    const bytes = await readFile(path);
    const br = brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    });
    const gz = gzipSync(bytes, { level: 9 });
    for (const [suffix, packed] of [['.br', br], ['.gz', gz]]) {
      if (packed.length < bytes.length) {
        await writeFile(path + suffix, packed);
        written += 1;
      }
    }
  }
  console.log(`post-build: wrote ${written} precompressed file(s)`);
}

function headersFile(policy, hashed) {
  const immutable = hashed.map((name) => `/${name}\n  Cache-Control: public, max-age=31536000, immutable\n`);
  return `# Written by scripts/post-build.mjs at build time, for static hosts that read a
# _headers file (Netlify, Cloudflare Pages). Paths are from the site's root: under a
# sub-path, put it in front of each. README.md ("Hosting") has the same for nginx
# and Apache.
/*
  Content-Security-Policy: ${policy}
  X-Frame-Options: DENY
  X-Content-Type-Options: nosniff
  Referrer-Policy: no-referrer
  Permissions-Policy: ${PERMISSIONS}
  Cross-Origin-Opener-Policy: same-origin
  Cross-Origin-Resource-Policy: same-origin

# The page itself is checked again on every visit, so a new release is picked up.
/
  Cache-Control: no-cache
/index.html
  Cache-Control: no-cache
/sw.js
  Cache-Control: no-cache
/public/manifest.webmanifest
  Cache-Control: no-cache
/lang/*
  Cache-Control: no-cache

# Each name carries a hash of its content: a new release has new names.
${immutable.join('')}`;
}
