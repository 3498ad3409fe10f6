// Types for poolkit's public API. Each op mirrors torch.nn.functional / torch.nn, camelCased.

export type DType = 'float32' | 'int32';
/** An int, or one int per spatial dimension (PyTorch's _pair / _triple). */
export type IntOrTuple = number | number[];

export interface ReadyOptions {
  /** Where the .wasm file lives; defaults to next to this module. */
  wasmUrl?: string | URL;
  /** The .wasm bytes, if you already have them. */
  wasmBinary?: ArrayBuffer | Uint8Array;
  /** Threads (default: the machine's cores); 1 picks the single-threaded build. */
  threads?: number;
  /** Milliseconds after which a threaded build whose workers have not started is given up for the single-threaded one (default 10000). */
  loadTimeout?: number;
}

/**
 * Loads the wasm module; once loaded, every call returns the same promise. Bad options reject
 * that call only, and after a failed load a later call tries again.
 */
export function ready(options?: ReadyOptions): Promise<void>;

export interface MemoryStats {
  /** Bytes malloc holds in the wasm heap now (tensors, scratch). */
  allocatedBytes: number;
  /** Size of the wasm heap; it only grows. */
  heapBytes: number;
}
export function memoryStats(): MemoryStats;

/** torch.set_num_threads: how many threads ops use, at most what ready() started. */
export function setNumThreads(threads: number): void;
/** torch.get_num_threads. */
export function getNumThreads(): number;

/** Which build is running, and why the threaded one was given up (null when it was not). */
export function runtimeInfo(): {
  simd: boolean;
  threads: number;
  build: 'threads' | 'single';
  fallbackReason: string | null;
};

/**
 * An immutable n-dimensional array held in wasm memory, made by tensor() or an op (`new Tensor`
 * throws; the class is exported for instanceof). Memory is freed by dispose(), by the tidy()
 * that was open when the tensor was made, or when the tensor is garbage-collected
 * (FinalizationRegistry) if neither happens.
 */
export class Tensor {
  private constructor();
  /** Still readable after dispose(), as are dtype, isDisposed, numel(), dim() and toString(). */
  readonly shape: readonly number[];
  readonly dtype: DType;
  /**
   * The values in row-major order: a copy made on first read. Writing to it does not change the
   * tensor. Throws once the tensor is disposed.
   */
  readonly data: Float32Array | Int32Array;
  readonly isDisposed: boolean;
  numel(): number;
  dim(): number;
  /** Nested arrays, like torch.Tensor.tolist(). Throws once the tensor is disposed. */
  tolist(): any;
  /** Frees the wasm memory now; a second call does nothing. */
  dispose(): void;
  /** dispose(), for `using` (TypeScript 5.2+, in runtimes that define Symbol.dispose). */
  [Symbol.dispose](): void;
}

/**
 * Like tf.tidy: runs fn synchronously and disposes every tensor made meanwhile (by tensor() or
 * any op) except those fn returns (a tensor, or arrays and objects holding tensors at any
 * depth), which then belong to the enclosing tidy(), if any. If fn throws, every tensor made
 * meanwhile is disposed and the error rethrown. An async fn is an Error.
 */
export function tidy<T>(fn: () => T): T;

type Nested = number | Nested[];
/** tensor(data, shape), or tensor(nestedArrays) with the shape read from the nesting. */
export function tensor(
  data: Float32Array | Float64Array | Uint8Array | Uint8ClampedArray | Int32Array | number[],
  shape: number[],
): Tensor;
export function tensor(data: Nested[]): Tensor;

export interface MaxPool2dOptions {
  kernelSize: IntOrTuple;
  /** Defaults to kernelSize. */
  stride?: IntOrTuple | null;
  padding?: IntOrTuple;
  dilation?: IntOrTuple;
  ceilMode?: boolean;
  returnIndices?: boolean;
}

