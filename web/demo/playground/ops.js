// The ops the playground can show: which poolkit function computes each, which of PyTorch's
// arguments it takes, and their defaults. An op missing from the loaded build is left out.

// One control per argument. A `tuple` holds an int per spatial dimension (stored for three,
// D/H/W order, so switching between 1-d, 2-d and 3-d ops keeps what was typed); `optional`
// may be PyTorch's None, and its text names what None means.
export const PARAMS = {
  kernelSize: { label: 'kernel_size', kind: 'tuple', default: 2, min: 1 },
  stride: { label: 'stride', kind: 'tuple', default: null, min: 1, optional: 'same as kernel_size' },
  padding: { label: 'padding', kind: 'tuple', default: 0, min: 0 },
  dilation: { label: 'dilation', kind: 'tuple', default: 1, min: 1 },
  outputSize: { label: 'output_size', kind: 'tuple', default: 2, min: 1 },
  normType: { label: 'norm_type', kind: 'float', default: 2, min: 0.5, step: 0.5 },
  divisorOverride: { label: 'divisor_override', kind: 'int', default: null, min: 1, optional: 'None' },
  // FractionalMaxPool's _random_samples: one number in [0, 1) per dimension picks the windows.
  randomSamples: { label: '_random_samples', kind: 'tuple', default: 0.5, min: 0, max: 0.95, step: 0.05 },
  ceilMode: { label: 'ceil_mode', kind: 'bool', default: false },
  countIncludePad: { label: 'count_include_pad', kind: 'bool', default: true },
  returnIndices: { label: 'return_indices', kind: 'bool', default: false },
};

const windowed = ['kernelSize', 'stride', 'padding'];
const maxArgs = [...windowed, 'dilation', 'ceilMode', 'returnIndices'];
const avgArgs = (dims) => [...windowed, 'ceilMode', 'countIncludePad', ...(dims > 1 ? ['divisorOverride'] : [])];
const lpArgs = ['normType', 'kernelSize', 'stride', 'ceilMode'];

// `kind` says how an output cell is computed from its window (see arithmetic.js).
function family(dims) {
  return [
    { name: `MaxPool${dims}d`, fn: `maxPool${dims}d`, kind: 'max', params: maxArgs },
    { name: `AvgPool${dims}d`, fn: `avgPool${dims}d`, kind: 'avg', params: avgArgs(dims) },
    {
      name: `AdaptiveMaxPool${dims}d`,
      fn: `adaptiveMaxPool${dims}d`,
      kind: 'max',
      adaptive: true,
      params: ['outputSize', 'returnIndices'],
    },
    { name: `AdaptiveAvgPool${dims}d`, fn: `adaptiveAvgPool${dims}d`, kind: 'avg', adaptive: true, params: ['outputSize'] },
    ...(dims < 3 ? [{ name: `LPPool${dims}d`, fn: `lpPool${dims}d`, kind: 'lp', params: lpArgs }] : []),
    ...(dims > 1
      ? [
          {
            name: `FractionalMaxPool${dims}d`,
            fn: `fractionalMaxPool${dims}d`,
            kind: 'max',
            fractional: true,
            params: ['kernelSize', 'outputSize', 'randomSamples', 'returnIndices'],
          },
        ]
      : []),
  ].map((op) => ({ ...op, dims }));
}

const OPS = [...family(2), ...family(1), ...family(3)];

export function availableOps(functional) {
  return OPS.filter((op) => typeof functional[op.fn] === 'function');
}

/** The controls' starting values: every tuple stored for three dimensions. */
export function defaultValues() {
  return Object.fromEntries(
    Object.entries(PARAMS).map(([name, spec]) => [
      name,
      spec.kind === 'tuple' && spec.default !== null ? [spec.default, spec.default, spec.default] : spec.default,
    ]),
  );
}

/** A tuple argument's values for `op`'s dimensions (the last `dims` of D, H, W). */
export const forDims = (op, tuple) => tuple.slice(3 - op.dims);

/** The value of one argument as the op sees it: stride None follows kernel_size. */
export function argument(op, values, name) {
  const value = name === 'stride' && values.stride === null ? values.kernelSize : values[name];
  return PARAMS[name].kind === 'tuple' ? forDims(op, value) : value;
}

/**
 * The options object for poolkit from the controls' values; PyTorch's None left out.
 * randomSamples is returned as numbers in PyTorch's order (see samplesInTorchOrder).
 */
export function optionsFor(op, values) {
  const options = {};
  for (const name of op.params) {
    if (values[name] === null || values[name] === undefined) continue;
    const value = argument(op, values, name);
    options[name] = name === 'randomSamples' ? samplesInTorchOrder(op, value) : value;
  }
  return options;
}

// FractionalMaxPool2d's samples are (w, h); 3d's are (t, h, w), PyTorch's own asymmetry.
export const samplesInTorchOrder = (op, samples) => (op.dims === 2 ? [...samples].reverse() : samples);

/** Whether an argument differs from PyTorch's default, so a snippet should spell it out. */
export function isDefault(op, values, name) {
  const spec = PARAMS[name];
  if (values[name] === null) return true;
  const value = argument(op, values, name);
  return Array.isArray(value) ? value.every((v) => v === spec.default) : value === spec.default;
}

export const REQUIRED = ['kernelSize', 'outputSize', 'normType', 'randomSamples'];
