import {
  adaptiveMaxPool1d,
  adaptiveMaxPool2d,
  adaptiveMaxPool3d,
  adaptiveMaxPoolOptions,
} from '../functional/adaptive_max_pool.js';
import { moduleArguments } from '../options.js';
import { Module, pythonArguments } from './module.js';

// torch.nn.AdaptiveMaxPool{1,2,3}d(output_size, return_indices=False)
const POSITIONAL = ['outputSize', 'returnIndices'];

/** What AdaptiveMaxPool1d, 2d and 3d share (PyTorch's _AdaptiveMaxPoolNd). */
class AdaptiveMaxPoolNd extends Module {
  #pool;

  constructor(op, dims, pool, args) {
    super();
    const given = moduleArguments(this.constructor.name, POSITIONAL, args);
    adaptiveMaxPoolOptions(op, given, dims); // a bad argument fails where the module is made
    this.#pool = pool;
    this.outputSize = given.outputSize;
    this.returnIndices = given.returnIndices ?? false;
  }

  forward(input) {
    return this.#pool(input, { outputSize: this.outputSize, returnIndices: this.returnIndices });
  }

  extraRepr() {
    return pythonArguments([['output_size', this.outputSize]]);
  }
}

/** torch.nn.AdaptiveMaxPool1d: `new AdaptiveMaxPool1d(5)`, `(5, true)` or `({outputSize: 5})`. */
export class AdaptiveMaxPool1d extends AdaptiveMaxPoolNd {
  constructor(...args) {
    super('adaptiveMaxPool1d', 1, adaptiveMaxPool1d, args);
  }
}

/** torch.nn.AdaptiveMaxPool2d: `new AdaptiveMaxPool2d([5, null])` keeps the input's width. */
export class AdaptiveMaxPool2d extends AdaptiveMaxPoolNd {
  constructor(...args) {
    super('adaptiveMaxPool2d', 2, adaptiveMaxPool2d, args);
  }
}

/** torch.nn.AdaptiveMaxPool3d: `new AdaptiveMaxPool3d([2, null, 3], true)` also returns indices. */
export class AdaptiveMaxPool3d extends AdaptiveMaxPoolNd {
  constructor(...args) {
    super('adaptiveMaxPool3d', 3, adaptiveMaxPool3d, args);
  }
}
