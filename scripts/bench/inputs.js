// What every runtime's child process builds identically: the seeded input and the weights.
import { readFileSync, writeFileSync } from 'node:fs';

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

/** A .safetensors file of F32 tensors (the format PyTorch users export state_dicts to). */
export function writeSafetensors(path, tensors) {
  const header = {};
  let offset = 0;
  for (const [name, { shape, data }] of Object.entries(tensors)) {
    header[name] = { dtype: 'F32', shape, data_offsets: [offset, offset + data.byteLength] };
    offset += data.byteLength;
  }
  let json = JSON.stringify(header);
  json += ' '.repeat((8 - (json.length % 8)) % 8);
  const prefix = Buffer.alloc(8);
  prefix.writeBigUInt64LE(BigInt(json.length));
  const parts = [prefix, Buffer.from(json)];
  for (const { data } of Object.values(tensors)) parts.push(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  writeFileSync(path, Buffer.concat(parts));
}

/** The tensors of a file written by writeSafetensors: {bytes, tensors: {name: {shape, data}}}. */
export function readWeights(path) {
  const bytes = readFileSync(path);
  const headerLength = Number(bytes.readBigUInt64LE(0));
  const header = JSON.parse(bytes.subarray(8, 8 + headerLength).toString('utf8'));
  const start = 8 + headerLength;
  const tensors = {};
  for (const [name, info] of Object.entries(header)) {
    const [begin, end] = info.data_offsets;
    const copy = bytes.buffer.slice(bytes.byteOffset + start + begin, bytes.byteOffset + start + end);
    tensors[name] = { shape: info.shape, data: new Float32Array(copy) };
  }
  return { bytes, tensors };
}
