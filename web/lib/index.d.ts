// Types for poolkit's public API. Each op mirrors torch.nn.functional / torch.nn, camelCased.
// js-tests/types/usage.ts calls every export against these declarations under `tsc --strict`.

// Only what is marked `export` is public: the shared base classes further down exist at run time
// but are not exported there either, so they must not be importable (or usable with instanceof).
export {};

export type DType = 'float32' | 'int32';
/** An int, or one int per spatial dimension (PyTorch's _pair / _triple). */
export type IntOrTuple = number | readonly number[];

/**
 * What a max-type op (or nn module) returns for a given returnIndices: the output, or
 * [output, indices] (int32) when it is true. A plain `boolean` gives the union: narrow it with
 * Array.isArray.
 */
export type PoolResult<R extends boolean = boolean> = R extends true ? [Tensor, Tensor] : Tensor;

/** One value per build: the single-threaded one and the threaded one (pthreads). */
export interface PerBuild<T> {
  single?: T;
  threads?: T;
}

export interface ReadyOptions {
  /**
   * Where the .wasm files are: a folder URL holding poolkit_wasm.wasm and
   * poolkit_wasm_threads.wasm, or one URL per build. Relative URLs resolve against the page
   * (in Node, the working directory). Default: next to this module.
   */
  wasmPaths?: string | URL | PerBuild<string | URL>;
  /** Each build's .wasm bytes, if you already have them. */
  wasmBinary?: PerBuild<ArrayBuffer | ArrayBufferView>;
  /**
   * Threads, the caller's included. Default: the machine's cores, with the pool started in the
   * background (ops run on one thread until it is up). A number is waited for; 1 picks the
   * single-threaded build.
   */
  threads?: number;
  /** Milliseconds after which a thread pool that has not started is given up (default 10000). */
  loadTimeout?: number;
}

/**
 * Loads the wasm module; once loaded, every call returns the same promise. Bad options reject
 * that call only, and after a failed load a later call tries again. Options take effect on the
 * load that succeeds.
 */
export function ready(options?: ReadyOptions): Promise<void>;

export interface MemoryStats {
  /** Bytes malloc holds in the wasm heap now (tensors, scratch). */
  allocatedBytes: number;
  /** Size of the wasm heap; it only grows. */
  heapBytes: number;
}
/** What malloc holds in the wasm heap, and the heap's size. Throws before ready() has finished. */
export function memoryStats(): MemoryStats;

/** torch.set_num_threads: how many threads ops use (a positive integer), at most what ready() started; set while the pool starts, it applies once it has. */
export function setNumThreads(threads: number): void;
/** torch.get_num_threads. */
export function getNumThreads(): number;

/** Which build is running, and why the threaded one was given up (null when it was not). */
export function runtimeInfo(): {
  simd: boolean;
  /** Threads ops use now (see setNumThreads); 1 while a default pool is still starting. */
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
  /** Frozen. Still readable after dispose(), as are dtype, isDisposed, numel(), dim() and toString(). */
  readonly shape: readonly number[];
  readonly dtype: DType;
  /**
   * The values in row-major order (Int32Array for int32 tensors): a new copy on every read, so
   * read it once into a variable in a loop. Writing to it does not change the tensor. Throws
   * once the tensor is disposed.
   */
  readonly data: Float32Array | Int32Array;
  readonly isDisposed: boolean;
  numel(): number;
  dim(): number;
  /** Nested arrays, like torch.Tensor.tolist() (a number for a 0-d tensor). Throws once the tensor is disposed. */
  tolist(): any;
  /** Frees the wasm memory now; a second call does nothing. */
  dispose(): void;
  /** dispose(), for `using` (TypeScript 5.2+, in runtimes that define Symbol.dispose). */
  [Symbol.dispose](): void;
  /** "Tensor(shape=[1, 1, 4, 4], dtype=float32)" */
  toString(): string;
}

/**
 * Like tf.tidy: runs fn synchronously and disposes every tensor made meanwhile (by tensor() or
 * any op) except those fn returns (a tensor, or arrays and objects holding tensors at any
 * depth), which then belong to the enclosing tidy(), if any. If fn throws, every tensor made
 * meanwhile is disposed and the error rethrown. An async fn is an Error.
 */
export function tidy<T>(fn: () => T): T;

