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
  }));
}

/** Float bits as plain numbers, so equality covers the sign of zero and which NaN. */
export function bits(floats) {
  return Array.from(new Uint32Array(floats.buffer, floats.byteOffset, floats.length));
}

/** loadCases, plus the named extra tensors of each case (e.g. weight, bias) decoded, or null. */
export function loadCasesWithTensors(op, names) {
  const doc = JSON.parse(readFileSync(new URL(`../fixtures/${op}.json`, import.meta.url), 'utf8'));
  return loadCases(op).map((c, i) => {
    const extra = names.map((name) => [name, doc.cases[i][name] ? decode(doc.cases[i][name]) : null]);
    return { ...c, ...Object.fromEntries(extra) };
  });
}

/** One fixture tensor ({shape, dtype, data: base64}) as {shape, dtype, values}. */
export function decodeTensor(tensor) {
  return decode(tensor);
}
