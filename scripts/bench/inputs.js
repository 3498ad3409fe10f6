// The seeded inputs and weights (seeded.js), and the weights' .safetensors files in Node.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseSafetensors } from './seeded.js';

export { seededInput, seededWeights } from './seeded.js';

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
export const readWeights = (path) => parseSafetensors(readFileSync(path));