/** Numbers in nested arrays, as torch.tensor takes them. */
export type Nested = number | readonly Nested[];
/**
 * tensor(data, shape), or tensor(nestedArrays) with the shape read from the nesting. Int32Array
 * data makes an int32 tensor; everything else float32 (doubles rounded, bytes as 0..255).
 */
export function tensor(
  data: Float32Array | Float64Array | Uint8Array | Uint8ClampedArray | Int32Array | readonly number[],
  shape: readonly number[],
): Tensor;
export function tensor(data: readonly Nested[]): Tensor;

/** The window arguments of maxPool1d/2d/3d and nn.MaxPool1d/2d/3d, besides kernelSize and returnIndices. */
interface MaxPoolWindow {
  /** Defaults to kernelSize. */
  stride?: IntOrTuple | null;
  padding?: IntOrTuple;
  dilation?: IntOrTuple;
  ceilMode?: boolean;
}

/** R: the type of returnIndices, which decides what the op returns (see PoolResult). */
export interface MaxPool2dOptions<R extends boolean = boolean> extends MaxPoolWindow {
  kernelSize: IntOrTuple;
  /** Also return the int32 indices of the maxima: [output, indices]. Default false. */
  returnIndices?: R;
}
export type MaxPool1dOptions<R extends boolean = boolean> = MaxPool2dOptions<R>;
export type MaxPool3dOptions<R extends boolean = boolean> = MaxPool2dOptions<R>;

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
export type OutputSize = number | readonly (number | null)[];
/** An output size of an adaptive pool: an int, or one int per dimension where null keeps that input size. */
export type AdaptiveOutputSize = OutputSize;
/** The output size of a 1d adaptive pool: an int (no null, as in PyTorch). */
export type AdaptiveOutputSize1d = number | readonly [number];

export interface AdaptiveAvgPool1dOptions {
  outputSize: AdaptiveOutputSize1d;
}
export interface AdaptiveAvgPoolOptions {
  outputSize: OutputSize;
}

export interface AdaptiveMaxPoolOptions<Size = AdaptiveOutputSize, R extends boolean = boolean> {
  outputSize: Size;
  /** Also return the int32 indices of the maxima: [output, indices]. Default false. */
  returnIndices?: R;
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

/** From 2d on, as in PyTorch, an array holds one int per dimension: [k] is no shorthand. */
export interface MaxUnpoolOptions {
  kernelSize: IntOrTuple;
  /** Defaults to kernelSize. */
  stride?: IntOrTuple | null;
  padding?: IntOrTuple;
  /** The spatial output sizes, or the whole output shape (N, C, ...) such as `input.shape`; defaults to PyTorch's. */
  outputSize?: readonly number[] | null;
}

/** Exactly one of outputSize and outputRatio (a number, or one per dimension). */
export type FractionalMaxPoolSize =
  | { outputSize: IntOrTuple; outputRatio?: null }
  | {
      /** Output size = trunc(input size * ratio), per dimension; the modules want 0 < ratio < 1. */
      outputRatio: number | readonly number[];
      outputSize?: null;
    };

/** fractionalMaxPool's options besides kernelSize and the output size. */
interface FractionalMaxPoolSampling<R extends boolean> {
  /** Also return the int32 indices of the maxima: [output, indices]. Default false. */
  returnIndices?: R;
  /**
   * PyTorch's _random_samples: float32 (N, C, 2) for 2d (ordered w, h per plane) or (N, C, 3)
   * for 3d (d, h, w), values in [0, 1); N is 1 for unbatched input. More rows than N are
   * allowed, and the first N used, as in PyTorch. Drawn when omitted (see manualSeed).
   */
  randomSamples?: Tensor | null;
}

/**
 * kernelSize and outputSize: a number, or an array of 2 (3d: 3), as in PyTorch; exactly one of
 * outputSize and outputRatio.
 */
export type FractionalMaxPoolOptions<R extends boolean = boolean> = { kernelSize: IntOrTuple } &
  FractionalMaxPoolSampling<R> &
  FractionalMaxPoolSize;

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
  outputSize?: IntOrTuple | null;
}

/**
 * torch.nn.functional, camelCased. The max-type ops return the output, or [output, indices] when
 * returnIndices is true; a returnIndices typed plain `boolean` gives Tensor | [Tensor, Tensor].
 */
