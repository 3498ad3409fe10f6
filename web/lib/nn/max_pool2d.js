import { maxPool2d } from '../functional/max_pool2d.js';
import { MaxPoolNd } from './max_pool_nd.js';

/** torch.nn.MaxPool2d over (C, H, W) or (N, C, H, W); see MaxPoolNd for the argument forms. */
export class MaxPool2d extends MaxPoolNd {
  constructor(...args) {
    super('maxPool2d', 2, maxPool2d, args);
  }
}
