// Every public op of poolkit.functional, and poolkit.tensor, as the boundary probes call them:
// an arbitrary for the call (plain data), how to make it and how to check a result it returns.
import fc from 'fast-check';
import {
  floatTensor, indicesTensor, inputShape, materialiseOptions, numel, samplesTensor,
  smallInt, wildBool, wildNumber, wildOptions, wildTuple,
} from './boundary_values.js';
import {
  absSum, boundedProblems, catValues, cropValues, expand, given, maxProblems, pooledSize,
  shapeProblems, strideOr, unpoolProblems, valueProblems, withSpatial,
} from './boundary_checks.js';

const spatialOf = (shape, dims) => shape.slice(-dims);
// The shorthand (a bare kernel or output size) or an options object.
const optionsOrShorthand = (shorthand, fields) =>
  fc.oneof({ weight: 1, arbitrary: shorthand }, { weight: 5, arbitrary: wildOptions(fields) });

function maxPool(dims) {
  return {
    arbitrary: fc.record({
      input: floatTensor(inputShape(dims)),
      options: optionsOrShorthand(wildTuple(dims, 3), {
        kernelSize: wildTuple(dims, 3), stride: wildTuple(dims, 3), padding: wildTuple(dims, 1, 0),
        dilation: wildTuple(dims, 2), ceilMode: wildBool, returnIndices: wildBool,
      }),
    }),
    invoke: (F, name, { input, options }) => F[name](input, options),
    check({ input, options }, result) {
      const o = given(options, 'kernelSize');
      const [output, indices] = o.returnIndices ? result : [result, null];
      const [k, s, p, d] = [expand(o.kernelSize, dims), strideOr(o, dims), expand(o.padding ?? 0, dims), expand(o.dilation ?? 1, dims)];
      const spatial = spatialOf(input.shape, dims).map((size, i) => pooledSize(size, k[i], s[i], p[i], d[i], o.ceilMode ?? false));
      const wrongShape = shapeProblems('output', output.shape, withSpatial(input.shape, spatial));
      return wrongShape.length ? wrongShape : maxProblems(input, output, indices, dims);
    },
  };
}

function avgPool(dims) {
  const fields = { kernelSize: wildTuple(dims, 3), stride: wildTuple(dims, 3), padding: wildTuple(dims, 1, 0), ceilMode: wildBool, countIncludePad: wildBool };
  if (dims > 1) fields.divisorOverride = wildNumber(3);
  return {
    arbitrary: fc.record({ input: floatTensor(inputShape(dims)), options: optionsOrShorthand(wildTuple(dims, 3), fields) }),
    invoke: (F, name, { input, options }) => F[name](input, options),
    check({ input, options }, output) {
      const o = given(options, 'kernelSize');
      const [k, s, p] = [expand(o.kernelSize, dims), strideOr(o, dims), expand(o.padding ?? 0, dims)];
      const spatial = spatialOf(input.shape, dims).map((size, i) => pooledSize(size, k[i], s[i], p[i], 1, o.ceilMode ?? false));
      const wrongShape = shapeProblems('output', output.shape, withSpatial(input.shape, spatial));
      return wrongShape.length ? wrongShape : boundedProblems(output, absSum(input));
    },
  };
}

function lpPool(dims) {
  const normType = fc.oneof(fc.constantFrom(1, 2, 3, 0.5, 1.5), wildNumber());
  return {
    arbitrary: fc.record({
      input: floatTensor(inputShape(dims)),
      options: wildOptions({ normType, kernelSize: dims === 1 ? wildNumber(3) : wildTuple(dims, 3), stride: wildTuple(dims, 3), ceilMode: wildBool }),
    }),
    invoke: (F, name, { input, options }) => F[name](input, options),
    // (sum x^p)^(1/p) is NaN for a fractional p over negative values and inf for a huge p, as
    // in PyTorch: only the shape is checked.
    check({ input, options }, output) {
      const o = given(options);
      const [k, s] = [expand(o.kernelSize, dims), strideOr(o, dims)];
      const spatial = spatialOf(input.shape, dims).map((size, i) => pooledSize(size, k[i], s[i], 0, 1, o.ceilMode ?? false));
      return shapeProblems('output', output.shape, withSpatial(input.shape, spatial));
    },
  };
}

