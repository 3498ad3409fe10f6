import { wasm } from '../runtime.js';
import { rand } from '../random.js';
import { addressOf, Tensor, tensor } from '../tensor.js';
import { bool, checkInput, describeValue, intTuple, readOptions } from '../options.js';
import { poolResult } from './pool_result.js';

const SPEC = {
  kernelSize: undefined,
  outputSize: undefined,
  outputRatio: undefined,
  returnIndices: false,
  randomSamples: undefined,
};

function ratioTuple(op, value, dims) {
  const values = Array.isArray(value) ? value : [value];
  if ((Array.isArray(value) && values.length !== dims) || !values.every(Number.isFinite)) {
    throw new Error(`${op}: outputRatio must be a number or an array of ${dims} numbers, got ${describeValue(value)}`);
  }
  return values.length === 1 ? Array(dims).fill(values[0]) : [...values];
}

/**
 * The options of fractionalMaxPool{2,3}d, checked as far as they can be without the input:
 * {kernelSize, outputSize | null, outputRatio | null, returnIndices, randomSamples | null}.
 */
export function fractionalMaxPoolOptions(op, options, dims) {
  const given = typeof options === 'number' || Array.isArray(options) ? { kernelSize: options } : options;
  const o = readOptions(op, given ?? {}, SPEC);
  if (o.kernelSize === undefined) throw new Error(`${op}: kernelSize is required`);
  if (o.outputSize === undefined && o.outputRatio === undefined) {
    throw new Error(`${op}: outputSize or outputRatio is required`);
  }
  // PyTorch's functional form silently prefers output_size; its module rejects both.
  if (o.outputSize !== undefined && o.outputRatio !== undefined) {
    throw new Error(`${op}: give outputSize or outputRatio, not both`);
  }
  if (o.randomSamples !== undefined && !(o.randomSamples instanceof Tensor && o.randomSamples.dtype === 'float32')) {
    throw new Error(`${op}: randomSamples must be a float32 Tensor of shape (N, C, ${dims}), got ${describeValue(o.randomSamples)}`);
  }
  // PyTorch checks that kernel_size and output_size have one entry per dimension, and
  // indexes output_ratio per dimension: none of them expands a one-element array.
  const exact = { allowOneElementArray: false };
  return {
    kernelSize: intTuple(op, 'kernelSize', o.kernelSize, dims, exact),
    outputSize: o.outputSize === undefined ? null : intTuple(op, 'outputSize', o.outputSize, dims, exact),
    outputRatio: o.outputRatio === undefined ? null : ratioTuple(op, o.outputRatio, dims),
    returnIndices: bool(op, 'returnIndices', o.returnIndices),
    randomSamples: o.randomSamples ?? null,
  };
}

function fractionalMaxPool(op, dims, input, options) {
  const pointer = checkInput(op, input);
  const args = fractionalMaxPoolOptions(op, options, dims);
  const rank = input.shape.length;
  const rankOk = rank === dims + 1 || rank === dims + 2;
  const spatial = rankOk ? input.shape.slice(-dims) : Array(dims).fill(0);
  let { outputSize } = args;
  if (!outputSize) {
    // F.fractional_max_pool*d: int(input size * ratio), in double precision like Python.
    outputSize = spatial.map((size, i) => Math.trunc(size * args.outputRatio[i]));
    if (rankOk && outputSize.some((s) => s < 1)) {
      throw new Error(
        `${op}: outputRatio=${describeValue(args.outputRatio)} gives outputSize=${describeValue(outputSize)} for input size ${describeValue(spatial)}; every output size must be at least 1`,
      );
    }
  }
  // Without randomSamples, draw them as PyTorch does: torch.rand(N, C, dims), N = 1 unbatched.
  // With a wrong rank there is nothing to draw; the C++ side reports the rank first.
  let samples = args.randomSamples;
  let owned = null;
  if (!samples && rankOk) {
    const shape = [rank === dims + 2 ? input.shape[0] : 1, input.shape[rank - dims - 1], dims];
    owned = tensor(rand(shape[0] * shape[1] * dims), shape);
    samples = owned;
  }
  try {
    const samplesPointer = samples ? addressOf(samples, op) : 0;
    const samplesShape = !samples ? [] : samples.shape;
    const result = wasm()[op](pointer, input.shape, samplesPointer, samplesShape, {
      kernelSize: args.kernelSize,
      outputSize,
      returnIndices: args.returnIndices,
    });
    return poolResult(result, args.returnIndices);
  } finally {
    owned?.dispose();
  }
}

/**
 * torch.nn.functional.fractional_max_pool2d over (C, H, W) or (N, C, H, W). `options`:
 * {kernelSize, outputSize or outputRatio, returnIndices, randomSamples}. randomSamples plays
 * PyTorch's _random_samples, a float32 tensor (N, C, 2) of values in [0, 1) ordered (w, h) per
 * plane (more rows than N are allowed, the first N used); without it they are drawn from
 * poolkit's generator (see manualSeed).
 */
export function fractionalMaxPool2d(input, options) {
  return fractionalMaxPool('fractionalMaxPool2d', 2, input, options);
}

/**
 * torch.nn.functional.fractional_max_pool3d over (C, D, H, W) or (N, C, D, H, W); randomSamples
 * is (N, C, 3), ordered (d, h, w) per plane.
 */
export function fractionalMaxPool3d(input, options) {
  return fractionalMaxPool('fractionalMaxPool3d', 3, input, options);
}
