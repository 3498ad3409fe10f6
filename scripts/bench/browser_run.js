// `npm run bench:browser`: `npm run bench`'s cases in headless Chromium, for poolkit (1 and 2
// threads), onnxruntime-web (wasm, 1 and 2 threads) and TensorFlow.js (wasm backend; its threaded
// build, asked for 2 threads, where the page is isolated), in a page without and with COOP/COEP.
// Every configuration runs in a fresh page (browser_page.js: the Node benchmark's runtimes.js
// adapters and timing loop), taking turns across configurations and columns; a page without
// cross-origin isolation has no threads, so the 2-thread configurations are n/a there. Checks
// that the outputs agree with poolkit's, then prints the tables, the issue's targets and where
// the time goes (compute vs reading back).
// Options: --cases <substring>; --smoke runs every case on tiny inputs, all cases of a
// configuration in one page (as npm test does); --profile <config> (e.g. 'poolkit 2t') records
// Chromium's CPU profile of each picked case in the isolated page and prints the top functions.
// poolkit comes from $POOLKIT_DIST_DIR (default: the repository's dist/).
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../../js-tests/helpers/browser.js';
import { MODEL_DIR, ensureBenchFiles } from './bench_files.js';
import { CASES } from './cases.js';
import { closeServers, pageHtml, startPageServer, withTimeout } from './page_server.js';
import { summarizeProfile } from './browser_profile.js';
import { printBrowserReport } from './browser_report.js';
import { floats, fmtMs, medianOf, relativeDifference } from './report.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : null);
const pick = option('--cases');
const profileConfig = option('--profile');
const smoke = args.includes('--smoke');
const distDir = resolve(process.env.POOLKIT_DIST_DIR ?? join(root, 'dist'));
const PAGE_TIMEOUT_MS = 900000;

const CONFIGS = [
  { label: 'poolkit 1t', runtime: 'poolkit', threads: 1 },
  { label: 'poolkit 2t', runtime: 'poolkit', threads: 2 },
  { label: 'ort 1t', runtime: 'ort', threads: 1 },
  { label: 'ort 2t', runtime: 'ort', threads: 2 },
  // TensorFlow.js picks its threaded build by itself where the page is isolated; 4.22 then
  // reports 1 thread whatever setThreadsCount asked (tensorflow/tfjs#8513), so one config.
  { label: 'tfjs', runtime: 'tfjs', threads: 2, singleWithoutIsolation: true },
];
const COLUMNS = [
  { name: 'Chromium', isolated: false },
  { name: 'Chromium + COOP/COEP', isolated: true },
];
// Threads need SharedArrayBuffer, which only a cross-origin-isolated page has.
const runsIn = (config, column) => column.isolated || config.threads === 1 || config.singleWithoutIsolation;
const threadsIn = (config, column) => (column.isolated ? config.threads : 1);
// Calls shorter than this are timed in batches (measure.js): the plain page's clock has 0.1 ms steps.
const MIN_BATCH_MS = 5;

// Fewer repetitions than the Node benchmark (5 processes x 41 runs after 150 warm-up for the
// millisecond cases, 9 runs after 2 for the others, 3 after 2 for UNet 572), which would take
// over an hour here with the tfjs and isolated columns.
function countsFor(benchCase) {
  if (smoke) return { pages: 1, runs: 1, warmup: 1, minBatchMs: 0 };
  if (benchCase.processes) return { pages: 3, runs: 21, warmup: 50, minBatchMs: MIN_BATCH_MS };
  if (benchCase.name === 'UNet 572x572') return { pages: 1, runs: 3, warmup: 0, minBatchMs: MIN_BATCH_MS };
  if (benchCase.unet) return { pages: 1, runs: 5, warmup: 1, minBatchMs: MIN_BATCH_MS };
  return { pages: 1, runs: 7, warmup: 1, minBatchMs: MIN_BATCH_MS };
}

const selected = CASES.map((c, i) => [c, i]).filter(([c]) => (!pick || c.name.includes(pick)) && (!smoke || c.smoke));
if (!selected.length) throw new Error(`bench:browser: no case matches ${pick}`);
const haveOnnx = ensureBenchFiles({ smoke });

const started = performance.now();
const loadBefore = loadavg()[0];
const outputs = new Map(); // path of the last page's POSTs -> bytes
const errors = [];
const html = pageHtml('poolkit benchmark', 'browser_page.js');
const server = (isolated) =>
  startPageServer({
    distDir,
    isolated,
    html,
    folders: { '/models/': MODEL_DIR },
    onPost: (path, bytes) => outputs.set(path, bytes),
  });
const servers = { plain: await server(false), isolated: await server(true) };
const browser = await launchChromium().catch(async (error) => {
  await closeServers(Object.values(servers));
  throw error;
});
const version = browser.version();

/**
 * Runs `indices` on `config` in a fresh page; resolves to {results: [{index, medianMs,
 * computeMs, threads} | {index, unsupported}], outputs: Map(index -> Float32Array), profile}.
 */
