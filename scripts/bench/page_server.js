// The benchmarks' pages in headless Chromium: a small static server (node:http) serves poolkit's
// dist/, the peers' browser builds from node_modules, scripts/bench/ and a page whose import map
// names the libraries, as a plain <script type="module"> page would. Every response says
// Cache-Control: no-store; with `isolated`, responses carry COOP/COEP and the page is
// cross-origin isolated. Shared by the cold start (cold_start_browser.js) and the steady-state
// benchmark in Chromium (browser_run.js).
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

// What each bare specifier is in a browser: the peers' minified ES module builds (for
// onnxruntime-web its wasm-only build, as `import 'onnxruntime-web/wasm'` gives a bundler).
// TensorFlow.js's wasm backend imports four Node modules it never uses in a browser; its
// package.json maps them to nothing for bundlers, the import map to an empty module.
const IMPORT_MAP = {
  imports: {
    poolkit: '/dist/index.js',
    'onnxruntime-web': '/node_modules/onnxruntime-web/dist/ort.wasm.bundle.min.mjs',
    '@tensorflow/tfjs-core': '/node_modules/@tensorflow/tfjs-core/dist/tf-core.fesm.min.js',
    '@tensorflow/tfjs-backend-wasm': '/node_modules/@tensorflow/tfjs-backend-wasm/dist/tf-backend-wasm.fesm.min.js',
    ...Object.fromEntries(['fs', 'os', 'path', 'perf_hooks'].map((name) => [name, '/empty.js'])),
  },
};

/** A page that runs one module of scripts/bench/ (`/bench/<script>`) under the import map. */
export const pageHtml = (title, script) => `<!doctype html>
<meta charset="utf-8">
<title>${title}</title>
<link rel="icon" href="data:,">
<script type="importmap">${JSON.stringify(IMPORT_MAP)}</script>
<script type="module" src="/bench/${script}"></script>
`;

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm' };

const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/**
 * Serves `/` (the page `html`), /dist/ from `distDir`, /node_modules/, /bench/ and any `folders`
 * ({'/prefix/': dir}); `onServed({path, status, bytes})` hears of every answer, and a POST is
 * handed to `onPost(path, bytes)` (a page's results, too large for page.evaluate's JSON).
 * Resolves to the listening server.
 */
export function startPageServer({ distDir, isolated, html, folders = {}, onServed = () => {}, onPost }) {
  const served = {
    '/dist/': distDir,
    '/node_modules/': join(root, 'node_modules'),
    '/bench/': join(root, 'scripts/bench'),
    ...folders,
  };
  const headers = { 'Cache-Control': 'no-store', ...(isolated ? ISOLATION_HEADERS : {}) };
  const server = createServer(async (request, response) => {
    const path = new URL(request.url, 'http://host').pathname;
    const send = (status, type, body) => {
      onServed({ path, status, bytes: body.length });
      response.writeHead(status, { ...headers, 'Content-Type': type }).end(body);
    };
    if (request.method === 'POST' && onPost) {
      const chunks = [];
      for await (const chunk of request) chunks.push(chunk);
      onPost(path, Buffer.concat(chunks));
      return send(204, 'text/plain', '');
    }
    if (path === '/') return send(200, TYPES['.html'], html);
    if (path === '/empty.js') return send(200, TYPES['.js'], 'export default {};\n');
    const prefix = Object.keys(served).find((p) => path.startsWith(p));
    const file = prefix && normalize(join(served[prefix], decodeURIComponent(path.slice(prefix.length))));
    if (!file || !file.startsWith(join(served[prefix], '/'))) return send(404, 'text/plain', 'not found');
    try {
      send(200, TYPES[extname(file)] ?? 'application/octet-stream', await readFile(file));
    } catch {
      send(404, 'text/plain', 'not found');
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Closes servers from startPageServer. */
export const closeServers = (servers) => Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));

/** `promise`, or a rejection after `ms` naming what did not finish. */
export function withTimeout(promise, ms, what = 'result') {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no ${what} within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