export interface AvgPool1dOptions {
  kernelSize: IntOrTuple;
  /** Defaults to kernelSize. */
  stride?: IntOrTuple | null;
  padding?: IntOrTuple;
  ceilMode?: boolean;
  /** Count the zero padding in the divisor (default true). */
  countIncludePad?: boolean;
}

export interface AvgPool2dOptions extends AvgPool1dOptions {
  /** Divide every window's sum by this instead (a non-zero int32). */
  divisorOverride?: number | null;
}
export type AvgPool3dOptions = AvgPool2dOptions;

/**
 * An int, or one entry per spatial dimension; null keeps the input's size (PyTorch's None). As
 * in PyTorch, a one-element array is no shorthand here from 2d on.
 */
export type OutputSize = number | (number | null)[];

export interface AdaptiveAvgPool1dOptions {
  outputSize: number | [number];
}
export interface AdaptiveAvgPoolOptions {
  outputSize: OutputSize;
}

export interface LPPoolOptions {
  /** p: any positive, finite number. 1 gives a signed sum; a fractional p of a negative input is NaN. */
  normType: number;
  /** lpPool1d: an int; lpPool2d: an int or [kh, kw]. As in PyTorch, no one-element array. */
  kernelSize: IntOrTuple;
  /** Defaults to kernelSize. */
  stride?: IntOrTuple | null;
  ceilMode?: boolean;
}

export interface ReLUOptions {
  /** Must be false: poolkit tensors are immutable. */
  inplace?: false;
}

export namespace functional {
  /** torch.nn.functional.max_pool2d. A number is shorthand for {kernelSize}. */
  function maxPool2d(input: Tensor, options: MaxPool2dOptions & { returnIndices: true }): [Tensor, Tensor];
  function maxPool2d(input: Tensor, options: MaxPool2dOptions | IntOrTuple): Tensor;
  /** torch.nn.functional.avg_pool1d on (N, C, L) or (C, L). A number is shorthand for {kernelSize}. */
  function avgPool1d(input: Tensor, options: AvgPool1dOptions | IntOrTuple): Tensor;
  /** torch.nn.functional.avg_pool2d on (N, C, H, W) or (C, H, W). */
  function avgPool2d(input: Tensor, options: AvgPool2dOptions | IntOrTuple): Tensor;
  /** torch.nn.functional.avg_pool3d on (N, C, D, H, W) or (C, D, H, W). */
  function avgPool3d(input: Tensor, options: AvgPool3dOptions | IntOrTuple): Tensor;
  /** torch.nn.functional.adaptive_avg_pool1d. A number is shorthand for {outputSize}. */
  function adaptiveAvgPool1d(input: Tensor, options: AdaptiveAvgPool1dOptions | number | [number]): Tensor;
  /** torch.nn.functional.adaptive_avg_pool2d, e.g. adaptiveAvgPool2d(x, 1) or (x, [null, 7]). */
  function adaptiveAvgPool2d(input: Tensor, options: AdaptiveAvgPoolOptions | OutputSize): Tensor;
  /** torch.nn.functional.adaptive_avg_pool3d. */
  function adaptiveAvgPool3d(input: Tensor, options: AdaptiveAvgPoolOptions | OutputSize): Tensor;
  /** torch.nn.functional.lp_pool1d, computed as PyTorch composes it. */
  function lpPool1d(input: Tensor, options: LPPoolOptions): Tensor;
  /** torch.nn.functional.lp_pool2d, computed as PyTorch composes it. */
  function lpPool2d(input: Tensor, options: LPPoolOptions): Tensor;
  /** torch.nn.functional.relu on a float32 tensor of any shape (-0 and NaN pass through). */
  function relu(input: Tensor, options?: ReLUOptions): Tensor;
}

export namespace nn {
  abstract class Module {
    forward(...inputs: Tensor[]): Tensor | Tensor[];
    /** The module as PyTorch prints it, e.g. "MaxPool2d(kernel_size=2, stride=2, ...)". */
    toString(): string;
  }

