// poolkit.UNet: the seed U-Net loaded from PyTorch weights, its whole forward pass one call
// into wasm.
import { allocateElements, ready, wasm } from './runtime.js';
import { adoptWasmTensor, withPinned } from './tensor.js';
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
  // Forward passes running now (onProgress may start another); dispose() waits for them.
  #running = 0;
  #disposeRequested = false;

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
