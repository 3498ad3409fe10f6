// torch.nn.functional, camelCased.
export { maxPool2d } from './max_pool2d.js';
export { avgPool1d, avgPool2d, avgPool3d } from './avg_pool.js';
export { adaptiveAvgPool1d, adaptiveAvgPool2d, adaptiveAvgPool3d } from './adaptive_avg_pool.js';
export { lpPool1d, lpPool2d } from './lp_pool.js';
export { relu } from './relu.js';
