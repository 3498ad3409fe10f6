// The ops the playground can show: which poolkit function computes each, which of PyTorch's
// arguments it takes, and their defaults. An op missing from the loaded build is left out.

// One control per argument: `pair` is an int per spatial dimension, `optional` may be left
// empty (PyTorch's None).
export const PARAMS = {
  kernelSize: { label: 'kernel_size', kind: 'pair', default: 2, min: 1 },
  stride: { label: 'stride', kind: 'pair', default: null, min: 1, optional: 'same as kernel' },
  padding: { label: 'padding', kind: 'pair', default: 0, min: 0 },
  dilation: { label: 'dilation', kind: 'pair', default: 1, min: 1 },
  outputSize: { label: 'output_size', kind: 'pair', default: 2, min: 1 },
  normType: { label: 'norm_type', kind: 'float', default: 2, step: 0.5 },
  divisorOverride: { label: 'divisor_override', kind: 'int', default: null, min: 1, optional: 'none' },
  ceilMode: { label: 'ceil_mode', kind: 'bool', default: false },
  countIncludePad: { label: 'count_include_pad', kind: 'bool', default: true },
};

const windowed = ['kernelSize', 'stride', 'padding'];

export const OPS = [
  { name: 'MaxPool2d', fn: 'maxPool2d', dims: 2, params: [...windowed, 'dilation', 'ceilMode'], max: true },
  {
    name: 'AvgPool2d',
    fn: 'avgPool2d',
    dims: 2,
    params: [...windowed, 'ceilMode', 'countIncludePad', 'divisorOverride'],
  },
  { name: 'AdaptiveMaxPool2d', fn: 'adaptiveMaxPool2d', dims: 2, params: ['outputSize'], max: true, adaptive: true },
  { name: 'AdaptiveAvgPool2d', fn: 'adaptiveAvgPool2d', dims: 2, params: ['outputSize'], adaptive: true },
  { name: 'LPPool2d', fn: 'lpPool2d', dims: 2, params: ['normType', 'kernelSize', 'stride', 'ceilMode'] },
  { name: 'MaxPool1d', fn: 'maxPool1d', dims: 1, params: [...windowed, 'dilation', 'ceilMode'], max: true },
  { name: 'AvgPool1d', fn: 'avgPool1d', dims: 1, params: [...windowed, 'ceilMode', 'countIncludePad'] },
  { name: 'AdaptiveMaxPool1d', fn: 'adaptiveMaxPool1d', dims: 1, params: ['outputSize'], max: true, adaptive: true },
  { name: 'AdaptiveAvgPool1d', fn: 'adaptiveAvgPool1d', dims: 1, params: ['outputSize'], adaptive: true },
  { name: 'LPPool1d', fn: 'lpPool1d', dims: 1, params: ['normType', 'kernelSize', 'stride', 'ceilMode'] },
];

export function availableOps(functional) {
  return OPS.filter((op) => typeof functional[op.fn] === 'function');
}

/** The options object for poolkit from the controls' values ({name: value}); nulls left out. */
export function optionsFor(op, values) {
  const options = {};
  for (const name of op.params) {
    const value = values[name];
    if (value === null || value === undefined) continue;
    options[name] = PARAMS[name].kind === 'pair' && op.dims === 1 ? value[0] : value;
  }
  return options;
}

const python = (value) => {
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (Array.isArray(value)) return value[0] === value[1] ? String(value[0]) : `(${value.join(', ')})`;
  return String(value);
};

/** The PyTorch line for what the controls say, with only the arguments that differ from defaults. */
export function torchLine(op, values) {
  const args = [];
  for (const name of op.params) {
    const spec = PARAMS[name];
    let value = values[name];
    if (value === null || value === undefined) continue;
    if (spec.kind === 'pair' && op.dims === 1) value = value[0];
    const isDefault = Array.isArray(value) ? value.every((v) => v === spec.default) : value === spec.default;
    const required = name === 'kernelSize' || name === 'outputSize' || name === 'normType';
    if (!isDefault || required) args.push(`${spec.label}=${python(value)}`);
  }
  return `nn.${op.name}(${args.join(', ')})`;
}
