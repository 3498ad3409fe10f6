// `npm run bench`: poolkit against onnxruntime-web (wasm, 1 and 2 threads) and TensorFlow.js
// (wasm backend) on the same inputs and weights, each case in fresh child processes run one
// after another. Checks that the outputs agree, then prints medians, ratios, GFLOP/s and peak
// memory. Then the segment section (segment.js: UNet.segment's megapixels per second against
// onnxruntime-web on the same tiles, and the peak memory of an 8192x8192 image), named
// "segment", and the cold-start section (cold_start.js: import to first result, in Node and in
// Chromium), named "cold start". Options: --cases <substring> picks cases (`--cases segment` or
// `--cases cold` runs only that section); --smoke runs every case on a tiny input, the segment
// section on tiny images and the cold start a few times (as npm test does), without
// onnxruntime-web's cases when PyTorch is not there to export them.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBenchFiles } from './bench_files.js';
import { CASES } from './cases.js';
import { floats, fmt, fmtMs, medianOf, relativeDifference } from './report.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const args = process.argv.slice(2);
const pick = args.includes('--cases') ? args[args.indexOf('--cases') + 1] : null;
const smoke = args.includes('--smoke');
const CONFIGS = [
  { label: 'poolkit 1t', runtime: 'poolkit', threads: 1 },
  { label: 'poolkit 2t', runtime: 'poolkit', threads: 2 },
  { label: 'ort 1t', runtime: 'ort', threads: 1 },
  { label: 'ort 2t', runtime: 'ort', threads: 2 },
  { label: 'tfjs', runtime: 'tfjs', threads: 1 },
];

const selected = CASES.map((c, i) => [c, i]).filter(
  ([c]) => (!pick || c.name.includes(pick)) && (!smoke || c.smoke),
);
const segment = !pick || 'segment'.includes(pick);
const coldStart = !pick || 'cold start'.includes(pick);

function simdPeakGflops() {
  const out = execFileSync('sh', ['scripts/bench-kernels.sh', '--peak'], { cwd: root, encoding: 'utf8' });
  return Number(/([\d.]+) GFLOP\/s/.exec(out)?.[1]);
}

function runChild(config, index, outFile) {
  if (config.runtime === 'ort' && !haveOnnx) return { unsupported: true };
  const child = spawnSync(
    process.execPath,
    ['scripts/bench/child.js', config.runtime, String(config.threads), String(index), outFile, smoke ? '--smoke' : ''],
    { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 },
  );
  if (child.status !== 0) {
    // Minified runtimes print whole bundles with their stack traces: keep the message.
    const message = child.stderr.split('\n').filter((l) => /Error|error/.test(l)).map((l) => l.slice(0, 300));
    throw new Error(`${config.label} failed on ${CASES[index].name}:\n${message.slice(0, 5).join('\n')}`);
  }
  return JSON.parse(child.stdout.trim().split('\n').pop());
}

const haveOnnx = selected.length ? ensureBenchFiles({ smoke }) : false;
const peak = smoke || !selected.length ? NaN : simdPeakGflops();
const work = mkdtempSync(join(tmpdir(), 'poolkit-bench-'));
console.log(`machine: ${cpus()[0].model}, ${cpus().length} cores, Node ${process.version}`);
if (!Number.isNaN(peak)) console.log(`wasm SIMD peak (one thread, independent f32x4 mul and add chains): ${fmt(peak)} GFLOP/s`);
// A process's timings move together by up to 40% on a shared machine (where its memory lands,
// what runs beside it), so the fast cases run several processes per configuration, taking
// turns, and report the median of their medians.
const rows = [];
for (const [benchCase, index] of selected) {
  const processes = smoke ? 1 : (benchCase.processes ?? 1);
  const runs = Object.fromEntries(CONFIGS.map((c) => [c.label, []]));
  for (let round = 0; round < processes; round++) {
    for (const config of CONFIGS) {
      const outFile = join(work, `${index}-${config.label.replace(' ', '')}-${round}.bin`);
      runs[config.label].push({ ...runChild(config, index, outFile), outFile });
    }
  }
  const results = Object.fromEntries(
    Object.entries(runs).map(([label, list]) => [
      label,
      {
        ...list[0],
        medianMs: medianOf(list.map((r) => r.medianMs)),
        peakRssMB: medianOf(list.map((r) => r.peakRssMB)),
      },
    ]),
  );
  // Everyone is compared with the first runtime that ran the case: poolkit, when it has the op.
  const ran = Object.entries(results).filter(([, r]) => !r.unsupported);
  const output = (r) => floats(readFileSync(r.outFile));
  const reference = ran.length ? output(ran[0][1]) : null;
  const agree = Object.fromEntries(ran.slice(1).map(([label, r]) => [label, relativeDifference(reference, output(r))]));
  rows.push({ benchCase, results, agree });
  const line = CONFIGS.map((c) => `${c.label} ${fmtMs(results[c.label].medianMs)} ms`).join(' | ');
  console.log(`${benchCase.name}: ${line}`);
}
rmSync(work, { recursive: true, force: true });

