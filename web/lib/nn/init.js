// Parameter initialisation for the convolution modules, as PyTorch's reset_parameters() does
// it: the weight by kaiming_uniform_(a=sqrt(5)), then the bias uniform in ±1/sqrt(fan_in), both
// drawn from poolkit's generator, which follows PyTorch's. After poolkit.manualSeed(s) a module
// holds the very numbers torch.manual_seed(s) gives the same PyTorch module.
import { rand } from '../random.js';
import { filledTensor } from '../tensor.js';

/** torch.nn.init.kaiming_uniform_'s bound for a = sqrt(5), computed in double as Python does. */
export function kaimingUniformBound(fanIn) {
  const a = Math.sqrt(5);
  return Math.sqrt(3) * (Math.sqrt(2 / (1 + a * a)) / Math.sqrt(fanIn));
}

/**
 * Tensor.uniform_(-bound, bound): float32 ends, each draw scaled in double and rounded once.
 * The wasm memory is taken first, so a module too large for it is an Error naming `op` and the
 * bytes before anything is drawn.
 */
export function uniformTensor(op, what, shape, bound) {
  return filledTensor(op, what, shape, (view) => {
    const from = Math.fround(-bound);
    const to = Math.fround(bound);
    const values = rand(view.length);
    for (let i = 0; i < values.length; i++) values[i] = values[i] * (to - from) + from;
    view.set(values);
  });
}
