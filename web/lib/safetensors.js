// Reads .safetensors files, the format PyTorch users export state_dicts to: an 8-byte
// little-endian header length N, N bytes of JSON ({key: {dtype, shape, data_offsets}, plus an
// optional __metadata__ of strings}), then the tensors' bytes. Every rule of the reference
// implementation is checked, so a damaged file gives an Error naming the tensor instead of a
// crash or a silently wrong model.

// The reference implementation's limit: a larger header is a damaged length, not a real file.
const MAX_HEADER_BYTES = 100_000_000;
const ITEM_BYTES = { F32: 4, F16: 2, BF16: 2 };
const OTHER_DTYPES = ['F64', 'I64', 'I32', 'I16', 'I8', 'U64', 'U32', 'U16', 'U8', 'BOOL', 'F8_E4M3', 'F8_E5M2'];

const show = (value) => JSON.stringify(value);
const isCount = (v) => Number.isSafeInteger(v) && v >= 0;

function asBytes(op, bytes) {
  if (bytes instanceof ArrayBuffer) return new Uint8Array(bytes);
  if (ArrayBuffer.isView(bytes)) return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  throw new Error(`${op}: bytes must be an ArrayBuffer or a Uint8Array holding a .safetensors file, got ${bytes === null ? 'null' : typeof bytes}`);
}

function readHeader(op, bytes) {
  if (bytes.length < 8) throw new Error(`${op}: the file is ${bytes.length} bytes, too short for the 8-byte header length`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, 8);
  const length = view.getUint32(0, true) + view.getUint32(4, true) * 2 ** 32;
  if (length > MAX_HEADER_BYTES || 8 + length > bytes.length) {
    throw new Error(`${op}: the header length ${length} runs past the end of the file (${bytes.length} bytes): not a .safetensors file, or a truncated one`);
  }
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(8, 8 + length));
  } catch {
    throw new Error(`${op}: the header is not valid UTF-8`);
  }
  let header;
  try {
    header = JSON.parse(text);
  } catch (cause) {
    throw new Error(`${op}: the header is not valid JSON (${cause.message})`);
  }
  if (header === null || typeof header !== 'object' || Array.isArray(header)) {
    throw new Error(`${op}: the header must be a JSON object of tensors, got ${Array.isArray(header) ? 'an array' : show(header)}`);
  }
  return { header, dataStart: 8 + length };
}

function readEntry(op, key, entry, dataBytes) {
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
    throw new Error(`${op}: tensor ${key} must be described by {dtype, shape, data_offsets}, got ${show(entry)}`);
  }
  const { dtype, shape, data_offsets: offsets } = entry;
  // An own property: "toString" or "constructor" is no dtype.
  if (!Object.hasOwn(ITEM_BYTES, dtype)) {
    const known = OTHER_DTYPES.includes(dtype) ? '' : ' (not a safetensors dtype)';
    throw new Error(`${op}: tensor ${key} has dtype ${show(dtype)}${known}; poolkit reads F32, and converts F16 and BF16 to F32`);
  }
  if (!Array.isArray(shape) || !shape.every(isCount)) {
    throw new Error(`${op}: tensor ${key} has shape ${show(shape)}; a shape is an array of non-negative integers`);
  }
  if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every(isCount) || offsets[0] > offsets[1]) {
    throw new Error(`${op}: tensor ${key} has data_offsets ${show(offsets)}; they must be [begin, end] with 0 <= begin <= end`);
  }
  if (offsets[1] > dataBytes) {
    throw new Error(`${op}: tensor ${key} has data_offsets [${offsets}], past the end of the data (${dataBytes} bytes)`);
  }
  const count = shape.reduce((a, b) => a * b, 1);
  if (offsets[1] - offsets[0] !== count * ITEM_BYTES[dtype]) {
    throw new Error(`${op}: tensor ${key} has data_offsets [${offsets}] (${offsets[1] - offsets[0]} bytes), but shape [${shape.join(', ')}] of ${dtype} needs ${count * ITEM_BYTES[dtype]} bytes`);
  }
  return { key, dtype, shape, count, begin: offsets[0], end: offsets[1] };
}

