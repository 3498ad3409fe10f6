// torch.nn.functional, camelCased.
export { maxPool1d } from './max_pool1d.js';
export { maxPool2d } from './max_pool2d.js';
export { maxPool3d } from './max_pool3d.js';
export { avgPool1d, avgPool2d, avgPool3d } from './avg_pool.js';
export { adaptiveMaxPool1d, adaptiveMaxPool2d, adaptiveMaxPool3d } from './adaptive_max_pool.js';
export { adaptiveAvgPool1d, adaptiveAvgPool2d, adaptiveAvgPool3d } from './adaptive_avg_pool.js';
export { maxUnpool1d, maxUnpool2d, maxUnpool3d } from './max_unpool.js';
export { lpPool1d, lpPool2d } from './lp_pool.js';
export { fractionalMaxPool2d, fractionalMaxPool3d } from './fractional_max_pool.js';
export { relu } from './relu.js';
export { conv2d } from './conv2d.js';
export { convTranspose2d } from './conv_transpose2d.js';
export { cat } from './cat.js';
export { centerCrop } from './center_crop.js';
