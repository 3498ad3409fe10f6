// Issue 12, "loads everywhere with zero configuration": every example under web/examples/,
// installed from the packed tarball (POOLKIT_TARBALL, else `npm pack` of this repository), built
// with its real bundler and loaded in headless Chromium with and without COOP/COEP (Node examples
// run with plain node). Every cell must show the seed article's [[6, 8], [14, 16]], run the
// threaded build exactly when the page is cross-origin isolated, and finish before its deadline.
// Prints the bytes each page fetched and the files each bundler emitted (the README's numbers).
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { launchChromium } from './helpers/browser.js';
import { buildExample, filesUnder, installExample, loadPage, poolkitTarball, startViteDevServer } from './helpers/examples.js';
import { CDN_HEADERS, ISOLATION_HEADERS, startStaticServer } from './helpers/static_server.js';

const EXPECTED = [
  [6, 8],
  [14, 16],
];
// Past the loader's own 10 s fallback timeout, so a slow fallback shows as a wrong build and
// only a page that never settles counts as a hang.
const PAGE_DEADLINE = 20000;
const BROWSER_EXAMPLES = ['plain-html', 'vite', 'webpack', 'esbuild'];
const BUNDLED = { vite: 'dist', webpack: 'dist', esbuild: 'dist' }; // example: its output folder

const dirs = {};
const builds = {}; // example: {output, ms, files} or {error}
const pages = []; // one row per browser cell, for the table
let browser;
const run = promisify(execFile);

beforeAll(async () => {
  const tarball = await poolkitTarball();
  for (const name of [...BROWSER_EXAMPLES, 'node-esm', 'node-cjs']) dirs[name] = await installExample(name, tarball);
  // Built once each, all at once (webpack takes most of the time); both header settings reuse it.
  await Promise.all(
    Object.entries(BUNDLED).map(async ([name, out]) => {
      try {
        const built = await buildExample(dirs[name]);
        builds[name] = { ...built, files: filesUnder(join(dirs[name], out)) };
      } catch (error) {
        builds[name] = { error };
      }
    }),
  );
  browser = await launchChromium();
}, 90000);

afterAll(async () => {
  await browser?.close();
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  const table = [
    'page                            | headers   | build   | fetched   | requests | result in',
    ...pages.map((p) =>
      [p.cell.padEnd(31), p.headers.padEnd(9), (p.build ?? '-').padEnd(7), kb(p.bytes).padStart(9), String(p.requests).padStart(8), `${p.ms} ms`].join(' | '),
    ),
    '',
    'bundler | files emitted | total     | build time',
    ...Object.entries(builds).map(([name, b]) =>
      b.error ? `${name.padEnd(7)} | build failed` : `${name.padEnd(7)} | ${String(b.files.count).padStart(13)} | ${kb(b.files.bytes).padStart(9)} | ${b.ms} ms`,
    ),
  ].join('\n');
  console.log(`The examples, page by page:\n${table}`);
});

/** Serves the cell's page; resolves to {url, stop()}. */
async function servePage(example, mode, isolated) {
  const headers = isolated ? ISOLATION_HEADERS : {};
  if (mode === 'dev server') return startViteDevServer(dirs.vite, isolated);
  if (mode === 'CDN') {
    // poolkit from another origin, as a CDN serves it; the page's import map names that URL.
    const cdn = await startStaticServer(join(dirs[example], 'node_modules'), CDN_HEADERS);
    const page = await startStaticServer(dirs[example], headers);
    writeFileSync(
      join(dirs[example], 'cdn.html'),
      rewriteImportMap(join(dirs[example], 'index.html'), `${cdn.origin}/poolkit/dist/index.js`),
    );
    return { url: `${page.origin}/cdn.html`, cdnOrigin: cdn.origin, stop: () => Promise.all([page.close(), cdn.close()]) };
  }
  // Vite builds a whole site into dist/; webpack and esbuild leave index.html beside their dist/.
  const server = await startStaticServer(example === 'vite' ? join(dirs.vite, BUNDLED.vite) : dirs[example], headers);
  return { url: `${server.origin}/`, stop: server.close };
}

function rewriteImportMap(htmlPath, url) {
  const html = readFileSync(htmlPath, 'utf8');
  const local = '"./node_modules/poolkit/dist/index.js"';
  if (!html.includes(local)) throw new Error(`${htmlPath} no longer maps poolkit to ${local}`);
  return html.replace(local, JSON.stringify(url));
}

const CELLS = [
  ['plain-html', 'same origin'],
  ['plain-html', 'CDN'],
  ['vite', 'build'],
  ['vite', 'dev server'],
  ['webpack', 'build'],
  ['esbuild', 'build'],
].flatMap(([example, mode]) =>
  [false, true].map((isolated) => [`${example} (${mode}) ${isolated ? 'with' : 'without'} COOP/COEP`, example, mode, isolated]),
);

test.each(CELLS)('%s: [[6, 8], [14, 16]], threaded exactly when isolated', async (_, example, mode, isolated) => {
  if (builds[example]?.error) throw builds[example].error;
  const cell = `${example} (${mode})`;
  const served = await servePage(example, mode, isolated);
  let page;
  try {
    page = await loadPage(browser, served.url, PAGE_DEADLINE);
  } finally {
    await served.stop();
  }
  pages.push({ cell, headers: isolated ? 'COOP/COEP' : 'none', build: page.result?.build, bytes: page.bytes, requests: page.requests, ms: page.ms });
  const context = [
    `page shows: ${page.shown}`,
    `failed requests: ${page.failures.join('; ') || 'none'}`,
    `console errors: ${page.consoleErrors.join('; ') || 'none'}`,
  ].join('\n');
  if (page.hung) throw new Error(`${cell}: hung, no result within ${PAGE_DEADLINE} ms\n${context}`);
  if (page.error) throw new Error(`${cell}: the page failed: ${page.error}\n${context}`);
  const { out, build, fallbackReason } = page.result;
  expect(page.result.isolated).toBe(isolated);
  expect(out).toEqual(EXPECTED);
  const wanted = isolated ? 'threads' : 'single';
  if (build !== wanted) throw new Error(`${cell}: ran the ${build} build, not ${wanted} (fallbackReason: ${fallbackReason})\n${context}`);
  if (mode === 'CDN') expect(page.urls).toContain(`${served.cdnOrigin}/poolkit/dist/index.js`);
});

test.each(Object.keys(BUNDLED))('%s builds without warnings', (name) => {
  if (builds[name].error) throw builds[name].error;
  expect(builds[name].output.split('\n').filter((line) => /warn/i.test(line))).toEqual([]);
});

test.each([['node-esm'], ['node-cjs']])('%s: plain node gives [[6, 8], [14, 16]] threaded, and prints nothing else', async (name) => {
  const { stdout, stderr } = await run('node', ['main.js'], { cwd: dirs[name], timeout: PAGE_DEADLINE }).catch((error) => {
    throw new Error(`${name}: ${error.killed ? `hung, no exit within ${PAGE_DEADLINE} ms` : 'failed'}\n${error.stdout}${error.stderr}`);
  });
  expect(JSON.parse(stdout)).toEqual({ out: EXPECTED, build: 'threads' });
  // Node 20.19+ can require() an ES module; an ExperimentalWarning would land here.
  expect(stderr).toBe('');
});
