// The segment section of `npm run bench` (`npm run bench -- --cases segment` runs only it):
// 1. Throughput of `net.segment(image, {tileSize})` in megapixels per second, for the shipped
//    trained model and the seed article's 64-wide net (the steady-state cases' seeded weights),
//    poolkit on one and two threads against onnxruntime-web (wasm, one and two threads) running
//    the same model, exported from PyTorch, on the same tiles: planTiles's tile size and
//    origins, the image mirrored and cut as segment cuts it, each tile's outputs kept as
//    segment keeps them (segment_cases.js, segment_runtimes.js). Each configuration in its own
//    process (segment_child.js), one after another; the outputs are checked to agree.
// 2. Memory: one fresh process segments an 8192x8192 image with the trained model and reports
//    its peak RSS against the 2 GB budget, and the time it took (segment_memory_child.js).
// Usage: node scripts/bench/segment.js [--smoke]   (--smoke: tiny images, as npm test runs it)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBenchFiles } from './bench_files.js';
import { floats, fmt, relativeDifference } from './report.js';
import { MEMORY_CASE, SEGMENT_CASES, modelShape, sized, tileCount, tilePlan } from './segment_cases.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const smoke = process.argv.includes('--smoke');
const CONFIGS = [
  { label: 'poolkit 1t', runtime: 'poolkit', threads: 1 },
  { label: 'poolkit 2t', runtime: 'poolkit', threads: 2 },
  { label: 'ort 1t', runtime: 'ort', threads: 1 },
  { label: 'ort 2t', runtime: 'ort', threads: 2 },
];
// The steady-state UNet cases' threshold: relative to the largest output magnitude.
const TOLERANCE = 1e-3;

