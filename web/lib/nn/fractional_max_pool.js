import {
  fractionalMaxPool2d,
  fractionalMaxPool3d,
  fractionalMaxPoolOptions,
} from '../functional/fractional_max_pool.js';
import { describeValue, moduleArguments } from '../options.js';
import { Tensor } from '../tensor.js';
import { Module } from './module.js';

// torch.nn.FractionalMaxPool{2,3}d(kernel_size, output_size=None, output_ratio=None,
//                                  return_indices=False, _random_samples=None)
const POSITIONAL = ['kernelSize', 'outputSize', 'outputRatio', 'returnIndices', 'randomSamples'];

/**
 * What FractionalMaxPool2d and 3d share. Like PyTorch's modules they insist on exactly one of
 * outputSize and outputRatio, and on ratios strictly between 0 and 1. Given randomSamples are
 * used by every forward; otherwise each forward draws new ones (see manualSeed).
 */
class FractionalMaxPoolNd extends Module {
  #pool;

  constructor(op, dims, pool, args) {
    super();
    const name = this.constructor.name;
    // A Tensor in last place is randomSamples, not an options object.
    const positional = args[args.length - 1] instanceof Tensor ? [...args, {}] : args;
    const given = moduleArguments(name, POSITIONAL, positional);
    const o = fractionalMaxPoolOptions(op, given, dims); // a bad argument fails here
    const ratio = o.outputRatio;
    if (ratio && !ratio.every((r) => r > 0 && r < 1)) {
      throw new Error(`${name}: outputRatio must be between 0 and 1 (exclusive), got ${describeValue(given.outputRatio)}`);
    }
    this.#pool = pool;
    this.kernelSize = given.kernelSize;
    this.outputSize = given.outputSize ?? null;
    this.outputRatio = given.outputRatio ?? null;
    this.returnIndices = given.returnIndices ?? false;
    this.randomSamples = given.randomSamples ?? null;
  }

  forward(input) {
    const options = { kernelSize: this.kernelSize, returnIndices: this.returnIndices };
    if (this.outputSize !== null) options.outputSize = this.outputSize;
    if (this.outputRatio !== null) options.outputRatio = this.outputRatio;
    if (this.randomSamples !== null) options.randomSamples = this.randomSamples;
    return this.#pool(input, options);
  }

  // PyTorch's FractionalMaxPool modules print no arguments: "FractionalMaxPool2d()".
}

/** torch.nn.FractionalMaxPool2d: `new FractionalMaxPool2d(3, {outputRatio: 0.5})`. */
export class FractionalMaxPool2d extends FractionalMaxPoolNd {
  constructor(...args) {
    super('fractionalMaxPool2d', 2, fractionalMaxPool2d, args);
  }
}

/** torch.nn.FractionalMaxPool3d: `new FractionalMaxPool3d(2, {outputSize: [4, 4, 4]})`. */
export class FractionalMaxPool3d extends FractionalMaxPoolNd {
  constructor(...args) {
    super('fractionalMaxPool3d', 3, fractionalMaxPool3d, args);
  }
}
