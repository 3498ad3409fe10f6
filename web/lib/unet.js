// poolkit.UNet: the seed U-Net loaded from PyTorch weights, its whole forward pass one call
// into wasm.
import { allocateElements, ready, wasm } from './runtime.js';
import { addressOf, adoptWasmTensor, filledTensor, withPinned } from './tensor.js';
import { planTiles, reflect } from './unet_tiles.js';
import { bool, checkInput, readOptions } from './options.js';
import { percentileMapping } from './percentile.js';
import { readPreprocessing } from './preprocessing.js';
import { copyFloat32, parseSafetensors } from './safetensors.js';
import { checkUNetTensors, inferUNetSpec } from './unet_spec.js';

const LOAD = 'UNet.fromSafetensors';

// Frees the wasm model of a UNet the program dropped without calling dispose().
const finalizer = new FinalizationRegistry((handle) => wasm().unetDestroy(handle));

function progressOption(op, onProgress) {
  if (onProgress !== undefined && typeof onProgress !== 'function') {
    throw new Error(`${op}: onProgress must be a function (stage, fraction), got ${typeof onProgress}`);
  }
  return onProgress;
}

function signalOption(op, signal) {
  const isSignal = signal instanceof EventTarget && typeof signal?.aborted === 'boolean';
  if (signal !== undefined && !isSignal) {
    throw new Error(`${op}: signal must be an AbortSignal (from an AbortController), got ${typeof signal}`);
  }
  return signal;
}

// What C++ calls after each stage: whether to go on. It never throws, since a JavaScript
// exception would unwind the wasm pass past its destructors and leak its activations; a
// throwing callback or a fired signal instead stops the pass, which frees everything, and
// `stopped()` then gives what forward() throws.
function stageCallback(onProgress, signal) {
  let failure = null;
  const cancelledBy = (s) => s.reason ?? new DOMException('The operation was aborted.', 'AbortError');
  return {
    call(stage, fraction) {
      try {
        onProgress?.(stage, fraction);
      } catch (error) {
        failure = { error };
        return false;
      }
      if (signal?.aborted) {
        failure = { error: cancelledBy(signal) };
        return false;
      }
      return true;
    },
    // C++ stops only when call() said so, which records why.
    stopped: () => failure.error,
  };
}

export class UNet {
  #handle;
  #spec;
  #onProgress;
  #metadata;
  #preprocessing;
  // Forward passes running now (onProgress may start another); dispose() waits for them.
  #running = 0;
  #disposeRequested = false;

  /** @internal Use UNet.fromSafetensors. */
  constructor(handle, spec, onProgress, metadata, preprocessing) {
    this.#handle = handle;
    this.#spec = spec;
    this.#onProgress = onProgress;
    this.#metadata = metadata;
    this.#preprocessing = preprocessing;
    finalizer.register(this, handle, this);
  }

