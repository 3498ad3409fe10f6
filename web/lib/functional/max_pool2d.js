import { wasm } from '../runtime.js';
import { checkInput } from '../options.js';
import { maxPoolOptions } from './max_pool_options.js';
import { poolResult } from './pool_result.js';

const OP = 'maxPool2d';

/** Options as the C++ binding takes them: every window argument as [h, w]. */
export function maxPool2dOptions(options) {
  return maxPoolOptions(OP, options, 2);
}

/**
 * torch.nn.functional.max_pool2d. `options` is {kernelSize, stride, padding, dilation, ceilMode,
 * returnIndices} or just the kernel size. Returns the output, or [output, indices] with
 * returnIndices (indices are int32 offsets within each (N, C) plane).
 */
export function maxPool2d(input, options) {
  const pointer = checkInput(OP, input);
  const args = maxPool2dOptions(options);
  return poolResult(wasm().maxPool2d(pointer, input.shape, args), args.returnIndices);
}