// The tensors must tile the data exactly, as the reference implementation requires: an overlap
// would alias two weights, and a gap usually means a key was written twice (JSON keeps the last).
function checkTiling(op, entries, dataBytes) {
  const sorted = [...entries].sort((a, b) => a.begin - b.begin || a.end - b.end);
  let end = 0;
  let previous = null;
  for (const e of sorted) {
    if (e.begin < end) {
      throw new Error(`${op}: tensors ${previous.key} [${previous.begin}, ${previous.end}] and ${e.key} [${e.begin}, ${e.end}] overlap in the data`);
    }
    if (e.begin > end) {
      throw new Error(`${op}: bytes [${end}, ${e.begin}) of the data, before tensor ${e.key}, belong to no tensor (a key written twice?)`);
    }
    end = e.end;
    previous = e;
  }
  if (end !== dataBytes) throw new Error(`${op}: the last ${dataBytes - end} bytes of the data belong to no tensor`);
}

/**
 * Parses a .safetensors file: {tensors: Map(key -> {dtype, shape, count}), metadata}. Reading a
 * tensor's values is copyFloat32(file, key, target).
 */
export function parseSafetensors(op, input) {
  const bytes = asBytes(op, input);
  const { header, dataStart } = readHeader(op, bytes);
  const dataBytes = bytes.length - dataStart;
  const { __metadata__: metadata = {}, ...described } = header;
  if (metadata === null || typeof metadata !== 'object' || !Object.values(metadata).every((v) => typeof v === 'string')) {
    throw new Error(`${op}: __metadata__ must be an object of strings, got ${show(metadata)}`);
  }
  const entries = Object.entries(described).map(([key, entry]) => readEntry(op, key, entry, dataBytes));
  checkTiling(op, entries, dataBytes);
  return { bytes, dataStart, metadata, tensors: new Map(entries.map((e) => [e.key, e])) };
}

const f16 = new Float32Array(1);
const f16Bits = new Uint32Array(f16.buffer);

// IEEE half to single: exact, including subnormals, infinities and NaN.
function halfToFloat(h) {
  const sign = (h & 0x8000) << 16;
  const exponent = (h >> 10) & 0x1f;
  const mantissa = h & 0x3ff;
  if (exponent === 0x1f) {
    f16Bits[0] = sign | 0x7f800000 | (mantissa << 13);
  } else if (exponent !== 0) {
    f16Bits[0] = sign | ((exponent + 112) << 23) | (mantissa << 13);
  } else {
    return (sign ? -1 : 1) * mantissa * 2 ** -24;
  }
  return f16[0];
}

/**
 * Writes tensor `key` of a parsed file as float32 into `target` (a Float32Array or a
 * Uint8Array view of 4 * count bytes). F16 and BF16 are converted exactly.
 */
export function copyFloat32(file, key, target) {
  const e = file.tensors.get(key);
  const source = file.bytes.subarray(file.dataStart + e.begin, file.dataStart + e.end);
  if (e.dtype === 'F32') {
    new Uint8Array(target.buffer, target.byteOffset, source.length).set(source);
    return;
  }
  const floats = new Float32Array(target.buffer, target.byteOffset, e.count);
  const view = new DataView(source.buffer, source.byteOffset, source.length);
  const bits = new Uint32Array(1);
  const asFloat = new Float32Array(bits.buffer);
  for (let i = 0; i < e.count; i++) {
    const h = view.getUint16(2 * i, true);
    if (e.dtype === 'F16') {
      floats[i] = halfToFloat(h);
    } else {
      bits[0] = h << 16; // bfloat16 is the top half of a float32
      floats[i] = asFloat[0];
    }
  }
}
