import { wasm } from '../runtime.js';
import { bool, checkInput, describeValue, readOptions } from '../options.js';
import { poolResult } from './pool_result.js';

const SPEC = { outputSize: undefined, returnIndices: false };

/**
 * outputSize as PyTorch's adaptive pools take it: an integer, or an array of `dims` entries
 * where (from 2d on) null keeps that input size. Returns `dims` entries, null kept.
 */
export function adaptiveOutputSize(op, value, dims) {
  const entries = Array.isArray(value) ? value : [value];
  const allowNull = dims > 1;
  const ok = (v) => Number.isInteger(v) || (allowNull && v === null);
  if (entries.length === 0 || (Array.isArray(value) && entries.length !== dims) || !entries.every(ok)) {
    const form =
      dims === 1
        ? 'an integer (adaptive 1d pooling has no null, as in PyTorch)'
        : `an integer or an array of ${dims} integers or nulls (null keeps that input size)`;
    throw new Error(`${op}: outputSize must be ${form}, got ${describeValue(value)}`);
  }
  return entries.length === 1 ? Array(dims).fill(entries[0]) : [...entries];
}

/** The options of adaptiveMaxPool{1,2,3}d: an options object, or just the output size. */
export function adaptiveMaxPoolOptions(op, options, dims) {
  const shorthand = typeof options === 'number' || Array.isArray(options);
  const o = readOptions(op, (shorthand ? { outputSize: options } : options) ?? {}, SPEC);
  if (o.outputSize === undefined) throw new Error(`${op}: outputSize is required`);
  return {
    outputSize: adaptiveOutputSize(op, o.outputSize, dims),
    returnIndices: bool(op, 'returnIndices', o.returnIndices),
  };
}

function adaptiveMaxPool(op, dims, input, options) {
  const pointer = checkInput(op, input);
  const args = adaptiveMaxPoolOptions(op, options, dims);
  // null keeps the input's size (PyTorch's _list_with_default). With a wrong rank the C++ side
  // reports the rank before it looks at the sizes.
  const rank = input.shape.length;
  const outputSize = args.outputSize.map((s, i) => s ?? input.shape[rank - dims + i] ?? 0);
  const result = wasm()[op](pointer, input.shape, { ...args, outputSize });
  return poolResult(result, args.returnIndices);
}

/**
 * torch.nn.functional.adaptive_max_pool1d over (C, L) or (N, C, L): window o covers
 * [floor(o * L / out), ceil((o + 1) * L / out)). `options` is {outputSize, returnIndices} or
 * just the output size.
 */
export function adaptiveMaxPool1d(input, options) {
  return adaptiveMaxPool('adaptiveMaxPool1d', 1, input, options);
}

/** torch.nn.functional.adaptive_max_pool2d over (C, H, W) or (N, C, H, W); null sizes keep the input's. */
export function adaptiveMaxPool2d(input, options) {
  return adaptiveMaxPool('adaptiveMaxPool2d', 2, input, options);
}

/** torch.nn.functional.adaptive_max_pool3d over (C, D, H, W) or (N, C, D, H, W); null sizes keep the input's. */
export function adaptiveMaxPool3d(input, options) {
  return adaptiveMaxPool('adaptiveMaxPool3d', 3, input, options);
}