  class MaxPool2d extends Module {
    constructor(options: MaxPool2dOptions);
    constructor(kernelSize: IntOrTuple, options?: Omit<MaxPool2dOptions, 'kernelSize'>);
    constructor(
      kernelSize: IntOrTuple,
      stride?: IntOrTuple | null,
      padding?: IntOrTuple,
      dilation?: IntOrTuple,
      returnIndices?: boolean,
      ceilMode?: boolean,
    );
    kernelSize: IntOrTuple;
    stride: IntOrTuple;
    padding: IntOrTuple;
    dilation: IntOrTuple;
    returnIndices: boolean;
    ceilMode: boolean;
    forward(input: Tensor): Tensor | [Tensor, Tensor];
  }

  class AvgPool1d extends Module {
    constructor(options: AvgPool1dOptions);
    constructor(kernelSize: IntOrTuple, options?: Omit<AvgPool1dOptions, 'kernelSize'>);
    constructor(
      kernelSize: IntOrTuple,
      stride?: IntOrTuple | null,
      padding?: IntOrTuple,
      ceilMode?: boolean,
      countIncludePad?: boolean,
    );
    /** One-element arrays, like PyTorch's one-element tuples. */
    kernelSize: number[];
    stride: number[];
    padding: number[];
    ceilMode: boolean;
    countIncludePad: boolean;
    forward(input: Tensor): Tensor;
  }

  class AvgPool2d extends Module {
    constructor(options: AvgPool2dOptions);
    constructor(kernelSize: IntOrTuple, options?: Omit<AvgPool2dOptions, 'kernelSize'>);
    constructor(
      kernelSize: IntOrTuple,
      stride?: IntOrTuple | null,
      padding?: IntOrTuple,
      ceilMode?: boolean,
      countIncludePad?: boolean,
      divisorOverride?: number | null,
    );
    kernelSize: IntOrTuple;
    stride: IntOrTuple;
    padding: IntOrTuple;
    ceilMode: boolean;
    countIncludePad: boolean;
    divisorOverride: number | null;
    forward(input: Tensor): Tensor;
  }

  class AvgPool3d extends AvgPool2d {}

  class AdaptiveAvgPool1d extends Module {
    constructor(outputSize: number | [number]);
    constructor(options: AdaptiveAvgPool1dOptions);
    outputSize: number | [number];
    forward(input: Tensor): Tensor;
  }

  class AdaptiveAvgPool2d extends Module {
    constructor(outputSize: OutputSize);
    constructor(options: AdaptiveAvgPoolOptions);
    outputSize: OutputSize;
    forward(input: Tensor): Tensor;
  }

  class AdaptiveAvgPool3d extends AdaptiveAvgPool2d {}

  class LPPool1d extends Module {
    constructor(options: LPPoolOptions);
    constructor(normType: number, kernelSize: IntOrTuple, options?: Omit<LPPoolOptions, 'normType' | 'kernelSize'>);
    constructor(normType: number, kernelSize: IntOrTuple, stride?: IntOrTuple | null, ceilMode?: boolean);
    normType: number;
    kernelSize: IntOrTuple;
    /** null when not given, as PyTorch keeps None. */
    stride: IntOrTuple | null;
    ceilMode: boolean;
    forward(input: Tensor): Tensor;
  }

  class LPPool2d extends LPPool1d {}

  class ReLU extends Module {
    constructor(inplace?: false);
    constructor(options: ReLUOptions);
    readonly inplace: false;
    forward(input: Tensor): Tensor;
  }
}

/**
 * torch.manual_seed: seeds the generator fractionalMaxPool2d/3d draw their samples from when no
 * randomSamples are given. The generator is PyTorch's (MT19937 seeded with the seed's low 32
 * bits), so the same seed gives the same samples as torch.rand after torch.manual_seed. Until
 * it is called the seed is random, as in PyTorch.
 */