export namespace functional {
  /** torch.nn.functional.max_pool1d over (C, L) or (N, C, L). A number is shorthand for {kernelSize}. */
  function maxPool1d(input: Tensor, options: MaxPool1dOptions<true> & { returnIndices: true }): [Tensor, Tensor];
  function maxPool1d(input: Tensor, options: MaxPool1dOptions<false> | IntOrTuple): Tensor;
  function maxPool1d(input: Tensor, options: MaxPool1dOptions): Tensor | [Tensor, Tensor];
  /**
   * torch.nn.functional.max_pool2d over (C, H, W) or (N, C, H, W). A number is shorthand for
   * {kernelSize}. Indices are int32 offsets within each (N, C) plane.
   */
  function maxPool2d(input: Tensor, options: MaxPool2dOptions<true> & { returnIndices: true }): [Tensor, Tensor];
  function maxPool2d(input: Tensor, options: MaxPool2dOptions<false> | IntOrTuple): Tensor;
  function maxPool2d(input: Tensor, options: MaxPool2dOptions): Tensor | [Tensor, Tensor];
  /** torch.nn.functional.max_pool3d over (C, D, H, W) or (N, C, D, H, W). */
  function maxPool3d(input: Tensor, options: MaxPool3dOptions<true> & { returnIndices: true }): [Tensor, Tensor];
  function maxPool3d(input: Tensor, options: MaxPool3dOptions<false> | IntOrTuple): Tensor;
  function maxPool3d(input: Tensor, options: MaxPool3dOptions): Tensor | [Tensor, Tensor];

  /** torch.nn.functional.adaptive_max_pool1d. A number is shorthand for {outputSize}. */
  function adaptiveMaxPool1d(
    input: Tensor,
    options: AdaptiveMaxPoolOptions<AdaptiveOutputSize1d, true> & { returnIndices: true },
  ): [Tensor, Tensor];
  function adaptiveMaxPool1d(
    input: Tensor,
    options: AdaptiveMaxPoolOptions<AdaptiveOutputSize1d, false> | AdaptiveOutputSize1d,
  ): Tensor;
  function adaptiveMaxPool1d(input: Tensor, options: AdaptiveMaxPoolOptions<AdaptiveOutputSize1d>): Tensor | [Tensor, Tensor];
  /** torch.nn.functional.adaptive_max_pool2d; null sizes keep the input's. */
  function adaptiveMaxPool2d(input: Tensor, options: AdaptiveMaxPoolOptions<OutputSize, true> & { returnIndices: true }): [Tensor, Tensor];
  function adaptiveMaxPool2d(input: Tensor, options: AdaptiveMaxPoolOptions<OutputSize, false> | OutputSize): Tensor;
  function adaptiveMaxPool2d(input: Tensor, options: AdaptiveMaxPoolOptions): Tensor | [Tensor, Tensor];
  /** torch.nn.functional.adaptive_max_pool3d; null sizes keep the input's. */
  function adaptiveMaxPool3d(input: Tensor, options: AdaptiveMaxPoolOptions<OutputSize, true> & { returnIndices: true }): [Tensor, Tensor];
  function adaptiveMaxPool3d(input: Tensor, options: AdaptiveMaxPoolOptions<OutputSize, false> | OutputSize): Tensor;
  function adaptiveMaxPool3d(input: Tensor, options: AdaptiveMaxPoolOptions): Tensor | [Tensor, Tensor];

  /** torch.nn.functional.fractional_max_pool2d over (C, H, W) or (N, C, H, W). */
  function fractionalMaxPool2d(input: Tensor, options: FractionalMaxPoolOptions<true> & { returnIndices: true }): [Tensor, Tensor];
  function fractionalMaxPool2d(input: Tensor, options: FractionalMaxPoolOptions<false>): Tensor;
  function fractionalMaxPool2d(input: Tensor, options: FractionalMaxPoolOptions): Tensor | [Tensor, Tensor];
  /** torch.nn.functional.fractional_max_pool3d over (C, D, H, W) or (N, C, D, H, W). */
  function fractionalMaxPool3d(input: Tensor, options: FractionalMaxPoolOptions<true> & { returnIndices: true }): [Tensor, Tensor];
  function fractionalMaxPool3d(input: Tensor, options: FractionalMaxPoolOptions<false>): Tensor;
  function fractionalMaxPool3d(input: Tensor, options: FractionalMaxPoolOptions): Tensor | [Tensor, Tensor];

