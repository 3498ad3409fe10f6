// poolkit: PyTorch's pooling family in WebAssembly SIMD, with PyTorch's exact numbers.
export { ready, memoryStats } from './runtime.js';
export { tensor, Tensor } from './tensor.js';
export * as functional from './functional/index.js';
export * as nn from './nn/index.js';
export { UNet } from './unet.js';
