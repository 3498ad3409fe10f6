// Times poolkit's public API on the benchmark inputs (median after warm-up). Run with
// `npm run bench`. Peers (onnxruntime-web, TensorFlow.js) join this table in a later step.
import * as poolkit from '../dist/index.js';

const { functional: F } = poolkit;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const disposeAll = (out) => (Array.isArray(out) ? out : [out]).forEach((t) => t.dispose());

function time(run, { warmup = 2, runs = 9 } = {}) {
  for (let i = 0; i < warmup; i++) disposeAll(run());
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const out = run();
    times.push(performance.now() - start);
    disposeAll(out);
  }
  return median(times);
}

function randomTensor(shape, seed = 1) {
  let s = seed;
  const data = new Float32Array(shape.reduce((a, b) => a * b, 1));
  for (let i = 0; i < data.length; i++) {
    s = (s * 1664525 + 1013904223) >>> 0;
    data[i] = s / 2 ** 31 - 1;
  }
  return poolkit.tensor(data, shape);
}

const cases = [
  ['maxPool2d k2 s2', [1, 64, 568, 568], (x) => F.maxPool2d(x, { kernelSize: 2, stride: 2 })],
  ['maxPool2d k3 s2 p1', [1, 64, 112, 112], (x) => F.maxPool2d(x, { kernelSize: 3, stride: 2, padding: 1 })],
  [
    'maxPool2d k3 s2 p1 +indices',
    [1, 64, 112, 112],
    (x) => F.maxPool2d(x, { kernelSize: 3, stride: 2, padding: 1, returnIndices: true }),
  ],
];

await poolkit.ready();
console.log(`poolkit ${process.version} ${process.arch}`);
console.log('op'.padEnd(32), 'input'.padEnd(18), 'median ms'.padStart(10));
for (const [name, shape, run] of cases) {
  const x = randomTensor(shape);
  console.log(name.padEnd(32), shape.join('x').padEnd(18), time(() => run(x)).toFixed(2).padStart(10));
  x.dispose();
}