if (rows.length) {
  console.log(
    '\n| case | poolkit 1t ms | poolkit 2t ms | ort 1t ms | ort 2t ms | tfjs ms | poolkit/ort (1t) | poolkit/tfjs (1t) | poolkit/ort (2t) | GFLOP/s 1t (% of peak) | peak RSS MB poolkit / ort / tfjs (1t) | max rel diff ort / tfjs |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
}
const problems = [];
for (const { benchCase, results, agree } of rows) {
  const ms = (label) => results[label].medianMs;
  const ratio = (a, b) => (ms(a) && ms(b) ? ms(a) / ms(b) : NaN);
  // Flops are counted for the full-size inputs only.
  const flops = smoke ? null : benchCase.flops;
  const gflops = flops && ms('poolkit 1t') ? flops / (ms('poolkit 1t') * 1e6) : NaN;
  const diff = (label) => (label in agree ? agree[label].toExponential(0) : '—');
  console.log(
    `| ${benchCase.name} | ${CONFIGS.map((c) => fmtMs(ms(c.label))).join(' | ')} | ` +
      `${fmt(ratio('poolkit 1t', 'ort 1t'), 2)} | ${fmt(ratio('poolkit 1t', 'tfjs'), 2)} | ${fmt(ratio('poolkit 2t', 'ort 2t'), 2)} | ` +
      `${flops ? `${fmt(gflops)} (${fmt((100 * gflops) / peak, 0)}%)` : '—'} | ` +
      `${['poolkit 1t', 'ort 1t', 'tfjs'].map((l) => fmt(results[l].peakRssMB, 0)).join(' / ')} | ${diff('ort 1t')} / ${diff('tfjs')} |`,
  );
  const bugs = benchCase.peerBugs ?? {};
  const peers = Object.entries(agree).filter(([label]) => (label === 'ort 1t' || label === 'tfjs') && !bugs[label]);
  for (const [label, d] of Object.entries(agree)) {
    if (d <= 1e-3 || label === 'ort 2t') continue;
    const bug = bugs[label] ? ` (known: ${bugs[label]})` : '';
    problems.push(`${benchCase.name}: ${label} differs by ${d.toExponential(1)}${bug}`);
  }
  // poolkit's numbers are PyTorch's (the tests say so); if no peer agrees with it, something is wrong.
  if (!results['poolkit 1t'].unsupported && peers.length && Math.min(...peers.map(([, d]) => d)) > 1e-3) {
    problems.push(`${benchCase.name}: poolkit agrees with no peer`);
    process.exitCode = 1;
  }
}
if (problems.length) console.log(`\ndisagreements (relative to the largest output magnitude):\n- ${problems.join('\n- ')}`);

if (segment) {
  const section = spawnSync(process.execPath, ['scripts/bench/segment.js', ...(smoke ? ['--smoke'] : [])], { cwd: root, stdio: 'inherit' });
  if (section.status !== 0) process.exitCode = 1;
}

if (coldStart) {
  const cold = spawnSync(process.execPath, ['scripts/bench/cold_start.js', ...(smoke ? ['--smoke'] : [])], { cwd: root, stdio: 'inherit' });
  if (cold.status !== 0) process.exitCode = 1;
}
