import { maxPool3d } from '../functional/max_pool3d.js';
import { MaxPoolNd } from './max_pool_nd.js';

/** torch.nn.MaxPool3d over (C, D, H, W) or (N, C, D, H, W); see MaxPoolNd for the argument forms. */
export class MaxPool3d extends MaxPoolNd {
  constructor(...args) {
    super('maxPool3d', 3, maxPool3d, args);
  }
}
