import { wasm } from '../runtime.js';
import { checkInput } from '../options.js';
import { maxPoolOptions } from './max_pool_options.js';
import { poolResult } from './pool_result.js';

const OP = 'maxPool1d';

/**
 * torch.nn.functional.max_pool1d over (C, L) or (N, C, L). `options` is {kernelSize, stride,
 * padding, dilation, ceilMode, returnIndices} or just the kernel size. Returns the output, or
 * [output, indices] with returnIndices (int32 positions along L within each (N, C) row).
 */
export function maxPool1d(input, options) {
  const pointer = checkInput(OP, input);
  const args = maxPoolOptions(OP, options, 1);
  return poolResult(wasm().maxPool1d(pointer, input.shape, args), args.returnIndices);
}
