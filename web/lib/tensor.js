// Tensors live in wasm memory, so ops never copy their inputs across the boundary. `.data` is a
// fresh JavaScript copy on every read: a cached one would be shared, and a write to it would
// show in later reads though ops still see the original values.
import { allocateElements, wasm } from './runtime.js';

const DTYPES = {
  float32: { array: Float32Array, heap: 'HEAPF32' },
  int32: { array: Int32Array, heap: 'HEAP32' },
};

// Frees the wasm memory of tensors the program dropped without calling dispose().
const finalizer = new FinalizationRegistry((pointer) => wasm().free(pointer));

// The constructor takes an address, and an address from outside could be any memory (another
// tensor's, a freed block, malloc's own): only this module holds the token that makes one.
const CONSTRUCTOR_TOKEN = Symbol('poolkit.Tensor');

// The tidy() scopes now open, innermost last: each holds the live tensors made while it is the
// innermost, to dispose them when it closes.
const scopes = [];

// What pinning and tidy() do to a tensor's private state, set by the class's static block so
// that they stay out of the public API.
let pin;
let unpin;
let moveToScope;
let address;

const FLOAT32_SOURCES = [Float32Array, Float64Array, Uint8Array, Uint8ClampedArray];

function sizeOf(shape) {
  return shape.reduce((a, b) => a * b, 1);
}

export class Tensor {
  #shape;
  #dtype;
  #pointer;
  #disposed = false;
  // Ops now running on this tensor's memory (withPinned): dispose() waits for them to finish.
  #pins = 0;
  #scope = null;

  /** @internal Use poolkit.tensor() to make a tensor. */
  constructor(token, pointer, shape, dtype) {
    if (token !== CONSTRUCTOR_TOKEN) throw new Error('Tensor: make tensors with poolkit.tensor(data, shape)');
    this.#pointer = pointer;
    this.#shape = Object.freeze([...shape]);
    this.#dtype = dtype;
    finalizer.register(this, pointer, this);
    moveToScope(this, scopes.at(-1));
  }