function adaptivePool(dims, isMax) {
  const size = fc.oneof(
    { weight: 3, arbitrary: wildNumber(4) },
    { weight: 3, arbitrary: fc.array(fc.oneof({ weight: 5, arbitrary: wildNumber(4) }, { weight: 1, arbitrary: fc.constant(null) }), { minLength: dims, maxLength: dims }) },
    { weight: 1, arbitrary: fc.array(wildNumber(4), { minLength: 0, maxLength: dims + 2 }) },
  );
  const fields = isMax ? { outputSize: size, returnIndices: wildBool } : { outputSize: size };
  return {
    arbitrary: fc.record({ input: floatTensor(inputShape(dims)), options: optionsOrShorthand(size, fields) }),
    invoke: (F, name, { input, options }) => F[name](input, options),
    check({ input, options }, result) {
      const o = given(options, 'outputSize');
      const [output, indices] = o.returnIndices ? result : [result, null];
      const spatial = expand(o.outputSize, dims).map((s, i) => s ?? spatialOf(input.shape, dims)[i]);
      const wrongShape = shapeProblems('output', output.shape, withSpatial(input.shape, spatial));
      if (wrongShape.length) return wrongShape;
      return isMax ? maxProblems(input, output, indices, dims) : boundedProblems(output, absSum(input));
    },
  };
}

function fractionalMaxPool(dims) {
  const ratio = fc.oneof(fc.constantFrom(0.25, 0.5, 0.75, 1), wildNumber());
  const arbitrary = inputShape(dims, { max: 6 }).chain((shape) => {
    const batch = shape.length === dims + 2 ? shape[0] : 1;
    const channels = shape[shape.length - dims - 1] ?? 1;
    const samplesShape = fc.oneof(
      { weight: 8, arbitrary: fc.constant([batch, channels, dims]) },
      { weight: 1, arbitrary: fc.constant([batch + 1, channels, dims]) },
      { weight: 1, arbitrary: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 4 }) },
    );
    const samples = samplesTensor(samplesShape);
    const ratios = fc.oneof(ratio, fc.array(ratio, { minLength: dims, maxLength: dims }));
    return fc.record({
      input: floatTensor(fc.constant(shape)),
      // Mostly exactly one of outputSize and outputRatio, as a valid call has.
      options: fc.oneof(
        { weight: 4, arbitrary: wildOptions({ kernelSize: wildTuple(dims, 2), outputSize: wildTuple(dims, 3), returnIndices: wildBool, randomSamples: samples }) },
        { weight: 4, arbitrary: wildOptions({ kernelSize: wildTuple(dims, 2), outputRatio: ratios, returnIndices: wildBool, randomSamples: samples }) },
        { weight: 1, arbitrary: optionsOrShorthand(wildTuple(dims, 3), { kernelSize: wildTuple(dims, 3), outputSize: wildTuple(dims, 4), outputRatio: ratios }) },
      ),
    });
  });
  return {
    arbitrary,
    invoke: (F, name, { input, options }) => F[name](input, options),
    check({ input, options }, result) {
      const o = given(options);
      const [output, indices] = o.returnIndices ? result : [result, null];
      const ratio = o.outputRatio === undefined ? null : expand(o.outputRatio, dims);
      const spatial = o.outputSize !== undefined ? expand(o.outputSize, dims) : spatialOf(input.shape, dims).map((s, i) => Math.trunc(s * ratio[i]));
      const wrongShape = shapeProblems('output', output.shape, withSpatial(input.shape, spatial));
      return wrongShape.length ? wrongShape : maxProblems(input, output, indices, dims);
    },
  };
}

