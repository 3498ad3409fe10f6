// The threaded build: a pthread pool over a SharedArrayBuffer. The module resolves before its
// pool workers have loaded (Emscripten's PTHREAD_POOL_DELAY_LOAD); the pool starts when every
// worker has reported in, so ops run on one thread until then instead of waiting for it.
import { importNodeOnly, inNode } from './wasm_files.js';

// The Node glue is CommonJS in a folder of its own; named through a variable so that bundlers
// neither ship nor resolve it.
const NODE_GLUE = './node/poolkit_wasm_threads.js';

const asModuleUrl = (source) => URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));

async function browserFactory(options) {
  const { glueSource, workerSource } = await import('./threads_glue.js');
  // blob: URLs are same-origin wherever poolkit itself was loaded from, and a bundler cannot
  // move them. They live as long as the page: each pool worker imports the glue again.
  const glueUrl = asModuleUrl(glueSource);
  const workerUrl = asModuleUrl(workerSource);
  options.locateFile = (path) => (path.endsWith('.worker.js') ? workerUrl : path);
  options.mainScriptUrlOrBlob = glueUrl;
  return (await import(/* webpackIgnore: true */ /* @vite-ignore */ glueUrl)).default;
}

// require(), not import(): importing CommonJS from ESM first scans the 81 KB glue for its
// export names, about 20 ms of a 60 ms start.
async function nodeFactory() {
  const { createRequire } = await importNodeOnly('node:module');
  return createRequire(import.meta.url)(NODE_GLUE);
}

function onLoaded(worker, callback) {
  const listener = (event) => {
    // Browsers deliver MessageEvents, Node's worker_threads the data itself.
    const data = inNode ? event : event.data;
    if (data?.cmd === 'loaded') callback();
  };
  if (inNode) worker.on('message', listener);
  else worker.addEventListener('message', listener);
}

const TICK_MS = 100;

// Resolves when every pool worker has loaded the module, rejects after `timeout` ms of an
// event loop free to hear from them.
function poolLoaded(workers, timeout) {
  return new Promise((resolve, reject) => {
    let waiting = workers.filter((worker) => !worker.loaded).length;
    if (waiting === 0) {
      resolve();
      return;
    }
    // The workers' "loaded" messages reach this thread only while its event loop is free: a
    // program that runs a long synchronous op right after ready() must not make a healthy pool
    // look dead. So the wait is counted in ticks, each worth at most twice its period.
    let waited = 0;
    let last = performance.now();
    let timer;
    const tick = () => {
      const now = performance.now();
      waited += Math.min(now - last, 2 * TICK_MS);
      last = now;
      if (waited >= timeout) {
        reject(new Error(`the thread pool did not start within ${timeout} ms`));
        return;
      }
      timer = setTimeout(tick, TICK_MS);
      timer.unref?.();
    };
    timer = setTimeout(tick, Math.min(TICK_MS, timeout));
    timer.unref?.();
    for (const worker of workers) {
      if (worker.loaded) continue;
      worker.addEventListener?.('error', (event) => {
        clearTimeout(timer);
        reject(new Error(`a thread pool worker failed to start: ${event.message ?? 'blocked or failed to load'}`));
      });
      onLoaded(worker, () => {
        if (--waiting === 0) {
          clearTimeout(timer);
          resolve();
        }
      });
    }
  });
}

/**
 * Instantiates the threaded build with a pool for `threads` threads (the caller's included)
 * from `wasmBinary` (bytes, or a promise of them). `waitForPool`: the caller awaits `pool`.
 * Resolves to {module, pool}: `pool` resolves once the threads run (ops use them from then on)
 * and rejects, with its workers stopped, if they do not start within `loadTimeout` ms.
 */
export async function createThreadedModule({ threads, wasmBinary, loadTimeout, waitForPool }) {
  const options = { poolThreads: threads - 1 };
  // The glue and the .wasm arrive in parallel; `wasmBinary` may be a promise.
  const [factory, bytes] = await Promise.all([inNode ? nodeFactory() : browserFactory(options), wasmBinary]);
  options.wasmBinary = bytes;
  let aborted = null;
  options.onAbort = (what) => {
    aborted = what;
  };
  // A failed load is reported through runtimeInfo().fallbackReason, not printed by the glue.
  let started = false;
  options.printErr = (text) => started && console.error(text);
  // MODULARIZE makes `options` the module object, so a failed load's workers can be stopped.
  const stopWorkers = () => options.PThread?.terminateAllThreads();
  let module;
  try {
    module = await factory(options);
    if (aborted) throw new Error(String(aborted));
  } catch (error) {
    stopWorkers();
    throw error;
  }
  started = true;
  const workers = [...module.PThread.unusedWorkers];
  // Node would otherwise wait for the pool's workers before exiting; while ready() waits for
  // them, they are what keeps the process alive.
  const letNodeExit = () => inNode && workers.forEach((worker) => worker.unref());
  if (!waitForPool) letNodeExit();
  const pool = poolLoaded(workers, loadTimeout).then(
    () => {
      module.startThreads(threads);
      letNodeExit();
    },
    (error) => {
      stopWorkers();
      throw error;
    },
  );
  return { module, pool };
}