  static {
    pin = (tensor) => {
      tensor.#pins += 1;
    };
    unpin = (tensor) => {
      tensor.#pins -= 1;
      if (tensor.#pins === 0 && tensor.#disposed) tensor.#free();
    };
    address = (tensor, op) => {
      if (tensor.#disposed) throw new Error(`${op}: the input tensor was disposed`);
      return tensor.#pointer;
    };
    moveToScope = (tensor, scope) => {
      tensor.#scope?.delete(tensor);
      tensor.#scope = scope ?? null;
      scope?.add(tensor);
    };
  }

  get shape() {
    return this.#shape;
  }

  get dtype() {
    return this.#dtype;
  }

  numel() {
    return sizeOf(this.#shape);
  }

  dim() {
    return this.#shape.length;
  }

  /**
   * A new typed array with the tensor's values in row-major order, copied from wasm memory on
   * every read (read it once into a variable in a loop). Writing to it changes only the copy.
   */
  get data() {
    return this.#values('data');
  }

  /** The values as nested arrays, like torch.Tensor.tolist(). */
  tolist() {
    const values = Array.from(this.#values('tolist'));
    const nest = (offset, dim) => {
      if (dim === this.#shape.length) return values[offset];
      const stride = sizeOf(this.#shape.slice(dim + 1));
      return Array.from({ length: this.#shape[dim] }, (_, i) => nest(offset + i * stride, dim + 1));
    };
    return nest(0, 0);
  }

  #values(member) {
    // The freed memory is malloc's again: reading it would return another tensor's values.
    if (this.#disposed) {
      throw new Error(`Tensor.${member}: the tensor was disposed; read its values before calling dispose()`);
    }
    const { array, heap } = DTYPES[this.#dtype];
    const start = this.#pointer >>> 2;
    // new + set rather than slice(): several times faster from a SharedArrayBuffer heap.
    const values = new array(this.numel());
    values.set(wasm()[heap].subarray(start, start + values.length));
    return values;
  }

  /** Frees the tensor's wasm memory now instead of when it is garbage-collected. */
  dispose() {
    if (this.#disposed) return;
    this.#disposed = true;
    moveToScope(this, null);
    if (this.#pins === 0) this.#free();
  }

  #free() {
    if (this.#pointer === 0) return;
    finalizer.unregister(this);
    wasm().free(this.#pointer);
    this.#pointer = 0;
  }

  get isDisposed() {
    return this.#disposed;
  }

  toString() {
    return `Tensor(shape=[${this.#shape.join(', ')}], dtype=${this.#dtype})`;
  }
}

// `using t = poolkit.tensor(...)` where the runtime has explicit resource management.
if (Symbol.dispose) {
  Object.defineProperty(Tensor.prototype, Symbol.dispose, {
    value() {
      this.dispose();
    },
    writable: true,
    configurable: true,
  });
}

/** @internal The tensor's address in wasm memory, for ops; not a method, so not public. */
export function addressOf(tensor, op) {
  return address(tensor, op);
}

/** @internal Wraps memory an op allocated in wasm; the tensor owns it from now on. */
export function adoptWasmTensor(pointer, shape, dtype = 'float32') {
  return new Tensor(CONSTRUCTOR_TOKEN, pointer, shape, dtype);
}

/**
 * @internal A new tensor whose values `fill(view)` writes into a typed-array view of its wasm
 * memory. The memory is taken first (an Error naming `op` and the bytes when it cannot be), and
 * a throwing `fill` leaves nothing allocated.
 */
export function filledTensor(op, what, shape, fill, dtype = 'float32') {
  const count = sizeOf(shape);
  const pointer = allocateElements(op, what, count);
  const made = adoptWasmTensor(pointer, shape, dtype);
  try {
    // Viewed after the allocation, which may have grown (and so replaced) the heap's buffer.
    fill(new DTYPES[dtype].array(wasm().HEAPU8.buffer, pointer, count));
  } catch (error) {
    made.dispose();
    throw error;
  }
  return made;
}

/**
 * @internal Runs fn (an op that calls back into user JavaScript while it reads `tensors`) with
 * the tensors pinned: a dispose() meanwhile takes effect when fn has finished, so the op never
 * reads freed memory.
 */
export function withPinned(tensors, fn) {
  tensors.forEach(pin);
  try {
    return fn();
  } finally {
    tensors.forEach(unpin);
  }
}

// The tensors a tidy() result holds: itself, or inside arrays and objects at any depth.
function tensorsIn(value, found = new Set(), seen = new Set()) {
  if (value instanceof Tensor) {
    found.add(value);
  } else if (value !== null && typeof value === 'object' && !ArrayBuffer.isView(value) && !seen.has(value)) {
    seen.add(value);
    for (const child of Object.values(value)) tensorsIn(child, found, seen);
  }
  return found;
}

const isThenable = (value) => value !== null && typeof value?.then === 'function';

/**
 * Runs fn synchronously and disposes every tensor made meanwhile (by tensor() or any op) except
 * those fn returns (a tensor, or arrays and objects holding tensors), like tf.tidy. The kept
 * tensors belong to the enclosing tidy(), if any. When fn throws, everything is disposed.
 */
export function tidy(fn) {
  if (typeof fn !== 'function') throw new Error(`tidy: fn must be a function, got ${describe(fn)}`);
  const scope = new Set();
  scopes.push(scope);
  let kept = new Set();
  try {
    const result = fn();
    if (isThenable(result)) {
      // Its rejection would otherwise surface as unhandled, after this Error said it all.
      Promise.resolve(result).catch(() => {});
      throw new Error('tidy: fn must be synchronous, but it returned a Promise; dispose tensors yourself around an await');
    }
    kept = tensorsIn(result);
    return result;
  } finally {
    scopes.pop();
    for (const tensor of scope) {
      if (kept.has(tensor)) moveToScope(tensor, scopes.at(-1));
      else tensor.dispose();
    }
  }
}

function describe(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (ArrayBuffer.isView(value)) return `a ${value.constructor.name}`;
  return typeof value === 'object' ? `a ${value.constructor?.name ?? 'object'}` : `${typeof value} ${value}`;
}

// Safe integers only: past 2^53 a JavaScript number no longer holds the size it says (an empty
// tensor of shape [0, 2^53] could not be told from [0, 2^53 + 1]).
function checkShape(shape) {
  if (!Array.isArray(shape) || !shape.every((d) => Number.isSafeInteger(d) && d >= 0)) {
    throw new Error(
      `tensor: shape must be an array of non-negative integers up to 2^53 - 1, got ${JSON.stringify(shape)}`,
    );
  }
}

// Nested arrays, as torch.tensor takes them: the shape comes from the nesting.
function flattenNested(data) {
  const shape = [];
  for (let level = data; Array.isArray(level); level = level[0]) shape.push(level.length);
  const flat = [];
  const walk = (value, dim, path) => {
    if (dim === shape.length) {
      if (typeof value !== 'number') {
        throw new Error(`tensor: data${path} must be a number, got ${describe(value)}`);
      }
      flat.push(value);
      return;
    }
    if (!Array.isArray(value) || value.length !== shape[dim]) {
      throw new Error(
        `tensor: nested arrays must be rectangular; data${path} should be an array of length ${shape[dim]}`,
      );
    }
    value.forEach((v, i) => walk(v, dim + 1, `${path}[${i}]`));
  };
  walk(data, 0, '');
  return { values: flat, shape };
}

/**
 * Makes a tensor, copying `data` into wasm memory.
 * - tensor(Float32Array | Int32Array | number[], shape)
 * - tensor(nestedArrays) — the shape is read from the nesting, like torch.tensor.
 */
export function tensor(data, shape) {
  let values = data;
  if (shape === undefined) {
    if (!Array.isArray(data)) {
      throw new Error(`tensor: without a shape, data must be (nested) arrays, got ${describe(data)}`);
    }
    ({ values, shape } = flattenNested(data));
  }
  checkShape(shape);
  let dtype;
  if (values instanceof Int32Array) {
    dtype = 'int32';
  } else if (FLOAT32_SOURCES.some((type) => values instanceof type)) {
    // Converted as typed-array copies convert: doubles rounded to float32, bytes as 0..255
    // (ImageData.data is a Uint8ClampedArray).
    dtype = 'float32';
  } else if (Array.isArray(values)) {
    dtype = 'float32';
    const bad = values.findIndex((v) => typeof v !== 'number');
    if (bad >= 0) throw new Error(`tensor: data[${bad}] must be a number, got ${describe(values[bad])}`);
  } else {
    throw new Error(`tensor: data must be a Float32Array, Float64Array, Uint8Array, Uint8ClampedArray, Int32Array or an array of numbers, got ${describe(data)}`);
  }
  const count = sizeOf(shape);
  if (values.length !== count) {
    throw new Error(
      `tensor: data has ${values.length} elements but shape [${shape.join(', ')}] needs ${count}`,
    );
  }
  return filledTensor('tensor', 'data', shape, (view) => view.set(values), dtype);
}
