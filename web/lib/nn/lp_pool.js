import { lpPool1d, lpPool2d, lpPoolOptions } from '../functional/lp_pool.js';
import { moduleArguments } from '../options.js';
import { Module, pythonArguments } from './module.js';

// torch.nn.LPPool1d/2d(norm_type, kernel_size, stride=None, ceil_mode=False)
const POSITIONAL = ['normType', 'kernelSize', 'stride', 'ceilMode'];

function lpPoolModule(name, dims, functional) {
  return class extends Module {
    constructor(...args) {
      super();
      const given = moduleArguments(name, POSITIONAL, args);
      lpPoolOptions(name, dims, given); // a bad argument fails where the module is made
      this.normType = given.normType;
      this.kernelSize = given.kernelSize;
      // Unlike the other pooling modules, LPPool keeps stride=None.
      this.stride = given.stride ?? null;
      this.ceilMode = given.ceilMode ?? false;
    }

    forward(input) {
      const { normType, kernelSize, stride, ceilMode } = this;
      return functional(input, { normType, kernelSize, stride: stride ?? undefined, ceilMode });
    }

    extraRepr() {
      return pythonArguments([
        ['norm_type', this.normType],
        ['kernel_size', this.kernelSize],
        ['stride', this.stride],
        ['ceil_mode', this.ceilMode],
      ]);
    }
  };
}

/** torch.nn.LPPool1d: `new LPPool1d(2, 3)`, `new LPPool1d({normType: 2, kernelSize: 3})`. */
export class LPPool1d extends lpPoolModule('LPPool1d', 1, lpPool1d) {}

/** torch.nn.LPPool2d: `new LPPool2d(2, 3)`, `new LPPool2d(1.5, [2, 3], {stride: 1})`. */
export class LPPool2d extends lpPoolModule('LPPool2d', 2, lpPool2d) {}