  /**
   * Loads a state_dict of the seed U-Net (scripts/unet/seed_unet.py's module names) from the
   * bytes of a .safetensors file, inferring its depth, widths and in/out channels. F16 and
   * BF16 tensors are converted to float32. Options:
   * - padding: 'valid' (the seed's padding=0 convolutions, skips centre-cropped; default) or
   *   'same' (a model built with padding=1).
   * - onProgress(stage, fraction): called after each stage of every forward pass, with the
   *   fraction of its multiply-adds done.
   * The header's __metadata__ is kept (`metadata`); its "preprocessing" entry, JSON such as
   * {"type": "percentile", "low": 1, "high": 99.8}, is what segment() applies to images
   * (`preprocessing`). A malformed one, another type, or percentiles outside 0..100 or with
   * low >= high are refused.
   */
  static async fromSafetensors(bytes, options = {}) {
    const o = readOptions(LOAD, options, { padding: 'valid', onProgress: undefined });
    if (o.padding !== 'valid' && o.padding !== 'same') {
      throw new Error(`${LOAD}: padding must be 'valid' or 'same', got ${JSON.stringify(o.padding)}`);
    }
    const onProgress = progressOption(LOAD, o.onProgress);
    await ready();
    const file = parseSafetensors(LOAD, bytes);
    const preprocessing = readPreprocessing(LOAD, file.metadata);
    const spec = inferUNetSpec(LOAD, file.tensors, o.padding === 'same');
    const module = wasm();
    const layout = module.unetLayout(spec);
    if (layout.error) throw new Error(layout.error.replace(/^UNet:/, `${LOAD}:`));
    checkUNetTensors(LOAD, file.tensors, spec, layout);

    // The tensors back to back as float32 in wasm memory, packed by C++ and then freed.
    const total = layout.reduce((sum, t) => sum + file.tensors.get(t.key).count, 0);
    const staging = allocateElements(LOAD, 'weight block', total);
    try {
      let offset = staging;
      for (const { key } of layout) {
        const count = file.tensors.get(key).count;
        copyFloat32(file, key, new Uint8Array(module.HEAPU8.buffer, offset, count * 4));
        offset += count * 4;
      }
      const created = module.unetCreate(spec, staging);
      if (created.error) throw new Error(created.error.replace(/^UNet:/, `${LOAD}:`));
      return new UNet(created.handle, spec, onProgress, Object.freeze({ ...file.metadata }), preprocessing);
    } finally {
      module.free(staging);
    }
  }

  get levels() {
    return this.#spec.encoder.length;
  }

  get inChannels() {
    return this.#spec.inChannels;
  }

  get outChannels() {
    return this.#spec.outChannels;
  }

  /** The widths read from the file: {encoder, bottom, up, decoder}, encoder[0] being enc1's. */
  get widths() {
    const { encoder, bottom, up, decoder } = this.#spec;
    return { encoder: [...encoder], bottom, up: [...up], decoder: [...decoder] };
  }

  get padding() {
    return this.#spec.samePadding ? 'same' : 'valid';
  }

  /** The file's __metadata__ strings, by key (frozen). */
  get metadata() {
    return this.#metadata;
  }

  /** The preprocessing segment() applies, from __metadata__.preprocessing (frozen), or null. */
  get preprocessing() {
    return this.#preprocessing;
  }

  get isDisposed() {
    return this.#disposeRequested;
  }

