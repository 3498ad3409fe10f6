// One adapter per runtime: load it, prepare a case, and return {run} where run() computes the
// case and resolves to its output as a Float32Array readable from JavaScript. The same code runs
// in a Node child process (child.js) and in a page (browser_page.js): what differs comes in as
// arguments (the ONNX model's bytes, poolkit's module URL, TensorFlow.js's wasm folder).
import { loadOrt, loadTfjs, ORT_SESSION_OPTIONS } from './loaders.js';
import { tfjsUNet } from './tfjs_unet.js';

const mapValues = (object, fn) => Object.fromEntries(Object.entries(object).map(([k, v]) => [k, fn(v)]));

async function poolkitRuntime({ threads, benchCase, input, weights, poolkitUrl = '../../dist/index.js' }) {
  const poolkit = await import(poolkitUrl);
  await poolkit.ready({ threads });
  let forward;
  if (benchCase.unet) {
    if (!poolkit.UNet) return null;
    const net = await poolkit.UNet.fromSafetensors(weights.bytes); // the file as read, no copy
    forward = (x) => net.forward(x);
  } else {
    const w = weights && mapValues(weights.tensors, (t) => poolkit.tensor(t.data, t.shape));
    forward = benchCase.poolkit(poolkit, w);
  }
  const x = poolkit.tensor(input, benchCase.input);
  try {
    forward(x).dispose();
  } catch (error) {
    if (error instanceof TypeError) return null; // the op does not exist in this build yet
    throw error;
  }
  const runtime = {
    lastComputeMs: null,
    run() {
      const start = performance.now();
      const y = forward(x);
      runtime.lastComputeMs = performance.now() - start;
      const data = y.data;
      y.dispose();
      return data;
    },
    wasmHeapBytes: () => poolkit.memoryStats().heapBytes,
    threads: poolkit.getNumThreads(),
  };
  return runtime;
}

async function ortRuntime({ threads, benchCase, input, onnxModel }) {
  const ort = await loadOrt(threads);
  const session = await ort.InferenceSession.create(onnxModel, ORT_SESSION_OPTIONS);
  const x = new ort.Tensor('float32', input, benchCase.input);
  return { run: async () => (await session.run({ x })).y.data, threads: ort.env.wasm.numThreads };
}

// NCHW <-> NHWC (and the 5D forms), outside the timed region.
const toChannelsLast = (rank) => (rank === 5 ? [0, 2, 3, 4, 1] : [0, 2, 3, 1]);

function channelsLastToFirst(data, shape) {
  const [n, ...rest] = shape;
  const c = rest.pop();
  const spatial = rest.reduce((a, b) => a * b, 1);
  const out = new Float32Array(data.length);
  for (let b = 0; b < n; b++)
    for (let s = 0; s < spatial; s++)
      for (let k = 0; k < c; k++) out[(b * c + k) * spatial + s] = data[(b * spatial + s) * c + k];
  return out;
}

async function tfjsRuntime({ threads, benchCase, input, weights, tfjsWasmPaths }) {
  const { tf, backend } = await loadTfjs(threads, tfjsWasmPaths);
  const w = weights && mapValues(weights.tensors, (t) => tf.tensor(t.data, t.shape));
  const forward = benchCase.unet ? tfjsUNet(tf, w) : benchCase.tfjs(tf, w);
  const x = tf.transpose(tf.tensor(input, benchCase.input), toChannelsLast(benchCase.input.length));
  let outShape;
  const runtime = {
    lastComputeMs: null,
    async run() {
      const start = performance.now();
      const y = tf.tidy(() => forward(x)); // the wasm backend computes here, synchronously
      runtime.lastComputeMs = performance.now() - start;
      outShape = y.shape;
      const data = await y.data();
      y.dispose();
      return data;
    },
    toNCHW: (data) => channelsLastToFirst(data, outShape),
    threads: backend.getThreadsCount(),
  };
  return runtime;
}

export const RUNTIMES = { poolkit: poolkitRuntime, ort: ortRuntime, tfjs: tfjsRuntime };
