// Issue 11/12: in a cross-origin-isolated page whose thread pool cannot start (here a Content
// Security Policy forbids the blob: workers it uses), ready() used to wait forever. It settles:
// asked for threads by number, it runs the single-threaded build; by default it runs the
// threaded build on one thread. Either way runtimeInfo().fallbackReason says why.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './helpers/browser.js';

const dist = fileURLToPath(new URL(process.env.POOLKIT_DIST ?? '../dist/index.js', import.meta.url)).replace(/index\.js$/, '');
const TYPES = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html' };

const page = (options) => `<!doctype html><script type="module">
  import * as poolkit from '/poolkit/index.js';
  await poolkit.ready(${JSON.stringify(options)});
  // A default pool starts (or is given up) after ready(): wait past loadTimeout.
  await new Promise((resolve) => setTimeout(resolve, ${(options.loadTimeout ?? 0) + 500}));
  const out = poolkit.functional.maxPool2d(poolkit.tensor([[[[1, 2], [3, 4]]]]), 2).tolist();
  window.result = { info: poolkit.runtimeInfo(), out, isolated: crossOriginIsolated };
</script>`;

let server;
let origin;
beforeAll(async () => {
  server = createServer(async (request, response) => {
    const headers = {
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
      'Content-Security-Policy': "worker-src 'self'",
    };
    const url = new URL(request.url, 'http://x');
    if (url.pathname === '/') {
      const options = JSON.parse(url.searchParams.get('options') ?? '{}');
      response.writeHead(200, { ...headers, 'Content-Type': 'text/html' }).end(page(options));
      return;
    }
    try {
      const body = await readFile(dist + url.pathname.slice('/poolkit/'.length));
      response.writeHead(200, { ...headers, 'Content-Type': TYPES[url.pathname.slice(url.pathname.lastIndexOf('.'))] }).end(body);
    } catch {
      response.writeHead(404, headers).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

async function run(options) {
  const browser = await launchChromium();
  try {
    const tab = await browser.newPage();
    await tab.goto(`${origin}/?options=${encodeURIComponent(JSON.stringify(options))}`);
    return await tab.waitForFunction(() => window.result, null, { timeout: 20000 }).then((h) => h.jsonValue());
  } finally {
    await browser.close();
  }
}

test('asked for two threads it cannot start, ready() settles on the single-threaded build', async () => {
  const result = await run({ threads: 2, loadTimeout: 2000 });
  expect(result.isolated).toBe(true);
  expect(result.info.build).toBe('single');
  expect(result.info.fallbackReason).toBe('the thread pool did not start within 2000 ms');
  expect(result.out).toEqual([[[[4]]]]);
}, 40000);

test('by default it runs the threaded build on one thread and says why', async () => {
  const result = await run({ loadTimeout: 2000 });
  expect(result.info).toMatchObject({ build: 'threads', threads: 1 });
  expect(result.info.fallbackReason).toBe('the thread pool did not start within 2000 ms');
  expect(result.out).toEqual([[[[4]]]]);
}, 40000);
