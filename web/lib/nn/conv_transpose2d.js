import { convTranspose2d } from '../functional/conv_transpose2d.js';
import { intTuple } from '../options.js';
import { convModuleArguments, convRepr } from './conv2d.js';
import { kaimingUniformBound, uniformTensor } from './init.js';
import { Module } from './module.js';

// torch.nn.ConvTranspose2d(in_channels, out_channels, kernel_size, stride=1, padding=0,
// output_padding=0, groups=1, bias=True, dilation=1, padding_mode='zeros')
const POSITIONAL = ['inChannels', 'outChannels', 'kernelSize', 'stride', 'padding', 'outputPadding', 'groups', 'bias', 'dilation', 'paddingMode'];

/**
 * torch.nn.ConvTranspose2d: `new ConvTranspose2d(128, 64, 2, {stride: 2})`, one options object,
 * or PyTorch's positional order. `weight` (inChannels, outChannels / groups, kH, kW) and `bias`
 * (outChannels, or null) are tensors you may replace; they start with PyTorch's initialisation
 * ranges (see nn/init.js). forward(input, outputSize) picks the output padding like PyTorch's.
 */
export class ConvTranspose2d extends Module {
  constructor(...args) {
    super();
    const op = 'ConvTranspose2d';
    const a = convModuleArguments(op, POSITIONAL, args, (given) => ({
      padding: intTuple(op, 'padding', given.padding ?? 0, 2),
      outputPadding: intTuple(op, 'outputPadding', given.outputPadding ?? 0, 2),
    }));
    this.inChannels = a.inChannels;
    this.outChannels = a.outChannels;
    this.kernelSize = a.kernelSize;
    this.stride = a.stride;
    this.padding = a.padding;
    this.outputPadding = a.outputPadding;
    this.groups = a.groups;
    this.dilation = a.dilation;
    this.paddingMode = a.paddingMode;
    const [kh, kw] = a.kernelSize;
    // PyTorch's fan-in for a transposed weight is its dim 1 times the kernel area.
    const fanIn = (a.outChannels / a.groups) * kh * kw;
    this.weight = uniformTensor(op, 'weight', [a.inChannels, a.outChannels / a.groups, kh, kw], kaimingUniformBound(fanIn));
    this.bias = a.hasBias ? uniformTensor(op, 'bias', [a.outChannels], 1 / Math.sqrt(fanIn)) : null;
  }

  forward(input, outputSize) {
    const { stride, padding, outputPadding, groups, dilation } = this;
    return convTranspose2d(input, this.weight, this.bias, { stride, padding, outputPadding, groups, dilation, outputSize });
  }

  extraRepr() {
    const padded = this.outputPadding.some((p) => p !== 0);
    return convRepr(this, padded ? [['output_padding', this.outputPadding]] : []);
  }
}