  /** torch.nn.functional.max_unpool1d: `indices` are int32, as maxPool1d returns them. A number is shorthand for {kernelSize}. */
  function maxUnpool1d(input: Tensor, indices: Tensor, options: MaxUnpoolOptions | IntOrTuple): Tensor;
  /** torch.nn.functional.max_unpool2d: the inverse of maxPool2d with returnIndices, zeros elsewhere. */
  function maxUnpool2d(input: Tensor, indices: Tensor, options: MaxUnpoolOptions | IntOrTuple): Tensor;
  /** torch.nn.functional.max_unpool3d: the inverse of maxPool3d with returnIndices, zeros elsewhere. */
  function maxUnpool3d(input: Tensor, indices: Tensor, options: MaxUnpoolOptions | IntOrTuple): Tensor;

  /** torch.nn.functional.avg_pool1d on (N, C, L) or (C, L). A number is shorthand for {kernelSize}. */
  function avgPool1d(input: Tensor, options: AvgPool1dOptions | IntOrTuple): Tensor;
  /** torch.nn.functional.avg_pool2d on (N, C, H, W) or (C, H, W). */
  function avgPool2d(input: Tensor, options: AvgPool2dOptions | IntOrTuple): Tensor;
  /** torch.nn.functional.avg_pool3d on (N, C, D, H, W) or (C, D, H, W). */
  function avgPool3d(input: Tensor, options: AvgPool3dOptions | IntOrTuple): Tensor;
  /** torch.nn.functional.adaptive_avg_pool1d. A number is shorthand for {outputSize}. */
  function adaptiveAvgPool1d(input: Tensor, options: AdaptiveAvgPool1dOptions | AdaptiveOutputSize1d): Tensor;
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

  /** torch.nn.functional.conv2d. weight: (outChannels, inChannels / groups, kH, kW). */
  function conv2d(input: Tensor, weight: Tensor, bias?: Tensor | null, options?: Conv2dOptions): Tensor;
  function conv2d(input: Tensor, weight: Tensor, options: Conv2dOptions): Tensor;
  /** torch.nn.functional.conv_transpose2d. weight: (inChannels, outChannels / groups, kH, kW). */
  function convTranspose2d(input: Tensor, weight: Tensor, bias?: Tensor | null, options?: ConvTranspose2dOptions): Tensor;
  function convTranspose2d(input: Tensor, weight: Tensor, options: ConvTranspose2dOptions): Tensor;
  /** torch.cat: tensors of one dtype whose shapes agree except in `dim` (default 0; negative counts from the end). */
  function cat(tensors: readonly Tensor[], dim?: number): Tensor;
  /** The middle [h, w] of the last two dimensions, top-left corner at floor((H - h) / 2), floor((W - w) / 2). */
  function centerCrop(input: Tensor, outputSize: IntOrTuple): Tensor;
}

// The bases the nn modules share at run time (PyTorch's _MaxPoolNd and so on). They are not
// exported there, so here they are declared but not exported: MaxPool1d is no MaxPool2d.

/** MaxPool1d, MaxPool2d and MaxPool3d take the same arguments (PyTorch's _MaxPoolNd). */
declare abstract class MaxPoolNd<R extends boolean> extends nn.Module {
  /** `new MaxPool2d({kernelSize: 2, returnIndices: true})`. */
  constructor(options: MaxPool2dOptions<R>);
  /** `new MaxPool2d(2, {stride: 1})`. */
  constructor(kernelSize: IntOrTuple, options?: MaxPoolWindow & { returnIndices?: R });
  /** PyTorch's positional order. */
  constructor(
    kernelSize: IntOrTuple,
    stride?: IntOrTuple | null,
    padding?: IntOrTuple,
    dilation?: IntOrTuple,
    returnIndices?: R,
    ceilMode?: boolean,
  );
  /** As given. */
  kernelSize: IntOrTuple;
  /** As given, or kernelSize. */
  stride: IntOrTuple;
  padding: IntOrTuple;
  dilation: IntOrTuple;
  /** Fixed by the constructor's type: it decides what forward returns. */
  returnIndices: R;
  ceilMode: boolean;
  /** The output, or [output, indices] when the module was made with returnIndices: true. */
  forward(input: Tensor): PoolResult<R>;
}