export function manualSeed(seed: number | bigint): void;
/** torch.initial_seed: the seed last given to manualSeed (or the random start-up seed). */
export function initialSeed(): number | bigint;

export type MaxPool1dOptions = MaxPool2dOptions;
export type MaxPool3dOptions = MaxPool2dOptions;

/** An output size of an adaptive pool: an int, or one int per dimension where null keeps that input size. */
export type AdaptiveOutputSize = number | (number | null)[];

export interface AdaptiveMaxPoolOptions<Size = AdaptiveOutputSize> {
  outputSize: Size;
  returnIndices?: boolean;
}

/** From 2d on, as in PyTorch, an array holds one int per dimension: [k] is no shorthand. */
export interface MaxUnpoolOptions {
  kernelSize: IntOrTuple;
  /** Defaults to kernelSize. */
  stride?: IntOrTuple | null;
  padding?: IntOrTuple;
  /** The spatial output sizes, or the whole output shape (N, C, ...); defaults to PyTorch's. */
  outputSize?: number[] | null;
}

/** kernelSize, outputSize and outputRatio: a number, or an array of 2 (3d: 3), as in PyTorch. */
export interface FractionalMaxPoolOptions {
  kernelSize: IntOrTuple;
  /** Exactly one of outputSize and outputRatio. */
  outputSize?: IntOrTuple;
  /** Output size = trunc(input size * ratio), per dimension. */
  outputRatio?: number | number[];
  returnIndices?: boolean;
  /**
   * PyTorch's _random_samples: float32 (N, C, 2) for 2d (ordered w, h per plane) or (N, C, 3)
   * for 3d (d, h, w), values in [0, 1); N is 1 for unbatched input. More rows than N are
   * allowed, and the first N used, as in PyTorch. Drawn when omitted.
   */
  randomSamples?: Tensor;
}

export namespace functional {
  /** torch.nn.functional.max_pool1d over (C, L) or (N, C, L). A number is shorthand for {kernelSize}. */
  function maxPool1d(input: Tensor, options: MaxPool1dOptions & { returnIndices: true }): [Tensor, Tensor];
  function maxPool1d(input: Tensor, options: MaxPool1dOptions | IntOrTuple): Tensor;
  /** torch.nn.functional.max_pool3d over (C, D, H, W) or (N, C, D, H, W). */
  function maxPool3d(input: Tensor, options: MaxPool3dOptions & { returnIndices: true }): [Tensor, Tensor];
  function maxPool3d(input: Tensor, options: MaxPool3dOptions | IntOrTuple): Tensor;

  /** torch.nn.functional.adaptive_max_pool1d. A number is shorthand for {outputSize}. */
  function adaptiveMaxPool1d(
    input: Tensor,
    options: AdaptiveMaxPoolOptions<number | [number]> & { returnIndices: true },
  ): [Tensor, Tensor];
  function adaptiveMaxPool1d(input: Tensor, options: AdaptiveMaxPoolOptions<number | [number]> | number | [number]): Tensor;
  /** torch.nn.functional.adaptive_max_pool2d; null sizes keep the input's. */
  function adaptiveMaxPool2d(input: Tensor, options: AdaptiveMaxPoolOptions & { returnIndices: true }): [Tensor, Tensor];
  function adaptiveMaxPool2d(input: Tensor, options: AdaptiveMaxPoolOptions | AdaptiveOutputSize): Tensor;
  /** torch.nn.functional.adaptive_max_pool3d; null sizes keep the input's. */
  function adaptiveMaxPool3d(input: Tensor, options: AdaptiveMaxPoolOptions & { returnIndices: true }): [Tensor, Tensor];
  function adaptiveMaxPool3d(input: Tensor, options: AdaptiveMaxPoolOptions | AdaptiveOutputSize): Tensor;

