import { maxPool1d } from '../functional/max_pool1d.js';
import { MaxPoolNd } from './max_pool_nd.js';

/** torch.nn.MaxPool1d over (C, L) or (N, C, L); see MaxPoolNd for the argument forms. */
export class MaxPool1d extends MaxPoolNd {
  constructor(...args) {
    super('maxPool1d', 1, maxPool1d, args);
  }
}
