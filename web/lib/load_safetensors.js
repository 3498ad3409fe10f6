// poolkit.loadSafetensors: a .safetensors file's tensors in wasm memory, by name, as
// safetensors.torch.load_file gives a state_dict; through the same hardened parser as
// UNet.fromSafetensors.
import { copyFloat32, parseSafetensors } from './safetensors.js';
import { filledTensor } from './tensor.js';

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
    for (const [key, { shape }] of file.tensors) {
      tensors.set(key, filledTensor(OP, `tensor ${key}`, shape, (view) => copyFloat32(file, key, view)));
    }
  } catch (error) {
    for (const t of tensors.values()) t.dispose();
    throw error;
  }
  return { tensors, metadata: { ...file.metadata } };
}
