import { adoptWasmTensor } from '../tensor.js';

/**
 * What a binding returned, as the op returns it: throws its {error}, else adopts the output (and
 * the indices, when they were asked for) as tensors that own their wasm memory.
 */
export function poolResult(result, returnIndices) {
  if (result.error) throw new Error(result.error);
  const output = adoptWasmTensor(result.data, result.shape);
  return returnIndices ? [output, adoptWasmTensor(result.indices, result.shape, 'int32')] : output;
}