function maxUnpool(dims) {
  const arbitrary = inputShape(dims, { max: 3 }).chain((shape) =>
    fc.record({
      input: floatTensor(fc.constant(shape)),
      indices: indicesTensor(fc.oneof({ weight: 6, arbitrary: fc.constant(shape) }, { weight: 1, arbitrary: inputShape(dims, { max: 3 }) })),
      options: optionsOrShorthand(wildTuple(dims, 3), {
        kernelSize: wildTuple(dims, 3), stride: wildTuple(dims, 3), padding: wildTuple(dims, 1, 0),
        outputSize: fc.oneof(fc.array(wildNumber(8), { minLength: dims, maxLength: dims }), fc.array(wildNumber(8), { minLength: dims + 2, maxLength: dims + 2 }), wildNumber(8)),
      }),
    }),
  );
  return {
    arbitrary,
    invoke: (F, name, { input, indices, options }) => F[name](input, indices, options),
    check({ input, indices, options }, output) {
      const o = given(options, 'kernelSize');
      const [k, s, p] = [expand(o.kernelSize, dims), strideOr(o, dims), expand(o.padding ?? 0, dims)];
      const spatial = o.outputSize ? o.outputSize.slice(-dims) : spatialOf(input.shape, dims).map((size, i) => (size - 1) * s[i] - 2 * p[i] + k[i]);
      const wrongShape = shapeProblems('output', output.shape, withSpatial(input.shape, spatial));
      return wrongShape.length ? wrongShape : unpoolProblems(input, indices, output, dims);
    },
  };
}

// Convolution operands: the weight usually fits the input's channels and the groups.
function convArbitrary(transposed, optionFields) {
  return inputShape(2, { channels: 4 }).chain((shape) => {
    const channels = shape.length >= 3 ? shape[shape.length - 3] : 1;
    const weightShape = fc.oneof(
      { weight: 6, arbitrary: fc.tuple(smallInt(3), fc.constantFrom(1, 1, 2), smallInt(3), smallInt(3)).map(([o, g, kh, kw]) => (transposed ? [channels, o, kh, kw] : [o * g, Math.max(1, Math.ceil(channels / g)), kh, kw])) },
      { weight: 1, arbitrary: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 0, maxLength: 5 }) },
    );
    return fc.record({
      input: floatTensor(fc.constant(shape)),
      weight: floatTensor(weightShape),
      bias: fc.oneof(fc.constant(null), fc.constant('omitted'), floatTensor(fc.array(smallInt(4), { minLength: 1, maxLength: 2 }))),
      options: wildOptions(optionFields),
    });
  });
}

const convInvoke = (F, name, { input, weight, bias, options }) =>
  bias === 'omitted' ? F[name](input, weight, options) : F[name](input, weight, bias, options);

const convBound = ({ input, weight, bias }) => absSum(input) * absSum(weight) + absSum(bias === 'omitted' ? null : bias);

const conv2d = {
  arbitrary: convArbitrary(false, {
    stride: wildTuple(2, 3), padding: fc.oneof(wildTuple(2, 2, 0), fc.constantFrom('same', 'valid', 'SAME')),
    dilation: wildTuple(2, 2), groups: fc.oneof(fc.constantFrom(1, 2), wildNumber()),
  }),
  invoke: convInvoke,
  check(made, output) {
    const { input, weight } = made;
    const o = given(made.options);
    const [s, d] = [expand(o.stride ?? 1, 2), expand(o.dilation ?? 1, 2)];
    const same = o.padding === 'same';
    const p = typeof o.padding === 'string' ? [0, 0] : expand(o.padding ?? 0, 2);
    const k = weight.shape.slice(2);
    const spatial = spatialOf(input.shape, 2).map((size, i) => (same ? size : Math.floor((size + 2 * p[i] - d[i] * (k[i] - 1) - 1) / s[i]) + 1));
    const wrongShape = shapeProblems('output', output.shape, [...input.shape.slice(0, -3), weight.shape[0], ...spatial]);
    return wrongShape.length ? wrongShape : boundedProblems(output, convBound(made));
  },
};

