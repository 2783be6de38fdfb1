// A plain static server for the built app, mounted under a sub-path and with no
// single-page fallback: what a simple static host does. Proves that dist/ works there.
// The served folder can be changed while it runs (`server.root = …`), so that a test can
// serve one build and then another from the same origin, as a host does on a deploy.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json', '.txt': 'text/plain',
  '.png': 'image/png', '.webmanifest': 'application/manifest+json',
};

/**
 * Serves `root` under `base` on 127.0.0.1:`port` (0: any free port). Resolves to
 * `{ url, root (settable), close() }` once listening.
 */
export function serve({ root, base = '/some/sub-path/', port = 0 }) {
  const state = { root: resolve(root) };
  const sockets = new Set();
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!path.startsWith(base)) { res.writeHead(404).end('not found'); return; }
    const dir = state.root;
    let file = normalize(join(dir, path.slice(base.length)));
    if (file !== dir && !file.startsWith(dir + sep)) { res.writeHead(403).end(); return; }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
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
      set root(dir) { state.root = resolve(dir); },
      /** Stops listening and drops open connections: the host is gone. */
      close: () => new Promise((closed) => { server.close(() => closed()); for (const s of sockets) s.destroy(); }),
    }));
  });
}