function runNode(script, args) {
  const child = spawnSync(process.execPath, [script, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (child.status !== 0) {
    // Minified runtimes print whole bundles with their stack traces: keep the message.
    const message = child.stderr.split('\n').filter((l) => /Error|error/.test(l)).map((l) => l.slice(0, 300));
    throw new Error(`${script} ${args.join(' ')} exited with ${child.status}:\n${message.slice(0, 5).join('\n')}`);
  }
  return JSON.parse(child.stdout.trim().split('\n').pop());
}

// Megapixels per second: three significant digits.
const fmtRate = (v) => (v == null || Number.isNaN(v) ? '—' : v.toPrecision(3));
const size = ([h, w]) => `${h}x${w}`;
const describeModel = (benchCase) => {
  const model = modelShape(readFileSync(join(root, benchCase.weights)));
  return { model, text: `${benchCase.name}: ${model.levels} levels, base ${model.base}, ${model.padding}, ${model.classes} classes` };
};

const started = performance.now();
const loadBefore = loadavg()[0];
const haveOnnx = ensureBenchFiles({ smoke });
const work = mkdtempSync(join(tmpdir(), 'poolkit-segment-'));
const rows = [];
const problems = [];
try {
  for (const [index, fullCase] of SEGMENT_CASES.entries()) {
    const benchCase = sized(fullCase, smoke);
    const results = {};
    for (const config of CONFIGS) {
      if (config.runtime === 'ort' && !haveOnnx) {
        results[config.label] = { unsupported: true };
        continue;
      }
      const outFile = join(work, `${index}-${config.label.replace(' ', '')}.bin`);
      const args = [config.runtime, String(config.threads), String(index), outFile, ...(smoke ? ['--smoke'] : [])];
      results[config.label] = { ...runNode('scripts/bench/segment_child.js', args), outFile };
      const r = results[config.label];
      console.log(`${benchCase.name} ${size(benchCase.image)}: ${config.label} ${fmtRate(r.megapixelsPerSecond)} MP/s (${(r.medianMs / 1000).toFixed(1)} s)`);
    }
    const reference = floats(readFileSync(results['poolkit 1t'].outFile));
    const agree = {};
    for (const config of CONFIGS.slice(1)) {
      const r = results[config.label];
      if (r.unsupported) continue;
      agree[config.label] = relativeDifference(reference, floats(readFileSync(r.outFile)));
      if (!(agree[config.label] <= TOLERANCE)) {
        problems.push(`${benchCase.name}: ${config.label} differs from poolkit 1t by ${agree[config.label].toExponential(1)}`);
      }
    }
    rows.push({ benchCase, results, agree });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

console.log('\n## Segment: UNet.segment on whole images, against onnxruntime-web on the same tiles\n');
console.log(
  'Each configuration in its own process: a one-tile warm-up, then the timed segments of the whole image ' +
    '(logits read back into JavaScript included). MP/s = image megapixels per second. ' +
    "Ratios are poolkit's time over onnxruntime-web's: below 1, poolkit is faster.\n",
);
console.log(
  '| model | image | tiles | timed runs | poolkit 1t MP/s | poolkit 2t MP/s | ort 1t MP/s | ort 2t MP/s | poolkit/ort (1t) | poolkit/ort (2t) | peak RSS MB poolkit / ort (1t) | max rel diff poolkit 2t / ort 1t / ort 2t |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const { benchCase, results, agree } of rows) {
  const rate = (label) => (results[label].unsupported ? null : results[label].megapixelsPerSecond);
  const ratio = (a, b) => (rate(a) && rate(b) ? rate(b) / rate(a) : NaN); // time ratio a / b
  const { model } = describeModel(benchCase);
  const plan = tilePlan(model, benchCase.tileSize);
  const diff = (label) => (label in agree ? agree[label].toExponential(0) : '—');
  const rss = (label) => (results[label].unsupported ? '—' : fmt(results[label].peakRssMB, 0));
  console.log(
    `| ${benchCase.name}, ${model.classes} classes | ${size(benchCase.image)} | ${tileCount(plan, benchCase.image)} of ${plan.tile}x${plan.tile} | ${benchCase.runs} | ` +
      `${CONFIGS.map((c) => fmtRate(rate(c.label))).join(' | ')} | ` +
      `${fmt(ratio('poolkit 1t', 'ort 1t'), 2)} | ${fmt(ratio('poolkit 2t', 'ort 2t'), 2)} | ` +
      `${rss('poolkit 1t')} / ${rss('ort 1t')} | ${diff('poolkit 2t')} / ${diff('ort 1t')} / ${diff('ort 2t')} |`,
  );
}
console.log('\nModels (read from their files):');
for (const { benchCase } of rows) console.log(`- ${describeModel(benchCase).text}; ${benchCase.weights}`);
if (problems.length) {
  console.log(`\ndisagreements (relative to the largest output magnitude):\n- ${problems.join('\n- ')}`);
  process.exitCode = 1;
} else if (haveOnnx) {
  console.log(`\nEvery runtime's logits agree with poolkit 1t's within ${TOLERANCE.toExponential(0)} of the largest magnitude.`);
}

// The memory case.
const memoryCase = sized(MEMORY_CASE, smoke);
const memory = runNode('scripts/bench/segment_memory_child.js', smoke ? ['--smoke'] : []);
const { text: memoryModel } = describeModel(memoryCase);
const verdict = memory.peakRssMB <= memoryCase.budgetMB ? 'pass' : 'FAIL';
console.log(`\n## Segment memory: one fresh process, ${size(memoryCase.image)}\n`);
console.log(
  `${memoryModel}. The image a Float32Array in JavaScript (${fmt(memory.inputMB, 0)} MB) copied into a poolkit tensor, ` +
    `net.segment(image, {tileSize: ${memoryCase.tileSize}}) on ${memory.threads} thread${memory.threads > 1 ? 's' : ''} (one per core, ${memory.build} build), the logits ` +
    `(${fmt(memory.outputMB, 0)} MB) left in wasm memory; then read back whole into JavaScript. ` +
    `Peak RSS is the process's (getrusage), against the budget of ${memoryCase.budgetMB} MB.\n`,
);
console.log('| model | image | tiles | threads | segment s | MP/s | peak RSS MB | 2 GB budget | wasm memory MB | peak RSS MB after the read-back | logits finite |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
console.log(
  `| ${memoryCase.name}, ${memory.classes} classes | ${size(memory.image)} | ${memory.tiles} of ${memory.tileSize}x${memory.tileSize} | ${memory.threads} | ` +
    `${(memory.segmentMs / 1000).toFixed(1)} | ${fmtRate(memory.megapixelsPerSecond)} | ${fmt(memory.peakRssMB, 0)} | ${verdict} | ` +
    `${fmt(memory.wasmHeapMB, 0)} | ${fmt(memory.peakRssAfterReadBackMB, 0)} | ${memory.allFinite ? 'yes' : 'NO'} |`,
);
if (!memory.allFinite) process.exitCode = 1;
console.log(
  `\nsegment: ${((performance.now() - started) / 1000).toFixed(0)} s; load average ${loadBefore.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after`,
);
