// Cold start: the time from right before the library's import() to the first maxPool2d result
// read back into JavaScript (the seed article's 4x4 input, kernel 2), for poolkit (ready() and
// ready({threads: 1})), onnxruntime-web (its default threads and 1) and TensorFlow.js (wasm), in
// Node (a fresh process per run) and in headless Chromium (a fresh context per run, HTTP cache
// off) without and with COOP/COEP. Runs take turns across runtimes and columns, so a slow moment
// of a shared machine lands on all of them. Prints medians (min) and checks every result.
// Usage: node scripts/bench/cold_start.js [--smoke] [--runs n]   (also a section of `npm run bench`)
// poolkit comes from $POOLKIT_DIST_DIR (default: the repository's dist/).
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startColdStartBrowser } from './cold_start_browser.js';
import { COLD_CONFIGS, EXPECTED } from './cold_start_runtimes.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const args = process.argv.slice(2);
const smoke = args.includes('--smoke');
const runs = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : smoke ? 2 : 15;
if (!(Number.isInteger(runs) && runs >= 1)) throw new Error(`cold start: --runs must be a positive integer`);
const distDir = resolve(process.env.POOLKIT_DIST_DIR ?? join(root, 'dist'));

function nodeColdStart(label) {
  const child = spawnSync(process.execPath, ['scripts/bench/cold_start_node_child.js', label], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, POOLKIT_DIST_DIR: distDir },
    maxBuffer: 16 << 20,
  });
  if (child.status !== 0) {
    // Minified runtimes print whole bundles with their stack traces: keep the messages.
    const message = child.stderr.split('\n').filter((l) => /Error|error/.test(l)).map((l) => l.slice(0, 300));
    throw new Error(`exited with ${child.status}: ${message.slice(0, 3).join(' / ')}`);
  }
  return JSON.parse(child.stdout.trim().split('\n').pop());
}

const COLUMNS = [
  { name: 'Node', measure: nodeColdStart },
  { name: 'Chromium', isolated: false },
  { name: 'Chromium + COOP/COEP', isolated: true },
];

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

// What the runtime says it loaded and, in a page, which .wasm files it fetched.
function describe({ runtime }, result) {
  const { loaded } = result;
  let text;
  if (runtime === 'poolkit') {
    text = `${loaded.build} build, threads ${loaded.threads}${loaded.fallbackReason ? ` (fell back: ${loaded.fallbackReason})` : ''}`;
  } else if (runtime === 'ort') {
    text = `numThreads ${loaded.numThreads}`;
  } else {
    text = `${loaded.backend}, threads ${loaded.threads}`;
  }
  const wasm = (result.fetched ?? []).filter(([path]) => path.endsWith('.wasm')).map(([path]) => basename(path));
  return wasm.length ? `${text}; ${wasm.join(', ')}` : text;
}

// Bytes of the libraries a page fetched (not the page and harness scripts).
const libraryBytes = (fetched) =>
  fetched.filter(([path]) => path.startsWith('/dist/') || path.startsWith('/node_modules/')).reduce((sum, [, bytes]) => sum + bytes, 0);

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const started = performance.now();
const loadBefore = loadavg()[0];
// cells[column][label]: {times, loaded: Set, kilobytes, failures}
const cells = Object.fromEntries(
  COLUMNS.map((column) => [
    column.name,
    Object.fromEntries(COLD_CONFIGS.map((c) => [c.label, { times: [], loaded: new Set(), kilobytes: [], failures: [] }])),
  ]),
);
const odd = new Set();
const browser = await startColdStartBrowser(distDir);
try {
  for (let round = 0; round < runs; round++) {
    for (const column of COLUMNS) {
      for (const config of COLD_CONFIGS) {
        const cell = cells[column.name][config.label];
        let result;
        try {
          result = await (column.measure ? column.measure(config.label) : browser.measure(config.label, column.isolated));
        } catch (error) {
          cell.failures.push(error.message);
          continue;
        }
        if (!same(result.values, EXPECTED.values) || !same(result.shape, EXPECTED.shape)) {
          cell.failures.push(`read back ${JSON.stringify(result.values)} of shape ${JSON.stringify(result.shape)}`);
          continue;
        }
        if (column.isolated !== undefined && result.crossOriginIsolated !== column.isolated) {
          cell.failures.push(`the page's crossOriginIsolated was ${result.crossOriginIsolated}`);
          continue;
        }
        cell.times.push(result.ms);
        cell.loaded.add(describe(config, result));
        if (result.fetched) cell.kilobytes.push(libraryBytes(result.fetched) / 1024);
        for (const path of result.notFound ?? []) odd.add(`${column.name}, ${config.label}: ${path} was not found`);
        for (const text of result.errors ?? []) odd.add(`${column.name}, ${config.label}: console error: ${text.slice(0, 300)}`);
      }
    }
  }
} finally {
  await browser.close();
}

