import { wasm } from '../runtime.js';
import { addressOf, Tensor } from '../tensor.js';
import { checkInput, describeValue, intTuple, readOptions } from '../options.js';
import { poolResult } from './pool_result.js';

const SPEC = { kernelSize: undefined, stride: undefined, padding: 0, outputSize: undefined };

/** The options of maxUnpool{1,2,3}d as the C++ bindings take them, `dims` integers each. */
export function maxUnpoolOptions(op, options, dims) {
  const given = typeof options === 'number' || Array.isArray(options) ? { kernelSize: options } : options;
  const o = readOptions(op, given ?? {}, SPEC);
  if (o.kernelSize === undefined) throw new Error(`${op}: kernelSize is required`);
  // PyTorch's _pair/_triple pass [k] through, and max_unpool then indexes every dimension of
  // kernel_size, stride and padding: only 1d, where [k] is the whole tuple, takes one.
  const lengths = { allowOneElementArray: dims === 1 };
  const kernelSize = intTuple(op, 'kernelSize', o.kernelSize, dims, lengths);
  const noStride = o.stride === undefined || (Array.isArray(o.stride) && o.stride.length === 0);
  let outputSize = null;
  if (o.outputSize !== undefined) {
    // PyTorch takes the spatial sizes, or the whole output shape (N, C, ...) of which it uses
    // the spatial part.
    const ok = Array.isArray(o.outputSize) && [dims, dims + 2].includes(o.outputSize.length);
    if (!ok || !o.outputSize.every(Number.isInteger)) {
      throw new Error(
        `${op}: outputSize must be an array of ${dims === 1 ? '1 integer' : `${dims} integers`}, or of ${dims + 2} (N, C and the spatial sizes), got ${describeValue(o.outputSize)}`,
      );
    }
    outputSize = o.outputSize.slice(-dims);
  }
  return {
    kernelSize,
    stride: noStride ? kernelSize : intTuple(op, 'stride', o.stride, dims, lengths),
    padding: intTuple(op, 'padding', o.padding, dims, lengths),
    outputSize,
  };
}

function checkIndices(op, indices) {
  if (!(indices instanceof Tensor) || indices.dtype !== 'int32') {
    const got = indices instanceof Tensor ? `a ${indices.dtype} Tensor` : describeValue(indices);
    throw new Error(`${op}: indices must be an int32 Tensor, as max pooling returns with returnIndices: true, got ${got}`);
  }
  return addressOf(indices, op);
}

function maxUnpool(op, dims, input, indices, options) {
  const pointer = checkInput(op, input);
  const indicesPointer = checkIndices(op, indices);
  const args = maxUnpoolOptions(op, options, dims);
  const result = wasm()[op](pointer, input.shape, indicesPointer, indices.shape, args);
  return poolResult(result, false);
}

/**
 * torch.nn.functional.max_unpool1d: puts each value of `input` at its index (as maxPool1d returns
 * them) in a zero output, the last write winning where indices repeat. `options` is
 * {kernelSize, stride, padding, outputSize} or just the kernel size.
 */
export function maxUnpool1d(input, indices, options) {
  return maxUnpool('maxUnpool1d', 1, input, indices, options);
}

/** torch.nn.functional.max_unpool2d: the inverse of maxPool2d with returnIndices, zeros elsewhere. */
export function maxUnpool2d(input, indices, options) {
  return maxUnpool('maxUnpool2d', 2, input, indices, options);
}

/** torch.nn.functional.max_unpool3d: the inverse of maxPool3d with returnIndices, zeros elsewhere. */
export function maxUnpool3d(input, indices, options) {
  return maxUnpool('maxUnpool3d', 3, input, indices, options);
}
