// A download, read from the folder the engine saves it to. Chromium and Firefox are told
// their folder (engines.mjs); WebKitGTK's MiniBrowser saves to the XDG download folder,
// which the suite points at the same kind of temporary folder through XDG_CONFIG_HOME.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

// A file still being written: the engines' partial names, and Chromium's hidden
// `.org.chromium.Chromium.*` file, which it renames when the download is complete.
const partial = /(^\.|\.(crdownload|part|download)$)/;

/** Runs `click` and resolves to the new file in `folder`: `{ name, text }`. */
export async function download(folder, click, timeout = 20_000) {
  const before = new Set(await readdir(folder));
  await click();
  const deadline = Date.now() + timeout;
  let last = null;
  for (;;) {
    const fresh = (await readdir(folder)).filter((f) => !before.has(f));
    const done = fresh.filter((f) => !partial.test(f));
    if (done.length === 1 && !fresh.some((f) => partial.test(f))) {
      const path = join(folder, done[0]);
      // The file can be renamed between the listing and this look: look again.
      const size = await stat(path).then((s) => s.size, () => -1);
      // Complete once its size holds still between two looks.
      if (size > 0 && last === size) return { name: done[0], text: await readFile(path, 'utf8') };
      last = size;
    }
    if (Date.now() > deadline) throw new Error(`no download in ${folder}: ${JSON.stringify(fresh)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