  /**
   * Runs the network on a float32 (N, C, H, W) or (C, H, W) tensor. H and W must fit the
   * network (a 3-level valid UNet takes S % 8 == 4, S >= 92, and gives S - 88); the Error for
   * a size that does not names the nearest ones that do. Options:
   * - onProgress(stage, fraction): overrides the model's. If it throws, the pass stops there
   *   and forward throws that error.
   * - signal: an AbortSignal. Once it fires the pass stops at the next stage and forward
   *   throws its reason (an AbortError). The pass is synchronous, so a signal can fire during
   *   it only from onProgress or from another thread.
   * A stopped pass frees everything it allocated. Disposing the model or the input from
   * onProgress takes effect when the pass returns.
   */
  forward(input, options = {}) {
    const op = 'UNet.forward';
    const o = readOptions(op, options, { onProgress: undefined, signal: undefined });
    if (this.isDisposed) throw new Error(`${op}: the model was disposed`);
    const pointer = checkInput(op, input);
    const onProgress = progressOption(op, o.onProgress) ?? this.#onProgress;
    const signal = signalOption(op, o.signal);
    signal?.throwIfAborted();
    const stages = stageCallback(onProgress, signal);
    this.#running++;
    let result;
    try {
      result = withPinned([input], () =>
        wasm().unetForward(this.#handle, pointer, input.shape, stages.call),
      );
    } finally {
      if (--this.#running === 0 && this.#disposeRequested) this.#free();
    }
    if (result.cancelled) throw stages.stopped();
    if (result.error) throw new Error(result.error);
    return adoptWasmTensor(result.data, result.shape);
  }

  // segment's rules for an image: [1, C, H, W] or [C, H, W], the model's C, at least 1x1.
  // Returns [H, W].
  #checkImage(op, image) {
    if (this.isDisposed) throw new Error(`${op}: the model was disposed`);
    checkInput(op, image, 'image');
    const shape = image.shape;
    if (!((shape.length === 4 && shape[0] === 1) || shape.length === 3)) {
      throw new Error(`${op}: image must be [1, C, H, W] or [C, H, W], got shape [${shape.join(', ')}]`);
    }
    const [channels, height, width] = shape.slice(-3);
    if (channels !== this.inChannels) {
      throw new Error(`${op}: image must have ${this.inChannels} channels (the in-channels of enc1.0), got shape [${shape.join(', ')}]`);
    }
    if (height < 1 || width < 1) throw new Error(`${op}: image must be at least 1x1, got shape [${shape.join(', ')}]`);
    return [height, width];
  }

  /**
   * What segment() maps to 0 and to 1 for this image under the model's percentile
   * preprocessing: {lo, hi}, numpy's linear percentiles of all its values, as doubles; null
   * for a model without preprocessing. The same image rules as segment's, and a NaN or
   * infinite pixel is an Error. Lets a page judge an image as the model will see it (its
   * normalized brightness, say) without a second percentile of its own.
   */
  preprocessingBounds(image) {
    const op = 'UNet.preprocessingBounds';
    this.#checkImage(op, image);
    if (!this.#preprocessing) return null;
    const { lo, hi } = this.#percentiles(op, image);
    return { lo, hi };
  }

  // The model's preprocessing of the whole image ({lo, hi, map}): segment computes it once, so
  // that every tile sees the same lo and hi.
  #percentiles(op, image) {
    const values = new Float32Array(wasm().HEAPU8.buffer, addressOf(image, op), image.numel());
    return percentileMapping(op, 'image', values, this.#preprocessing);
  }

  /**
   * Segments an image of any size: a float32 [1, C, H, W] or [C, H, W] tensor, H, W >= 1.
   * Resolves to [1, outChannels, H, W] logits for exactly its pixels, by the U-Net paper's
   * overlap-tile strategy with the image mirrored at its borders. The result is the same, bit
   * for bit, for every tileSize (tiles are placed so that each computes what one pass over the
   * whole mirrored image would); memory is bounded by the tile. Options:
   * - tileSize: a tile's side in input pixels (default 572, rounded down to a size the network
   *   takes, and up to the smallest useful one).
   * - onProgress(fraction): after each tile, rising to 1.
   * - signal: an AbortSignal, checked between tiles; segment then rejects with its reason and
   *   frees what it allocated.
   * - preprocess (default true): apply the model's `preprocessing` first. For
   *   {"type": "percentile", low, high}: lo and hi, numpy's linear percentiles of the whole
   *   image (every channel together), are computed once, and every pixel x the tiles read
   *   becomes float32((x - lo) / (hi - lo + 1e-20)), as scripts/cells/normalize.py does it in
   *   float64, without a normalized copy of the image. A NaN or infinite pixel is then an
   *   Error. false: the image goes in as it is (a model without preprocessing always does).
   * The event loop runs between tiles.
   */
  async segment(image, options = {}) {
    const op = 'UNet.segment';
    const o = readOptions(op, options, { tileSize: 572, onProgress: undefined, signal: undefined, preprocess: true });
    const [height, width] = this.#checkImage(op, image);
    if (!(Number.isInteger(o.tileSize) && o.tileSize >= 1)) {
      throw new Error(`${op}: tileSize must be a positive integer, got ${o.tileSize}`);
    }
    if (o.onProgress !== undefined && typeof o.onProgress !== 'function') {
      throw new Error(`${op}: onProgress must be a function (fraction), got ${typeof o.onProgress}`);
    }
    const preprocess = bool(op, 'preprocess', o.preprocess);
    const signal = signalOption(op, o.signal);
    signal?.throwIfAborted();
    const map = preprocess && this.#preprocessing ? this.#percentiles(op, image).map : null;
    const tiling = wasm().unetTiling(this.levels, this.#spec.samePadding);
    if (tiling.error) throw new Error(tiling.error.replace(/^UNet:/, `${op}:`));
    const plan = planTiles(tiling, this.#spec.samePadding, this.levels, o.tileSize);
    const rows = plan.origins(height);
    const columns = plan.origins(width);
    const classes = this.outChannels;
    const output = filledTensor(op, 'output', [1, classes, height, width], () => {});
    try {
      let done = 0;
      for (const top of rows) {
        for (const left of columns) {
          const tile = this.#cutTile(op, image, top, left, plan, map);
          let logits;
          try {
            logits = this.forward(tile, { signal });
          } finally {
            tile.dispose();
          }
          this.#keep(op, logits, output, top, left, plan);
          logits.dispose();
          o.onProgress?.(++done / (rows.length * columns.length));
          // Lets the page (or a signal's event) run between tiles.
          await new Promise((resolve) => setTimeout(resolve, 0));
          signal?.throwIfAborted();
          if (this.isDisposed) throw new Error(`${op}: the model was disposed`);
        }
      }
    } catch (error) {
      output.dispose();
      throw error;
    }
    return output;
  }

  // The tile of the mirrored plane at (top, left), read from the image's memory (through `map`,
  // the preprocessing, if given).
  #cutTile(op, image, top, left, { tile: size, margin }, map) {
    const [channels, height, width] = image.shape.slice(-3);
    const columns = Int32Array.from({ length: size }, (_, x) => reflect(left + x - margin, width));
    return filledTensor(op, 'tile', [1, channels, size, size], (view) => {
      const source = new Float32Array(wasm().HEAPU8.buffer, addressOf(image, op), channels * height * width);
      for (let c = 0; c < channels; c++) {
        for (let y = 0; y < size; y++) {
          const row = c * height * width + reflect(top + y - margin, height) * width;
          const to = (c * size + y) * size;
          if (map) {
            for (let x = 0; x < size; x++) view[to + x] = map(source[row + columns[x]]);
          } else {
            for (let x = 0; x < size; x++) view[to + x] = source[row + columns[x]];
          }
        }
      }
    });
  }

  // The tile's outputs for the image pixels [top, top + step) x [left, left + step), into `output`.
  #keep(op, logits, output, top, left, { step, margin }) {
    const [classes, height, width] = output.shape.slice(-3);
    const [tileHeight, tileWidth] = logits.shape.slice(-2);
    // 'same' tiles give an output per input pixel: the kept ones start `margin` in.
    const offset = this.#spec.samePadding ? margin : 0;
    const heap = wasm().HEAPU8.buffer;
    const from = new Float32Array(heap, addressOf(logits, op), classes * tileHeight * tileWidth);
    const to = new Float32Array(heap, addressOf(output, op), classes * height * width);
    const rows = Math.min(step, height - top);
    const columns = Math.min(step, width - left);
    for (let c = 0; c < classes; c++) {
      for (let y = 0; y < rows; y++) {
        const source = (c * tileHeight + offset + y) * tileWidth + offset;
        to.set(from.subarray(source, source + columns), (c * height + top + y) * width + left);
      }
    }
  }

  /** Frees the model's packed weights in wasm memory (after the passes running now). */
  dispose() {
    if (this.#disposeRequested) return;
    this.#disposeRequested = true;
    if (this.#running === 0) this.#free();
  }

  #free() {
    finalizer.unregister(this);
    wasm().unetDestroy(this.#handle);
    this.#handle = 0;
  }

  toString() {
    const { encoder, bottom } = this.#spec;
    return `UNet(levels=${this.levels}, in_channels=${this.inChannels}, out_channels=${this.outChannels}, encoder=(${encoder.join(', ')}), bottom=${bottom}, padding=${this.padding})`;
  }
}

// `using net = await UNet.fromSafetensors(...)` where the runtime has explicit resource management.
if (Symbol.dispose) UNet.prototype[Symbol.dispose] = UNet.prototype.dispose;
