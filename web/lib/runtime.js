// Loads the wasm module once, picking the build: with threads (a pthread pool over a
// SharedArrayBuffer) in Node and in cross-origin-isolated pages, one thread otherwise. Every op
// reaches the module through wasm(), which fails clearly while ready() has not finished.
import { createThreadedModule } from './threaded_module.js';
import { checkWasmOptions, importNodeOnly, inNode, wasmBytes } from './wasm_files.js';

let loading = null;
let instance = null;
let build = null;
// Why the threaded build, or its thread pool, was given up; null when nothing was.
let fallbackReason = null;
// The threaded build's pool starts in the background: setNumThreads() before then applies once
// it has started.
let poolStarting = false;
let pendingNumThreads = null;

async function defaultThreads() {
  if (inNode) {
    const os = await importNodeOnly('node:os');
    return os.availableParallelism?.() ?? os.cpus().length;
  }
  return globalThis.navigator?.hardwareConcurrency ?? 1;
}

const READY_OPTIONS = ['threads', 'wasmPaths', 'wasmBinary', 'loadTimeout'];

function checkReadyOptions(options) {
  if (options === undefined) return {};
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new Error(`ready: options must be an object such as {threads: 1}, got ${options === null ? 'null' : typeof options}`);
  }
  if (Object.hasOwn(options, 'wasmUrl')) {
    throw new Error('ready: wasmUrl was replaced by wasmPaths: a folder URL holding both .wasm files, or {single, threads} with one URL per build');
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
  checkWasmOptions(options);
  return options;
}

function startedPool(module, pool) {
  poolStarting = true;
  pendingNumThreads = null;
  return pool
    .then(() => {
      if (pendingNumThreads !== null) module.setNumThreads(pendingNumThreads);
    })
    .finally(() => {
      poolStarting = false;
      pendingNumThreads = null;
    });
}

async function loadThreaded(threads, options, waitForPool) {
  const { module, pool } = await createThreadedModule({
    threads,
    wasmBinary: wasmBytes('threads', options),
    loadTimeout: options.loadTimeout ?? 10000,
    waitForPool,
  });
  const running = startedPool(module, pool);
  if (waitForPool) {
    await running;
  } else {
    // The module already runs ops on one thread; a pool that never starts leaves it so.
    running.catch((error) => {
      fallbackReason = error.message;
    });
  }
  return module;
}

// The smallest module with a SIMD instruction (i8x16.splat of i32.const 0, as
// wasm-feature-detect checks): without SIMD, both builds would fail as an opaque CompileError.
const SIMD_PROBE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11]);

async function load(options) {
  fallbackReason = null;
  if (!WebAssembly.validate(SIMD_PROBE)) {
    throw new Error('this JavaScript engine lacks WebAssembly SIMD, which poolkit needs (Chrome and Edge 91+, Firefox 89+, Safari 16.4+, Node 16.4+)');
  }
  const wanted = Math.min(options.threads ?? (await defaultThreads()), 16);
  const canThread = inNode || globalThis.crossOriginIsolated === true;
  if (wanted > 1 && canThread) {
    try {
      // Asked for by number, the threads are waited for; by default the pool starts in the
      // background, so the first result does not wait for thread startup.
      const module = await loadThreaded(wanted, options, options.threads !== undefined);
      build = 'threads';
      return module;
    } catch (cause) {
      fallbackReason = cause?.message ?? String(cause);
    }
  }
  build = 'single';
  const [{ default: createSingleThreaded }, wasmBinary] = await Promise.all([
    import('./poolkit_wasm.js'),
    wasmBytes('single', options),
  ]);
  return createSingleThreaded({ wasmBinary });
}

/**
 * Loads the wasm module. Once it has loaded every call returns the same promise; a failed load
 * is not remembered, so a later call tries again, and bad options reject only that call.
 * Options take effect on the load that succeeds: {threads} (default: the machine's cores,
 * started in the background; a number is waited for; 1 picks the single-threaded build),
 * {wasmPaths} (a folder URL, or {single, threads}) or {wasmBinary} ({single, threads}: bytes)
 * for where the .wasm files are, and {loadTimeout} (ms, default 10000) after which a thread
 * pool that has not started is given up (runtimeInfo().fallbackReason says why).
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
  const module = wasm();
  if (poolStarting) pendingNumThreads = threads;
  module.setNumThreads(threads);
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
