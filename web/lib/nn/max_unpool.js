import { maxUnpool1d, maxUnpool2d, maxUnpool3d, maxUnpoolOptions } from '../functional/max_unpool.js';
import { moduleArguments } from '../options.js';
import { Module, pythonArguments } from './module.js';

// torch.nn.MaxUnpool{1,2,3}d(kernel_size, stride=None, padding=0)
const POSITIONAL = ['kernelSize', 'stride', 'padding'];

/**
 * What MaxUnpool1d, 2d and 3d share (PyTorch's _MaxUnpoolNd). Like PyTorch's, the attributes
 * hold the arguments expanded to one value per dimension, and forward takes an optional
 * outputSize.
 */
class MaxUnpoolNd extends Module {
  #unpool;

  constructor(op, dims, unpool, args) {
    super();
    const given = moduleArguments(this.constructor.name, POSITIONAL, args);
    const { kernelSize, stride, padding } = maxUnpoolOptions(op, given, dims);
    this.#unpool = unpool;
    this.kernelSize = kernelSize;
    this.stride = stride;
    this.padding = padding;
  }

  /** forward(input, indices, outputSize?) */
  forward(input, indices, outputSize) {
    const { kernelSize, stride, padding } = this;
    return this.#unpool(input, indices, { kernelSize, stride, padding, outputSize: outputSize ?? undefined });
  }

  extraRepr() {
    return pythonArguments([
      ['kernel_size', this.kernelSize],
      ['stride', this.stride],
      ['padding', this.padding],
    ]);
  }
}

/** torch.nn.MaxUnpool1d: `new MaxUnpool1d(2)`, `(3, 2, 1)` or `({kernelSize: 3, stride: 2})`. */
export class MaxUnpool1d extends MaxUnpoolNd {
  constructor(...args) {
    super('maxUnpool1d', 1, maxUnpool1d, args);
  }
}

/** torch.nn.MaxUnpool2d: undoes MaxPool2d(..., {returnIndices: true}). */
export class MaxUnpool2d extends MaxUnpoolNd {
  constructor(...args) {
    super('maxUnpool2d', 2, maxUnpool2d, args);
  }
}

/** torch.nn.MaxUnpool3d: undoes MaxPool3d(..., {returnIndices: true}). */
export class MaxUnpool3d extends MaxUnpoolNd {
  constructor(...args) {
    super('maxUnpool3d', 3, maxUnpool3d, args);
  }
}
