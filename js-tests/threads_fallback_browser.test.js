// Issue 11: in a cross-origin-isolated page whose pthread worker script cannot load (a bundler
// that did not ship it, a blocked URL), ready() used to wait forever. It now gives the threaded
// build up after loadTimeout and runs the single-threaded one.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './helpers/browser.js';

const dist = fileURLToPath(new URL(process.env.POOLKIT_DIST ?? '../dist/index.js', import.meta.url)).replace(/index\.js$/, '');
const TYPES = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html' };

const page = `<!doctype html><script type="module">
  import * as poolkit from '/poolkit/index.js';
  const started = performance.now();
  await poolkit.ready({ threads: 2, loadTimeout: 2000 });
  const out = poolkit.functional.maxPool2d(poolkit.tensor([[[[1, 2], [3, 4]]]]), 2).tolist();
  window.result = { info: poolkit.runtimeInfo(), ms: performance.now() - started, out, isolated: crossOriginIsolated };
</script>`;

let server;
let origin;
beforeAll(async () => {
  server = createServer(async (request, response) => {
    const headers = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };
    const path = new URL(request.url, 'http://x').pathname;
    if (path === '/') {
      response.writeHead(200, { ...headers, 'Content-Type': 'text/html' }).end(page);
      return;
    }
    // The pthread worker script is missing, as when a bundler did not ship it.
    if (path.startsWith('/poolkit/') && !path.endsWith('.worker.js')) {
      try {
        const body = await readFile(dist + path.slice('/poolkit/'.length));
        response.writeHead(200, { ...headers, 'Content-Type': TYPES[path.slice(path.lastIndexOf('.'))] ?? 'application/octet-stream' }).end(body);
        return;
      } catch {
        // fall through to 404
      }
    }
    response.writeHead(404, headers).end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

test('a threaded build whose workers cannot load falls back to one thread instead of hanging', async () => {
  const browser = await launchChromium();
  try {
    const tab = await browser.newPage();
    await tab.goto(`${origin}/`);
    const result = await tab.waitForFunction(() => window.result, null, { timeout: 20000 }).then((h) => h.jsonValue());
    expect(result.isolated).toBe(true);
    expect(result.info.build).toBe('single');
    expect(result.info.fallbackReason).toBe('the threaded build did not start within 2000 ms');
    expect(result.out).toEqual([[[[4]]]]);
  } finally {
    await browser.close();
  }
}, 40000);
