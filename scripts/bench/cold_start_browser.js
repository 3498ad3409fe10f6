// Cold starts in headless Chromium, on page_server.js's server (poolkit's dist/, the peers from
// node_modules, a page whose import map names them; Cache-Control: no-store). Every run gets a
// fresh browser context, so nothing is cached from one run to the next. With `isolated`,
// responses carry COOP/COEP and the page is cross-origin isolated.
import { launchChromium } from '../../js-tests/helpers/browser.js';
import { closeServers, pageHtml, startPageServer, withTimeout } from './page_server.js';

const RUN_TIMEOUT_MS = 60000;
const PAGE = pageHtml('cold start', 'cold_start_page.js');

/**
 * Launches Chromium and two servers (plain, COOP/COEP) over `distDir`; resolves to
 * {measure(label, isolated), close()} where measure runs one cold start in a fresh context and
 * resolves to cold_start_runtimes.js's result plus the page's crossOriginIsolated, its console
 * errors, what it fetched ([path, bytes] pairs, the page itself included) and what was not found.
 */
export async function startColdStartBrowser(distDir) {
  const served = []; // this run's answers
  const log = (entry) => served.push(entry);
  const server = (isolated) => startPageServer({ distDir, isolated, html: PAGE, onServed: log });
  const servers = { plain: await server(false), isolated: await server(true) };
  const browser = await launchChromium().catch(async (error) => {
    await closeServers(Object.values(servers)); // an open server would keep Node running
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
      const evaluated = page.evaluate(async () => ({ ...(await window.coldStart), crossOriginIsolated }));
      const result = await withTimeout(evaluated, RUN_TIMEOUT_MS).catch((error) => {
        throw new Error(`${error.message.split('\n')[0]}${errors.length ? ` (console: ${errors.join(' / ')})` : ''}`);
      });
      const fetched = served.filter((r) => r.status === 200).map(({ path, bytes }) => [path, bytes]);
      const notFound = served.filter((r) => r.status !== 200).map((r) => r.path);
      return { ...result, errors, fetched, notFound };
    } finally {
      await context.close();
    }
  }
  async function close() {
    await browser.close();
    await closeServers(Object.values(servers));
  }
  return { measure, close };
}
