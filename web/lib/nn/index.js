// torch.nn modules.
export { Module } from './module.js';
export { MaxPool2d } from './max_pool2d.js';
export { MaxPool1d } from './max_pool1d.js';
export { MaxPool3d } from './max_pool3d.js';
export { AdaptiveMaxPool1d, AdaptiveMaxPool2d, AdaptiveMaxPool3d } from './adaptive_max_pool.js';
export { MaxUnpool1d, MaxUnpool2d, MaxUnpool3d } from './max_unpool.js';
export { FractionalMaxPool2d, FractionalMaxPool3d } from './fractional_max_pool.js';
