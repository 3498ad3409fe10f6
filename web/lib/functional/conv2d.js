import { wasm } from '../runtime.js';
import { adoptWasmTensor } from '../tensor.js';
import { intTuple, readOptions } from '../options.js';
import { convOperands } from './conv_operands.js';

const OP = 'conv2d';
const SPEC = { stride: 1, padding: 0, dilation: 1, groups: 1 };

/** conv2d's padding: an int, an [h, w] pair, 'same' or 'valid'. */
export function conv2dPadding(op, padding) {
  if (padding === 'same' || padding === 'valid') return padding;
  if (typeof padding === 'string') {
    throw new Error(`${op}: padding must be an integer, an array of 2 integers, 'same' or 'valid', got "${padding}"`);
  }
  return intTuple(op, 'padding', padding, 2);
}

/** Options as the C++ binding takes them: every window argument as [h, w]. */
export function conv2dOptions(options, op = OP) {
  const o = readOptions(op, options, SPEC);
  const padding = conv2dPadding(op, o.padding);
  return {
    stride: intTuple(op, 'stride', o.stride, 2),
    padding: typeof padding === 'string' ? [0, 0] : padding,
    samePadding: padding === 'same',
    dilation: intTuple(op, 'dilation', o.dilation, 2),
    groups: intTuple(op, 'groups', o.groups, 1)[0],
  };
}

/**
 * torch.nn.functional.conv2d(input, weight, bias, {stride, padding, dilation, groups}).
 * `bias` may be null or left out; padding may be 'same' (the odd extra row or column goes
 * bottom/right, as in PyTorch) or 'valid'.
 */
export function conv2d(input, weight, bias, options) {
  const operands = convOperands(OP, input, weight, bias, options);
  const args = conv2dOptions(operands.options);
  const { pointers } = operands;
  const result = wasm().conv2d(pointers.input, input.shape, pointers.weight, weight.shape, pointers.bias, operands.biasShape, args);
  if (result.error) throw new Error(result.error);
  return adoptWasmTensor(result.data, result.shape);
}
