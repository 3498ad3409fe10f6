import { wasm } from '../runtime.js';
import { adoptWasmTensor } from '../tensor.js';
import { bool, checkInput, intTuple, readOptions } from '../options.js';

const OP = 'maxPool2d';
const SPEC = {
  kernelSize: undefined,
  stride: undefined,
  padding: 0,
  dilation: 1,
  ceilMode: false,
  returnIndices: false,
};

/** Options as the C++ binding takes them: every window argument as [h, w]. */
export function maxPool2dOptions(options) {
  const given = typeof options === 'number' || Array.isArray(options) ? { kernelSize: options } : options;
  const o = readOptions(OP, given ?? {}, SPEC);
  if (o.kernelSize === undefined) throw new Error(`${OP}: kernelSize is required`);
  const kernelSize = intTuple(OP, 'kernelSize', o.kernelSize, 2);
  // PyTorch: stride=None (or an empty list) means stride = kernel_size.
  const noStride = o.stride === undefined || (Array.isArray(o.stride) && o.stride.length === 0);
  return {
    kernelSize,
    stride: noStride ? kernelSize : intTuple(OP, 'stride', o.stride, 2),
    padding: intTuple(OP, 'padding', o.padding, 2),
    dilation: intTuple(OP, 'dilation', o.dilation, 2),
    ceilMode: bool(OP, 'ceilMode', o.ceilMode),
    returnIndices: bool(OP, 'returnIndices', o.returnIndices),
  };
}

/**
 * torch.nn.functional.max_pool2d. `options` is {kernelSize, stride, padding, dilation, ceilMode,
 * returnIndices} or just the kernel size. Returns the output, or [output, indices] with
 * returnIndices (indices are int32 offsets within each (N, C) plane).
 */
export function maxPool2d(input, options) {
  const pointer = checkInput(OP, input);
  const args = maxPool2dOptions(options);
  const result = wasm().maxPool2d(pointer, input.shape, args);
  if (result.error) throw new Error(result.error);
  const output = adoptWasmTensor(result.data, result.shape);
  return args.returnIndices ? [output, adoptWasmTensor(result.indices, result.shape, 'int32')] : output;
}
