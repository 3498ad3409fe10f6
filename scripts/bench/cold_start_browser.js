// Cold starts in headless Chromium: a small static server (node:http) serves poolkit's dist/,
// the peers' browser builds from node_modules and a page whose import map names them, as a
// plain <script type="module"> page would. Every response says Cache-Control: no-store and every
// run gets a fresh browser context, so nothing is cached from one run to the next. With
// `isolated`, responses carry COOP/COEP and the page is cross-origin isolated.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../../js-tests/helpers/browser.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const RUN_TIMEOUT_MS = 60000;

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

const PAGE = `<!doctype html>
<meta charset="utf-8">
<title>cold start</title>
<link rel="icon" href="data:,">
<script type="importmap">${JSON.stringify(IMPORT_MAP)}</script>
<script type="module" src="/bench/cold_start_page.js"></script>
`;

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm' };

const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

// `onServed({path, status, bytes})` hears of every answer.
function startServer(distDir, isolated, onServed) {
  const folders = { '/dist/': distDir, '/node_modules/': join(root, 'node_modules'), '/bench/': join(root, 'scripts/bench') };
  const headers = { 'Cache-Control': 'no-store', ...(isolated ? ISOLATION_HEADERS : {}) };
  const server = createServer(async (request, response) => {
    const path = new URL(request.url, 'http://host').pathname;
    const send = (status, type, body) => {
      onServed({ path, status, bytes: body.length });
      response.writeHead(status, { ...headers, 'Content-Type': type }).end(body);
    };
    if (path === '/') return send(200, TYPES['.html'], PAGE);
    if (path === '/empty.js') return send(200, TYPES['.js'], 'export default {};\n');
    const prefix = Object.keys(folders).find((p) => path.startsWith(p));
    const file = prefix && normalize(join(folders[prefix], decodeURIComponent(path.slice(prefix.length))));
    if (!file || !file.startsWith(join(folders[prefix], '/'))) return send(404, 'text/plain', 'not found');
    try {
      send(200, TYPES[extname(file)] ?? 'application/octet-stream', await readFile(file));
    } catch {
      send(404, 'text/plain', 'not found');
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function withTimeout(promise) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no result within ${RUN_TIMEOUT_MS / 1000} s`)), RUN_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Launches Chromium and two servers (plain, COOP/COEP) over `distDir`; resolves to
 * {measure(label, isolated), close()} where measure runs one cold start in a fresh context and
 * resolves to cold_start_runtimes.js's result plus the page's crossOriginIsolated, its console
 * errors, what it fetched ([path, bytes] pairs, the page itself included) and what was not found.
 */
export async function startColdStartBrowser(distDir) {
  const served = []; // this run's answers
  const log = (entry) => served.push(entry);
  const servers = { plain: await startServer(distDir, false, log), isolated: await startServer(distDir, true, log) };
  const closeServers = () => Promise.all(Object.values(servers).map((s) => new Promise((resolve) => s.close(resolve))));
  const browser = await launchChromium().catch(async (error) => {
    await closeServers(); // an open server would keep Node running
    throw error;
  });
  async function measure(label, isolated) {
    const context = await browser.newContext();
    const errors = [];
    served.length = 0;
    try {
      const page = await context.newPage();
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
      const { port } = servers[isolated ? 'isolated' : 'plain'].address();
      await page.goto(`http://127.0.0.1:${port}/?config=${encodeURIComponent(label)}`);
      const result = await withTimeout(page.evaluate(async () => ({ ...(await window.coldStart), crossOriginIsolated }))).catch(
        (error) => {
          throw new Error(`${error.message.split('\n')[0]}${errors.length ? ` (console: ${errors.join(' / ')})` : ''}`);
        },
      );
      const fetched = served.filter((r) => r.status === 200).map(({ path, bytes }) => [path, bytes]);
      const notFound = served.filter((r) => r.status !== 200).map((r) => r.path);
      return { ...result, errors, fetched, notFound };
    } finally {
      await context.close();
    }
  }
  async function close() {
    await browser.close();
    await closeServers();
  }
  return { measure, close };
}
