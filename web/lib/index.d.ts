// Types for poolkit's public API. Each op mirrors torch.nn.functional / torch.nn, camelCased.

export type DType = 'float32' | 'int32';
/** An int, or one int per spatial dimension (PyTorch's _pair / _triple). */
export type IntOrTuple = number | number[];

export interface ReadyOptions {
  /** Where the .wasm file lives; defaults to next to this module. */
  wasmUrl?: string | URL;
  /** The .wasm bytes, if you already have them. */
  wasmBinary?: ArrayBuffer | Uint8Array;
}

/** Loads the wasm module once; every call returns the same promise, and a failure is sticky. */
export function ready(options?: ReadyOptions): Promise<void>;

export interface MemoryStats {
  /** Bytes malloc holds in the wasm heap now (tensors, scratch). */
  allocatedBytes: number;
  /** Size of the wasm heap; it only grows. */
  heapBytes: number;
}
export function memoryStats(): MemoryStats;

/**
 * An immutable n-dimensional array held in wasm memory. Memory is freed by dispose(), or when
 * the tensor is garbage-collected (FinalizationRegistry) if you never call it.
 */
export class Tensor {
  private constructor();
  readonly shape: readonly number[];
  readonly dtype: DType;
  /** The values in row-major order: a copy made on first read. Writing to it does not change the tensor. */
  readonly data: Float32Array | Int32Array;
  readonly isDisposed: boolean;
  numel(): number;
  dim(): number;
  /** Nested arrays, like torch.Tensor.tolist(). */
  tolist(): any;
  dispose(): void;
}

type Nested = number | Nested[];
/** tensor(data, shape), or tensor(nestedArrays) with the shape read from the nesting. */
export function tensor(data: Float32Array | Int32Array | number[], shape: number[]): Tensor;
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

export namespace functional {
  /** torch.nn.functional.max_pool2d. A number is shorthand for {kernelSize}. */
  function maxPool2d(input: Tensor, options: MaxPool2dOptions & { returnIndices: true }): [Tensor, Tensor];
  function maxPool2d(input: Tensor, options: MaxPool2dOptions | IntOrTuple): Tensor;
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
  forward(input: Tensor, options?: { onProgress?: UNetProgress }): Tensor;
  /** Frees the packed weights in wasm memory. */
  dispose(): void;
}
