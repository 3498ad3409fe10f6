// Loads the wasm module once, picking the build: with threads (a pthread pool over a
// SharedArrayBuffer) in Node and in cross-origin-isolated pages, one thread otherwise. Every op
// reaches the module through wasm(), which fails clearly while ready() has not finished.
import createSingleThreaded from './poolkit_wasm.js';

let loading = null;
let instance = null;
let build = null;

const inNode = typeof process === 'object' && !!process.versions?.node;

// Node-only modules are imported through a variable, so bundlers leave them out of browser builds.
const importNodeOnly = (specifier) => import(/* @vite-ignore */ specifier);

async function fetchBytes(url) {
  if (url.protocol === 'file:' && inNode) {
    // Node's fetch() cannot read file: URLs.
    const { readFile } = await importNodeOnly('node:fs/promises');
    return readFile(url);
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`fetching ${url} answered HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

// Written as literal new URL('./file', import.meta.url) so that bundlers (Vite, webpack) see the
// .wasm files, ship them and rewrite these addresses.
function wasmLocation(wasmUrl, build) {
  if (wasmUrl) return new URL(wasmUrl, import.meta.url);
  return build === 'threads'
    ? new URL('./poolkit_wasm_threads.wasm', import.meta.url)
    : new URL('./poolkit_wasm.wasm', import.meta.url);
}

async function defaultThreads() {
  if (inNode) {
    const os = await importNodeOnly('node:os');
    return os.availableParallelism?.() ?? os.cpus().length;
  }
  return globalThis.navigator?.hardwareConcurrency ?? 1;
}

function checkThreads(threads) {
  if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1)) {
    throw new Error(`ready: threads must be a positive integer, got ${threads}`);
  }
}

async function loadThreaded(threads, { wasmUrl, wasmBinary }) {
  const options = { poolThreads: threads - 1 };
  let factory;
  if (inNode) {
    factory = (await importNodeOnly(new URL('./node/poolkit_wasm_threads.js', import.meta.url).href)).default;
  } else {
    factory = (await import('./poolkit_wasm_threads.js')).default;
    // Named here so that bundlers ship the pthread worker script next to the module.
    const workerUrl = new URL('./poolkit_wasm_threads.worker.js', import.meta.url).href;
    options.locateFile = (path) => (path.endsWith('.worker.js') ? workerUrl : path);
    // What each pthread worker imports to run the module; bundlers move the glue, so say where.
    options.mainScriptUrlOrBlob = new URL('./poolkit_wasm_threads.js', import.meta.url).href;
  }
  // The browser and Node glue differ; the wasm they load is one and the same file.
  options.wasmBinary = wasmBinary ?? (await fetchBytes(wasmLocation(wasmUrl, 'threads')));
  const module = await factory(options);
  module.startThreads(threads);
  // Node would otherwise wait for the pool's workers before exiting.
  if (inNode) [...module.PThread.unusedWorkers, ...module.PThread.runningWorkers].forEach((w) => w.unref());
  return module;
}

async function load(options = {}) {
  checkThreads(options.threads);
  const wanted = Math.min(options.threads ?? (await defaultThreads()), 16);
  const canThread = inNode || globalThis.crossOriginIsolated === true;
  if (wanted > 1 && canThread) {
    build = 'threads';
    return loadThreaded(wanted, options);
  }
  build = 'single';
  const wasmBinary = options.wasmBinary ?? (await fetchBytes(wasmLocation(options.wasmUrl, 'single')));
  return createSingleThreaded({ wasmBinary });
}

/**
 * Loads the wasm module. Idempotent: every call returns the same promise, and a failure is
 * sticky (later calls reject with the same error). Options apply to the first call only:
 * {threads} (default: the machine's cores; 1 picks the single-threaded build), {wasmUrl} or
 * {wasmBinary} for where the .wasm is.
 */
export function ready(options) {
  if (!loading) {
    loading = load(options).then(
      (module) => {
        instance = module;
      },
      (cause) => {
        throw new Error(`poolkit: the wasm module failed to load: ${cause?.message ?? cause}`, { cause });
      },
    );
  }
  return loading;
}

export function wasm() {
  if (!instance) {
    throw new Error('poolkit is not ready: await poolkit.ready() before making tensors or running ops');
  }
  return instance;
}

/** Which build is running: {simd, threads (in use now), build: 'threads' | 'single'}. */
export function runtimeInfo() {
  return { simd: true, threads: wasm().numThreads(), build };
}

/** torch.set_num_threads: how many threads ops use, at most what ready() started. */
export function setNumThreads(threads) {
  if (!(Number.isInteger(threads) && threads >= 1)) {
    throw new Error(`setNumThreads: threads must be a positive integer, got ${threads}`);
  }
  wasm().setNumThreads(threads);
}

/** torch.get_num_threads. */
export function getNumThreads() {
  return wasm().numThreads();
}

/** What malloc currently holds in the wasm heap, and the heap's size (which never shrinks). */
export function memoryStats() {
  const module = wasm();
  return { allocatedBytes: module.allocatedBytes(), heapBytes: module.HEAPU8.length };
}
