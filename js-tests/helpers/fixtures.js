// Reads the PyTorch reference cases in js-tests/fixtures (made by scripts/fixtures/*.py).
import { readFileSync } from 'node:fs';

const camel = (name) => name.replace(/_([a-z])/g, (_, c) => c.toUpperCase());

function decode({ shape, dtype, data }) {
  const bytes = Buffer.from(data, 'base64');
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length);
  const values = dtype === 'int32' ? new Int32Array(buffer) : new Float32Array(buffer);
  return { shape, dtype, values };
}

/** The cases of one op: {name, input, options (camelCase), output?, indices?, error?}. */
export function loadCases(op) {
  const doc = JSON.parse(readFileSync(new URL(`../fixtures/${op}.json`, import.meta.url), 'utf8'));
  return doc.cases.map((c) => ({
    name: c.name,
    input: decode(c.input),
    // PyTorch's None becomes "not given", as a user would write it.
    options: Object.fromEntries(
      Object.entries(c.args)
        .filter(([, v]) => v !== null)
        .map(([k, v]) => [camel(k), v]),
    ),
    output: c.output && decode(c.output),
    indices: c.indices && decode(c.indices),
    error: c.error,
    // The PyTorch op of a family file (e.g. "avg_pool2d" in avg_pool.json).
    op: c.op,
    // Why poolkit refuses a call PyTorch accepts (its output is still recorded).
    poolkitRejects: c.poolkit_rejects,
  }));
}

/** scripts/fixtures/common.py's hashed_input: x[i] = ((i * 2654435761) mod 2**32) / 2**32 - 0.5. */
export function hashedInput(shape) {
  const data = new Float32Array(shape.reduce((a, b) => a * b, 1));
  // In double precision, rounded to float32 once on the store, as PyTorch's .float() does.
  for (let i = 0; i < data.length; i++) data[i] = (Math.imul(i, 2654435761) >>> 0) / 2 ** 32 - 0.5;
  return data;
}

/** The large cases: the input is rebuilt from its formula. */
export function loadLargeCases(op) {
  const doc = JSON.parse(readFileSync(new URL(`../fixtures/${op}_large.json`, import.meta.url), 'utf8'));
  return doc.cases.map((c) => ({
    name: c.name,
    inputShape: c.input_shape,
    options: Object.fromEntries(Object.entries(c.args).map(([k, v]) => [camel(k), v])),
    output: decode(c.output),
    indices: c.indices && decode(c.indices),
  }));
}

/** Float bits as plain numbers, so equality covers the sign of zero and which NaN. */
export function bits(floats) {
  return Array.from(new Uint32Array(floats.buffer, floats.byteOffset, floats.length));
}

/**
 * Float bits with every NaN made the same: which NaN an operation on two NaNs (or inf - inf)
 * returns depends on the CPU, so averaging ops match PyTorch's NaNs in position, not payload.
 */
export function bitsAnyNan(floats) {
  return bits(floats).map((b, i) => (Number.isNaN(floats[i]) ? 0x7fc00000 : b));
}

/** PyTorch's snake_case op name as poolkit's functional name: avg_pool2d -> avgPool2d. */
export const functionalName = (op) => camel(op);

/** The whole fixture document of one op: cases with every field kept, and extras such as reprs. */
export function loadFixture(op) {
  return JSON.parse(readFileSync(new URL(`../fixtures/${op}.json`, import.meta.url), 'utf8'));
}

/** One tensor as the fixtures store it ({shape, dtype, data: base64}), decoded to {shape, dtype, values}. */
export function decodeTensor(encoded) {
  return decode(encoded);
}

/** loadCases, plus the named extra tensors of each case (e.g. weight, bias) decoded, or null. */
export function loadCasesWithTensors(op, names) {
  const doc = JSON.parse(readFileSync(new URL(`../fixtures/${op}.json`, import.meta.url), 'utf8'));
  return loadCases(op).map((c, i) => {
    const extra = names.map((name) => [name, doc.cases[i][name] ? decode(doc.cases[i][name]) : null]);
    return { ...c, ...Object.fromEntries(extra) };
  });
}
