// One cold start per call: the time from right before the library's import() to the seed
// article's maxPool2d (4x4 input 1..16, kernel 2) read back into JavaScript, with the result and
// what the runtime chose to load. The same code runs in a fresh Node process
// (cold_start_node_child.js) and in a fresh page (cold_start_page.js).
import { maxPoolModel } from './cold_start_model.js';
import { loadOrt, loadTfjs, ORT_SESSION_OPTIONS } from './loaders.js';

export const COLD_CONFIGS = [
  { label: 'poolkit ready()', runtime: 'poolkit' },
  { label: 'poolkit ready({threads: 1})', runtime: 'poolkit', threads: 1 },
  { label: 'onnxruntime-web (default threads)', runtime: 'ort' },
  { label: 'onnxruntime-web numThreads = 1', runtime: 'ort', threads: 1 },
  { label: 'TensorFlow.js wasm', runtime: 'tfjs' },
];

export const SEED_SHAPE = [1, 1, 4, 4];
export const EXPECTED = { shape: [1, 1, 2, 2], values: [6, 8, 14, 16] };
const seedInput = () => Float32Array.from({ length: 16 }, (_, i) => i + 1);

const COLD_START = {
  async poolkit({ threads }, { poolkitUrl }) {
    const input = seedInput();
    const start = performance.now();
    const poolkit = await import(poolkitUrl);
    await (threads === undefined ? poolkit.ready() : poolkit.ready({ threads }));
    const y = poolkit.functional.maxPool2d(poolkit.tensor(input, SEED_SHAPE), { kernelSize: 2 });
    const values = y.data;
    const ms = performance.now() - start;
    return { ms, values, shape: y.shape, loaded: poolkit.runtimeInfo() };
  },

  async ort({ threads }) {
    const input = seedInput();
    const model = maxPoolModel(); // what an application would have fetched
    const start = performance.now();
    const ort = await loadOrt(threads);
    const session = await ort.InferenceSession.create(model, ORT_SESSION_OPTIONS);
    const { y } = await session.run({ x: new ort.Tensor('float32', input, SEED_SHAPE) });
    const values = y.data;
    const ms = performance.now() - start;
    return { ms, values, shape: y.dims, loaded: { numThreads: ort.env.wasm.numThreads } };
  },

  // NHWC, as TensorFlow.js pools; with one channel the values are in NCHW's order too.
  async tfjs({ threads }, { tfjsWasmPaths }) {
    const input = seedInput();
    const start = performance.now();
    const { tf, backend } = await loadTfjs(threads, tfjsWasmPaths);
    const y = tf.maxPool(tf.tensor4d(input, [1, 4, 4, 1]), 2, 2, 'valid');
    const values = await y.data();
    const ms = performance.now() - start;
    const [n, h, w, c] = y.shape;
    return { ms, values, shape: [n, c, h, w], loaded: { backend: tf.getBackend(), threads: backend.getThreadsCount() } };
  },
};

/**
 * Runs the configuration labelled `label` once; resolves to {ms, values, shape, loaded} (plain
 * data, so it crosses from a page or a child process as JSON). `where` gives poolkit's module
 * URL and, in a page, where TensorFlow.js's wasm files are served.
 */
export async function coldStart(label, where) {
  const config = COLD_CONFIGS.find((c) => c.label === label);
  if (!config) throw new Error(`cold start: no configuration ${label}`);
  const result = await COLD_START[config.runtime](config, where);
  return { ...result, values: Array.from(result.values), shape: Array.from(result.shape) };
}
