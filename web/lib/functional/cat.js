import { allocateElements, wasm } from '../runtime.js';
import { addressOf, adoptWasmTensor, Tensor } from '../tensor.js';

const OP = 'cat';
const product = (values) => values.reduce((a, b) => a * b, 1);
const show = (shape) => `[${shape.join(', ')}]`;

/**
 * torch.cat(tensors, dim): joins tensors of one dtype whose shapes agree except in `dim`
 * (negative counts from the end). The copy runs inside wasm memory.
 */
export function cat(tensors, dim = 0) {
  if (!Array.isArray(tensors) || tensors.length === 0 || !tensors.every((t) => t instanceof Tensor)) {
    throw new Error(`${OP}: tensors must be a non-empty array of poolkit Tensors`);
  }
  const pointers = tensors.map((t, i) => addressOf(t, `${OP}: tensors[${i}]`));
  const [first] = tensors;
  const rank = first.dim();
  if (!Number.isInteger(dim) || dim < -rank || dim >= rank || rank === 0) {
    throw new Error(`${OP}: dim must be an integer in [${-rank}, ${rank - 1}] for ${rank}D tensors, got dim=${dim}`);
  }
  const axis = dim < 0 ? dim + rank : dim;
  tensors.forEach((t, i) => {
    if (t.dtype !== first.dtype) {
      throw new Error(`${OP}: every tensor must have the same dtype, got ${first.dtype} for tensors[0] and ${t.dtype} for tensors[${i}]`);
    }
    if (t.dim() !== rank || t.shape.some((d, k) => k !== axis && d !== first.shape[k])) {
      throw new Error(`${OP}: tensors must have the same shape except in dimension ${axis}, got ${show(first.shape)} for tensors[0] and ${show(t.shape)} for tensors[${i}]`);
    }
  });
  const shape = [...first.shape];
  shape[axis] = tensors.reduce((sum, t) => sum + t.shape[axis], 0);
  if (!Number.isSafeInteger(shape[axis])) throw new Error(`${OP}: dimension ${axis} of the output would have ${shape[axis]} entries, more than 2^53 - 1`);
  const outer = product(shape.slice(0, axis));
  const inner = product(shape.slice(axis + 1)) * 4; // bytes per index of dim
  const module = wasm();
  const output = allocateElements(OP, 'output', product(shape));
  const heap = module.HEAPU8;
  const rowBytes = shape[axis] * inner;
  let offset = 0;
  tensors.forEach((t, i) => {
    const chunk = t.shape[axis] * inner;
    for (let o = 0; o < outer; o++) {
      const source = pointers[i] + o * chunk;
      heap.copyWithin(output + o * rowBytes + offset, source, source + chunk);
    }
    offset += chunk;
  });
  return adoptWasmTensor(output, shape, first.dtype);
}
