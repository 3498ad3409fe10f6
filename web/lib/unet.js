// poolkit.UNet: the seed U-Net loaded from PyTorch weights, its whole forward pass one call
// into wasm.
import { ready, wasm } from './runtime.js';
import { adoptWasmTensor } from './tensor.js';
import { checkInput, readOptions } from './options.js';
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

export class UNet {
  #handle;
  #spec;
  #onProgress;

  /** @internal Use UNet.fromSafetensors. */
  constructor(handle, spec, onProgress) {
    this.#handle = handle;
    this.#spec = spec;
    this.#onProgress = onProgress;
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
   */
  static async fromSafetensors(bytes, options = {}) {
    const o = readOptions(LOAD, options, { padding: 'valid', onProgress: undefined });
    if (o.padding !== 'valid' && o.padding !== 'same') {
      throw new Error(`${LOAD}: padding must be 'valid' or 'same', got ${JSON.stringify(o.padding)}`);
    }
    const onProgress = progressOption(LOAD, o.onProgress);
    await ready();
    const file = parseSafetensors(LOAD, bytes);
    const spec = inferUNetSpec(LOAD, file.tensors, o.padding === 'same');
    const module = wasm();
    const layout = module.unetLayout(spec);
    if (layout.error) throw new Error(layout.error.replace(/^UNet:/, `${LOAD}:`));
    checkUNetTensors(LOAD, file.tensors, spec, layout);

    // The tensors back to back as float32 in wasm memory, packed by C++ and then freed.
    const total = layout.reduce((sum, t) => sum + file.tensors.get(t.key).count, 0);
    const staging = module.allocate(total * 4);
    if (!staging) throw new Error(`${LOAD}: out of memory allocating ${total * 4} bytes for the weights`);
    try {
      let offset = staging;
      for (const { key } of layout) {
        const count = file.tensors.get(key).count;
        copyFloat32(file, key, new Uint8Array(module.HEAPU8.buffer, offset, count * 4));
        offset += count * 4;
      }
      const created = module.unetCreate(spec, staging);
      if (created.error) throw new Error(created.error.replace(/^UNet:/, `${LOAD}:`));
      return new UNet(created.handle, spec, onProgress);
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

  get isDisposed() {
    return this.#handle === 0;
  }

  /**
   * Runs the network on a float32 (N, C, H, W) or (C, H, W) tensor. H and W must fit the
   * network (a 3-level valid UNet takes S % 8 == 4, S >= 92, and gives S - 88); the Error for
   * a size that does not names the nearest ones that do. `onProgress` overrides the model's.
   */
  forward(input, { onProgress } = {}) {
    const op = 'UNet.forward';
    if (this.#handle === 0) throw new Error(`${op}: the model was disposed`);
    const pointer = checkInput(op, input);
    const callback = progressOption(op, onProgress) ?? this.#onProgress;
    const result = wasm().unetForward(this.#handle, pointer, input.shape, callback);
    if (result.error) throw new Error(result.error);
    return adoptWasmTensor(result.data, result.shape);
  }

  /** Frees the model's packed weights in wasm memory. */
  dispose() {
    if (this.#handle === 0) return;
    finalizer.unregister(this);
    wasm().unetDestroy(this.#handle);
    this.#handle = 0;
  }

  toString() {
    const { encoder, bottom } = this.#spec;
    return `UNet(levels=${this.levels}, in_channels=${this.inChannels}, out_channels=${this.outChannels}, encoder=(${encoder.join(', ')}), bottom=${bottom}, padding=${this.padding})`;
  }
}