  /** torch.nn.functional.max_unpool1d: `indices` are int32, as maxPool1d returns them. */
  function maxUnpool1d(input: Tensor, indices: Tensor, options: MaxUnpoolOptions | IntOrTuple): Tensor;
  function maxUnpool2d(input: Tensor, indices: Tensor, options: MaxUnpoolOptions | IntOrTuple): Tensor;
  function maxUnpool3d(input: Tensor, indices: Tensor, options: MaxUnpoolOptions | IntOrTuple): Tensor;

  /** torch.nn.functional.fractional_max_pool2d. */
  function fractionalMaxPool2d(
    input: Tensor,
    options: FractionalMaxPoolOptions & { returnIndices: true },
  ): [Tensor, Tensor];
  function fractionalMaxPool2d(input: Tensor, options: FractionalMaxPoolOptions): Tensor;
  /** torch.nn.functional.fractional_max_pool3d. */
  function fractionalMaxPool3d(
    input: Tensor,
    options: FractionalMaxPoolOptions & { returnIndices: true },
  ): [Tensor, Tensor];
  function fractionalMaxPool3d(input: Tensor, options: FractionalMaxPoolOptions): Tensor;
}

export namespace nn {
  /** MaxPool1d, MaxPool2d and MaxPool3d take the same arguments (PyTorch's _MaxPoolNd). */
  class MaxPool1d extends MaxPool2d {}
  class MaxPool3d extends MaxPool2d {}

  class AdaptiveMaxPool1d extends Module {
    constructor(options: AdaptiveMaxPoolOptions<number | [number]>);
    constructor(outputSize: number | [number], returnIndices?: boolean);
    outputSize: number | [number];
    returnIndices: boolean;
    forward(input: Tensor): Tensor | [Tensor, Tensor];
  }
  class AdaptiveMaxPool2d extends Module {
    constructor(options: AdaptiveMaxPoolOptions);
    constructor(outputSize: AdaptiveOutputSize, returnIndices?: boolean);
    outputSize: AdaptiveOutputSize;
    returnIndices: boolean;
    forward(input: Tensor): Tensor | [Tensor, Tensor];
  }
  class AdaptiveMaxPool3d extends AdaptiveMaxPool2d {}

  /** Like PyTorch's, the attributes hold one value per dimension, e.g. kernelSize [2, 2]. */
  class MaxUnpool2d extends Module {
    constructor(options: Omit<MaxUnpoolOptions, 'outputSize'>);
    constructor(kernelSize: IntOrTuple, options?: Omit<MaxUnpoolOptions, 'kernelSize' | 'outputSize'>);
    constructor(kernelSize: IntOrTuple, stride?: IntOrTuple | null, padding?: IntOrTuple);
    kernelSize: number[];
    stride: number[];
    padding: number[];
    forward(input: Tensor, indices: Tensor): Tensor;
    /** outputSize: the spatial output sizes, or the whole output shape (N, C, ...). */
    forward(input: Tensor, indices: Tensor, outputSize: number[] | null): Tensor;
  }
  class MaxUnpool1d extends MaxUnpool2d {}
  class MaxUnpool3d extends MaxUnpool2d {}

  /** Prints as PyTorch's does, without arguments: "FractionalMaxPool2d()". */
  class FractionalMaxPool2d extends Module {
    constructor(options: FractionalMaxPoolOptions);
    constructor(kernelSize: IntOrTuple, options: Omit<FractionalMaxPoolOptions, 'kernelSize'>);
    constructor(
      kernelSize: IntOrTuple,
      outputSize?: IntOrTuple | null,
      outputRatio?: number | number[] | null,
      returnIndices?: boolean,
      randomSamples?: Tensor | null,
    );
    kernelSize: IntOrTuple;
    outputSize: IntOrTuple | null;
    outputRatio: number | number[] | null;
    returnIndices: boolean;
    randomSamples: Tensor | null;
    forward(input: Tensor): Tensor | [Tensor, Tensor];
  }
  class FractionalMaxPool3d extends FractionalMaxPool2d {}
}

