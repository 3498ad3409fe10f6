// The operands every convolution takes, as PyTorch takes them: (input, weight, bias?, options?),
// where bias may be null or left out, and options may follow the weight directly.
import { Tensor } from '../tensor.js';
import { checkInput } from '../options.js';

const isOptions = (value) =>
  value !== null && typeof value === 'object' && !(value instanceof Tensor) && !ArrayBuffer.isView(value) && !Array.isArray(value);

export function convOperands(op, input, weight, bias, options) {
  if (options === undefined && isOptions(bias)) [bias, options] = [null, bias];
  const pointers = {
    input: checkInput(op, input),
    weight: checkInput(op, weight, 'weight'),
    bias: bias === null || bias === undefined ? 0 : checkInput(op, bias, 'bias'),
  };
  return { pointers, biasShape: pointers.bias ? bias.shape : null, options: options ?? {} };
}
