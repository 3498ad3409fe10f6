// torch.nn modules.
export { Module } from './module.js';
export { MaxPool2d } from './max_pool2d.js';
export { AvgPool1d, AvgPool2d, AvgPool3d } from './avg_pool.js';
export { AdaptiveAvgPool1d, AdaptiveAvgPool2d, AdaptiveAvgPool3d } from './adaptive_avg_pool.js';
export { LPPool1d, LPPool2d } from './lp_pool.js';
export { ReLU } from './relu.js';