export interface Conv2dOptions {
  stride?: IntOrTuple;
  /** Ints or [h, w]; 'same' keeps the size (stride 1; the odd extra row or column goes bottom/right); 'valid' is 0. */
  padding?: IntOrTuple | 'same' | 'valid';
  dilation?: IntOrTuple;
  groups?: number;
}

export interface ConvTranspose2dOptions {
  stride?: IntOrTuple;
  padding?: IntOrTuple;
  outputPadding?: IntOrTuple;
  groups?: number;
  dilation?: IntOrTuple;
  /** [h, w] or the whole output shape [n, c, h, w]: picks outputPadding, as nn.ConvTranspose2d.forward does. */
  outputSize?: IntOrTuple;
}

export namespace functional {
  /** torch.nn.functional.conv2d. weight: (outChannels, inChannels / groups, kH, kW). */
  function conv2d(input: Tensor, weight: Tensor, bias?: Tensor | null, options?: Conv2dOptions): Tensor;
  function conv2d(input: Tensor, weight: Tensor, options: Conv2dOptions): Tensor;
  /** torch.nn.functional.conv_transpose2d. weight: (inChannels, outChannels / groups, kH, kW). */
  function convTranspose2d(input: Tensor, weight: Tensor, bias?: Tensor | null, options?: ConvTranspose2dOptions): Tensor;
  function convTranspose2d(input: Tensor, weight: Tensor, options: ConvTranspose2dOptions): Tensor;
  /** torch.cat: tensors of one dtype whose shapes agree except in `dim` (default 0; negative counts from the end). */
  function cat(tensors: Tensor[], dim?: number): Tensor;
  /** The middle [h, w] of the last two dimensions, top-left corner at floor((H - h) / 2), floor((W - w) / 2). */
  function centerCrop(input: Tensor, outputSize: IntOrTuple): Tensor;
}

export interface Conv2dModuleOptions extends Conv2dOptions {
  inChannels?: number;
  outChannels?: number;
  kernelSize?: IntOrTuple;
  bias?: boolean;
  /** Only 'zeros'. */
  paddingMode?: 'zeros';
}

export interface ConvTranspose2dModuleOptions extends Omit<ConvTranspose2dOptions, 'outputSize'> {
  inChannels?: number;
  outChannels?: number;
  kernelSize?: IntOrTuple;
  bias?: boolean;
  /** Only 'zeros'. */
  paddingMode?: 'zeros';
}

export namespace nn {
  /**
   * torch.nn.Conv2d. Starts with PyTorch's initialisation ranges (U(-1/sqrt(fanIn), 1/sqrt(fanIn)),
   * drawn with Math.random); assign `weight` and `bias` to load trained values.
   */
  class Conv2d extends Module {
    constructor(options: Conv2dModuleOptions & { inChannels: number; outChannels: number; kernelSize: IntOrTuple });
    constructor(inChannels: number, outChannels: number, kernelSize: IntOrTuple, options?: Conv2dModuleOptions);
    constructor(
      inChannels: number,
      outChannels: number,
      kernelSize: IntOrTuple,
      stride?: IntOrTuple,
      padding?: IntOrTuple | 'same' | 'valid',
      dilation?: IntOrTuple,
      groups?: number,
      bias?: boolean,
      paddingMode?: 'zeros',
    );
    inChannels: number;
    outChannels: number;
    kernelSize: [number, number];
    stride: [number, number];
    padding: [number, number] | 'same' | 'valid';
    dilation: [number, number];
    groups: number;
    paddingMode: 'zeros';
    /** (outChannels, inChannels / groups, kH, kW) */
    weight: Tensor;
    /** (outChannels), or null without bias. */
    bias: Tensor | null;
    forward(input: Tensor): Tensor;
  }

