import { relu, reluOptions } from '../functional/relu.js';
import { moduleArguments } from '../options.js';
import { Module } from './module.js';

/** torch.nn.ReLU: `new ReLU()`. inplace must stay false, since poolkit tensors are immutable. */
export class ReLU extends Module {
  constructor(...args) {
    super();
    const given = moduleArguments('ReLU', ['inplace'], args);
    reluOptions(given);
    this.inplace = false;
  }

  forward(input) {
    return relu(input);
  }
}
