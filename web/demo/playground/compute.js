// Runs the chosen op through poolkit on the grid's numbers, the way a user would call it, and
// reads the results back as volumes (depth slices of rows). Every tensor made here is disposed
// before returning.
import { optionsFor } from './ops.js';

// The batch and channel dimensions are 1; a volume holds the rest.
export const inputShape = (op, volume) =>
  [1, 1, volume.length, volume[0].length, volume[0][0].length].filter((_, i) => i < 2 || i >= 5 - op.dims);

function toVolume(op, tensor) {
  const plane = tensor.tolist()[0][0];
  return op.dims === 3 ? plane : op.dims === 2 ? [plane] : [[plane]];
}

/**
 * op(x) with the controls' values; max ops also return their indices (the page draws them even
 * when return_indices is off). Throws poolkit's Error for settings PyTorch rejects.
 */
export function pool(poolkit, op, values, volume, overrides = {}) {
  return poolkit.tidy(() => {
    const x = poolkit.tensor(new Float32Array(volume.flat(2)), inputShape(op, volume));
    const options = { ...optionsFor(op, values), ...overrides };
    if (options.randomSamples) {
      options.randomSamples = poolkit.tensor(new Float32Array(options.randomSamples), [1, 1, op.dims]);
    }
    if (op.kind === 'max') options.returnIndices = true;
    const result = poolkit.functional[op.fn](x, options);
    const [out, indices] = op.kind === 'max' ? result : [result, null];
    return { output: toVolume(op, out), indices: indices && toVolume(op, indices), shape: out.shape };
  });
}

/** MaxUnpool of a max pool's output and indices, back to the input's size. */
export function unpool(poolkit, op, values, volume) {
  return poolkit.tidy(() => {
    const x = poolkit.tensor(new Float32Array(volume.flat(2)), inputShape(op, volume));
    const options = optionsFor(op, values);
    const [out, indices] = poolkit.functional[op.fn](x, { ...options, returnIndices: true });
    const back = poolkit.functional[`maxUnpool${op.dims}d`](out, indices, {
      kernelSize: options.kernelSize,
      stride: options.stride,
      padding: options.padding,
      outputSize: inputShape(op, volume).slice(2),
    });
    return toVolume(op, back);
  });
}

/** poolkit's messages name arguments in JavaScript's camelCase; the page's labels are PyTorch's. */
export function inTorchNames(message) {
  return message
    .replace(/\b([a-z]+(?:[A-Z][a-z0-9]*)+)\b/g, (name) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`))
    .replace(/\[([-\d., ]*)\]/g, '($1)'); // PyTorch prints sizes as tuples
}