const fmtMs = (v) => (v < 100 ? v.toFixed(1) : v.toFixed(0));
const row = (cellsOf) => `| ${cellsOf.join(' | ')} |`;
const cellText = ({ times, failures }) =>
  times.length ? `${fmtMs(median(times))} (${fmtMs(Math.min(...times))})${failures.length ? ` ${failures.length} failed` : ''}` : 'failed';

console.log('\n## Cold start: import() to the first maxPool2d result read back');
console.log(
  `${runs} run${runs > 1 ? 's' : ''} per cell, taking turns; each a fresh Node process or a fresh Chromium context (no HTTP cache). ` +
    `poolkit from ${distDir}. ms, median (min).\n`,
);
console.log(row(['runtime', ...COLUMNS.map((c) => c.name)]));
console.log(`|---|${COLUMNS.map(() => '---|').join('')}`);
for (const config of COLD_CONFIGS) console.log(row([config.label, ...COLUMNS.map((c) => cellText(cells[c.name][config.label]))]));
const ratios = COLUMNS.map(({ name }) => {
  const poolkit = cells[name]['poolkit ready()'].times;
  const peers = COLD_CONFIGS.filter((c) => c.runtime !== 'poolkit' && cells[name][c.label].times.length).map((c) => ({
    label: c.label,
    ms: median(cells[name][c.label].times),
  }));
  if (!poolkit.length || !peers.length) return '—';
  const fastest = peers.reduce((a, b) => (b.ms < a.ms ? b : a));
  return `${(median(poolkit) / fastest.ms).toFixed(2)} (${fastest.label})`;
});
console.log(row(['poolkit ready() / fastest peer', ...ratios]));

console.log('\nWhat each loaded (Chromium: the .wasm files fetched, and the libraries\' KB per page):\n');
console.log(row(['runtime', ...COLUMNS.map((c) => c.name)]));
console.log(`|---|${COLUMNS.map(() => '---|').join('')}`);
for (const config of COLD_CONFIGS) {
  const loaded = COLUMNS.map(({ name }) => {
    const { loaded: seen, kilobytes } = cells[name][config.label];
    const text = [...seen].join(' / ') || '—';
    return kilobytes.length ? `${text}; ${median(kilobytes).toFixed(0)} KB` : text;
  });
  console.log(row([config.label, ...loaded]));
}

const failures = COLUMNS.flatMap(({ name }) =>
  COLD_CONFIGS.flatMap(({ label }) => [...new Set(cells[name][label].failures)].map((f) => `${name}, ${label}: ${f}`)),
);
if (failures.length) {
  console.log(`\nfailed runs:\n- ${failures.join('\n- ')}`);
  process.exitCode = 1;
} else {
  const [a, b, c, d] = EXPECTED.values;
  console.log(`\nEvery run read back [[${a}, ${b}], [${c}, ${d}]] (shape ${EXPECTED.shape.join('x')}).`);
}
if (odd.size) console.log(`\nseen along the way:\n- ${[...odd].join('\n- ')}`);
console.log(
  `\ncold start: ${COLUMNS.length * COLD_CONFIGS.length * runs} runs in ${((performance.now() - started) / 1000).toFixed(0)} s; ` +
    `load average ${loadBefore.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after`,
);
