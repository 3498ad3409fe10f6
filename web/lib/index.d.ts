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

/** Which build is running. */
export function runtimeInfo(): { simd: boolean; threads: number };

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
