// The segment benchmark's cases (segment.js): UNet.segment on whole images, against
// onnxruntime-web running the same model tile by tile with the same tile plan. The models'
// shapes (levels, channels, classes) are read from their .safetensors files, never written here.
// No Node modules: the tile plan and the model's shape are plain computations on bytes.
import { planTiles, reflect } from '../../web/lib/unet_tiles.js';
import { seededInput } from './seeded.js';

/** The shipped trained model, relative to the repository. */
export const TRAINED_MODEL = 'web/public/models/cells-unet-base16.safetensors';

// `image` is [height, width] of a one-channel (in-channels, read from the file) image;
// `smoke` the tiny version `npm test` runs. `runs` timed segments after a one-tile warm-up: one,
// since a segment of many tiles is its own average. The sizes keep the whole section (the
// memory case included) to minutes on 2 cores (15 on a loaded machine), onnxruntime-web on one
// thread and the memory case the longest parts.
export const SEGMENT_CASES = [
  {
    name: 'cells-unet-base16 (trained)',
    weights: TRAINED_MODEL,
    onnx: 'trained_unet',
    image: [2048, 2048],
    tileSize: 572,
    runs: 1,
    smoke: { image: [150, 110], tileSize: 140 },
  },
  {
    name: 'seed net, base 64 (seeded weights)',
    weights: 'build/bench/unet.safetensors', // the steady-state UNet cases' seeded weights
    onnx: 'unet',
    image: [960, 960], // 2x2 tiles: the 64-wide net is 16 times the work of base 16
    tileSize: 572,
    runs: 1,
    smoke: { image: [30, 20], tileSize: 108 },
  },
];

/** The memory case: one fresh process, the trained model, the default tile size. */
export const MEMORY_CASE = {
  name: 'cells-unet-base16 (trained)',
  weights: TRAINED_MODEL,
  image: [8192, 8192],
  tileSize: 572,
  budgetMB: 2048, // 2 GB, of 2^20 bytes
  smoke: { image: [600, 400], tileSize: 572 },
};

/** The case as run: the full sizes, or the smoke ones. */
export const sized = (benchCase, smoke) => (smoke ? { ...benchCase, ...benchCase.smoke, runs: 1 } : benchCase);

/**
 * The model's shape from a .safetensors file's bytes (a Uint8Array): {levels, inChannels,
 * classes, base, padding, metadata}. Padding is 'valid' unless the file's metadata says the
 * convolutions pad ('same', padding=1), since the shapes cannot tell.
 */
export function modelShape(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = Number(view.getBigUint64(0, true));
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength)));
  const shape = (key) => {
    if (!header[key]) throw new Error(`segment bench: the model has no tensor ${key}`);
    return header[key].shape;
  };
  let levels = 0;
  while (header[`enc${levels + 1}.0.weight`]) levels++;
  const metadata = header.__metadata__ ?? {};
  const same = /padding\s*=\s*1|'same'|same padding/i.test(metadata.model ?? '');
  return {
    levels,
    inChannels: shape('enc1.0.weight')[1],
    base: shape('enc1.0.weight')[0],
    classes: shape('out_conv.weight')[0],
    padding: same ? 'same' : 'valid',
    metadata,
  };
}

/**
 * The network's {smallest, period, shrink}, as wasm's unetTiling gives it to UNet.segment
 * (cpp/unet/unet_sizes.cpp): valid input sizes are smallest + k * 2^levels. The poolkit child
 * checks that segment cut tiles of the size this plan says, so the two cannot drift apart.
 */
export function unetTiling(levels, samePadding) {
  const shrink = samePadding ? 0 : 4; // what a conv block takes off a size
  let bottom = 1;
  for (;; bottom++) {
    let s = bottom;
    for (let i = 0; i < levels && s >= 1; i++) s = 2 * s - shrink;
    if (s >= 1) break;
  }
  const period = 2 ** levels;
  const smallest = (bottom + shrink) * period + shrink * (period - 1);
  // The output of the smallest input: walk the pass down and up.
  let s = smallest;
  for (let i = 0; i < levels; i++) s = (s - shrink) / 2;
  s -= shrink;
  for (let i = 0; i < levels; i++) s = 2 * s - shrink;
  return { smallest, period, shrink: (smallest - s) / 2 };
}

/** UNet.segment's tile plan (web/lib/unet_tiles.js's planTiles) for a model and tile size. */
export function tilePlan({ levels, padding }, tileSize) {
  const same = padding === 'same';
  return planTiles(unetTiling(levels, same), same, levels, tileSize);
}

/** How many tiles segment runs on an image of [height, width]. */
export const tileCount = (plan, [height, width]) => plan.origins(height).length * plan.origins(width).length;

/**
 * The tile of the mirrored image at (top, left) as UNet.segment cuts it (its #cutTile): a
 * [channels, tile, tile] Float32Array of `image`, [channels, height, width], each pixel through
 * `map` (the model's preprocessing).
 */
export function cutTile(image, [channels, height, width], top, left, { tile: size, margin }, map = (x) => x) {
  const out = new Float32Array(channels * size * size);
  const columns = Int32Array.from({ length: size }, (_, x) => reflect(left + x - margin, width));
  for (let c = 0; c < channels; c++) {
    for (let y = 0; y < size; y++) {
      const row = c * height * width + reflect(top + y - margin, height) * width;
      const to = (c * size + y) * size;
      for (let x = 0; x < size; x++) out[to + x] = map(image[row + columns[x]]);
    }
  }
  return out;
}

/**
 * Keeps a tile's logits ([classes, tileHeight, tileWidth]) for the image pixels
 * [top, top + step) x [left, left + step) in `output` ([classes, height, width]), as
 * UNet.segment's #keep does.
 */
export function keepTile(logits, [tileHeight, tileWidth], output, [classes, height, width], top, left, { step, margin }, samePadding) {
  const offset = samePadding ? margin : 0;
  const rows = Math.min(step, height - top);
  const columns = Math.min(step, width - left);
  for (let c = 0; c < classes; c++) {
    for (let y = 0; y < rows; y++) {
      const source = (c * tileHeight + offset + y) * tileWidth + offset;
      output.set(logits.subarray(source, source + columns), (c * height + top + y) * width + left);
    }
  }
}

/** A grey image in [0, 1), the same for every runtime: [channels, height, width] values. */
export function seededImage(channels, [height, width]) {
  const data = seededInput([channels, height, width]); // [-1, 1)
  for (let i = 0; i < data.length; i++) data[i] = (data[i] + 1) / 2;
  return data;
}
