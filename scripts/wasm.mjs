// The app's wasm, built in trunk's post-build hook (scripts/post-build.mjs) instead of by
// trunk's own Rust step, because it is split: trunk 0.21 runs cargo and wasm-bindgen
// back to back, and wasm-split must run between them (ARCHITECTURE.md, "Code
// splitting"). Four steps, each a tool setup.sh installs:
//
// 1. cargo links the app with `--features split` (src/pages/lazy.rs marks the views
//    fetched when they first open) and `--emit-relocs`, which wasm-split reads;
// 2. wasm-split-cli (wasm_split_cli_support) moves each split view, and every function
//    only it reaches, into a chunk of its own (`split_<name>.wasm`, `chunk_<n>.wasm`
//    for code two views share), and writes `__wasm_split.js`, which fetches them;
// 3. wasm-bindgen makes the main module's JS glue (`--keep-lld-exports`: the chunks call
//    into the main module by the linker's export names);
// 4. in a release build, wasm-opt -Oz on every module, as trunk did.
//
// The files reference each other by fixed names (the glue imports __wasm_split.js, which
// imports the glue back and fetches the chunks), so they go into one folder named by the
// hash of them all, `wasm-<16 hex>/`: a new build is a new folder, cached for good by name.
// The page loads the glue from an inline module script, which step 1 of post-build moves
// into a hashed file like trunk's loader before.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';

const NAME = 'roadmap-readiness';

function run(command, args) {
  console.log(`wasm: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.error) throw new Error(`${command} could not start (${result.error.message}): run scripts/setup.sh`);
  if (result.status !== 0) throw new Error(`${command} failed with status ${result.status}`);
}

/** wasm-opt -Oz on a module, in place; its warnings about wasm-split's name section
 *  (which it drops) are left out. */
function optimise(path) {
  return new Promise((done, fail) => {
    const child = spawn('wasm-opt', ['-Oz', path, '-o', path], { stdio: ['ignore', 'inherit', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (chunk) => { errors += chunk; });
    child.on('error', fail);
    child.on('close', (status) => {
      const said = errors.split('\n').filter((l) => l && !/^warning: unknown name subsection/.test(l));
      if (said.length) console.error(said.join('\n'));
      if (status === 0) done();
      else fail(new Error(`wasm-opt failed on ${path} with status ${status}`));
    });
  });
}

/**
 * Builds the split wasm into `stage/wasm-<hash>/` and returns the tags for index.html's
 * head: the glue preloaded, the main wasm preloaded, and the loader.
 */
export async function buildWasm(stage, { release }) {
  const profile = release ? 'release' : 'debug';
  const target = process.env.CARGO_TARGET_DIR ?? 'target';
  run('cargo', [
    'rustc', '--target', 'wasm32-unknown-unknown', '--bin', NAME, '--features', 'split',
    ...(release ? ['--release'] : []), '--', '-C', 'link-args=--emit-relocs',
  ]);
  const linked = join(target, 'wasm32-unknown-unknown', profile, `${NAME}.wasm`);
  const work = join(target, 'wasm-split', profile);
  await rm(work, { recursive: true, force: true });
  const split = join(work, 'split');
  const out = join(work, 'out');
  await mkdir(split, { recursive: true });
  run('wasm-split-cli', ['--target', 'web', '--out-name', NAME, linked, split]);
  run('wasm-bindgen', [
    '--target', 'web', '--no-typescript', '--keep-lld-exports',
    '--out-dir', out, '--out-name', NAME, join(split, `${NAME}.wasm`),
  ]);
  // The chunks and their fetcher beside the glue (the split main module is now the glue's
  // `_bg.wasm`).
  for (const file of await readdir(split)) {
    if (file === `${NAME}.wasm`) continue;
    await copyFile(join(split, file), join(out, file));
  }
  const files = (await readdir(out)).sort();
  if (release) {
    // The main module first (the longest), the chunks beside it, one per core.
    const modules = files.filter((f) => f.endsWith('.wasm'))
      .sort((a, b) => (b === `${NAME}_bg.wasm`) - (a === `${NAME}_bg.wasm`));
    console.log(`wasm: wasm-opt -Oz on ${modules.length} modules`);
    const next = () => modules.shift();
    const worker = async () => {
      for (let file = next(); file; file = next()) await optimise(join(out, file));
    };
    await Promise.all(Array.from({ length: availableParallelism() }, worker));
  }
  const hash = createHash('sha256');
  for (const file of files) hash.update(file).update(await readFile(join(out, file)));
  const folder = `wasm-${hash.digest('hex').slice(0, 16)}`;
  await mkdir(join(stage, folder));
  for (const file of files) await copyFile(join(out, file), join(stage, folder, file));
  const chunks = files.filter((f) => f.endsWith('.wasm') && f !== `${NAME}_bg.wasm`);
  console.log(`wasm: ${folder}/ with the main module and ${chunks.length} chunk(s)`);

  const sri = async (file) => `sha384-${createHash('sha384').update(await readFile(join(out, file))).digest('base64')}`;
  const glue = `./${folder}/${NAME}.js`;
  const main = `./${folder}/${NAME}_bg.wasm`;
  return [
    `<link rel="modulepreload" href="${glue}" crossorigin="anonymous" integrity="${await sri(`${NAME}.js`)}">`,
    `<link rel="preload" href="${main}" crossorigin="anonymous" integrity="${await sri(`${NAME}_bg.wasm`)}" as="fetch" type="application/wasm">`,
    `<script type="module">import init from '${glue}';\nawait init({ module_or_path: '${main}' });</script>`,
  ].join('\n');
}
