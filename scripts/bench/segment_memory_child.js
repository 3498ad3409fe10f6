// The segment benchmark's memory case, in a fresh process: the shipped trained model segments
// one large one-channel image (8192x8192) as an application would: the image a Float32Array in
// JavaScript, copied into a poolkit tensor, `await net.segment(image)` on as many threads as
// the machine has cores (asked for by number, so the pool is waited for: by default it starts in
// the background and is given up after 10 s, which the 8192x8192 image's making can outlast),
// the [1, classes, H, W] logits left in wasm memory. Then the whole output is read back
// into a JavaScript array (checked finite), as an application that wants every logit at once
// would. Prints one JSON line: the process's peak RSS (getrusage's ru_maxrss) after the segment
// and after the read-back, and the time the segment took.
// Usage: node scripts/bench/segment_memory_child.js [--smoke]
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MEMORY_CASE, modelShape, seededImage, sized, tileCount, tilePlan } from './segment_cases.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const benchCase = sized(MEMORY_CASE, process.argv.includes('--smoke'));
const peakRssMB = () => process.resourceUsage().maxRSS / 1024; // KB on Linux

const poolkit = await import('../../dist/index.js');
await poolkit.ready({ threads: Math.min(availableParallelism(), 16) });
const modelBytes = readFileSync(join(root, benchCase.weights));
const model = modelShape(modelBytes);
const net = await poolkit.UNet.fromSafetensors(modelBytes, { padding: model.padding });
const [height, width] = benchCase.image;
const image = seededImage(model.inChannels, benchCase.image);
const x = poolkit.tensor(image, [1, model.inChannels, height, width]);

const start = performance.now();
const y = await net.segment(x, { tileSize: benchCase.tileSize });
const segmentMs = performance.now() - start;
const afterSegment = peakRssMB();
const wasmHeapMB = poolkit.memoryStats().heapBytes / 2 ** 20;

const logits = y.data;
let finite = 0;
for (let i = 0; i < logits.length; i++) if (Number.isFinite(logits[i])) finite++;
const afterReadBack = peakRssMB();

console.log(
  JSON.stringify({
    image: benchCase.image,
    shape: y.shape,
    classes: model.classes,
    threads: poolkit.getNumThreads(),
    build: poolkit.runtimeInfo().build,
    tiles: tileCount(tilePlan(model, benchCase.tileSize), benchCase.image),
    tileSize: benchCase.tileSize,
    segmentMs,
    megapixelsPerSecond: (height * width) / 1e6 / (segmentMs / 1000),
    peakRssMB: afterSegment,
    peakRssAfterReadBackMB: afterReadBack,
    wasmHeapMB,
    inputMB: image.byteLength / 2 ** 20,
    outputMB: logits.byteLength / 2 ** 20,
    allFinite: finite === logits.length,
  }),
);
process.exit(0);
