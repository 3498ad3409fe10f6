// Parameter initialisation for the convolution modules, with PyTorch's ranges:
// reset_parameters() draws the weight with kaiming_uniform_(a=sqrt(5)) and the bias uniformly,
// both of which come to U(-1/sqrt(fanIn), 1/sqrt(fanIn)). The values come from Math.random, so
// they are not PyTorch's values and not reproducible: load trained weights for that.
import { tensor } from '../tensor.js';

/** A float32 tensor of the given shape with values uniform in [-bound, bound). */
export function uniformTensor(shape, bound) {
  const values = new Float32Array(shape.reduce((a, b) => a * b, 1));
  for (let i = 0; i < values.length; i++) values[i] = (Math.random() * 2 - 1) * bound;
  return tensor(values, shape);
}
