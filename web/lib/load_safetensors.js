// poolkit.loadSafetensors: a .safetensors file's tensors in wasm memory, by name, as
// safetensors.torch.load_file gives a state_dict; through the same hardened parser as
// UNet.fromSafetensors.
import { allocateElements, wasm } from './runtime.js';
import { copyFloat32, parseSafetensors } from './safetensors.js';
import { adoptWasmTensor } from './tensor.js';

const OP = 'loadSafetensors';

/**
 * {tensors: Map(key -> float32 Tensor), metadata: the header's __metadata__}. F16 and BF16 are
 * converted to float32 exactly. A damaged file throws an Error naming the key, and nothing stays
 * allocated.
 */
export function loadSafetensors(bytes) {
  const file = parseSafetensors(OP, bytes);
  const tensors = new Map();
  try {
    for (const [key, { shape, count }] of file.tensors) {
      const pointer = allocateElements(OP, `tensor ${key}`, count);
      tensors.set(key, adoptWasmTensor(pointer, shape));
      // The heap may have grown with this allocation: take its buffer now.
      copyFloat32(file, key, new Uint8Array(wasm().HEAPU8.buffer, pointer, count * 4));
    }
  } catch (error) {
    for (const t of tensors.values()) t.dispose();
    throw error;
  }
  return { tensors, metadata: { ...file.metadata } };
}