const convTranspose2d = {
  arbitrary: convArbitrary(true, {
    stride: wildTuple(2, 3), padding: wildTuple(2, 2, 0), outputPadding: wildTuple(2, 1, 0), groups: fc.oneof(fc.constantFrom(1, 2), wildNumber()),
    dilation: wildTuple(2, 2), outputSize: fc.oneof(fc.array(wildNumber(9), { minLength: 2, maxLength: 2 }), fc.array(wildNumber(9), { minLength: 4, maxLength: 4 })),
  }),
  invoke: convInvoke,
  check(made, output) {
    const { input, weight } = made;
    const o = given(made.options);
    const [s, p, op, d] = [expand(o.stride ?? 1, 2), expand(o.padding ?? 0, 2), expand(o.outputPadding ?? 0, 2), expand(o.dilation ?? 1, 2)];
    const k = weight.shape.slice(2);
    const spatial = o.outputSize
      ? o.outputSize.slice(-2)
      : spatialOf(input.shape, 2).map((size, i) => (size - 1) * s[i] - 2 * p[i] + d[i] * (k[i] - 1) + op[i] + 1);
    const wrongShape = shapeProblems('output', output.shape, [...input.shape.slice(0, -3), weight.shape[1] * (o.groups ?? 1), ...spatial]);
    return wrongShape.length ? wrongShape : boundedProblems(output, convBound(made));
  },
};

const relu = {
  arbitrary: fc.record({
    input: floatTensor(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 0, maxLength: 4 })),
    options: fc.oneof(fc.constant(undefined), wildOptions({ inplace: wildBool })),
  }),
  invoke: (F, name, { input, options }) => F.relu(input, options),
  check: ({ input }, output) => [
    ...shapeProblems('output', output.shape, input.shape),
    ...valueProblems(output, input.data.map((v) => Math.max(0, v))),
  ],
};

const cat = {
  // A base that starts with N = 0 holds no elements, so its tensors may grow past int32 along
  // another dimension, and their sum past 2^53.
  arbitrary: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 4 }).chain((base) =>
    fc.record({
      tensors: fc.oneof(
        { weight: 8, arbitrary: fc.array(fc.record({ grow: base[0] === 0 && base.length > 1 ? fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 3 }) }, { weight: 1, arbitrary: fc.constantFrom(2 ** 31 - 1, 2 ** 53 - 1) }) : fc.integer({ min: 0, max: 3 }), int32: fc.boolean() }), { minLength: 1, maxLength: 3 }) },
        { weight: 1, arbitrary: fc.constantFrom([], null, 'tensors') },
      ),
      axis: fc.integer({ min: base[0] === 0 && base.length > 1 ? 1 : 0, max: base.length - 1 }),
      dim: fc.oneof(fc.integer({ min: -5, max: 4 }), wildNumber()),
      base: fc.constant(base),
    }),
  ),
  // Every tensor is `base` with its `axis` extent replaced by `grow`: it fits when `dim` is that axis.
  make(poolkit, call, makeTensor) {
    if (!Array.isArray(call.tensors)) return { tensors: call.tensors, dim: call.dim };
    const tensors = call.tensors.map(({ grow, int32 }, i) => {
      const shape = call.base.map((d, k) => (k === call.axis ? grow : d));
      return makeTensor(poolkit, int32 ? { kind: 'indices', shape, seed: i, span: 9 } : { shape, seed: i });
    });
    return { tensors, dim: call.dim };
  },
  invoke: (F, name, { tensors, dim }) => F.cat(tensors, dim),
  check({ tensors, dim = 0 }, output) {
    const axis = dim < 0 ? dim + tensors[0].dim() : dim;
    const shape = [...tensors[0].shape];
    shape[axis] = tensors.reduce((sum, t) => sum + t.shape[axis], 0);
    const expected = catValues(tensors, axis);
    return [...shapeProblems('output', output.shape, shape), ...valueProblems(output, output.dtype === 'int32' ? Int32Array.from(expected) : Float32Array.from(expected))];
  },
};

const centerCrop = {
  arbitrary: fc.record({
    input: floatTensor(fc.oneof(inputShape(2), fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 0, maxLength: 3 }))),
    outputSize: wildTuple(2, 5),
  }),
  invoke: (F, name, { input, outputSize }) => F.centerCrop(input, outputSize),
  check({ input, outputSize }, output) {
    const [h, w] = expand(outputSize, 2);
    const wrongShape = shapeProblems('output', output.shape, [...input.shape.slice(0, -2), h, w]);
    return wrongShape.length ? wrongShape : valueProblems(output, Float32Array.from(cropValues(input, h, w)));
  },
};

