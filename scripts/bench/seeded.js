// What every runtime builds identically, in a Node child process or in a page: the seeded input,
// the seeded weights, and the tensors of a .safetensors file. No Node modules here, so a page
// can import it.

function* lcg(seed) {
  let s = seed >>> 0;
  for (;;) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    yield s / 2 ** 31 - 1; // [-1, 1)
  }
}

/** Deterministic values in [-1, 1): the same input for every runtime. */
export function seededInput(shape, seed = 12345) {
  const data = new Float32Array(shape.reduce((a, b) => a * b, 1));
  const random = lcg(seed);
  for (let i = 0; i < data.length; i++) data[i] = random.next().value;
  return data;
}

/**
 * Weights for {name: shape}: uniform with variance 2 / fan_in (He), so activations stay O(1)
 * through a deep ReLU net; biases small.
 */
export function seededWeights(shapes, seed = 7) {
  const random = lcg(seed);
  const tensors = {};
  for (const [name, shape] of Object.entries(shapes)) {
    const data = new Float32Array(shape.reduce((a, b) => a * b, 1));
    const bound = shape.length === 1 ? 0.1 : Math.sqrt(6 / (data.length / shape[0]));
    for (let i = 0; i < data.length; i++) data[i] = bound * random.next().value;
    tensors[name] = { shape, data };
  }
  return tensors;
}

/** {bytes, tensors: {name: {shape, data}}} of a file of F32 tensors (a Uint8Array or Buffer). */
export function parseSafetensors(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = Number(view.getBigUint64(0, true));
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength)));
  const start = 8 + headerLength;
  const tensors = {};
  for (const [name, info] of Object.entries(header)) {
    if (name === '__metadata__') continue;
    const [begin, end] = info.data_offsets;
    const copy = bytes.buffer.slice(bytes.byteOffset + start + begin, bytes.byteOffset + start + end);
    tensors[name] = { shape: info.shape, data: new Float32Array(copy) };
  }
  return { bytes, tensors };
}
