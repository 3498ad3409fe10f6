import { wasm } from '../runtime.js';
import { adoptWasmTensor } from '../tensor.js';
import { bool, checkInput, intTuple, number, readOptions } from '../options.js';

const SPEC = { normType: undefined, kernelSize: undefined, stride: undefined, ceilMode: false };

/** Options as the C++ binding takes them. normType comes first in PyTorch, so no shorthand. */
export function lpPoolOptions(op, dims, options) {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new Error(`${op}: options must be an object such as {normType: 2, kernelSize: 3}, got ${options === null || options === undefined ? options : JSON.stringify(options)}`);
  }
  const o = readOptions(op, options, SPEC);
  if (o.normType === undefined) throw new Error(`${op}: normType is required`);
  if (o.kernelSize === undefined) throw new Error(`${op}: kernelSize is required`);
  // PyTorch unpacks the 2d kernel_size into (kw, kh) and multiplies by the 1d one, so neither
  // takes a one-element array (and 1d no array at all); stride goes to avg_pool, which does.
  const kernelSize = intTuple(op, 'kernelSize', o.kernelSize, dims, { allowOneElementArray: false });
  const noStride = o.stride === undefined || (Array.isArray(o.stride) && o.stride.length === 0);
  return {
    normType: number(op, 'normType', o.normType),
    kernelSize,
    stride: noStride ? kernelSize : intTuple(op, 'stride', o.stride, dims),
    ceilMode: bool(op, 'ceilMode', o.ceilMode),
  };
}

function lpPool(op, dims, input, options) {
  const pointer = checkInput(op, input);
  const result = wasm()[op](pointer, input.shape, lpPoolOptions(op, dims, options));
  if (result.error) throw new Error(result.error);
  return adoptWasmTensor(result.data, result.shape);
}

/**
 * torch.nn.functional.lp_pool1d: (sum over each window of x^p)^(1/p), computed as PyTorch
 * composes it. `options` is {normType, kernelSize, stride, ceilMode}.
 */
export function lpPool1d(input, options) {
  return lpPool('lpPool1d', 1, input, options);
}

/**
 * torch.nn.functional.lp_pool2d: (sum over each window of x^p)^(1/p), computed as PyTorch
 * composes it. `options` is {normType, kernelSize, stride, ceilMode}.
 */
export function lpPool2d(input, options) {
  return lpPool('lpPool2d', 2, input, options);
}
