// The demo page in real Chromium: Debian's /usr/bin/chromium driven by playwright-core, the
// page served by Vite exactly as `npm start` serves it.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('../..', import.meta.url));

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts the demo server (`npm start`'s Vite dev server, or with `['preview', '--outDir', dir]`
 * Vite's static server over a built site); resolves to {url, stop}.
 */
export async function startDemoServer(command = []) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const vite = spawn(
    `${root}/node_modules/.bin/vite`,
    [...command, '--config', 'web/vite.config.js', '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
    // Vite colours its banner whenever it thinks a terminal may be there (CI sets FORCE_COLOR
    // sometimes); readiness is decided by asking the server, never by parsing that banner.
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } },
  );
  let log = '';
  let exited = null;
  vite.stdout.on('data', (chunk) => (log += chunk));
  vite.stderr.on('data', (chunk) => (log += chunk));
  vite.on('exit', (code) => (exited = code));
  const stop = () =>
    new Promise((resolve) => {
      if (exited !== null) return resolve();
      vite.on('exit', resolve);
      vite.kill();
    });
  const deadline = Date.now() + 30000;
  for (;;) {
    if (exited !== null) throw new Error(`vite exited with ${exited}:\n${log}`);
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop(); // a server left running keeps Jest (and CI) from ever finishing
      throw new Error(`vite did not answer at ${url} within 30 s:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { url, stop };
}

export function launchChromium() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

/** Opens a page that records console errors and page errors into `errors`. */
export async function openPage(browser, url) {
  const page = await browser.newPage();
  page.setDefaultTimeout(10000);
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  return { page, errors };
}
