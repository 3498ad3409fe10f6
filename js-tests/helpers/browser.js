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
  const vite = spawn(
    `${root}/node_modules/.bin/vite`,
    [...command, '--config', 'web/vite.config.js', '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`vite did not start:\n${log}`)), 30000);
    const read = (chunk) => {
      log += chunk;
      if (log.includes(`127.0.0.1:${port}`)) {
        clearTimeout(timer);
        resolve();
      }
    };
    vite.stdout.on('data', read);
    vite.stderr.on('data', read);
    vite.on('exit', (code) => reject(new Error(`vite exited with ${code}:\n${log}`)));
  });
  return {
    url: `http://127.0.0.1:${port}/`,
    stop: () =>
      new Promise((resolve) => {
        vite.removeAllListeners('exit');
        vite.on('exit', resolve);
        vite.kill();
      }),
  };
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
