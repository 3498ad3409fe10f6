import { maxPoolOptions } from '../functional/max_pool_options.js';
import { moduleArguments } from '../options.js';
import { Module, pythonArguments } from './module.js';

// torch.nn.MaxPool{1,2,3}d(kernel_size, stride=None, padding=0, dilation=1, return_indices=False, ceil_mode=False)
const POSITIONAL = ['kernelSize', 'stride', 'padding', 'dilation', 'returnIndices', 'ceilMode'];

/**
 * What MaxPool1d, MaxPool2d and MaxPool3d share (PyTorch's _MaxPoolNd). Each accepts
 * `new MaxPool2d(2)`, `new MaxPool2d(2, {stride: 1})`, `new MaxPool2d({kernelSize: 2})` or
 * PyTorch's positional order. Attributes keep the values as given, like PyTorch's.
 */
export class MaxPoolNd extends Module {
  #pool;

  /** `op` and `pool`: the functional op's name and function; `args`: the constructor's. */
  constructor(op, dims, pool, args) {
    super();
    const given = moduleArguments(this.constructor.name, POSITIONAL, args);
    maxPoolOptions(op, given, dims); // a bad argument fails where the module is made
    this.#pool = pool;
    this.kernelSize = given.kernelSize;
    this.stride = given.stride ?? given.kernelSize;
    this.padding = given.padding ?? 0;
    this.dilation = given.dilation ?? 1;
    this.returnIndices = given.returnIndices ?? false;
    this.ceilMode = given.ceilMode ?? false;
  }

  forward(input) {
    const { kernelSize, stride, padding, dilation, returnIndices, ceilMode } = this;
    return this.#pool(input, { kernelSize, stride, padding, dilation, returnIndices, ceilMode });
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
