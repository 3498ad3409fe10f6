// Loads the wasm module once, picking the build: with threads (a pthread pool over a
// SharedArrayBuffer) in Node and in cross-origin-isolated pages, one thread otherwise. Every op
// reaches the module through wasm(), which fails clearly while ready() has not finished.
import createSingleThreaded from './poolkit_wasm.js';

let loading = null;
let instance = null;
let build = null;
// Why the threaded build did not load, when ready() fell back to the single-threaded one.
let fallbackReason = null;

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

const READY_OPTIONS = ['threads', 'wasmUrl', 'wasmBinary', 'loadTimeout'];

function checkReadyOptions(options) {
  if (options === undefined) return {};
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new Error(`ready: options must be an object such as {threads: 1}, got ${options === null ? 'null' : typeof options}`);
  }
  const unknown = Object.keys(options).find((key) => !READY_OPTIONS.includes(key));
  if (unknown) throw new Error(`ready: unknown option ${unknown}; the options are ${READY_OPTIONS.join(', ')}`);
  const { threads, loadTimeout } = options;
  if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1)) {
    throw new Error(`ready: threads must be a positive integer, got ${threads}`);
  }
  if (loadTimeout !== undefined && !(typeof loadTimeout === 'number' && loadTimeout > 0)) {
    throw new Error(`ready: loadTimeout must be a positive number of milliseconds, got ${loadTimeout}`);
  }
  return options;
}

// A pthread worker that cannot load (a missing or blocked worker script) leaves Emscripten's
// factory waiting forever; after `ms` the threaded build counts as failed.
function withTimeout(promise, ms, onTimeout) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => {
      onTimeout();
      reject(new Error(`the threaded build did not start within ${ms} ms`));
    }, ms);
    timer.unref?.();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function loadThreaded(threads, { wasmUrl, wasmBinary, loadTimeout = 10000 }) {
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
  let failed = null;
  options.onAbort = (what) => {
    failed = what;
  };
  // A failed load is reported through runtimeInfo().fallbackReason, not printed by the glue.
  let started = false;
  options.printErr = (text) => started && console.error(text);
  // MODULARIZE makes `options` the module object, so a failed load's workers can be stopped
  // (in Node they would otherwise keep the process alive).
  const stopWorkers = () => options.PThread?.terminateAllThreads();
  let module;
  try {
    module = await withTimeout(factory(options), loadTimeout, stopWorkers);
    if (failed) throw new Error(String(failed));
  } catch (error) {
    stopWorkers();
    throw error;
  }
  started = true;
  module.startThreads(threads);
  // Node would otherwise wait for the pool's workers before exiting.
  if (inNode) [...module.PThread.unusedWorkers, ...module.PThread.runningWorkers].forEach((w) => w.unref());
  return module;
}

async function load(options) {
  fallbackReason = null;
  const wanted = Math.min(options.threads ?? (await defaultThreads()), 16);
  const canThread = inNode || globalThis.crossOriginIsolated === true;
  if (wanted > 1 && canThread) {
    try {
      const module = await loadThreaded(wanted, options);
      build = 'threads';
      return module;
    } catch (cause) {
      fallbackReason = cause?.message ?? String(cause);
    }
  }
  build = 'single';
  const wasmBinary = options.wasmBinary ?? (await fetchBytes(wasmLocation(options.wasmUrl, 'single')));
  return createSingleThreaded({ wasmBinary });
}

/**
 * Loads the wasm module. Once it has loaded every call returns the same promise; a failed load
 * is not remembered, so a later call tries again, and bad options reject only that call.
 * Options take effect on the load that succeeds: {threads} (default: the machine's cores; 1
 * picks the single-threaded build), {wasmUrl} or {wasmBinary} for where the .wasm is, and
 * {loadTimeout} (ms, default 10000) after which a threaded build whose workers have not
 * started is given up for the single-threaded one (runtimeInfo().fallbackReason says why).
 */
export function ready(options) {
  let checked;
  try {
    checked = checkReadyOptions(options);
  } catch (error) {
    return Promise.reject(error);
  }
  if (!loading) {
    loading = load(checked).then(
      (module) => {
        instance = module;
      },
      (cause) => {
        loading = null;
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

/**
 * Which build is running: {simd, threads (in use now), build: 'threads' | 'single',
 * fallbackReason: why the threaded build was given up, or null}.
 */
export function runtimeInfo() {
  return { simd: true, threads: wasm().numThreads(), build, fallbackReason };
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

/**
 * @internal wasm memory for `count` elements of `elementBytes` each, sized by C++'s one checked
 * path: an Error naming `op` and the bytes when it cannot fit wasm memory or malloc fails.
 */
export function allocateElements(op, what, count, elementBytes = 4) {
  const result = wasm().allocate(count, elementBytes, op, what);
  if (result.error) throw new Error(result.error);
  return result.pointer;
}

/** What malloc currently holds in the wasm heap, and the heap's size (which never shrinks). */
export function memoryStats() {
  const module = wasm();
  return { allocatedBytes: module.allocatedBytes(), heapBytes: module.HEAPU8.length };
}
