import { maxPool2d, maxPool2dOptions } from '../functional/max_pool2d.js';
import { moduleArguments } from '../options.js';
import { Module, pythonArguments } from './module.js';

// torch.nn.MaxPool2d(kernel_size, stride=None, padding=0, dilation=1, return_indices=False, ceil_mode=False)
const POSITIONAL = ['kernelSize', 'stride', 'padding', 'dilation', 'returnIndices', 'ceilMode'];

/**
 * torch.nn.MaxPool2d. Accepts `new MaxPool2d(2)`, `new MaxPool2d(2, {stride: 1})`,
 * `new MaxPool2d({kernelSize: 2})` or PyTorch's positional order. Attributes keep the values as
 * given, like PyTorch's.
 */
export class MaxPool2d extends Module {
  constructor(...args) {
    super();
    const given = moduleArguments('MaxPool2d', POSITIONAL, args);
    maxPool2dOptions(given); // a bad argument fails where the module is made
    this.kernelSize = given.kernelSize;
    this.stride = given.stride ?? given.kernelSize;
    this.padding = given.padding ?? 0;
    this.dilation = given.dilation ?? 1;
    this.returnIndices = given.returnIndices ?? false;
    this.ceilMode = given.ceilMode ?? false;
  }

  forward(input) {
    const { kernelSize, stride, padding, dilation, returnIndices, ceilMode } = this;
    return maxPool2d(input, { kernelSize, stride, padding, dilation, returnIndices, ceilMode });
  }

  extraRepr() {
    return pythonArguments([
      ['kernel_size', this.kernelSize],
      ['stride', this.stride],
      ['padding', this.padding],
      ['dilation', this.dilation],
      ['ceil_mode', this.ceilMode],
    ]);
  }
}
