// torch.nn modules.
export { Module } from './module.js';
export { MaxPool1d } from './max_pool1d.js';
export { MaxPool2d } from './max_pool2d.js';
export { MaxPool3d } from './max_pool3d.js';
export { AvgPool1d, AvgPool2d, AvgPool3d } from './avg_pool.js';
export { AdaptiveMaxPool1d, AdaptiveMaxPool2d, AdaptiveMaxPool3d } from './adaptive_max_pool.js';
export { AdaptiveAvgPool1d, AdaptiveAvgPool2d, AdaptiveAvgPool3d } from './adaptive_avg_pool.js';
export { MaxUnpool1d, MaxUnpool2d, MaxUnpool3d } from './max_unpool.js';
export { LPPool1d, LPPool2d } from './lp_pool.js';
export { FractionalMaxPool2d, FractionalMaxPool3d } from './fractional_max_pool.js';
export { ReLU } from './relu.js';
export { Conv2d } from './conv2d.js';
export { ConvTranspose2d } from './conv_transpose2d.js';
