// torch.nn.functional, camelCased.
export { maxPool2d } from './max_pool2d.js';
export { maxPool1d } from './max_pool1d.js';
export { maxPool3d } from './max_pool3d.js';
export { adaptiveMaxPool1d, adaptiveMaxPool2d, adaptiveMaxPool3d } from './adaptive_max_pool.js';
export { maxUnpool1d, maxUnpool2d, maxUnpool3d } from './max_unpool.js';
export { fractionalMaxPool2d, fractionalMaxPool3d } from './fractional_max_pool.js';
