import { wasm } from '../runtime.js';
import { adoptWasmTensor } from '../tensor.js';
import { bool, checkInput, readOptions } from '../options.js';

/** Checks relu's options; tensors are immutable, so only inplace: false can be honoured. */
export function reluOptions(options) {
  const { inplace } = readOptions('relu', options ?? {}, { inplace: false });
  if (bool('relu', 'inplace', inplace)) {
    throw new Error('relu: inplace must be false: poolkit tensors are immutable, so relu returns a new tensor');
  }
}

/** torch.nn.functional.relu, on a float32 tensor of any shape. `options` is {inplace: false}. */
export function relu(input, options) {
  const pointer = checkInput('relu', input);
  reluOptions(options);
  const result = wasm().relu(pointer, input.shape);
  if (result.error) throw new Error(result.error);
  return adoptWasmTensor(result.data, result.shape);
}