async function runPage(config, column, indices, { runs, warmup, minBatchMs }, profile = false) {
  if (config.runtime === 'ort' && !haveOnnx) return { results: indices.map((index) => ({ index, unsupported: true })), outputs: new Map() };
  const context = await browser.newContext();
  const pageErrors = [];
  outputs.clear();
  try {
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && pageErrors.push(message.text()));
    let cdp;
    if (profile) {
      cdp = await context.newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    const { port } = servers[column.isolated ? 'isolated' : 'plain'].address();
    const threads = threadsIn(config, column);
    const query = new URLSearchParams({ runtime: config.runtime, threads, cases: indices.join(','), runs, warmup, minBatchMs });
    if (smoke) query.set('smoke', '');
    await page.goto(`http://127.0.0.1:${port}/?${query}`);
    const evaluated = page.evaluate(async () => ({ results: await window.benchResult, crossOriginIsolated }));
    const { results, crossOriginIsolated } = await withTimeout(evaluated, PAGE_TIMEOUT_MS).catch((error) => {
      const console = pageErrors.length ? ` (console: ${pageErrors.join(' / ').slice(0, 600)})` : '';
      throw new Error(`${config.label}, ${column.name}: ${error.message.split('\n')[0].slice(0, 400)}${console}`);
    });
    if (crossOriginIsolated !== column.isolated) throw new Error(`${column.name}: the page's crossOriginIsolated was ${crossOriginIsolated}`);
    const profiled = profile ? (await cdp.send('Profiler.stop')).profile : null;
    const byIndex = new Map(indices.map((index) => [index, outputs.has(`/output/${index}`) ? floats(outputs.get(`/output/${index}`)) : null]));
    return { results, outputs: byIndex, profile: profiled };
  } finally {
    await context.close();
  }
}

// cells[column][case index][config label]: {times: [medianMs per page], compute: [...], threads, unsupported}
const cells = Object.fromEntries(COLUMNS.map((c) => [c.name, {}]));
// agree[column][case index][config label]: max rel diff against poolkit 1t in the same column
const agree = Object.fromEntries(COLUMNS.map((c) => [c.name, {}]));
const references = {};

function record(column, config, result, output) {
  const cell = (cells[column.name][result.index] ??= {})[config.label] ??= { times: [], compute: [], threads: new Set(), batch: new Set() };
  if (result.unsupported) {
    cell.unsupported = true;
    return;
  }
  cell.times.push(result.medianMs);
  if (result.computeMs != null) cell.compute.push(result.computeMs);
  cell.threads.add(result.threads);
  cell.batch.add(result.batch);
  if (!output) return;
  const key = `${column.name}/${result.index}`;
  if (config.label === 'poolkit 1t') references[key] = output;
  else if (references[key] && !(agree[column.name][result.index] ??= {})[config.label]) {
    agree[column.name][result.index][config.label] = relativeDifference(references[key], output);
  }
}

async function measureAll() {
  if (smoke) {
    // Every case of a configuration in one page: a page each would take minutes.
    const indices = selected.map(([, index]) => index);
    for (const column of COLUMNS) {
      for (const config of CONFIGS.filter((c) => runsIn(c, column))) {
        const { results, outputs: out } = await runPage(config, column, indices, countsFor(null));
        for (const result of results) record(column, config, result, out.get(result.index));
      }
    }
    return;
  }
  for (const [benchCase, index] of selected) {
    const counts = countsFor(benchCase);
    for (let round = 0; round < counts.pages; round++) {
      for (const column of COLUMNS) {
        for (const config of CONFIGS.filter((c) => runsIn(c, column))) {
          const { results, outputs: out } = await runPage(config, column, [index], counts);
          record(column, config, results[0], round === 0 ? out.get(index) : null);
        }
      }
    }
    const line = COLUMNS.map((column) =>
      CONFIGS.filter((c) => runsIn(c, column))
        .map((c) => `${c.label} ${fmtMs(medianOf(cells[column.name][index][c.label].times))}`)
        .join(', '),
    );
    console.log(`${benchCase.name}: ${line.map((l, i) => `${COLUMNS[i].name}: ${l}`).join(' | ')} (ms)`);
  }
}

async function profileAll() {
  const config = CONFIGS.find((c) => c.label === profileConfig);
  if (!config) throw new Error(`--profile: no configuration ${profileConfig} (${CONFIGS.map((c) => c.label).join(', ')})`);
  for (const [benchCase, index] of selected) {
    const counts = countsFor(benchCase);
    const { results, profile } = await runPage(config, COLUMNS[1], [index], counts, true);
    console.log(`\n## CPU profile: ${benchCase.name}, ${config.label}, ${COLUMNS[1].name} (median ${fmtMs(results[0].medianMs)} ms)`);
    console.log(summarizeProfile(profile));
  }
}

try {
  await (profileConfig ? profileAll() : measureAll());
} finally {
  await browser.close();
  await closeServers(Object.values(servers));
}
if (profileConfig) process.exit(0);

console.log(
  `\nmachine: ${cpus()[0].model}, ${cpus().length} cores; Chromium ${version} (headless, playwright-core), Node ${process.version}; ` +
    `poolkit from ${distDir}; ${new Date().toISOString().slice(0, 10)}`,
);
const countsText = [...new Set(selected.map(([c]) => JSON.stringify(countsFor(c))))]
  .map((text) => {
    const { pages, runs, warmup, minBatchMs } = JSON.parse(text);
    const names = selected.filter(([c]) => JSON.stringify(countsFor(c)) === text).map(([c]) => c.name);
    const batched = minBatchMs ? `, calls under ${minBatchMs} ms timed in batches of at least ${minBatchMs} ms` : '';
    return `${names.join(', ')}: ${pages} page${pages > 1 ? 's' : ''} per configuration, ${runs} timed runs after ${warmup + 1} untimed${batched}`;
  })
  .join('; ');
console.log(`ms, median of the pages' medians (${countsText}).`);
const ok = printBrowserReport({ configs: CONFIGS, columns: COLUMNS, runsIn, cells, agree, selected, smoke });
if (!ok) process.exitCode = 1;
console.log(
  `\nbench:browser: ${((performance.now() - started) / 1000).toFixed(0)} s; load average ${loadBefore.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after`,
);
