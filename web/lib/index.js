// poolkit: PyTorch's pooling family in WebAssembly SIMD, with PyTorch's exact numbers.
export { ready, memoryStats, runtimeInfo, setNumThreads, getNumThreads } from './runtime.js';
export { tensor, tidy, Tensor } from './tensor.js';
export { manualSeed, initialSeed } from './random.js';
export * as functional from './functional/index.js';
export * as nn from './nn/index.js';
export { UNet } from './unet.js';
export { loadSafetensors } from './load_safetensors.js';
export { fromImageData } from './image_data.js';
export { instances } from './instances.js';
