// Writes the service worker into a build: scripts/post-build.mjs (trunk's post_build
// hook) calls it after every release build, on the staging folder that becomes dist/,
// once the loader has moved into its file and before the files are precompressed. Workbox's
// generateSW lists every file the app needs with a revision hash of its content, so
// that a new build is a new sw.js: the browser then fetches what changed, and keeps
// serving the old files until the new ones are all in.
//
//   node scripts/service-worker.mjs <folder>   (by hand, on a finished build)
//
// Debug builds (trunk serve) get none: the app registers one only in a release build,
// so that a developer's reload always shows the latest code.
import { generateSW } from 'workbox-build';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export async function writeServiceWorker(folder) {
const { count, size, warnings } = await generateSW({
  globDirectory: resolve(folder),
  // Everything the app loads or links to: the page, the wasm, its chunks and its glue,
  // styles, icons, the manifest and the published schemas.
  globPatterns: ['**/*.{html,js,wasm,css,svg,png,json,webmanifest}'],
  // But not the language packs (181 KiB gzip for French and Spanish together): every
  // visitor would download every language. A pack is kept once its language is chosen
  // (below), so that language works offline from then on.
  globIgnores: ['lang/**'],
  // The packs keep their names from one release to the next: the network first, so that
  // a new release's pack replaces the old one, and the copy kept here when offline.
  runtimeCaching: [{
    urlPattern: /\/lang\/[a-z]{2,3}(-[A-Za-z0-9]+)*\/[a-z]+\.json$/,
    handler: 'NetworkFirst',
    options: { cacheName: 'roadmap-readiness-languages' },
  }],
  swDest: join(resolve(folder), 'sw.js'),
  // One file, no importScripts of a Workbox runtime: the worker is served from the
  // app's own folder like everything else, and its scope is that folder.
  inlineWorkboxRuntime: true,
  mode: 'production',
  sourcemap: false,
  cacheId: 'roadmap-readiness',
  // The wasm is larger than Workbox's 2 MiB default; a file left out would break offline
  // use silently, so the limit is generous and any warning below fails the build.
  maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
  // A new version takes over as soon as it is installed (the page says so, and the next
  // load uses it). A service worker has no access to local storage, where the
  // assessments are; a view of the old version whose chunk is gone says to reload
  // (ARCHITECTURE.md).
  skipWaiting: true,
  clientsClaim: true,
  // Removes only Workbox's own caches of earlier versions.
  cleanupOutdatedCaches: true,
});
if (warnings.length) {
  console.error(warnings.join('\n'));
  throw new Error('service worker: Workbox warned (a file may be missing from the precache)');
}
console.log(`service worker: ${count} files precached, ${(size / 1024).toFixed(0)} KiB`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (!process.argv[2]) throw new Error('usage: node scripts/service-worker.mjs <build folder>');
  await writeServiceWorker(process.argv[2]);
}
