// The argument values the boundary probes throw at poolkit: mostly small valid ones, so that
// calls get past the first check and reach the size arithmetic, mixed with the values that
// once wrapped, trapped or slipped through a typeof check. Everything generated is plain data
// (tensors as specs), so a counterexample prints as a reproduction.
import fc from 'fast-check';

const BIG_SIZES = [2 ** 15 - 1, 2 ** 15, 2 ** 16, 2 ** 30, 2 ** 31 - 1, 2 ** 31, 2 ** 32, 2 ** 53 - 1, 2 ** 53];
const ODD_NUMBERS = [0, -1, -2, -(2 ** 31), -(2 ** 31) - 1, -0, NaN, Infinity, -Infinity, 1.5, -0.5];
const NOT_NUMBERS = ['2', '', 'same', 'valid', null, undefined, true, false, {}, [], { constructor: 5 }];

export const smallInt = (max = 4, min = 1) => fc.integer({ min, max });

/** One argument value: valid small ints most of the time, then sizes near the limits, then nonsense. */
export const wildNumber = (max = 4, min = 1) =>
  fc.oneof(
    { weight: 16, arbitrary: smallInt(max, min) },
    { weight: 2, arbitrary: fc.constantFrom(...BIG_SIZES) },
    { weight: 2, arbitrary: fc.constantFrom(...ODD_NUMBERS) },
    { weight: 1, arbitrary: fc.constantFrom(...NOT_NUMBERS) },
  );

/** A window argument: an int, an array of `dims` of them, or an array of another length. */
export const wildTuple = (dims, max = 4, min = 1) =>
  fc.oneof(
    { weight: 6, arbitrary: wildNumber(max, min) },
    { weight: 4, arbitrary: fc.array(wildNumber(max, min), { minLength: dims, maxLength: dims }) },
    { weight: 1, arbitrary: fc.array(wildNumber(max, min), { minLength: 0, maxLength: dims + 2 }) },
  );

export const wildBool = fc.oneof(
  { weight: 8, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom(0, 1, 'true', null, NaN) },
);

/**
 * An options object holding some of `fields` ({name: arbitrary}), sometimes with an unknown or
 * a snake_case key, or with its keys inherited from a prototype rather than its own.
 */
export function wildOptions(fields) {
  const known = fc.record(fields, { requiredKeys: [] });
  const extraKey = fc.constantFrom('constructor', 'toString', '__proto__x', 'kernel_size', 'hasOwnProperty');
  return fc.oneof(
    { weight: 14, arbitrary: known },
    { weight: 1, arbitrary: fc.tuple(known, extraKey, wildNumber()).map(([o, key, value]) => ({ ...o, [key]: value })) },
    { weight: 1, arbitrary: known.map((o) => ({ inheritedFrom: o })) },
    { weight: 1, arbitrary: fc.constantFrom(null, 'kernelSize', [], 7, NaN) },
  );
}

/** What an options spec stands for: `{inheritedFrom: o}` is an object whose keys are all o's, inherited. */
export function materialiseOptions(options) {
  if (options !== null && typeof options === 'object' && Object.hasOwn(options, 'inheritedFrom')) {
    return Object.create(options.inheritedFrom);
  }
  return options;
}

/**
 * A tensor shape for an op over `dims` spatial dimensions: mostly (C, ...) or (N, C, ...) with
 * extents up to `max`, sometimes the wrong rank, sometimes N = 0 with a huge extent (no elements,
 * so it can exist; a safe integer, as poolkit.tensor takes).
 */
export function inputShape(dims, { max = 5, channels = 2 } = {}) {
  const spatial = fc.array(fc.integer({ min: 0, max }), { minLength: dims, maxLength: dims });
  const channel = fc.integer({ min: 1, max: channels });
  return fc.oneof(
    { weight: 8, arbitrary: fc.tuple(fc.constant(1), channel, spatial).map(([n, c, s]) => [n, c, ...s]) },
    { weight: 3, arbitrary: fc.tuple(channel, spatial).map(([c, s]) => [c, ...s]) },
    { weight: 1, arbitrary: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 0, maxLength: dims + 3 }) },
    { weight: 1, arbitrary: fc.tuple(channel, spatial, fc.constantFrom(...BIG_SIZES.filter(Number.isSafeInteger))).map(([c, s, big]) => [0, c, ...s.slice(1), big]) },
  );
}

/** A float32 tensor spec: its values are a fixed function of `seed` and the index. */
export const floatTensor = (shape) => fc.record({ shape, seed: fc.integer({ min: 0, max: 96 }) });

/** fractionalMaxPool's randomSamples: values in [0, 1), or with one of them 1, negative or NaN. */
export const samplesTensor = (shape) =>
  fc.record({ kind: fc.constant('samples'), shape, seed: fc.integer({ min: 0, max: 96 }), bad: fc.constantFrom(null, null, null, null, null, null, 1, -0.25, NaN) });

/** maxUnpool's indices: int32 offsets, mostly within `span`, sometimes negative or huge. */
export const indicesTensor = (shape, span = 25) =>
  fc.record({ kind: fc.constant('indices'), shape, seed: fc.integer({ min: 0, max: 96 }), span: fc.constantFrom(span, span, span, 1, 2 ** 31 - 1, -3) });

export const numel = (shape) => shape.reduce((a, b) => a * b, 1);

/** Distinct-ish finite values of both signs, so max, average and index checks mean something. */
function valuesOf({ kind, shape, seed, bad, span }) {
  const n = numel(shape);
  if (kind === 'indices') {
    // A negative span makes every index negative; span 2^31 - 1 makes them huge.
    return new Int32Array(n).map((_, i) => (span < 0 ? -1 - i : ((i * 13 + seed) % span)));
  }
  if (kind === 'samples') {
    const values = new Float32Array(n).map((_, i) => ((i * 37 + seed) % 97) / 97);
    if (bad !== null && n > 0) values[seed % n] = bad;
    return values;
  }
  return new Float32Array(n).map((_, i) => (((i + 1) * 37 + seed) % 97) - 48 + 0.25);
}

/** Makes the tensor a spec stands for (inside the caller's tidy()); null and undefined pass through. */
export function makeTensor(poolkit, spec) {
  if (spec === null || spec === undefined) return spec;
  return poolkit.tensor(valuesOf(spec), spec.shape);
}
