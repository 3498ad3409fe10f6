import { wasm } from '../runtime.js';
import { adoptWasmTensor } from '../tensor.js';
import { bool, checkInput, intTuple, optionalInt, readOptions } from '../options.js';

const spec = (dims) => ({
  kernelSize: undefined,
  stride: undefined,
  padding: 0,
  ceilMode: false,
  countIncludePad: true,
  // PyTorch's avg_pool1d has no divisor_override.
  ...(dims > 1 ? { divisorOverride: undefined } : {}),
});

/** Options as the C++ binding takes them: every window argument as `dims` integers. */
export function avgPoolOptions(op, dims, options) {
  const given = typeof options === 'number' || Array.isArray(options) ? { kernelSize: options } : options;
  const o = readOptions(op, given ?? {}, spec(dims));
  if (o.kernelSize === undefined) throw new Error(`${op}: kernelSize is required`);
  const kernelSize = intTuple(op, 'kernelSize', o.kernelSize, dims);
  // PyTorch: stride=None (or an empty list) means stride = kernel_size.
  const noStride = o.stride === undefined || (Array.isArray(o.stride) && o.stride.length === 0);
  return {
    kernelSize,
    stride: noStride ? kernelSize : intTuple(op, 'stride', o.stride, dims),
    padding: intTuple(op, 'padding', o.padding, dims),
    ceilMode: bool(op, 'ceilMode', o.ceilMode),
    countIncludePad: bool(op, 'countIncludePad', o.countIncludePad),
    divisorOverride: optionalInt(op, 'divisorOverride', o.divisorOverride),
  };
}

function avgPool(op, dims, input, options) {
  const pointer = checkInput(op, input);
  const result = wasm()[op](pointer, input.shape, avgPoolOptions(op, dims, options));
  if (result.error) throw new Error(result.error);
  return adoptWasmTensor(result.data, result.shape);
}

/**
 * torch.nn.functional.avg_pool1d on (N, C, L) or (C, L). `options` is {kernelSize, stride,
 * padding, ceilMode, countIncludePad} or just the kernel size.
 */
export function avgPool1d(input, options) {
  return avgPool('avgPool1d', 1, input, options);
}

/**
 * torch.nn.functional.avg_pool2d on (N, C, H, W) or (C, H, W). `options` is {kernelSize, stride,
 * padding, ceilMode, countIncludePad, divisorOverride} or just the kernel size.
 */
export function avgPool2d(input, options) {
  return avgPool('avgPool2d', 2, input, options);
}

/**
 * torch.nn.functional.avg_pool3d on (N, C, D, H, W) or (C, D, H, W). `options` is {kernelSize,
 * stride, padding, ceilMode, countIncludePad, divisorOverride} or just the kernel size.
 */
export function avgPool3d(input, options) {
  return avgPool('avgPool3d', 3, input, options);
}
