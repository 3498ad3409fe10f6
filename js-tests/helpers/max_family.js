// What the max-family tests share: fixture tensors made into poolkit tensors, bit-level
// comparison of results, and PyTorch's module reprs replayed through poolkit.nn.
import * as poolkit from 'poolkit';
import { bits, decodeTensor, loadFixture } from './fixtures.js';

const camel = (name) => name.replace(/_([a-z])/g, (_, c) => c.toUpperCase());

const isEncodedTensor = (v) => v !== null && typeof v === 'object' && !Array.isArray(v) && 'dtype' in v;

/**
 * The cases of one fixture file with every field the max-family generators write: options
 * camelCased (PyTorch's top-level None dropped, tensor arguments decoded), `error` where PyTorch
 * rejects the call and `poolkitRejects` where PyTorch accepts what poolkit rejects.
 */
export function loadOpCases(fixture) {
  return loadFixture(fixture).cases.map((c) => ({
    name: c.name,
    input: decodeTensor(c.input),
    options: Object.fromEntries(
      Object.entries(c.args)
        .filter(([, v]) => v !== null)
        .map(([k, v]) => [camel(k), isEncodedTensor(v) ? decodeTensor(v) : v]),
    ),
    output: c.output && decodeTensor(c.output),
    indices: c.indices && decodeTensor(c.indices),
    error: c.error,
    poolkitRejects: c.poolkit_rejects,
  }));
}

/** A poolkit tensor holding a fixture tensor ({shape, dtype, values} or still encoded). */
export function toTensor(t) {
  const { values, shape } = t.values ? t : decodeTensor(t);
  return poolkit.tensor(values, shape);
}

/** Checks a poolkit result against PyTorch's bit for bit: shape, values (NaN payloads, -0) or indices. */
export function expectSame(actual, expected) {
  expect(actual.shape).toEqual(expected.shape);
  if (actual.dtype === 'int32') {
    expect(Array.from(actual.data)).toEqual(Array.from(expected.values));
  } else {
    expect(bits(actual.data)).toEqual(bits(expected.values));
  }
}

/** [repr, make] pairs: PyTorch's repr of a module and a function building poolkit's twin. */
export function reprCases(doc) {
  return (doc.reprs ?? []).map((r) => {
    const kwargs = Object.fromEntries(Object.entries(r.kwargs).map(([k, v]) => [camel(k), v]));
    const args = Object.keys(kwargs).length ? [...r.args, kwargs] : r.args;
    return [r.repr, () => new poolkit.nn[r.module](...args)];
  });
}

export function disposeAll(...tensors) {
  for (const t of tensors.flat()) if (t && typeof t.dispose === 'function') t.dispose();
}
