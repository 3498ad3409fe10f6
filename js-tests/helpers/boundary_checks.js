// What a result that came back must satisfy, op by op: PyTorch's output shapes, and values that
// can only come from the inputs (a max is one of the input values at its index, an average is
// bounded by the inputs). Each check returns the problems it found, [] when there are none.
import { numel } from './boundary_values.js';

/** `value` (known valid, since the op returned) as `dims` ints. */
export function expand(value, dims) {
  const values = Array.isArray(value) ? value : [value];
  return values.length === 1 ? Array(dims).fill(values[0]) : values;
}

/** The options an op read: the shorthand as {[shorthandKey]: value}, own keys only. */
export function given(options, shorthandKey) {
  if (typeof options === 'number' || Array.isArray(options)) return { [shorthandKey]: options };
  const own = {};
  // null means "not given", as the ops read it.
  for (const key of Object.keys(options ?? {})) if (options[key] !== undefined && options[key] !== null) own[key] = options[key];
  return own;
}

const noStride = (stride) => stride === undefined || stride === null || (Array.isArray(stride) && stride.length === 0);

/** stride as PyTorch's pools default it: kernelSize when not given. */
export const strideOr = (o, dims) => expand(noStride(o.stride) ? o.kernelSize : o.stride, dims);

/** PyTorch's pooling output size, ceil mode included. */
export function pooledSize(size, k, s, p, d, ceil) {
  let out = Math.floor((size + 2 * p - d * (k - 1) - 1 + (ceil ? s - 1 : 0)) / s) + 1;
  if (ceil && (out - 1) * s >= size + p) out -= 1;
  return out;
}

export function shapeProblems(what, actual, expected) {
  const same = actual.length === expected.length && actual.every((d, i) => d === expected[i]);
  return same ? [] : [`${what} shape [${actual}] should be [${expected}]`];
}

/** The input's leading (N, C) dimensions followed by `spatial`. */
export const withSpatial = (inputShape, spatial) => [...inputShape.slice(0, inputShape.length - spatial.length), ...spatial];

/**
 * Max-type outputs: each value is one of the input values of its own (N, C) plane, and with
 * indices, exactly the one at its index.
 */
export function maxProblems(input, output, indices, dims) {
  const inPlane = numel(input.shape.slice(-dims));
  const outPlane = numel(output.shape.slice(-dims));
  const x = input.data;
  const y = output.data;
  const idx = indices?.data;
  if (indices) {
    if (indices.dtype !== 'int32') return [`indices are ${indices.dtype}`];
    const problems = shapeProblems('indices', indices.shape, output.shape);
    if (problems.length) return problems;
  }
  for (let j = 0; j < y.length; j++) {
    const plane = Math.floor(j / outPlane);
    if (y[j] === -Infinity) {
      // The inputs are finite, so this is a window of padding only (only maxPool's results may
      // hold -inf): PyTorch's index is then where the window would start, possibly outside
      // the plane.
      continue;
    }
    if (idx) {
      if (!(idx[j] >= 0 && idx[j] < inPlane)) return [`index ${idx[j]} at ${j} is outside the plane of ${inPlane}`];
      if (!Object.is(x[plane * inPlane + idx[j]], y[j])) return [`output ${y[j]} at ${j} is not the input at its index ${idx[j]}`];
    } else if (!x.subarray(plane * inPlane, (plane + 1) * inPlane).includes(y[j])) {
      return [`output ${y[j]} at ${j} is no input value of its plane`];
    }
  }
  return [];
}

/** Values bounded by `limit` in magnitude (averages, convolutions of bounded inputs). */
export function boundedProblems(output, limit) {
  const bad = output.data.findIndex((v) => !(Math.abs(v) <= limit * (1 + 1e-5)));
  return bad < 0 ? [] : [`output ${output.data[bad]} at ${bad} is beyond ${limit}`];
}

export const absSum = (tensor) => (tensor ? tensor.data.reduce((a, v) => a + Math.abs(v), 0) : 0);

/**
 * maxUnpool: zeros, except that each index holds the last input value written to it, in
 * the input's order within its plane.
 */
export function unpoolProblems(input, indices, output, dims) {
  const inPlane = numel(input.shape.slice(-dims));
  const outPlane = numel(output.shape.slice(-dims));
  const expected = new Float32Array(output.data.length);
  const x = input.data;
  const idx = indices.data;
  for (let j = 0; j < x.length; j++) {
    const plane = Math.floor(j / inPlane);
    if (!(idx[j] >= 0 && idx[j] < outPlane)) return [`the call accepted index ${idx[j]} outside the plane of ${outPlane}`];
    expected[plane * outPlane + idx[j]] = x[j];
  }
  return valueProblems(output, expected);
}

export function valueProblems(output, expected) {
  const y = output.data;
  if (y.length !== expected.length) return [`${y.length} values, expected ${expected.length}`];
  const bad = y.findIndex((v, i) => !Object.is(v, expected[i]) && !(v === 0 && expected[i] === 0));
  return bad < 0 ? [] : [`value ${y[bad]} at ${bad} should be ${expected[bad]}`];
}

/** torch.cat's values, computed in JavaScript. */
export function catValues(tensors, axis) {
  const shape = tensors[0].shape;
  const outer = numel(shape.slice(0, axis));
  const inner = numel(shape.slice(axis + 1));
  const values = [];
  for (let o = 0; o < outer; o++) {
    for (const t of tensors) {
      const chunk = t.shape[axis] * inner;
      values.push(...t.data.subarray(o * chunk, (o + 1) * chunk));
    }
  }
  return values;
}

/** The middle h x w of each plane, top-left at floor((H - h) / 2), floor((W - w) / 2). */
export function cropValues(input, h, w) {
  const [H, W] = input.shape.slice(-2);
  const top = Math.floor((H - h) / 2);
  const left = Math.floor((W - w) / 2);
  const values = [];
  for (let p = 0; p < numel(input.shape.slice(0, -2)); p++) {
    for (let y = 0; y < h; y++) values.push(...input.data.subarray((p * H + top + y) * W + left, (p * H + top + y) * W + left + w));
  }
  return values;
}
