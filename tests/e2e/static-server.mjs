// A plain static server for the built app, mounted under a sub-path and with no
// single-page fallback: what a simple static host does. Proves that dist/ works there.
// It sends the headers of the served build's _headers as a host that reads that file
// would (paths taken from the mount point), so every end-to-end test runs under the
// policy as a header too, with frame-ancestors and the other security headers. It serves
// the precompressed .br or .gz beside a file when the request accepts that encoding, as
// nginx's brotli_static and gzip_static do. The served folder can be changed while it
// runs (`server.root = …`), so that a test can serve one build and then another from the
// same origin, as a host does on a deploy.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json', '.txt': 'text/plain',
  '.png': 'image/png', '.webmanifest': 'application/manifest+json',
};

/** A build's `_headers` as a list of [path pattern, [[name, value]…]]: `/*` or an exact path. */
async function headerRules(root) {
  let text;
  try { text = await readFile(join(root, '_headers'), 'utf8'); } catch { return []; }
  const rules = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (/^\s/.test(line)) {
      const [, name, value] = line.trim().match(/^([^:]+):\s*(.*)$/);
      rules.at(-1)[1].push([name, value]);
    } else {
      rules.push([line.trim(), []]);
    }
  }
  return rules;
}
const matches = (pattern, path) => pattern === path || (pattern.endsWith('*') && path.startsWith(pattern.slice(0, -1)));

/**
 * Serves `root` under `base` on 127.0.0.1:`port` (0: any free port). Resolves to
 * `{ url, root (settable), close() }` once listening.
 */
export function serve({ root, base = '/some/sub-path/', port = 0 }) {
  const state = { root: resolve(root), rules: headerRules(resolve(root)) };
  const sockets = new Set();
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!path.startsWith(base)) { res.writeHead(404).end('not found'); return; }
    const dir = state.root;
    const sitePath = `/${path.slice(base.length)}`;
    let file = normalize(join(dir, path.slice(base.length)));
    if (file !== dir && !file.startsWith(dir + sep)) { res.writeHead(403).end(); return; }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const headers = { 'content-type': types[extname(file)] ?? 'application/octet-stream' };
      const accepted = (req.headers['accept-encoding'] ?? '').split(',')
        .map((e) => e.trim().split(/\s*;\s*q=/)).filter(([, q]) => q === undefined || Number(q) > 0).map(([name]) => name);
      let body;
      for (const [encoding, suffix] of [['br', '.br'], ['gzip', '.gz']]) {
        if (body || !accepted.includes(encoding)) continue;
        body = await readFile(file + suffix).catch(() => undefined);
        if (body) headers['content-encoding'] = encoding;
      }
      body ??= await readFile(file);
      headers.vary = 'Accept-Encoding';
      for (const [pattern, list] of await state.rules) {
        if (matches(pattern, sitePath)) for (const [name, value] of list) headers[name.toLowerCase()] = value;
      }
      res.writeHead(200, headers).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => done({
      url: `http://127.0.0.1:${server.address().port}${base}`,
      get root() { return state.root; },
      set root(dir) { state.root = resolve(dir); state.rules = headerRules(state.root); },
      /** Stops listening and drops open connections: the host is gone. */
      close: () => new Promise((closed) => { server.close(() => closed()); for (const s of sockets) s.destroy(); }),
    }));
  });
}
