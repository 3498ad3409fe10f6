// The demo page built to static files (`vite build`), served with the COOP/COEP headers a host
// can set (Vite's preview server sets them): it runs the threaded build, pooling and the UNet.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, openPage, startDemoServer } from './helpers/browser.js';

const root = fileURLToPath(new URL('..', import.meta.url));
let site;
let server;
let browser;

beforeAll(async () => {
  site = mkdtempSync(join(tmpdir(), 'poolkit-site-'));
  execFileSync(`${root}/node_modules/.bin/vite`, ['build', '--config', 'web/vite.config.js', '--outDir', site, '--emptyOutDir'], {
    cwd: root,
    stdio: 'pipe',
  });
  server = await startDemoServer(['preview', '--outDir', site]);
  browser = await launchChromium();
}, 120000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(site, { recursive: true, force: true });
});

test('the static site runs threaded: the seed example and a UNet forward pass', async () => {
  const { page, errors } = await openPage(browser, server.url);
  await page.waitForSelector('#status:has-text("computed by poolkit")');
  // One thread per core: at least two on any machine that runs this suite in the time it has.
  expect(await page.textContent('#build-info')).toMatch(/^Running here: WebAssembly SIMD, ([2-9]|\d\d+) threads\.$/);
  const grid = await page.$$eval('#output-grid tr', (rows) => rows.map((row) => Array.from(row.cells, (c) => Number(c.textContent))));
  expect(grid).toEqual([
    [6, 8],
    [14, 16],
  ]);
  await page.waitForSelector('#unet-run:not([disabled])');
  await page.click('#unet-run');
  await page.waitForSelector('#unet-summary:has-text("Segmented")', { timeout: 60000 });
  expect(await page.textContent('#unet-summary')).toMatch(/, WebAssembly SIMD, ([2-9]|\d\d+) threads\)/);
  expect(errors).toEqual([]);
}, 120000);