  /** torch.nn.ConvTranspose2d, initialised like nn.Conv2d (PyTorch's fan-in of a transposed weight). */
  class ConvTranspose2d extends Module {
    constructor(options: ConvTranspose2dModuleOptions & { inChannels: number; outChannels: number; kernelSize: IntOrTuple });
    constructor(inChannels: number, outChannels: number, kernelSize: IntOrTuple, options?: ConvTranspose2dModuleOptions);
    constructor(
      inChannels: number,
      outChannels: number,
      kernelSize: IntOrTuple,
      stride?: IntOrTuple,
      padding?: IntOrTuple,
      outputPadding?: IntOrTuple,
      groups?: number,
      bias?: boolean,
      dilation?: IntOrTuple,
      paddingMode?: 'zeros',
    );
    inChannels: number;
    outChannels: number;
    kernelSize: [number, number];
    stride: [number, number];
    padding: [number, number];
    outputPadding: [number, number];
    groups: number;
    dilation: [number, number];
    paddingMode: 'zeros';
    /** (inChannels, outChannels / groups, kH, kW) */
    weight: Tensor;
    /** (outChannels), or null without bias. */
    bias: Tensor | null;
    /** outputSize ([h, w] or [n, c, h, w]) picks the output padding, as in PyTorch. */
    forward(input: Tensor, outputSize?: number[]): Tensor;
    forward(...inputs: Tensor[]): Tensor;
  }
}

/** Called after each stage of a UNet forward pass (enc1, ..., bottom, up3, dec3, ..., out_conv). */
export type UNetProgress = (stage: string, fraction: number) => void;

export interface UNetOptions {
  /**
   * 'valid' (default): the seed's padding=0 convolutions, skip tensors centre-cropped.
   * 'same': a model built with padding=1 convolutions.
   */
  padding?: 'valid' | 'same';
  /** Called during every forward pass with the fraction of its multiply-adds done. */
  onProgress?: UNetProgress;
}

/** The channel widths read from the weights; index 0 is level 1 (enc1, up1, dec1). */
export interface UNetWidths {
  encoder: number[];
  bottom: number;
  up: number[];
  decoder: number[];
}

/**
 * The seed U-Net (enc1..encN, bottom, upN..up1, decN..dec1, out_conv; valid 3x3 convolutions,
 * MaxPool2d(2), ConvTranspose2d(k=2, s=2), centre-cropped skips) with PyTorch's weights, its
 * whole forward pass one call into wasm.
 */
export class UNet {
  private constructor();
  /**
   * Loads a state_dict saved as .safetensors, inferring depth, widths and in/out channels from
   * its keys and shapes. F16 and BF16 tensors are converted to float32. Rejects with an Error
   * naming the tensor when the file is damaged or is not such a model.
   */
  static fromSafetensors(bytes: ArrayBuffer | ArrayBufferView, options?: UNetOptions): Promise<UNet>;
  readonly levels: number;
  readonly inChannels: number;
  readonly outChannels: number;
  readonly widths: UNetWidths;
  readonly padding: 'valid' | 'same';
  readonly isDisposed: boolean;
  /**
   * (N, C, H, W) or (C, H, W) float32 in, (N, outChannels, H', W') out. A 3-level 'valid' net
   * takes sizes S % 8 == 4, S >= 92 and gives S - 88; other sizes throw an Error naming the
   * nearest valid ones.
   */
  forward(input: Tensor, options?: UNetForwardOptions): Tensor;
  /** Frees the packed weights in wasm memory (after a pass running now returns). */
  dispose(): void;
  [Symbol.dispose](): void;
}

export interface UNetForwardOptions {
  /** Overrides the model's; if it throws, the pass stops there and forward throws its error. */
  onProgress?: UNetProgress;
  /** Once fired, the pass stops at the next stage and forward throws the signal's reason. */
  signal?: AbortSignal;
}
