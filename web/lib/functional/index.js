// torch.nn.functional, camelCased.
export { maxPool2d } from './max_pool2d.js';
