import { wasm } from '../runtime.js';
import { adoptWasmTensor } from '../tensor.js';
import { checkInput, outputSizeTuple, readOptions } from '../options.js';

const SPEC = { outputSize: undefined };

/** Options as the C++ binding takes them: `dims` output sizes, null keeping the input's size. */
export function adaptiveAvgPoolOptions(op, dims, options) {
  const shorthand = typeof options === 'number' || Array.isArray(options);
  const o = readOptions(op, shorthand ? { outputSize: options } : options ?? {}, SPEC);
  if (o.outputSize === undefined) throw new Error(`${op}: outputSize is required`);
  // PyTorch's adaptive_avg_pool1d takes no None, and from 2d on checks that output_size has
  // one entry per dimension.
  const oneDimensional = dims === 1;
  return {
    outputSize: outputSizeTuple(op, o.outputSize, dims, {
      allowNull: !oneDimensional,
      allowOneElementArray: oneDimensional,
    }),
  };
}

function adaptiveAvgPool(op, dims, input, options) {
  const pointer = checkInput(op, input);
  const result = wasm()[op](pointer, input.shape, adaptiveAvgPoolOptions(op, dims, options));
  if (result.error) throw new Error(result.error);
  return adoptWasmTensor(result.data, result.shape);
}

/** torch.nn.functional.adaptive_avg_pool1d. `options` is {outputSize} or just the size. */
export function adaptiveAvgPool1d(input, options) {
  return adaptiveAvgPool('adaptiveAvgPool1d', 1, input, options);
}

/**
 * torch.nn.functional.adaptive_avg_pool2d. `options` is {outputSize} or just the size: an
 * integer or [h, w], where null keeps the input's size.
 */
export function adaptiveAvgPool2d(input, options) {
  return adaptiveAvgPool('adaptiveAvgPool2d', 2, input, options);
}

/**
 * torch.nn.functional.adaptive_avg_pool3d. `options` is {outputSize} or just the size: an
 * integer or [d, h, w], where null keeps the input's size.
 */
export function adaptiveAvgPool3d(input, options) {
  return adaptiveAvgPool('adaptiveAvgPool3d', 3, input, options);
}
