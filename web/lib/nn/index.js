// torch.nn modules.
export { Module } from './module.js';
export { MaxPool2d } from './max_pool2d.js';
