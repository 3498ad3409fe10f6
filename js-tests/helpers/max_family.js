// What the max-family tests share: fixture tensors made into poolkit tensors, bit-level
// comparison of results, and PyTorch's module reprs replayed through poolkit.nn.
import * as poolkit from 'poolkit';
import { bits, decodeTensor } from './fixtures.js';

const camel = (name) => name.replace(/_([a-z])/g, (_, c) => c.toUpperCase());

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
