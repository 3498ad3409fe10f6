// Runs one benchmark case on one runtime, in its own process (so thread settings, which every
// runtime fixes at load time, and peak memory are its own). Prints one JSON line.
// Usage: node scripts/bench/child.js <poolkit|ort|tfjs> <threads> <case index> <output file> [--smoke]
import { readFileSync, writeFileSync } from 'node:fs';
import { CASES } from './cases.js';
import { readWeights, seededInput } from './inputs.js';
import { timeRuns } from './measure.js';
import { RUNTIMES } from './runtimes.js';

const [runtimeName, threadArg, caseArg, outFile, mode] = process.argv.slice(2);
const smoke = mode === '--smoke';
const benchCase = { ...CASES[Number(caseArg)] };
if (smoke) Object.assign(benchCase, { input: benchCase.smoke, runs: 1, warmup: 1 });
const threads = Number(threadArg);
const modelDir = new URL('../../build/bench/', import.meta.url).pathname;

const input = seededInput(benchCase.input);
const weights = benchCase.weights ? readWeights(`${modelDir}${benchCase.weights.name}.safetensors`) : null;
const onnxModel = runtimeName === 'ort' ? readFileSync(`${modelDir}${benchCase.onnx}.onnx`) : null;
const runtime = await RUNTIMES[runtimeName]({ threads, benchCase, input, weights, onnxModel });
if (!runtime) {
  console.log(JSON.stringify({ unsupported: true }));
  process.exit(0);
}

const runs = benchCase.runs ?? 9;
const warmup = benchCase.warmup ?? (runs > 3 ? 2 : 1);
const { output, medianMs } = await timeRuns(runtime, { runs, warmup });
const nchw = runtime.toNCHW ? runtime.toNCHW(output) : output;
writeFileSync(outFile, Buffer.from(nchw.buffer, nchw.byteOffset, nchw.byteLength));
console.log(
  JSON.stringify({
    medianMs,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    wasmHeapMB: runtime.wasmHeapBytes ? runtime.wasmHeapBytes() / 2 ** 20 : null,
    threads: runtime.threads ?? threads,
  }),
);
