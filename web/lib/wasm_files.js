// Where each build's .wasm comes from, and fetching it with errors that say what to do.
// The two builds are different binaries (the threaded one imports shared memory), so every
// option names its build: {single, threads}.

export const BUILDS = ['single', 'threads'];
const FILE_NAMES = { single: 'poolkit_wasm.wasm', threads: 'poolkit_wasm_threads.wasm' };

export const inNode = typeof process === 'object' && !!process.versions?.node;

// Node-only modules and files are imported through a variable, with the bundlers' opt-out
// comments, so that browser bundles neither contain them nor warn about them.
export const importNodeOnly = (specifier) => import(/* webpackIgnore: true */ /* @vite-ignore */ specifier);

// Written as literal new URL('./file', import.meta.url) so that bundlers (Vite, webpack) ship
// the .wasm files and rewrite these addresses.
function packagedLocation(build) {
  return build === 'threads'
    ? new URL('./poolkit_wasm_threads.wasm', import.meta.url)
    : new URL('./poolkit_wasm.wasm', import.meta.url);
}

async function baseForRelativePaths() {
  if (globalThis.location?.href) return globalThis.location.href;
  const { pathToFileURL } = await importNodeOnly('node:url');
  return pathToFileURL(`${process.cwd()}/`).href;
}

function isBytes(value) {
  return value instanceof ArrayBuffer || ArrayBuffer.isView(value);
}

function isUrlLike(value) {
  return typeof value === 'string' || value instanceof URL;
}

function checkPerBuild(name, value, isValue, valueRule) {
  const keys = Object.keys(value);
  const unknown = keys.find((key) => !BUILDS.includes(key));
  if (unknown) throw new Error(`ready: ${name} has an unknown build ${unknown}; the builds are single and threads`);
  for (const key of keys) {
    if (!isValue(value[key])) throw new Error(`ready: ${name}.${key} must be ${valueRule}`);
  }
}

/** Checks ready()'s {wasmPaths, wasmBinary}; throws an Error naming the option and the rule. */
export function checkWasmOptions({ wasmPaths, wasmBinary }) {
  if (wasmPaths !== undefined && !isUrlLike(wasmPaths)) {
    if (wasmPaths === null || typeof wasmPaths !== 'object' || Array.isArray(wasmPaths)) {
      throw new Error('ready: wasmPaths must be a folder URL (string or URL) or {single, threads}, one URL per build');
    }
    checkPerBuild('wasmPaths', wasmPaths, isUrlLike, 'a URL (string or URL) of that build\'s .wasm file');
  }
  if (wasmBinary !== undefined) {
    if (isBytes(wasmBinary)) {
      throw new Error('ready: wasmBinary must say which build the bytes are, {single: bytes} or {threads: bytes}: the two .wasm files are not interchangeable');
    }
    if (wasmBinary === null || typeof wasmBinary !== 'object' || Array.isArray(wasmBinary)) {
      throw new Error('ready: wasmBinary must be {single, threads}, the bytes of each build\'s .wasm file');
    }
    checkPerBuild('wasmBinary', wasmBinary, isBytes, 'an ArrayBuffer or a typed array');
  }
}

/** The URL of one build's .wasm: from wasmPaths (a folder, or one URL per build), else packaged. */
export async function wasmLocation(build, wasmPaths) {
  if (wasmPaths === undefined) return packagedLocation(build);
  if (isUrlLike(wasmPaths)) {
    const folder = String(wasmPaths).endsWith('/') ? String(wasmPaths) : `${wasmPaths}/`;
    return new URL(FILE_NAMES[build], new URL(folder, await baseForRelativePaths()));
  }
  if (wasmPaths[build] === undefined) return packagedLocation(build);
  return new URL(String(wasmPaths[build]), await baseForRelativePaths());
}

const WASM_MAGIC = [0x00, 0x61, 0x73, 0x6d];
const HOW_TO_FIX = 'if your bundler did not ship it, copy node_modules/poolkit/dist/*.wasm next to your bundle or pass ready({wasmPaths})';

async function download(url) {
  if (url.protocol === 'file:' && inNode) {
    // Node's fetch() cannot read file: URLs.
    const { readFile } = await importNodeOnly('node:fs/promises');
    try {
      return { bytes: await readFile(url), type: null };
    } catch (error) {
      throw new Error(`could not read ${url.href} (${error.code ?? error.message}); ${HOW_TO_FIX}`);
    }
  }
  let response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new Error(`could not fetch ${url.href} (${error.message}); ${HOW_TO_FIX}`);
  }
  if (!response.ok) throw new Error(`fetching ${url.href} answered HTTP ${response.status}; ${HOW_TO_FIX}`);
  return { bytes: new Uint8Array(await response.arrayBuffer()), type: response.headers.get('content-type') };
}

/** One build's .wasm bytes: those given in wasmBinary, else fetched, checked to be wasm. */
export async function wasmBytes(build, { wasmPaths, wasmBinary }) {
  if (wasmBinary?.[build] !== undefined) return wasmBinary[build];
  const url = await wasmLocation(build, wasmPaths);
  const { bytes, type } = await download(url);
  // A dev server's fallback page (HTTP 200, text/html) would otherwise fail later as
  // "expected magic word 00 61 73 6d", naming no file.
  if (!WASM_MAGIC.every((byte, i) => bytes[i] === byte)) {
    const got = type ? `a ${type} response` : `${bytes.length} bytes that are not wasm`;
    throw new Error(`${url.href} is not poolkit's ${FILE_NAMES[build]} (got ${got}); ${HOW_TO_FIX}`);
  }
  return bytes;
}
