// torch.nn modules.
export { Module } from './module.js';
export { MaxPool2d } from './max_pool2d.js';
export { Conv2d } from './conv2d.js';
export { ConvTranspose2d } from './conv_transpose2d.js';
