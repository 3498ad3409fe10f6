import { allocateElements, wasm } from '../runtime.js';
import { addressOf, adoptWasmTensor, Tensor } from '../tensor.js';
import { intTuple } from '../options.js';

const OP = 'centerCrop';

/**
 * The middle outputSize ([h, w], or one int for both) of the last two dimensions, as the UNet
 * crops its skip connections: the top-left corner is at floor((H - h) / 2), floor((W - w) / 2),
 * like the seed U-Net's crop. (torchvision's center_crop rounds half-way offsets to even
 * instead, so the two differ by a pixel when H - h is 3, 7, 11, ...; they agree on even
 * differences, which is all a UNet produces.)
 */
export function centerCrop(input, outputSize) {
  if (!(input instanceof Tensor)) throw new Error(`${OP}: input must be a poolkit Tensor, got ${typeof input}`);
  const pointer = addressOf(input, OP);
  const [h, w] = intTuple(OP, 'outputSize', outputSize, 2);
  const rank = input.dim();
  if (rank < 2) throw new Error(`${OP}: input must have at least 2 dimensions, got shape [${input.shape.join(', ')}]`);
  const [H, W] = input.shape.slice(-2);
  if (h < 1 || w < 1 || h > H || w > W) {
    throw new Error(`${OP}: outputSize must be between [1, 1] and the input size [${H}, ${W}], got outputSize=[${h}, ${w}]`);
  }
  const shape = [...input.shape.slice(0, -2), h, w];
  const planes = input.shape.slice(0, -2).reduce((a, b) => a * b, 1);
  const module = wasm();
  const output = allocateElements(OP, 'output', planes * h * w);
  const top = Math.floor((H - h) / 2);
  const left = Math.floor((W - w) / 2);
  const heap = module.HEAPU8;
  for (let p = 0; p < planes; p++) {
    for (let y = 0; y < h; y++) {
      const source = pointer + ((p * H + top + y) * W + left) * 4;
      heap.copyWithin(output + (p * h + y) * w * 4, source, source + w * 4);
    }
  }
  return adoptWasmTensor(output, shape, input.dtype);
}
