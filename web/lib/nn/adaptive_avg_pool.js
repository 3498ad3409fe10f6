import {
  adaptiveAvgPool1d,
  adaptiveAvgPool2d,
  adaptiveAvgPool3d,
  adaptiveAvgPoolOptions,
} from '../functional/adaptive_avg_pool.js';
import { moduleArguments } from '../options.js';
import { Module, pythonArguments } from './module.js';

function adaptiveAvgPoolModule(name, dims, functional) {
  return class extends Module {
    constructor(...args) {
      super();
      const given = moduleArguments(name, ['outputSize'], args);
      adaptiveAvgPoolOptions(name, dims, given); // a bad argument fails where the module is made
      this.outputSize = given.outputSize;
    }

    forward(input) {
      return functional(input, { outputSize: this.outputSize });
    }

    extraRepr() {
      return pythonArguments([['output_size', this.outputSize]]);
    }
  };
}

/** torch.nn.AdaptiveAvgPool1d: `new AdaptiveAvgPool1d(5)` or `new AdaptiveAvgPool1d({outputSize: 5})`. */
export class AdaptiveAvgPool1d extends adaptiveAvgPoolModule('AdaptiveAvgPool1d', 1, adaptiveAvgPool1d) {}

/** torch.nn.AdaptiveAvgPool2d: `new AdaptiveAvgPool2d(1)`, `new AdaptiveAvgPool2d([null, 7])`. */
export class AdaptiveAvgPool2d extends adaptiveAvgPoolModule('AdaptiveAvgPool2d', 2, adaptiveAvgPool2d) {}

/** torch.nn.AdaptiveAvgPool3d: `new AdaptiveAvgPool3d(1)`, `new AdaptiveAvgPool3d([2, null, 4])`. */
export class AdaptiveAvgPool3d extends adaptiveAvgPoolModule('AdaptiveAvgPool3d', 3, adaptiveAvgPool3d) {}
