// How the benchmarks load the peers, shared by the steady-state benchmark (runtimes.js, in Node)
// and the cold-start one (in Node and in pages). The bare specifiers resolve through node_modules
// in Node and through the page's import map in Chromium.

export const ORT_SESSION_OPTIONS = { executionProviders: ['wasm'], graphOptimizationLevel: 'all' };

/** onnxruntime-web, with `threads` threads or, when undefined, its own default. */
export async function loadOrt(threads) {
  const ort = await import('onnxruntime-web');
  if (threads !== undefined) ort.env.wasm.numThreads = threads;
  return ort;
}

/**
 * TensorFlow.js on its wasm backend, ready: {tf, backend}. `threads` undefined keeps the
 * backend's default; `wasmPaths` says where its .wasm files are served (a page needs it).
 */
export async function loadTfjs(threads, wasmPaths) {
  const [tf, backend] = await Promise.all([import('@tensorflow/tfjs-core'), import('@tensorflow/tfjs-backend-wasm')]);
  if (threads !== undefined) backend.setThreadsCount(threads);
  if (wasmPaths) backend.setWasmPaths(wasmPaths);
  await tf.setBackend('wasm');
  await tf.ready();
  return { tf, backend };
}
