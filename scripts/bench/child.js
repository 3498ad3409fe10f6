// Runs one benchmark case on one runtime, in its own process (so thread settings, which every
// runtime fixes at load time, and peak memory are its own). Prints one JSON line.
// Usage: node scripts/bench/child.js <poolkit|ort|tfjs> <threads> <case index> <output file> [--smoke]
import { writeFileSync } from 'node:fs';
import { CASES } from './cases.js';
import { readWeights, seededInput } from './inputs.js';
import { RUNTIMES } from './runtimes.js';

const [runtimeName, threadArg, caseArg, outFile, mode] = process.argv.slice(2);
const smoke = mode === '--smoke';
const benchCase = { ...CASES[Number(caseArg)] };
if (smoke) Object.assign(benchCase, { input: benchCase.smoke, runs: 1, warmup: 1 });
const threads = Number(threadArg);
const modelDir = new URL('../../build/bench/', import.meta.url).pathname;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const input = seededInput(benchCase.input);
const weights = benchCase.weights ? readWeights(`${modelDir}${benchCase.weights.name}.safetensors`) : null;
const runtime = await RUNTIMES[runtimeName]({ threads, benchCase, input, weights, modelDir });
if (!runtime) {
  console.log(JSON.stringify({ unsupported: true }));
  process.exit(0);
}

const runs = benchCase.runs ?? 9;
let output = await runtime.run();
const warmup = benchCase.warmup ?? (runs > 3 ? 2 : 1);
for (let i = 0; i < warmup; i++) output = await runtime.run();
const times = [];
for (let i = 0; i < runs; i++) {
  const start = performance.now();
  output = await runtime.run();
  times.push(performance.now() - start);
}
const nchw = runtime.toNCHW ? runtime.toNCHW(output) : output;
writeFileSync(outFile, Buffer.from(nchw.buffer, nchw.byteOffset, nchw.byteLength));
console.log(
  JSON.stringify({
    medianMs: median(times),
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    wasmHeapMB: runtime.wasmHeapBytes ? runtime.wasmHeapBytes() / 2 ** 20 : null,
    threads: runtime.threads ?? threads,
  }),
);