/** AdaptiveMaxPool1d, 2d and 3d (PyTorch's _AdaptiveMaxPoolNd); Size is the outputSize's type. */
declare abstract class AdaptiveMaxPoolNd<Size, R extends boolean> extends nn.Module {
  constructor(options: AdaptiveMaxPoolOptions<Size, R>);
  constructor(outputSize: Size, returnIndices?: R);
  constructor(outputSize: Size, options: { returnIndices?: R });
  outputSize: Size;
  returnIndices: R;
  /** The output, or [output, indices] when the module was made with returnIndices: true. */
  forward(input: Tensor): PoolResult<R>;
}

/**
 * FractionalMaxPool2d and 3d. As PyTorch's modules, they insist on exactly one of outputSize and
 * outputRatio, and on ratios strictly between 0 and 1. Given randomSamples are used by every
 * forward; otherwise each forward draws new ones (see manualSeed). Prints as PyTorch's does,
 * without arguments: "FractionalMaxPool2d()".
 */
declare abstract class FractionalMaxPoolNd<R extends boolean> extends nn.Module {
  constructor(options: FractionalMaxPoolOptions<R>);
  /** `new FractionalMaxPool2d(3, {outputRatio: 0.5})`. */
  constructor(kernelSize: IntOrTuple, options: FractionalMaxPoolSampling<R> & FractionalMaxPoolSize);
  /** PyTorch's positional order, with an output size... */
  constructor(
    kernelSize: IntOrTuple,
    outputSize: IntOrTuple,
    outputRatio?: null,
    returnIndices?: R,
    randomSamples?: Tensor | null,
  );
  /** ...or an output ratio. */
  constructor(
    kernelSize: IntOrTuple,
    outputSize: null | undefined,
    outputRatio: number | readonly number[],
    returnIndices?: R,
    randomSamples?: Tensor | null,
  );
  kernelSize: IntOrTuple;
  outputSize: IntOrTuple | null;
  outputRatio: number | readonly number[] | null;
  returnIndices: R;
  randomSamples: Tensor | null;
  /** The output, or [output, indices] when the module was made with returnIndices: true. */
  forward(input: Tensor): PoolResult<R>;
}

/** MaxUnpool1d, 2d and 3d (PyTorch's _MaxUnpoolNd). */
declare abstract class MaxUnpoolNd extends nn.Module {
  constructor(options: Omit<MaxUnpoolOptions, 'outputSize'>);
  constructor(kernelSize: IntOrTuple, options?: Omit<MaxUnpoolOptions, 'kernelSize' | 'outputSize'>);
  constructor(kernelSize: IntOrTuple, stride?: IntOrTuple | null, padding?: IntOrTuple);
  /** Like PyTorch's, one value per dimension, e.g. [2, 2]. */
  kernelSize: number[];
  stride: number[];
  padding: number[];
  /** outputSize: the spatial output sizes, or the whole output shape (N, C, ...) such as `input.shape`. */
  forward(input: Tensor, indices: Tensor, outputSize?: readonly number[] | null): Tensor;
}

/** AvgPool2d and AvgPool3d. */
declare abstract class AvgPoolNd extends nn.Module {
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

/** AdaptiveAvgPool2d and AdaptiveAvgPool3d. */
declare abstract class AdaptiveAvgPoolNd extends nn.Module {
  constructor(outputSize: OutputSize);
  constructor(options: AdaptiveAvgPoolOptions);
  outputSize: OutputSize;
  forward(input: Tensor): Tensor;
}

/** LPPool1d and LPPool2d. */
declare abstract class LPPoolNd extends nn.Module {
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

/**
 * torch.nn modules. Constructors take PyTorch's positional order, a first argument followed by
 * an options object, or one options object. The max-type modules are generic in their
 * returnIndices, inferred from the constructor's arguments: `new MaxPool2d(2)` is a
 * MaxPool2d<false> whose forward returns a Tensor, `new MaxPool2d(2, {returnIndices: true})` a
 * MaxPool2d<true> whose forward returns [output, indices].
 */
export namespace nn {
  /** What every module shares; extend it for a module of your own. */
  abstract class Module {
    forward(...inputs: unknown[]): Tensor | Tensor[];
    /** PyTorch's extra_repr: the arguments toString() shows between the parentheses. */
    extraRepr(): string;
    /** The module as PyTorch prints it, e.g. "MaxPool2d(kernel_size=2, stride=2, ...)". */
    toString(): string;
  }