const tensorData = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.double({ noNaN: false }), { maxLength: 6 }) },
  { weight: 2, arbitrary: fc.array(fc.integer(), { maxLength: 6 }).map((a) => Int32Array.from(a)) },
  { weight: 2, arbitrary: fc.array(fc.float(), { maxLength: 6 }).map((a) => Float32Array.from(a)) },
  { weight: 2, arbitrary: fc.array(fc.array(fc.integer({ min: -9, max: 9 }), { minLength: 2, maxLength: 2 }), { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom(null, 'abc', 5, { length: 2 }, [1, '2'], [[1, 2], [3]], new Float64Array(2), [[]]) },
);

const tensorOp = {
  arbitrary: fc.record({
    data: tensorData,
    shape: fc.oneof(fc.constant(undefined), fc.array(wildNumber(3, 0), { maxLength: 4 }), fc.constantFrom(null, 3, [0, 2 ** 53], [2 ** 32, 0, 2 ** 31])),
  }),
  make: (poolkit, call) => call,
  invoke: (F, name, { data, shape }, poolkit) => poolkit.tensor(data, shape),
  check({ data, shape }, output) {
    const flat = shape === undefined ? data.flat(Infinity) : data;
    const expectedShape = shape ?? (Array.isArray(data[0]) ? [data.length, data[0].length] : [data.length]);
    const values = output.dtype === 'int32' ? Int32Array.from(flat) : Float32Array.from(flat);
    return [...shapeProblems('tensor', output.shape, expectedShape), ...valueProblems(output, values)];
  },
};

/**
 * The op table, keyed by the name each op's Errors start with. Each entry has `arbitrary` (a
 * call), `invoke(F, name, made, poolkit)`, `check(made, result)` and optionally `make`, for
 * calls whose tensors are not just the spec fields.
 */
export const OPS = {
  maxPool1d: maxPool(1), maxPool2d: maxPool(2), maxPool3d: maxPool(3),
  avgPool1d: avgPool(1), avgPool2d: avgPool(2), avgPool3d: avgPool(3),
  lpPool1d: lpPool(1), lpPool2d: lpPool(2),
  adaptiveAvgPool1d: adaptivePool(1, false), adaptiveAvgPool2d: adaptivePool(2, false), adaptiveAvgPool3d: adaptivePool(3, false),
  adaptiveMaxPool1d: adaptivePool(1, true), adaptiveMaxPool2d: adaptivePool(2, true), adaptiveMaxPool3d: adaptivePool(3, true),
  fractionalMaxPool2d: fractionalMaxPool(2), fractionalMaxPool3d: fractionalMaxPool(3),
  maxUnpool1d: maxUnpool(1), maxUnpool2d: maxUnpool(2), maxUnpool3d: maxUnpool(3),
  conv2d, convTranspose2d, relu, cat, centerCrop, tensor: tensorOp,
};

/** One call of any op: {op, call}. */
export const anyCall = fc.oneof(...Object.entries(OPS).map(([op, entry]) => entry.arbitrary.map((call) => ({ op, call }))));

/** Specs inside options (fractionalMaxPool's randomSamples) made into tensors too. */
function makeOptions(poolkit, options, makeTensor) {
  const isSpec = (v) => v !== null && typeof v === 'object' && Array.isArray(v.shape);
  if (options === null || typeof options !== 'object' || Array.isArray(options)) return options;
  const made = Object.fromEntries(Object.entries(options).map(([k, v]) => [k, isSpec(v) ? makeTensor(poolkit, v) : v]));
  return materialiseOptions(made.inheritedFrom ? { inheritedFrom: makeOptions(poolkit, made.inheritedFrom, makeTensor) } : made);
}

/** The call's tensors and options, made (tensor specs become tensors). */
export function makeCall(poolkit, op, call, makeTensor) {
  if (OPS[op].make) return OPS[op].make(poolkit, call, makeTensor);
  const made = {};
  for (const [key, value] of Object.entries(call)) {
    if (key === 'options') made.options = makeOptions(poolkit, value, makeTensor);
    else made[key] = value !== null && typeof value === 'object' && Array.isArray(value.shape) ? makeTensor(poolkit, value) : value;
  }
  return made;
}

export { numel };
