// Times the seed UNet (3 levels, base width 64, 7.7M parameters) forward pass at 252x252 and
// 572x572, and reports the peak wasm heap of the 572x572 pass: `npm run bench:unet [-- threads]`
// (default 1 thread). Weights are seeded, not trained: speed does not depend on their values.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import * as poolkit from '../dist/index.js';
import { encodeSafetensors } from '../js-tests/helpers/safetensors.js';
import { seededTensors, Xorshift32 } from '../js-tests/helpers/seeded_weights.js';

const RUNS = { 252: 5, 572: 3 };
const MB = 2 ** 20;

// Multiply-adds of the three-level, base-64 seed UNet on an S x S input (ReLU and pooling
// are not counted): 295 GFLOP at 572, 42 at 252.
function gflop(size, base = 64, levels = 3) {
  const widths = Array.from({ length: levels + 1 }, (_, i) => base << i);
  let s = size;
  let c = 1;
  let macs = 0;
  const block = (out) => {
    macs += out * c * 9 * (s - 2) ** 2 + out * out * 9 * (s - 4) ** 2;
    s -= 4;
    c = out;
  };
  for (let i = 0; i < levels; i++) {
    block(widths[i]);
    s /= 2;
  }
  block(widths[levels]);
  for (let i = levels - 1; i >= 0; i--) {
    macs += c * widths[i] * 4 * s * s;
    s *= 2;
    c = widths[i] * 2;
    block(widths[i]);
  }
  macs += 2 * c * s * s;
  return (2 * macs) / 1e9;
}

function seconds(f) {
  const start = performance.now();
  const result = f();
  return [(performance.now() - start) / 1000, result];
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const threads = Number(process.argv[2] ?? 1);
await poolkit.ready({ threads });
const { layout, seeded_weights: seeded } = JSON.parse(
  readFileSync(new URL('../js-tests/fixtures/unet.json', import.meta.url), 'utf8'),
).cases.find((c) => c.seeded_weights);
const file = encodeSafetensors(seededTensors(layout, seeded.seed));
const loadStart = performance.now();
const net = await poolkit.UNet.fromSafetensors(file);
const loadMs = performance.now() - loadStart;

console.log(`poolkit ${JSON.parse(readFileSync(new URL('../package.json', import.meta.url))).version}: seed UNet (3 levels, base 64), ${poolkit.getNumThreads()} thread(s), ${poolkit.runtimeInfo().build} build`);
console.log(`machine: ${os.cpus()[0].model}, ${os.cpus().length} cores, Node ${process.version}`);
console.log(`load (parse ${(file.length / MB).toFixed(1)} MB of safetensors, pack the weights): ${loadMs.toFixed(0)} ms`);
console.log('');
console.log('input     output    runs  median s  best s   GFLOP  GFLOP/s (median, best)');
let failed = false;
for (const size of [252, 572]) {
  const rng = new Xorshift32(size);
  const x = poolkit.tensor(new Float32Array(size * size).map(() => rng.uniform(1)), [1, 1, size, size]);
  const times = [];
  let shape;
  for (let run = 0; run < RUNS[size]; run++) {
    const [t, out] = seconds(() => net.forward(x));
    shape = out.shape;
    out.dispose();
    times.push(t);
  }
  const work = gflop(size);
  const [m, best] = [median(times), Math.min(...times)];
  console.log(
    `${`${size}x${size}`.padEnd(10)}${`${shape[2]}x${shape[3]}`.padEnd(10)}${String(RUNS[size]).padEnd(6)}` +
      `${m.toFixed(2).padStart(8)}${best.toFixed(2).padStart(8)}${work.toFixed(1).padStart(8)}` +
      `${(work / m).toFixed(1).padStart(9)}, ${(work / best).toFixed(1)}`,
  );
  if (size === 572 && shape.join('x') !== '1x2x484x484') {
    console.error(`572x572 gave an output of shape ${shape.join('x')}, expected 1x2x484x484`);
    failed = true;
  }
  x.dispose();
}
const { heapBytes, allocatedBytes } = poolkit.memoryStats();
console.log('');
console.log(`peak wasm heap (the heap only grows; the 572x572 pass is the largest): ${(heapBytes / MB).toFixed(0)} MB`);
console.log(`in use after the passes (packed weights): ${(allocatedBytes / MB).toFixed(1)} MB`);
net.dispose();
process.exit(failed ? 1 : 0);
