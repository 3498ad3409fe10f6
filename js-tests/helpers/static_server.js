// A static file server for built example pages, as any host serves them: files from one folder,
// with the response headers a host can add (COOP/COEP for cross-origin isolation, CORS and CORP
// for a CDN).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
};

export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export const CDN_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Cross-Origin-Resource-Policy': 'cross-origin',
};

async function fileFor(root, urlPath) {
  const path = normalize(join(root, decodeURIComponent(urlPath)));
  if (!path.startsWith(root)) return null; // no ../ out of the root
  try {
    const info = await stat(path);
    return info.isDirectory() ? fileFor(root, join(urlPath, 'index.html')) : path;
  } catch {
    return null;
  }
}

/** Serves `root` with `headers` on every response; resolves to {origin, close()}. */
export async function startStaticServer(root, headers = {}) {
  const server = createServer(async (request, response) => {
    const path = await fileFor(normalize(root), new URL(request.url, 'http://x').pathname);
    if (!path) {
      response.writeHead(404, headers).end();
      return;
    }
    const body = await readFile(path);
    response.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
