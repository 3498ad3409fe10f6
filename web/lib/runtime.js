// Loads the wasm module once. Every op reaches it through wasm(), which fails clearly when
// ready() has not finished.
import createPoolkitModule from './poolkit_wasm.js';

let loading = null;
let instance = null;

async function fetchWasmBytes(url) {
  if (url.protocol === 'file:' && typeof process === 'object' && process.versions?.node) {
    // Node's fetch() cannot read file: URLs. The specifier is a variable so that bundlers
    // leave this Node-only import out of browser builds.
    const fsModule = 'node:fs/promises';
    const { readFile } = await import(/* @vite-ignore */ fsModule);
    return readFile(url);
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`fetching ${url} answered HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

async function load({ wasmUrl, wasmBinary } = {}) {
  const bytes =
    wasmBinary ?? (await fetchWasmBytes(new URL(wasmUrl ?? './poolkit_wasm.wasm', import.meta.url)));
  // Handing Emscripten the bytes keeps its own loader (which differs between browsers and Node,
  // and between Emscripten versions) out of the way.
  return createPoolkitModule({ wasmBinary: bytes });
}

/**
 * Loads the wasm module. Idempotent: every call returns the same promise, and a failure is
 * sticky (later calls reject with the same error). Options apply to the first call only.
 */
export function ready(options) {
  if (!loading) {
    loading = load(options).then(
      (module) => {
        instance = module;
      },
      (cause) => {
        throw new Error(`poolkit: the wasm module failed to load: ${cause?.message ?? cause}`, {
          cause,
        });
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

/** Which build is running: {simd, threads}. */
export function runtimeInfo() {
  wasm();
  return { simd: true, threads: 1 };
}

/** What malloc currently holds in the wasm heap, and the heap's size (which never shrinks). */
export function memoryStats() {
  const module = wasm();
  return { allocatedBytes: module.allocatedBytes(), heapBytes: module.HEAPU8.length };
}
