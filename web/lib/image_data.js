// poolkit.fromImageData: browser pixels (ImageData's RGBA bytes, row by row) as the [1, C, H, W]
// float32 tensor in [0, 1] that torchvision's to_tensor makes (plus the batch dimension), written
// straight into the tensor's wasm memory.
import { describeValue, readOptions } from './options.js';
import { filledTensor } from './tensor.js';

const OP = 'fromImageData';

// to_tensor's byte / 255, rounded once to float32 (PyTorch divides; multiplying by a float32
// 1 / 255 would be off by one bit for 126 of the 256 bytes).
const SCALED = Float32Array.from({ length: 256 }, (_, byte) => byte / 255);

// torchvision's rgb_to_grayscale computes (0.2989 * r + 0.587 * g) + 0.114 * b on float32
// tensors: each weight is rounded to float32, then each product and each sum. Storing into a
// Float32Array rounds as PyTorch does (scripts/fixtures/image_data.py checks this arithmetic
// against torchvision for all 2^24 colours), so the products can be tabulated per byte.
const weighted = (weight) => SCALED.map((value) => Math.fround(weight) * value);
const GREY_R = weighted(0.2989);
const GREY_G = weighted(0.587);
const GREY_B = weighted(0.114);

const CHANNELS = { rgb: 3, grey: 1, rgba: 4 };

function checkImage(image) {
  if (image === null || typeof image !== 'object') {
    throw new Error(`${OP}: image must be an ImageData or an object {data, width, height}, got ${describeValue(image)}`);
  }
  // Read with plain property access: ImageData's data, width and height are getters on its
  // prototype.
  const { data, width, height } = image;
  for (const [name, value] of [['width', width], ['height', height]]) {
    if (!Number.isSafeInteger(value) || value <= 0) {
      throw new Error(`${OP}: image.${name} must be a positive integer, got ${describeValue(value)}`);
    }
  }
  if (!(data instanceof Uint8ClampedArray || data instanceof Uint8Array)) {
    // By type only: the values of a pixel array would make a message megabytes long.
    const got = Array.isArray(data) ? `an array of length ${data.length}` : describeValue(data);
    throw new Error(`${OP}: image.data must be a Uint8ClampedArray or a Uint8Array of RGBA bytes, got ${got}`);
  }
  const bytes = width * height * 4;
  if (data.length !== bytes) {
    throw new Error(`${OP}: image.data must hold width * height * 4 = ${bytes} bytes (RGBA), got ${data.length}`);
  }
  return { data, width, height };
}

/**
 * An ImageData (or any {data: Uint8ClampedArray | Uint8Array of RGBA bytes, width, height}) as a
 * float32 tensor [1, C, H, W] with values byte / 255, as torchvision's to_tensor gives them.
 * `channels`: 'rgb' (default, C = 3), 'grey' (C = 1, torchvision's rgb_to_grayscale) or 'rgba'
 * (C = 4). Alpha is ignored by 'rgb' and 'grey' (not premultiplied, not composited).
 */
export function fromImageData(image, options = {}) {
  const { data, width, height } = checkImage(image);
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new Error(`${OP}: options must be an object such as {channels: 'grey'}, got ${describeValue(options)}`);
  }
  const { channels } = readOptions(OP, options, { channels: 'rgb' });
  if (!Object.hasOwn(CHANNELS, channels)) {
    throw new Error(`${OP}: channels must be "rgb", "grey" or "rgba", got ${describeValue(channels)}`);
  }
  const count = CHANNELS[channels];
  const plane = width * height;
  return filledTensor(OP, 'output', [1, count, height, width], (view) => {
    if (channels === 'grey') {
      for (let p = 0, i = 0; p < plane; p++, i += 4) {
        view[p] = Math.fround(GREY_R[data[i]] + GREY_G[data[i + 1]]) + GREY_B[data[i + 2]];
      }
      return;
    }
    // HWC to CHW in one pass over the pixels (faster than one pass per plane).
    const [r, g, b, a] = Array.from({ length: count }, (_, c) => view.subarray(c * plane, (c + 1) * plane));
    for (let p = 0, i = 0; p < plane; p++, i += 4) {
      r[p] = SCALED[data[i]];
      g[p] = SCALED[data[i + 1]];
      b[p] = SCALED[data[i + 2]];
      if (a) a[p] = SCALED[data[i + 3]];
    }
  });
}
