import { bool, intTuple, readOptions } from '../options.js';

const SPEC = {
  kernelSize: undefined,
  stride: undefined,
  padding: 0,
  dilation: 1,
  ceilMode: false,
  returnIndices: false,
};

/**
 * The options of maxPool1d/2d/3d as the C++ bindings take them: every window argument as `dims`
 * integers. `options` is an options object, or just the kernel size.
 */
export function maxPoolOptions(op, options, dims) {
  const given = typeof options === 'number' || Array.isArray(options) ? { kernelSize: options } : options;
  const o = readOptions(op, given ?? {}, SPEC);
  if (o.kernelSize === undefined) throw new Error(`${op}: kernelSize is required`);
  const kernelSize = intTuple(op, 'kernelSize', o.kernelSize, dims);
  // PyTorch: stride=None (or an empty list) means stride = kernel_size.
  const noStride = o.stride === undefined || (Array.isArray(o.stride) && o.stride.length === 0);
  return {
    kernelSize,
    stride: noStride ? kernelSize : intTuple(op, 'stride', o.stride, dims),
    padding: intTuple(op, 'padding', o.padding, dims),
    dilation: intTuple(op, 'dilation', o.dilation, dims),
    ceilMode: bool(op, 'ceilMode', o.ceilMode),
    returnIndices: bool(op, 'returnIndices', o.returnIndices),
  };
}
