// The language packs: for each language but English (which the wasm carries), its
// interface catalogue and its content as JSON files under `lang/<tag>/` in the build,
// fetched by the app when that language is chosen and kept by the offline cache:
//
//   lang/<tag>/common.json  { messages, roadmap, resources, glossary, funder_checks }
//   lang/<tag>/city.json    the city questionnaire
//   lang/<tag>/cso.json     the community organisation's questionnaire
//
// Sources: content/i18n/<tag>/*.toml (one catalogue, merged as build.rs merges the
// English one: a key defined twice is an error) and content/translations/<tag>/*.toml.
// tests/translations.rs checks the sources; tests/dist/ checks these files against them.
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'smol-toml';

/** Every language with a folder of translations: the ones the app can switch to. */
export async function languages(root) {
  const entries = await readdir(join(root, 'content/translations'), { withFileTypes: true });
  return entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
}

const read = async (path) => parse(await readFile(path, 'utf8'));

/** The catalogue of one language: its files merged, a key defined twice refused by name. */
export async function catalogue(root, tag) {
  const folder = join(root, 'content/i18n', tag);
  const files = (await readdir(folder)).filter((name) => name.endsWith('.toml')).sort();
  const merged = {};
  for (const file of files) merge(merged, await read(join(folder, file)), `${folder}/${file}`, '');
  return merged;
}

function merge(into, from, file, prefix) {
  for (const [key, value] of Object.entries(from)) {
    const path = prefix ? `${prefix}.${key}` : key;
    const plain = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
    if (plain(into[key]) && plain(value)) merge(into[key], value, file, path);
    else if (key in into) throw new Error(`${file}: message key ${path} is defined twice`);
    else into[key] = value;
  }
}

/** The three files of one language, as objects, by file name. */
export async function pack(root, tag) {
  const content = (name) => read(join(root, 'content/translations', tag, `${name}.toml`));
  return {
    'common.json': {
      messages: await catalogue(root, tag),
      roadmap: await content('roadmap'),
      resources: await content('resources'),
      glossary: await content('glossary'),
      funder_checks: await content('funder_checks'),
    },
    'city.json': await content('city'),
    'cso.json': await content('cso'),
  };
}

/** Writes every language's pack under `<out>/lang/<tag>/`; returns the files written. */
export async function writeLanguagePacks(root, out) {
  const written = [];
  for (const tag of await languages(root)) {
    const folder = join(out, 'lang', tag);
    await mkdir(folder, { recursive: true });
    for (const [name, value] of Object.entries(await pack(root, tag))) {
      await writeFile(join(folder, name), JSON.stringify(value));
      written.push(`lang/${tag}/${name}`);
    }
  }
  return written;
}
