import { avgPool1d, avgPool2d, avgPool3d, avgPoolOptions } from '../functional/avg_pool.js';
import { moduleArguments } from '../options.js';
import { Module, pythonArguments } from './module.js';

// torch.nn.AvgPool1d(kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True)
const POSITIONAL_1D = ['kernelSize', 'stride', 'padding', 'ceilMode', 'countIncludePad'];
// torch.nn.AvgPool2d/3d(..., count_include_pad=True, divisor_override=None)
const POSITIONAL = [...POSITIONAL_1D, 'divisorOverride'];

const single = (v) => (Array.isArray(v) ? v : [v]);

/**
 * torch.nn.AvgPool1d. Accepts `new AvgPool1d(3)`, `new AvgPool1d(3, {stride: 1})`, an options
 * object or PyTorch's positional order. Like PyTorch's, it keeps its window arguments as
 * one-element tuples (kernelSize [3]) and prints them so: AvgPool1d(kernel_size=(3,), ...).
 */
export class AvgPool1d extends Module {
  constructor(...args) {
    super();
    const given = moduleArguments('AvgPool1d', POSITIONAL_1D, args);
    avgPoolOptions('AvgPool1d', 1, given); // a bad argument fails where the module is made
    this.kernelSize = single(given.kernelSize);
    this.stride = single(given.stride ?? given.kernelSize);
    this.padding = single(given.padding ?? 0);
    this.ceilMode = given.ceilMode ?? false;
    this.countIncludePad = given.countIncludePad ?? true;
  }

  forward(input) {
    const { kernelSize, stride, padding, ceilMode, countIncludePad } = this;
    return avgPool1d(input, { kernelSize, stride, padding, ceilMode, countIncludePad });
  }

  extraRepr() {
    return pythonArguments([
      ['kernel_size', this.kernelSize],
      ['stride', this.stride],
      ['padding', this.padding],
    ]);
  }
}

function avgPoolModule(name, dims, functional) {
  return class extends Module {
    constructor(...args) {
      super();
      const given = moduleArguments(name, POSITIONAL, args);
      avgPoolOptions(name, dims, given); // a bad argument fails where the module is made
      this.kernelSize = given.kernelSize;
      this.stride = given.stride ?? given.kernelSize;
      this.padding = given.padding ?? 0;
      this.ceilMode = given.ceilMode ?? false;
      this.countIncludePad = given.countIncludePad ?? true;
      this.divisorOverride = given.divisorOverride ?? null;
    }

    forward(input) {
      const { kernelSize, stride, padding, ceilMode, countIncludePad, divisorOverride } = this;
      return functional(input, { kernelSize, stride, padding, ceilMode, countIncludePad, divisorOverride });
    }

    extraRepr() {
      return pythonArguments([
        ['kernel_size', this.kernelSize],
        ['stride', this.stride],
        ['padding', this.padding],
      ]);
    }
  };
}

/**
 * torch.nn.AvgPool2d. Accepts `new AvgPool2d(2)`, `new AvgPool2d(3, {stride: 1, padding: 1})`,
 * an options object or PyTorch's positional order.
 */
export class AvgPool2d extends avgPoolModule('AvgPool2d', 2, avgPool2d) {}

/**
 * torch.nn.AvgPool3d. Accepts `new AvgPool3d(2)`, `new AvgPool3d(3, {stride: 1, padding: 1})`,
 * an options object or PyTorch's positional order.
 */
export class AvgPool3d extends avgPoolModule('AvgPool3d', 3, avgPool3d) {}
