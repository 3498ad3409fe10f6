import { wasm } from '../runtime.js';
import { adoptWasmTensor } from '../tensor.js';
import { intTuple, readOptions } from '../options.js';
import { convOperands } from './conv_operands.js';

const OP = 'convTranspose2d';
const SPEC = { stride: 1, padding: 0, outputPadding: 0, groups: 1, dilation: 1, outputSize: undefined };

// PyTorch's output_size: [h, w], or the whole output shape [n, c, h, w] of which only h, w count.
function outputSizeArg(op, value) {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value) && value.length === 4 && value.every(Number.isInteger)) return value.slice(2);
  return intTuple(op, 'outputSize', value, 2);
}

/** Options as the C++ binding takes them: every window argument as [h, w]. */
export function convTranspose2dOptions(options, op = OP) {
  const o = readOptions(op, options, SPEC);
  return {
    stride: intTuple(op, 'stride', o.stride, 2),
    padding: intTuple(op, 'padding', o.padding, 2),
    outputPadding: intTuple(op, 'outputPadding', o.outputPadding, 2),
    dilation: intTuple(op, 'dilation', o.dilation, 2),
    groups: intTuple(op, 'groups', o.groups, 1)[0],
    outputSize: outputSizeArg(op, o.outputSize),
  };
}

/**
 * torch.nn.functional.conv_transpose2d(input, weight, bias, {stride, padding, outputPadding,
 * groups, dilation}), plus `outputSize` as nn.ConvTranspose2d's forward takes it: it picks
 * the output padding (and outputPadding is then ignored).
 */
export function convTranspose2d(input, weight, bias, options) {
  const operands = convOperands(OP, input, weight, bias, options);
  const args = convTranspose2dOptions(operands.options);
  const { pointers } = operands;
  const result = wasm().convTranspose2d(pointers.input, input.shape, pointers.weight, weight.shape, pointers.bias, operands.biasShape, args);
  if (result.error) throw new Error(result.error);
  return adoptWasmTensor(result.data, result.shape);
}