  /** torch.nn.MaxPool1d over (C, L) or (N, C, L). */
  class MaxPool1d<R extends boolean = false> extends MaxPoolNd<R> {}
  /** torch.nn.MaxPool2d over (C, H, W) or (N, C, H, W). */
  class MaxPool2d<R extends boolean = false> extends MaxPoolNd<R> {}
  /** torch.nn.MaxPool3d over (C, D, H, W) or (N, C, D, H, W). */
  class MaxPool3d<R extends boolean = false> extends MaxPoolNd<R> {}

  /** torch.nn.AdaptiveMaxPool1d: `new AdaptiveMaxPool1d(5)`, `(5, true)` or `({outputSize: 5})`. */
  class AdaptiveMaxPool1d<R extends boolean = false> extends AdaptiveMaxPoolNd<AdaptiveOutputSize1d, R> {}
  /** torch.nn.AdaptiveMaxPool2d: `new AdaptiveMaxPool2d([5, null])` keeps the input's width. */
  class AdaptiveMaxPool2d<R extends boolean = false> extends AdaptiveMaxPoolNd<OutputSize, R> {}
  /** torch.nn.AdaptiveMaxPool3d: `new AdaptiveMaxPool3d([2, null, 3], true)` also returns indices. */
  class AdaptiveMaxPool3d<R extends boolean = false> extends AdaptiveMaxPoolNd<OutputSize, R> {}

  /** torch.nn.FractionalMaxPool2d: `new FractionalMaxPool2d(3, {outputRatio: 0.5})`. */
  class FractionalMaxPool2d<R extends boolean = false> extends FractionalMaxPoolNd<R> {}
  /** torch.nn.FractionalMaxPool3d: `new FractionalMaxPool3d(2, {outputSize: [4, 4, 4]})`. */
  class FractionalMaxPool3d<R extends boolean = false> extends FractionalMaxPoolNd<R> {}

  /** torch.nn.MaxUnpool1d: `new MaxUnpool1d(2)`, `(3, 2, 1)` or `({kernelSize: 3, stride: 2})`. */
  class MaxUnpool1d extends MaxUnpoolNd {}
  /** torch.nn.MaxUnpool2d: undoes MaxPool2d(..., {returnIndices: true}). */
  class MaxUnpool2d extends MaxUnpoolNd {}
  /** torch.nn.MaxUnpool3d: undoes MaxPool3d(..., {returnIndices: true}). */
  class MaxUnpool3d extends MaxUnpoolNd {}

  /** torch.nn.AvgPool1d. Prints its window arguments as one-element tuples, as PyTorch does. */
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
    kernelSize: readonly number[];
    stride: readonly number[];
    padding: readonly number[];
    ceilMode: boolean;
    countIncludePad: boolean;
    forward(input: Tensor): Tensor;
  }
  /** torch.nn.AvgPool2d: `new AvgPool2d(2)`, `new AvgPool2d(3, {stride: 1, padding: 1})`. */
  class AvgPool2d extends AvgPoolNd {}
  /** torch.nn.AvgPool3d: `new AvgPool3d(2)`, `new AvgPool3d(3, {stride: 1, padding: 1})`. */
  class AvgPool3d extends AvgPoolNd {}

  /** torch.nn.AdaptiveAvgPool1d: `new AdaptiveAvgPool1d(5)` or `new AdaptiveAvgPool1d({outputSize: 5})`. */
  class AdaptiveAvgPool1d extends Module {
    constructor(outputSize: AdaptiveOutputSize1d);
    constructor(options: AdaptiveAvgPool1dOptions);
    outputSize: AdaptiveOutputSize1d;
    forward(input: Tensor): Tensor;
  }
  /** torch.nn.AdaptiveAvgPool2d: `new AdaptiveAvgPool2d(1)`, `new AdaptiveAvgPool2d([null, 7])`. */
  class AdaptiveAvgPool2d extends AdaptiveAvgPoolNd {}
  /** torch.nn.AdaptiveAvgPool3d: `new AdaptiveAvgPool3d(1)`, `new AdaptiveAvgPool3d([2, null, 4])`. */
  class AdaptiveAvgPool3d extends AdaptiveAvgPoolNd {}

