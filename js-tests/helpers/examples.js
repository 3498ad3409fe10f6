// The examples under web/examples/ as a user gets them: each copied to build/examples/<name>/
// with the packed poolkit tarball as its node_modules/poolkit (the bundlers themselves resolve
// from the repository's node_modules, up the tree), built with its own `npm run build`, served,
// and loaded in Chromium.
import { execFile, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const workDir = join(root, 'build/examples');
const run = promisify(execFile);

/** POOLKIT_TARBALL if set, else `npm pack` of the repository (whose dist/ must be built). */
export async function poolkitTarball() {
  if (process.env.POOLKIT_TARBALL) return process.env.POOLKIT_TARBALL;
  if (!existsSync(join(root, 'dist/index.js'))) throw new Error('dist/ is not built: run `npm run build` first');
  mkdirSync(workDir, { recursive: true });
  // --ignore-scripts: prepack would rebuild dist/ under the other test files running meanwhile.
  const { stdout } = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', workDir], { cwd: root });
  return join(workDir, JSON.parse(stdout)[0].filename);
}

/** A fresh copy of web/examples/<name> with the tarball extracted as node_modules/poolkit. */
export async function installExample(name, tarball) {
  const dir = join(workDir, name);
  rmSync(dir, { recursive: true, force: true });
  cpSync(join(root, 'web/examples', name), dir, { recursive: true });
  const into = join(dir, 'node_modules/poolkit');
  mkdirSync(into, { recursive: true });
  await run('tar', ['-xzf', tarball, '--strip-components=1', '-C', into]);
  return dir;
}

/** Runs the example's `npm run build`; resolves to {output, ms}, output being stdout and stderr. */
export async function buildExample(dir) {
  const started = Date.now();
  const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
  return new Promise((resolve, reject) => {
    execFile('npm', ['run', 'build'], { cwd: dir, env, maxBuffer: 1 << 24 }, (error, stdout, stderr) => {
      const output = `${stdout}${stderr}`;
      if (error) reject(new Error(`npm run build in ${dir} failed:\n${output}`));
      else resolve({ output, ms: Date.now() - started });
    });
  });
}

/** Every file under `dir`: how many and their total bytes. */
export function filesUnder(dir) {
  let count = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { recursive: true })) {
    const info = statSync(join(dir, entry));
    if (info.isFile()) {
      count += 1;
      bytes += info.size;
    }
  }
  return { count, bytes };
}

/** Vite's dev server over `dir` in a child process; resolves to {url, stop()}. */
export async function startViteDevServer(dir, isolated) {
  const child = spawn(process.execPath, [join(root, 'js-tests/helpers/vite_dev_server.js'), dir, isolated ? '1' : '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  let log = '';
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.on('exit', resolve);
      child.kill();
    });
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`vite's dev server did not start within 30 s:\n${log}`)), 30000);
    child.stdout.on('data', (chunk) => {
      log += chunk;
      const line = log.split('\n').find((l) => l.startsWith('http'));
      if (line) {
        clearTimeout(timer);
        resolve(line.trim());
      }
    });
    child.stderr.on('data', (chunk) => (log += chunk));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`vite's dev server exited with ${code}:\n${log}`));
    });
  }).catch(async (error) => {
    await stop();
    throw error;
  });
  return { url, stop, log: () => log };
}

/**
 * Opens `url` in a fresh browser context (a cold cache) and waits until the page sets
 * window.poolkitResult or window.poolkitError, at most `deadline` ms. Resolves to {result, error,
 * hung, ms, bytes, requests, failures, consoleErrors, urls}: bytes is the sum of the response
 * bodies the page and its workers fetched.
 */
export async function loadPage(browser, url, deadline) {
  const context = await browser.newContext();
  const sizes = [];
  const urls = [];
  const failures = [];
  const consoleErrors = [];
  try {
    const page = await context.newPage();
    page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    page.on('requestfinished', (request) => {
      urls.push(request.url());
      sizes.push(request.sizes().then((s) => s.responseBodySize));
    });
    page.on('requestfailed', (request) => failures.push(`${request.url()}: ${request.failure()?.errorText}`));
    page.on('response', (response) => response.status() >= 400 && failures.push(`${response.url()}: HTTP ${response.status()}`));
    const started = Date.now();
    // Only the response is awaited: the deadline below is the one that counts.
    await page.goto(url, { waitUntil: 'commit', timeout: deadline });
    const settled = await page
      .waitForFunction(() => window.poolkitResult ?? (window.poolkitError && { error: window.poolkitError }), null, {
        timeout: Math.max(1, deadline - (Date.now() - started)),
        polling: 50,
      })
      .then((handle) => handle.jsonValue())
      .catch(() => null);
    const ms = Date.now() - started;
    const bytes = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
    return {
      result: settled && !settled.error ? settled : null,
      error: settled?.error ?? null,
      hung: !settled,
      shown: await page.textContent('#output').catch(() => null),
      ms,
      bytes,
      requests: sizes.length,
      urls,
      failures,
      consoleErrors,
    };
  } finally {
    await context.close();
  }
}
