import { wasm } from '../runtime.js';
import { checkInput } from '../options.js';
import { maxPoolOptions } from './max_pool_options.js';
import { poolResult } from './pool_result.js';

const OP = 'maxPool3d';

/**
 * torch.nn.functional.max_pool3d over (C, D, H, W) or (N, C, D, H, W). `options` is
 * {kernelSize, stride, padding, dilation, ceilMode, returnIndices} or just the kernel size.
 * Returns the output, or [output, indices] with returnIndices (int32 offsets
 * (d * H + h) * W + w within each (N, C) volume).
 */
export function maxPool3d(input, options) {
  const pointer = checkInput(OP, input);
  const args = maxPoolOptions(OP, options, 3);
  return poolResult(wasm().maxPool3d(pointer, input.shape, args), args.returnIndices);
}