  /** torch.nn.LPPool1d: `new LPPool1d(2, 3)`, `new LPPool1d({normType: 2, kernelSize: 3})`. */
  class LPPool1d extends LPPoolNd {}
  /** torch.nn.LPPool2d: `new LPPool2d(2, 3)`, `new LPPool2d(1.5, [2, 3], {stride: 1})`. */
  class LPPool2d extends LPPoolNd {}

  /** torch.nn.ReLU: `new ReLU()`. inplace must stay false, since poolkit tensors are immutable. */
  class ReLU extends Module {
    constructor(inplace?: false);
    constructor(options: ReLUOptions);
    readonly inplace: false;
    forward(input: Tensor): Tensor;
  }

  /**
   * torch.nn.Conv2d. Starts with PyTorch's initialisation (drawn from poolkit's generator, so
   * after manualSeed(s) it holds what torch.manual_seed(s) gives); assign `weight` and `bias`
   * to load trained values.
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
    /** outputSize ([h, w], or [n, c, h, w] such as a skip tensor's shape) picks the output padding, as in PyTorch. */
    forward(input: Tensor, outputSize?: IntOrTuple | null): Tensor;
  }
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

/**
 * torch.manual_seed: seeds the generator fractionalMaxPool2d/3d draw their samples from when no
 * randomSamples are given, and the nn.Conv2d / nn.ConvTranspose2d initialisation. The
 * generator is PyTorch's (MT19937 seeded with the seed's low 32 bits), so the same seed gives
 * the same numbers as torch after torch.manual_seed. Until it is called the seed is random, as
 * in PyTorch. `seed`: a safe integer or a BigInt.
 */
export function manualSeed(seed: number | bigint): void;
/** torch.initial_seed: the seed last given to manualSeed, as given (or the random start-up seed). */
export function initialSeed(): number | bigint;

/**
 * Reads a .safetensors file's tensors into wasm memory, by state_dict key (F32, F16 and BF16 as
 * float32), with the header's __metadata__. Throws an Error naming the key when the file is
 * damaged, leaving nothing allocated.
 */
export function loadSafetensors(bytes: ArrayBuffer | ArrayBufferView): { tensors: Map<string, Tensor>; metadata: Record<string, string> };

/** Pixels in ImageData's layout: `data` holds width * height * 4 bytes, r, g, b, a per pixel, row by row. */
export interface ImageDataLike {
  readonly data: Uint8ClampedArray | Uint8Array;
  readonly width: number;
  readonly height: number;
}

export interface FromImageDataOptions {
  /**
   * 'rgb' (default): C = 3. 'grey': C = 1, torchvision's rgb_to_grayscale
   * (0.2989 r + 0.587 g + 0.114 b). 'rgba': C = 4. Alpha is ignored by 'rgb' and 'grey'.
   */
  channels?: 'rgb' | 'grey' | 'rgba';
}

/**
 * Pixels from a canvas, an `<img>` or a video frame (an ImageData, or any {data, width, height}
 * with RGBA bytes, so also in Node and workers) as a float32 tensor [1, C, H, W] with values
 * byte / 255 in [0, 1]: torchvision's to_tensor (HWC to CHW) with a batch dimension, bit for bit.
 * Throws an Error naming the argument when width or height is not a positive integer, data is not
 * a Uint8ClampedArray or Uint8Array of width * height * 4 bytes, or an option is unknown.
 */
export function fromImageData(image: ImageDataLike, options?: FromImageDataOptions): Tensor;

export interface InstancesOptions {
  /** Instances with fewer pixels are dropped (the rest renumbered); a non-negative integer, default 0. */
  minArea?: number;
}

/** One instance of instances(): its label, its pixel count and its mean row and column. */
export interface Cell {
  label: number;
  area: number;
  centroid: [y: number, x: number];
}

export interface Instances {
  /** height * width labels, row-major: 0 background, 1..count the instances. */
  labels: Int32Array;
  height: number;
  width: number;
  count: number;
  /** By label: cells[k - 1] is instance k. */
  cells: Cell[];
}

/**
 * Cells from U-Net logits ([1, C, H, W] or [C, H, W] float32, C >= 2), as
 * scripts/cells/instances.py defines them: each pixel's class is the argmax over C (ties to the
 * lowest class; 0 background, 1 cell, 2 boundary, 3 and up background); the 4-connected
 * components of class 1 are numbered in raster order of their first pixels; with C >= 3,
 * boundary pixels join a 4-neighbouring instance in rounds (the smallest label where several
 * meet); then instances under minArea pixels are dropped. Throws an Error naming the argument
 * for anything else.
 */
export function instances(logits: Tensor, options?: InstancesOptions): Instances;

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

export interface UNetForwardOptions {
  /** Overrides the model's; if it throws, the pass stops there and forward throws its error. */
  onProgress?: UNetProgress;
  /** Once fired, the pass stops at the next stage and forward throws the signal's reason. */
  signal?: AbortSignal;
}

export interface UNetSegmentOptions {
  /** A tile's side in input pixels (default 572; rounded to a size the network takes). The result does not depend on it. */
  tileSize?: number;
  /** After each tile, the fraction of tiles done, rising to 1. */
  onProgress?: (fraction: number) => void;
  /** Checked between tiles: once fired, segment rejects with its reason and frees what it allocated. */
  signal?: AbortSignal;
  /**
   * Apply the model's `preprocessing` to the image first (default true; a model without one
   * takes the image as it is). false: the image is already preprocessed.
   */
  preprocess?: boolean;
}

/**
 * A model's preprocessing, from its file's `__metadata__.preprocessing` (JSON): the image's
 * low-th to high-th percentile (numpy's linear method, every channel together) mapped to 0..1,
 * float32((x - lo) / (hi - lo + 1e-20)). 0 <= low < high <= 100.
 */
export interface UNetPreprocessing {
  readonly type: 'percentile';
  readonly low: number;
  readonly high: number;
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
   * its keys and shapes (awaits ready() itself). F16 and BF16 tensors are converted to float32.
   * Rejects with an Error naming the tensor when the file is damaged or is not such a model,
   * and when `__metadata__.preprocessing` is not a preprocessing poolkit applies.
   */
  static fromSafetensors(bytes: ArrayBuffer | ArrayBufferView, options?: UNetOptions): Promise<UNet>;
  readonly levels: number;
  readonly inChannels: number;
  readonly outChannels: number;
  /** A new copy on every read. */
  readonly widths: UNetWidths;
  readonly padding: 'valid' | 'same';
  /** The file's `__metadata__` strings by key (frozen; empty when it had none). */
  readonly metadata: Readonly<Record<string, string>>;
  /** What segment() applies to images, from `__metadata__.preprocessing`, or null. */
  readonly preprocessing: UNetPreprocessing | null;
  readonly isDisposed: boolean;
  /**
   * (N, C, H, W) or (C, H, W) float32 in, (N, outChannels, H', W') out. A 3-level 'valid' net
   * takes sizes S % 8 == 4, S >= 92 and gives S - 88; other sizes throw an Error naming the
   * nearest valid ones.
   */
  forward(input: Tensor, options?: UNetForwardOptions): Tensor;
  /**
   * An image of any size, [1, C, H, W] or [C, H, W] float32, to [1, outChannels, H, W] logits, by
   * overlap tiles mirrored at the borders: the same bits as one pass over the whole mirrored
   * image, for every tileSize. The event loop runs between tiles. With the model's
   * `preprocessing` (unless `preprocess: false`), lo and hi come from the whole image once and
   * every pixel is mapped as the tiles read it; a NaN or infinite pixel is then an Error.
   */
  segment(image: Tensor, options?: UNetSegmentOptions): Promise<Tensor>;
  /**
   * What segment() maps to 0 and 1 for `image` under the model's percentile preprocessing
   * (numpy's linear percentiles of all its values, doubles), or null for a model without one.
   * segment's image rules; a NaN or infinite pixel is an Error.
   */
  preprocessingBounds(image: Tensor): { lo: number; hi: number } | null;
  /** Frees the packed weights in wasm memory (after a pass running now returns). */
  dispose(): void;
  /** dispose(), for `using`. */
  [Symbol.dispose](): void;
  /** "UNet(levels=3, in_channels=1, out_channels=2, encoder=(64, 128, 256), bottom=512, padding=valid)" */
  toString(): string;
}
