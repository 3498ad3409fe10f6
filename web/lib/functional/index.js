// torch.nn.functional, camelCased.
export { maxPool2d } from './max_pool2d.js';
export { conv2d } from './conv2d.js';
export { convTranspose2d } from './conv_transpose2d.js';
export { cat } from './cat.js';
export { centerCrop } from './center_crop.js';
