// The segment benchmark's two runtimes, each prepared for one model and image: {warmUp, run}
// where run() segments the whole image and resolves to its [1, classes, H, W] logits as a
// Float32Array readable from JavaScript (as the other benchmarks end every timed call), and
// warmUp() runs one tile of the plan's size, untimed.
// - poolkit: net.segment(image, {tileSize}), its own tiling.
// - onnxruntime-web: the same model, exported from PyTorch with free spatial axes, run tile by
//   tile on the tiles UNet.segment cuts (segment_cases.js's cutTile, on planTiles and reflect),
//   each tile's outputs kept as segment keeps them (keepTile).
import { loadOrt, ORT_SESSION_OPTIONS } from './loaders.js';
import { cutTile, keepTile, tileCount } from './segment_cases.js';
import { percentileMapping } from '../../web/lib/percentile.js';
import { readPreprocessing } from '../../web/lib/preprocessing.js';

/**
 * poolkit's runtime. The tiles segment cuts are counted (net.forward, which segment calls per
 * tile, is wrapped) and checked against `plan` after every run, so that onnxruntime-web is
 * given the same tiles.
 */
export async function poolkitSegment({ threads, modelBytes, model, image, imageSize, plan, tileSize, poolkitUrl = '../../dist/index.js' }) {
  const poolkit = await import(poolkitUrl);
  await poolkit.ready({ threads });
  const net = await poolkit.UNet.fromSafetensors(modelBytes, { padding: model.padding });
  const forward = net.forward.bind(net);
  const tiles = [];
  net.forward = (tile, options) => {
    tiles.push(tile.shape.join('x'));
    return forward(tile, options);
  };
  const channels = model.inChannels;
  const x = poolkit.tensor(image, [1, channels, ...imageSize]);
  const expected = `${tileCount(plan, imageSize)} tiles of 1x${channels}x${plan.tile}x${plan.tile}`;
  const checkTiles = () => {
    const seen = new Set(tiles);
    const got = `${tiles.length} tiles of ${[...seen].join(', ')}`;
    tiles.length = 0;
    if (got !== expected) throw new Error(`segment bench: UNet.segment ran ${got}, but the plan given to onnxruntime-web is ${expected}`);
  };
  const small = poolkit.tensor(image.subarray(0, channels * plan.step * plan.step), [1, channels, plan.step, plan.step]);
  return {
    async warmUp() {
      (await net.segment(small, { tileSize })).dispose();
      tiles.length = 0;
    },
    async run() {
      const y = await net.segment(x, { tileSize });
      const data = y.data;
      y.dispose();
      checkTiles();
      return data;
    },
    threads: poolkit.getNumThreads(),
  };
}

/** onnxruntime-web's runtime: segment's tiles, one session.run each. */
export async function ortSegment({ threads, onnxModel, model, image, imageSize, plan }) {
  const ort = await loadOrt(threads);
  const session = await ort.InferenceSession.create(onnxModel, ORT_SESSION_OPTIONS);
  const channels = model.inChannels;
  const [height, width] = imageSize;
  const inputShape = [channels, height, width];
  const same = model.padding === 'same';
  // The model's preprocessing, as segment applies it: found over the whole image once per run
  // (inside the timing, as segment's is), then applied as each tile is cut.
  const preprocessing = readPreprocessing('bench', model.metadata);
  const mapping = () => (preprocessing ? percentileMapping('bench', 'image', image, preprocessing).map : (x) => x);
  const tileOf = (top, left, map) =>
    new ort.Tensor('float32', cutTile(image, inputShape, top, left, plan, map), [1, channels, plan.tile, plan.tile]);
  return {
    async warmUp() {
      await session.run({ x: tileOf(0, 0, mapping()) });
    },
    async run() {
      let output = null;
      let outputShape;
      const map = mapping();
      for (const top of plan.origins(height)) {
        for (const left of plan.origins(width)) {
          const { y } = await session.run({ x: tileOf(top, left, map) });
          const [, classes, tileHeight, tileWidth] = y.dims;
          if (!output) {
            outputShape = [classes, height, width];
            output = new Float32Array(classes * height * width);
          }
          keepTile(y.data, [tileHeight, tileWidth], output, outputShape, top, left, plan, same);
          y.dispose();
        }
      }
      return output;
    },
    threads: ort.env.wasm.numThreads,
  };
}

export const SEGMENT_RUNTIMES = { poolkit: poolkitSegment, ort: ortSegment };
