// Runs one segment case on one runtime, in its own process (threads are fixed at load time, and
// the peak memory is its own): a one-tile warm-up, then `runs` timed segments of the whole
// image, each ending with the logits readable from JavaScript. Writes the last output to
// <output file> for the agreement check and prints one JSON line.
// Usage: node scripts/bench/segment_child.js <poolkit|ort> <threads> <case index> <output file> [--smoke]
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MODEL_DIR } from './bench_files.js';
import { median } from './measure.js';
import { SEGMENT_CASES, modelShape, seededImage, sized, tilePlan } from './segment_cases.js';
import { SEGMENT_RUNTIMES } from './segment_runtimes.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const [runtimeName, threadArg, caseArg, outFile, mode] = process.argv.slice(2);
const benchCase = sized(SEGMENT_CASES[Number(caseArg)], mode === '--smoke');
const modelBytes = readFileSync(join(root, benchCase.weights));
const model = modelShape(modelBytes);
const plan = tilePlan(model, benchCase.tileSize);
const imageSize = benchCase.image;
const image = seededImage(model.inChannels, imageSize);
const onnxModel = runtimeName === 'ort' ? readFileSync(join(MODEL_DIR, `${benchCase.onnx}.onnx`)) : null;

const runtime = await SEGMENT_RUNTIMES[runtimeName]({
  threads: Number(threadArg),
  modelBytes,
  model,
  image,
  imageSize,
  plan,
  tileSize: benchCase.tileSize,
  onnxModel,
});
await runtime.warmUp();
const times = [];
let output;
for (let i = 0; i < benchCase.runs; i++) {
  const start = performance.now();
  output = await runtime.run();
  times.push(performance.now() - start);
}
writeFileSync(outFile, Buffer.from(output.buffer, output.byteOffset, output.byteLength));
const medianMs = median(times);
console.log(
  JSON.stringify({
    medianMs,
    megapixelsPerSecond: (imageSize[0] * imageSize[1]) / 1e6 / (medianMs / 1000),
    times,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    threads: runtime.threads,
    classes: output.length / (imageSize[0] * imageSize[1]),
    model: { levels: model.levels, inChannels: model.inChannels, base: model.base, classes: model.classes, padding: model.padding },
    plan: { tile: plan.tile, step: plan.step, margin: plan.margin },
  }),
);
// Thread pools must not keep the process alive.
process.exit(0);
