// Every public export of poolkit, called in each documented form, with its result's type asserted
// at compile time. js-tests/types.test.js type-checks this file with `tsc --strict` against
// web/lib/index.d.ts; it is never run, but every call is one the JavaScript API accepts, so the
// declarations can neither reject working code nor promise a type the runtime does not return.
import * as poolkit from 'poolkit';
import {
  functional as F,
  nn,
  Tensor,
  UNet,
  type DType,
  type MemoryStats,
  type PoolResult,
  type ReadyOptions,
} from 'poolkit';

// true when A and B are the same type: not merely assignable either way, and never for `any`.
type IsExact<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/**
 * exactly<Expected>()(value) compiles only when value's type is exactly Expected. (Curried
 * because TypeScript infers no type argument once one is given.)
 */
function exactly<Expected>() {
  return <Actual>(value: Actual, ..._proof: IsExact<Actual, Expected> extends true ? [] : ['not exactly the expected type']) =>
    value;
}
const isTensor = exactly<Tensor>();
const isPair = exactly<[Tensor, Tensor]>();
const isEither = exactly<Tensor | [Tensor, Tensor]>();

// A boolean the compiler cannot narrow, as a flag read from a config would be.
declare const flag: boolean;

// ---- Loading and the runtime ----
await poolkit.ready();
await poolkit.ready({ threads: 1 });
await poolkit.ready({ threads: 4, loadTimeout: 5000 });
await poolkit.ready({ wasmPaths: '/assets/' });
await poolkit.ready({ wasmPaths: new URL('./wasm/', import.meta.url) });
await poolkit.ready({ wasmPaths: { single: '/a/poolkit_wasm.wasm', threads: new URL('https://cdn.example/t.wasm') } });
const wasmBytes = await (await fetch('/assets/poolkit_wasm.wasm')).arrayBuffer();
await poolkit.ready({ wasmBinary: { single: wasmBytes } });
await poolkit.ready({ wasmBinary: { single: new Uint8Array(wasmBytes), threads: new Uint8Array(wasmBytes) } });
// @ts-expect-error the bytes must name their build (the two .wasm files are not interchangeable)
void poolkit.ready({ wasmBinary: wasmBytes });
// @ts-expect-error wasmUrl was replaced by wasmPaths
void poolkit.ready({ wasmUrl: 'x.wasm' });
const readyOptions: ReadyOptions = { threads: 2, wasmPaths: '/x/', wasmBinary: { threads: wasmBytes }, loadTimeout: 100 };
exactly<Promise<void>>()(poolkit.ready(readyOptions));
// @ts-expect-error unknown option (ready rejects it)
void poolkit.ready({ thread: 2 });

const stats: MemoryStats = poolkit.memoryStats();
exactly<number>()(stats.allocatedBytes);
exactly<number>()(stats.heapBytes);

const info = poolkit.runtimeInfo();
exactly<boolean>()(info.simd);
exactly<number>()(info.threads);
exactly<'threads' | 'single'>()(info.build);
exactly<string | null>()(info.fallbackReason);

exactly<void>()(poolkit.setNumThreads(2));
exactly<number>()(poolkit.getNumThreads());

exactly<void>()(poolkit.manualSeed(42));
poolkit.manualSeed(2n ** 64n + 42n);
exactly<number | bigint>()(poolkit.initialSeed());

// ---- Tensors ----
const x = poolkit.tensor([[[[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12], [13, 14, 15, 16]]]]);
isTensor(x);
isTensor(poolkit.tensor(new Float32Array(16), [1, 1, 4, 4]));
isTensor(poolkit.tensor(new Float64Array(16), [1, 1, 4, 4]));
isTensor(poolkit.tensor(new Uint8Array(16), [1, 1, 4, 4]));
isTensor(poolkit.tensor(new Uint8ClampedArray(16), [1, 1, 4, 4])); // ImageData.data
isTensor(poolkit.tensor(new Int32Array(16), [16]));
isTensor(poolkit.tensor([1, 2, 3, 4], [2, 2]));
isTensor(poolkit.tensor([1, 2, 3])); // nested arrays of depth 1: shape [3]
isTensor(poolkit.tensor([]));
// Another tensor's shape (a frozen array) and readonly data are accepted, as at run time.
isTensor(poolkit.tensor(x.data, x.shape));
const frozenValues: readonly number[] = Object.freeze([1, 2]);
isTensor(poolkit.tensor(frozenValues, [2]));
// @ts-expect-error a string is no tensor data
poolkit.tensor('1234', [4]);
// @ts-expect-error a flat typed array needs its shape
poolkit.tensor(new Float32Array(4));

exactly<readonly number[]>()(x.shape);
exactly<DType>()(x.dtype);
exactly<'float32' | 'int32'>()(x.dtype);
exactly<Float32Array | Int32Array>()(x.data);
exactly<boolean>()(x.isDisposed);
exactly<number>()(x.numel());
exactly<number>()(x.dim());
x.tolist();
exactly<string>()(x.toString());
exactly<boolean>()(x instanceof Tensor);
// @ts-expect-error the shape is frozen
x.shape.push(1);
// @ts-expect-error tensors are read-only
x.dtype = 'int32';
// @ts-expect-error the constructor is private: tensors come from tensor() and the ops
new poolkit.Tensor();
{
  const t = poolkit.tensor([1, 2]);
  exactly<void>()(t.dispose());
  t[Symbol.dispose]();
  using scoped = poolkit.tensor([1, 2, 3]);
  isTensor(scoped);
}

// tidy returns fn's value, typed as fn returns it.
isTensor(poolkit.tidy(() => F.relu(x)));
const kept = poolkit.tidy(() => ({ a: F.relu(x), list: [x, x] as [Tensor, Tensor], n: 3 }));
exactly<{ a: Tensor; list: [Tensor, Tensor]; n: number }>()(kept);
exactly<number>()(poolkit.tidy(() => 1));

// ---- Max pooling: the result's type follows returnIndices ----
const x1 = poolkit.tensor(new Float32Array(16), [1, 2, 8]);
const x3 = poolkit.tensor(new Float32Array(2 * 64), [1, 2, 4, 4, 4]);

isTensor(F.maxPool2d(x, 2));
isTensor(F.maxPool2d(x, [2, 2]));
isTensor(F.maxPool2d(x, { kernelSize: 2 }));
isTensor(F.maxPool2d(x, { kernelSize: 2, stride: 2, padding: 1, dilation: 1, ceilMode: true }));
isTensor(F.maxPool2d(x, { kernelSize: [2, 3], stride: null }));
isTensor(F.maxPool2d(x, { kernelSize: 2, returnIndices: false }));
isPair(F.maxPool2d(x, { kernelSize: 2, returnIndices: true }));
isEither(F.maxPool2d(x, { kernelSize: 2, returnIndices: flag }));
const out: Tensor = F.maxPool2d(x, 2);
const [o, i]: [Tensor, Tensor] = F.maxPool2d(x, { kernelSize: 2, returnIndices: true });
const r = F.maxPool2d(x, { kernelSize: 2, returnIndices: flag });
const rIsUnion: IsExact<typeof r, Tensor | [Tensor, Tensor]> = true;
// The union narrows as a user would narrow it.
const pooled = Array.isArray(r) ? r[0] : r;
isTensor(pooled);
// An options object held in a variable: its returnIndices is a plain boolean.
const maxOptions = { kernelSize: 2, returnIndices: true };
isEither(F.maxPool2d(x, maxOptions));
isPair(F.maxPool2d(x, { kernelSize: 2, returnIndices: true } as const));
const typedOptions: poolkit.MaxPool2dOptions = { kernelSize: 2 };
isEither(F.maxPool2d(x, typedOptions));
// @ts-expect-error with returnIndices: true the result is a pair
const notATensor: Tensor = F.maxPool2d(x, { kernelSize: 2, returnIndices: true });
// @ts-expect-error a boolean variable may be true: the result may be a pair
const maybePair: Tensor = F.maxPool2d(x, { kernelSize: 2, returnIndices: flag });
// @ts-expect-error without returnIndices there are no indices
const [noIndices] = F.maxPool2d(x, 2);
// @ts-expect-error options are camelCased (the runtime suggests kernelSize)
F.maxPool2d(x, { kernel_size: 2 });
// @ts-expect-error kernelSize is a number, not a string
F.maxPool2d(x, { kernelSize: '2' });
// @ts-expect-error nor is the shorthand a string
F.maxPool2d(x, '2');
// @ts-expect-error kernelSize is required
F.maxPool2d(x, { stride: 2 });
// @ts-expect-error returnIndices is true or false, not 1
F.maxPool2d(x, { kernelSize: 2, returnIndices: 1 });

isTensor(F.maxPool1d(x1, 2));
isTensor(F.maxPool1d(x1, [2]));
isTensor(F.maxPool1d(x1, { kernelSize: 2, stride: 1, padding: 1, dilation: 2, ceilMode: false }));
isTensor(F.maxPool1d(x1, { kernelSize: 2, returnIndices: false }));
isPair(F.maxPool1d(x1, { kernelSize: 2, returnIndices: true }));
isEither(F.maxPool1d(x1, { kernelSize: 2, returnIndices: flag }));

isTensor(F.maxPool3d(x3, 2));
isTensor(F.maxPool3d(x3, [2, 2, 2]));
isTensor(F.maxPool3d(x3, { kernelSize: 2, returnIndices: false }));
isPair(F.maxPool3d(x3, { kernelSize: 2, returnIndices: true }));
isEither(F.maxPool3d(x3, { kernelSize: 2, returnIndices: flag }));

isTensor(F.adaptiveMaxPool1d(x1, 3));
isTensor(F.adaptiveMaxPool1d(x1, [3]));
isTensor(F.adaptiveMaxPool1d(x1, { outputSize: 3 }));
isTensor(F.adaptiveMaxPool1d(x1, { outputSize: 3, returnIndices: false }));
isPair(F.adaptiveMaxPool1d(x1, { outputSize: 3, returnIndices: true }));
isEither(F.adaptiveMaxPool1d(x1, { outputSize: [3], returnIndices: flag }));
// @ts-expect-error 1d has no null size (the runtime rejects it, as PyTorch does)
F.adaptiveMaxPool1d(x1, [null]);

isTensor(F.adaptiveMaxPool2d(x, 2));
isTensor(F.adaptiveMaxPool2d(x, [2, null]));
isTensor(F.adaptiveMaxPool2d(x, { outputSize: [null, 2] }));
isTensor(F.adaptiveMaxPool2d(x, { outputSize: 2, returnIndices: false }));
isPair(F.adaptiveMaxPool2d(x, { outputSize: 2, returnIndices: true }));
isEither(F.adaptiveMaxPool2d(x, { outputSize: 2, returnIndices: flag }));

isTensor(F.adaptiveMaxPool3d(x3, 2));
isTensor(F.adaptiveMaxPool3d(x3, [2, null, 3]));
isTensor(F.adaptiveMaxPool3d(x3, { outputSize: 2, returnIndices: false }));
isPair(F.adaptiveMaxPool3d(x3, { outputSize: 2, returnIndices: true }));
isEither(F.adaptiveMaxPool3d(x3, { outputSize: 2, returnIndices: flag }));

const x8 = poolkit.tensor(new Float32Array(2 * 64), [1, 2, 8, 8]);
const samples2 = poolkit.tensor(new Float32Array(4).fill(0.5), [1, 2, 2]);
isTensor(F.fractionalMaxPool2d(x8, { kernelSize: 2, outputSize: 4 }));
isTensor(F.fractionalMaxPool2d(x8, { kernelSize: [2, 2], outputSize: [4, 5] }));
isTensor(F.fractionalMaxPool2d(x8, { kernelSize: 2, outputRatio: 0.5 }));
isTensor(F.fractionalMaxPool2d(x8, { kernelSize: 2, outputRatio: [0.5, 0.6], randomSamples: samples2 }));
isTensor(F.fractionalMaxPool2d(x8, { kernelSize: 2, outputSize: 4, returnIndices: false }));
isPair(F.fractionalMaxPool2d(x8, { kernelSize: 2, outputSize: 4, returnIndices: true }));
isEither(F.fractionalMaxPool2d(x8, { kernelSize: 2, outputRatio: 0.5, returnIndices: flag }));
// @ts-expect-error outputSize or outputRatio is required
F.fractionalMaxPool2d(x8, { kernelSize: 2 });
// @ts-expect-error not both
F.fractionalMaxPool2d(x8, { kernelSize: 2, outputSize: 4, outputRatio: 0.5 });
// @ts-expect-error randomSamples is a Tensor
F.fractionalMaxPool2d(x8, { kernelSize: 2, outputSize: 4, randomSamples: [0.5, 0.5] });

const samples3 = poolkit.tensor(new Float32Array(6).fill(0.5), [1, 2, 3]);
isTensor(F.fractionalMaxPool3d(x3, { kernelSize: 2, outputSize: [2, 2, 2] }));
isTensor(F.fractionalMaxPool3d(x3, { kernelSize: 1, outputRatio: 0.5, randomSamples: samples3 }));
isTensor(F.fractionalMaxPool3d(x3, { kernelSize: 2, outputSize: 2, returnIndices: false }));
isPair(F.fractionalMaxPool3d(x3, { kernelSize: 2, outputSize: 2, returnIndices: true }));
isEither(F.fractionalMaxPool3d(x3, { kernelSize: 2, outputSize: 2, returnIndices: flag }));

// ---- Unpooling ----
const [p1, i1] = F.maxPool1d(x1, { kernelSize: 2, returnIndices: true });
isTensor(F.maxUnpool1d(p1, i1, 2));
isTensor(F.maxUnpool1d(p1, i1, [2]));
isTensor(F.maxUnpool1d(p1, i1, { kernelSize: 2, stride: 2, padding: 0, outputSize: [8] }));
isTensor(F.maxUnpool1d(p1, i1, { kernelSize: 2, outputSize: x1.shape }));
isTensor(F.maxUnpool2d(o, i, 2));
isTensor(F.maxUnpool2d(o, i, { kernelSize: [2, 2], stride: null, outputSize: null }));
isTensor(F.maxUnpool2d(o, i, { kernelSize: 2, outputSize: x.shape }));
const [p3, i3] = F.maxPool3d(x3, { kernelSize: 2, returnIndices: true });
isTensor(F.maxUnpool3d(p3, i3, 2));
isTensor(F.maxUnpool3d(p3, i3, { kernelSize: 2, outputSize: [4, 4, 4] }));

// ---- Average, adaptive average and power-average pooling, relu ----
isTensor(F.avgPool1d(x1, 2));
isTensor(F.avgPool1d(x1, [2]));
isTensor(F.avgPool1d(x1, { kernelSize: 3, stride: 1, padding: 1, ceilMode: true, countIncludePad: false }));
// @ts-expect-error avg_pool1d has no divisor_override (the runtime rejects it as unknown)
F.avgPool1d(x1, { kernelSize: 2, divisorOverride: 2 });
isTensor(F.avgPool2d(x, 2));
isTensor(F.avgPool2d(x, { kernelSize: [2, 2], stride: null, divisorOverride: 3 }));
isTensor(F.avgPool2d(x, { kernelSize: 3, stride: 1, padding: 1, ceilMode: false, countIncludePad: true, divisorOverride: null }));
isTensor(F.avgPool3d(x3, 2));
isTensor(F.avgPool3d(x3, { kernelSize: [2, 2, 2], divisorOverride: 8 }));

isTensor(F.adaptiveAvgPool1d(x1, 4));
isTensor(F.adaptiveAvgPool1d(x1, [4]));
isTensor(F.adaptiveAvgPool1d(x1, { outputSize: 4 }));
isTensor(F.adaptiveAvgPool2d(x, 1));
isTensor(F.adaptiveAvgPool2d(x, [null, 2]));
isTensor(F.adaptiveAvgPool2d(x, { outputSize: [2, 2] }));
isTensor(F.adaptiveAvgPool3d(x3, 1));
isTensor(F.adaptiveAvgPool3d(x3, { outputSize: [2, null, 1] }));

isTensor(F.lpPool1d(x1, { normType: 2, kernelSize: 3 }));
isTensor(F.lpPool1d(x1, { normType: 1.5, kernelSize: 2, stride: 1, ceilMode: true }));
isTensor(F.lpPool2d(x, { normType: 2, kernelSize: [2, 2], stride: null }));
// @ts-expect-error lpPool has no shorthand: normType comes first
F.lpPool2d(x, 2);

isTensor(F.relu(x));
isTensor(F.relu(x, {}));
isTensor(F.relu(x, { inplace: false }));
// @ts-expect-error tensors are immutable: inplace must be false
F.relu(x, { inplace: true });

// ---- Convolutions, cat, centerCrop ----
const image = poolkit.tensor(new Float32Array(3 * 36), [1, 3, 6, 6]);
const weight = poolkit.tensor(new Float32Array(4 * 3 * 9), [4, 3, 3, 3]);
const bias = poolkit.tensor(new Float32Array(4), [4]);
isTensor(F.conv2d(image, weight));
isTensor(F.conv2d(image, weight, bias));
isTensor(F.conv2d(image, weight, null, { padding: 'same' }));
isTensor(F.conv2d(image, weight, bias, { stride: 1, padding: [1, 1], dilation: 1, groups: 1 }));
isTensor(F.conv2d(image, weight, { padding: 'valid' }));
// @ts-expect-error padding is a size, 'same' or 'valid'
F.conv2d(image, weight, { padding: 'full' });

const upWeight = poolkit.tensor(new Float32Array(3 * 2 * 4), [3, 2, 2, 2]);
isTensor(F.convTranspose2d(image, upWeight));
isTensor(F.convTranspose2d(image, upWeight, null, { stride: 2 }));
isTensor(F.convTranspose2d(image, upWeight, poolkit.tensor([0, 0], [2]), { stride: 2, outputPadding: 1 }));
isTensor(F.convTranspose2d(image, upWeight, { stride: 2, padding: 0, groups: 1, dilation: 1, outputSize: [12, 12] }));

isTensor(F.cat([x, x]));
isTensor(F.cat([x, x], 1));
isTensor(F.cat([x, x], -1));
const frozenList: readonly Tensor[] = [x, x];
isTensor(F.cat(frozenList, 0));
isTensor(F.centerCrop(x, 2));
isTensor(F.centerCrop(x, [2, 3]));

// ---- nn modules: forward's type follows the module's returnIndices ----
const mp = new nn.MaxPool2d(2, { stride: 2 });
isTensor(mp.forward(x));
exactly<false>()(mp.returnIndices);
exactly<string>()(mp.toString());
isTensor(new nn.MaxPool2d(2).forward(x));
isTensor(new nn.MaxPool2d([2, 2]).forward(x));
isTensor(new nn.MaxPool2d({ kernelSize: 2 }).forward(x));
isTensor(new nn.MaxPool2d({ kernelSize: 2, returnIndices: false }).forward(x));
isTensor(new nn.MaxPool2d(2, null, 0, 1, false, true).forward(x));
isTensor(new nn.MaxPool2d(2, 2, 0, 1).forward(x));
isPair(new nn.MaxPool2d({ kernelSize: 2, returnIndices: true }).forward(x));
isPair(new nn.MaxPool2d(2, { returnIndices: true }).forward(x));
isPair(new nn.MaxPool2d(2, 2, 0, 1, true).forward(x));
isEither(new nn.MaxPool2d(2, { returnIndices: flag }).forward(x));
isEither(new nn.MaxPool2d({ kernelSize: 2, returnIndices: flag }).forward(x));
const withIndices = new nn.MaxPool2d(2, { returnIndices: true });
exactly<nn.MaxPool2d<true>>()(withIndices);
exactly<true>()(withIndices.returnIndices);
const [mo, mi] = withIndices.forward(x);
isTensor(mo);
isTensor(mi);
// A module type written out without its parameter is the plain one.
const plain: nn.MaxPool2d = new nn.MaxPool2d(2);
isTensor(plain.forward(x));
exactly<number | readonly number[]>()(plain.kernelSize);
exactly<number | readonly number[]>()(plain.stride);
exactly<number | readonly number[]>()(plain.padding);
exactly<number | readonly number[]>()(plain.dilation);
exactly<boolean>()(plain.ceilMode);
// @ts-expect-error a module built without returnIndices returns one tensor
const [noPair] = new nn.MaxPool2d(2).forward(x);
// @ts-expect-error one built with it returns a pair
const notOne: Tensor = new nn.MaxPool2d(2, { returnIndices: true }).forward(x);
// @ts-expect-error forward's type was fixed when the module was made
plain.returnIndices = true;
// @ts-expect-error camelCased options only
new nn.MaxPool2d({ kernel_size: 2 });

isTensor(new nn.MaxPool1d(2).forward(x1));
isTensor(new nn.MaxPool1d({ kernelSize: 3, stride: 1, padding: 1 }).forward(x1));
isPair(new nn.MaxPool1d(2, { returnIndices: true }).forward(x1));
isEither(new nn.MaxPool1d(2, 2, 0, 1, flag).forward(x1));
isTensor(new nn.MaxPool3d(2).forward(x3));
isPair(new nn.MaxPool3d({ kernelSize: 2, returnIndices: true }).forward(x3));
isEither(new nn.MaxPool3d(2, { returnIndices: flag }).forward(x3));
// The modules' shared base classes are not exported at run time, so not in the types either.
// @ts-expect-error
type NoMaxPoolNd = import('poolkit').MaxPoolNd<false>;
// @ts-expect-error
type NoNnMaxPoolNd = nn.MaxPoolNd<false>;

isTensor(new nn.AdaptiveMaxPool1d(3).forward(x1));
isTensor(new nn.AdaptiveMaxPool1d([3], false).forward(x1));
isPair(new nn.AdaptiveMaxPool1d(3, true).forward(x1));
isPair(new nn.AdaptiveMaxPool1d({ outputSize: 3, returnIndices: true }).forward(x1));
isEither(new nn.AdaptiveMaxPool1d(3, flag).forward(x1));
isTensor(new nn.AdaptiveMaxPool2d([2, null]).forward(x));
isTensor(new nn.AdaptiveMaxPool2d({ outputSize: 2 }).forward(x));
isPair(new nn.AdaptiveMaxPool2d(2, { returnIndices: true }).forward(x));
isEither(new nn.AdaptiveMaxPool2d({ outputSize: 2, returnIndices: flag }).forward(x));
const amp3 = new nn.AdaptiveMaxPool3d([2, null, 3], true);
isPair(amp3.forward(x3));
exactly<number | readonly (number | null)[]>()(amp3.outputSize);
isTensor(new nn.AdaptiveMaxPool3d(2).forward(x3));
isEither(new nn.AdaptiveMaxPool3d(2, flag).forward(x3));

isTensor(new nn.FractionalMaxPool2d(2, { outputRatio: 0.5 }).forward(x8));
isTensor(new nn.FractionalMaxPool2d({ kernelSize: 2, outputSize: [4, 4] }).forward(x8));
isTensor(new nn.FractionalMaxPool2d(2, 4).forward(x8));
isTensor(new nn.FractionalMaxPool2d(2, null, 0.5).forward(x8));
isPair(new nn.FractionalMaxPool2d(2, null, 0.5, true, samples2).forward(x8));
isPair(new nn.FractionalMaxPool2d(2, { outputSize: 4, returnIndices: true, randomSamples: samples2 }).forward(x8));
isEither(new nn.FractionalMaxPool2d({ kernelSize: 2, outputRatio: [0.5, 0.5], returnIndices: flag }).forward(x8));
const fmp3 = new nn.FractionalMaxPool3d(2, { outputSize: 2, returnIndices: true });
isPair(fmp3.forward(x3));
exactly<Tensor | null>()(fmp3.randomSamples);
isTensor(new nn.FractionalMaxPool3d(1, { outputRatio: 0.5 }).forward(x3));
isEither(new nn.FractionalMaxPool3d(2, 2, null, flag).forward(x3));
// @ts-expect-error outputSize or outputRatio is required
new nn.FractionalMaxPool2d(2, {});

const up1 = new nn.MaxUnpool1d(2);
isTensor(up1.forward(p1, i1));
isTensor(up1.forward(p1, i1, x1.shape));
isTensor(new nn.MaxUnpool1d(2, 2, 0).forward(p1, i1));
isTensor(new nn.MaxUnpool1d({ kernelSize: 2, stride: 2 }).forward(p1, i1, null));
const up2 = new nn.MaxUnpool2d(2, { stride: 2 });
isTensor(up2.forward(o, i));
isTensor(up2.forward(o, i, [4, 4]));
exactly<number[]>()(up2.kernelSize);
isTensor(new nn.MaxUnpool3d(2).forward(p3, i3, x3.shape));
// @ts-expect-error unpooling needs the indices
up2.forward(o);

const avg1 = new nn.AvgPool1d(3);
isTensor(avg1.forward(x1));
exactly<readonly number[]>()(avg1.kernelSize);
isTensor(new nn.AvgPool1d(3, { stride: 1, countIncludePad: false }).forward(x1));
isTensor(new nn.AvgPool1d({ kernelSize: 2 }).forward(x1));
isTensor(new nn.AvgPool1d(3, 1, 1, false, true).forward(x1));
const avg2 = new nn.AvgPool2d(3, { stride: 1, padding: 1 });
isTensor(avg2.forward(x));
exactly<number | null>()(avg2.divisorOverride);
isTensor(new nn.AvgPool2d({ kernelSize: 2, divisorOverride: 3 }).forward(x));
isTensor(new nn.AvgPool2d(2, null, 0, false, true, null).forward(x));
isTensor(new nn.AvgPool3d(2).forward(x3));
isTensor(new nn.AvgPool3d(2, { divisorOverride: 8 }).forward(x3));

isTensor(new nn.AdaptiveAvgPool1d(5).forward(x1));
isTensor(new nn.AdaptiveAvgPool1d({ outputSize: [5] }).forward(x1));
isTensor(new nn.AdaptiveAvgPool2d(1).forward(x));
isTensor(new nn.AdaptiveAvgPool2d([null, 2]).forward(x));
isTensor(new nn.AdaptiveAvgPool2d({ outputSize: 2 }).forward(x));
isTensor(new nn.AdaptiveAvgPool3d([2, null, 4]).forward(x3));

isTensor(new nn.LPPool1d(2, 3).forward(x1));
isTensor(new nn.LPPool1d({ normType: 2, kernelSize: 3 }).forward(x1));
isTensor(new nn.LPPool1d(2, 3, 1, true).forward(x1));
const lp2 = new nn.LPPool2d(1.5, [2, 3], { stride: 1 });
isTensor(lp2.forward(x));
exactly<number | readonly number[] | null>()(lp2.stride);

const reluModule = new nn.ReLU();
isTensor(reluModule.forward(x));
exactly<false>()(reluModule.inplace);
isTensor(new nn.ReLU(false).forward(x));
isTensor(new nn.ReLU({ inplace: false }).forward(x));
// @ts-expect-error inplace must be false
new nn.ReLU(true);

const conv = new nn.Conv2d(3, 4, 3);
isTensor(conv.forward(image));
exactly<Tensor>()(conv.weight);
exactly<Tensor | null>()(conv.bias);
conv.weight = weight;
conv.bias = null;
isTensor(new nn.Conv2d(3, 4, 3, { padding: 'same', bias: false }).forward(image));
isTensor(new nn.Conv2d({ inChannels: 3, outChannels: 4, kernelSize: [3, 3], stride: 1, groups: 1, paddingMode: 'zeros' }).forward(image));
isTensor(new nn.Conv2d(3, 4, 3, 1, 'valid', 1, 1, true, 'zeros').forward(image));
// @ts-expect-error the options form needs inChannels, outChannels and kernelSize
new nn.Conv2d({ inChannels: 3, outChannels: 4 });

const upConv = new nn.ConvTranspose2d(3, 2, 2, { stride: 2 });
isTensor(upConv.forward(image));
isTensor(upConv.forward(image, [12, 12]));
isTensor(upConv.forward(image, poolkit.tensor(new Float32Array(2 * 144), [1, 2, 12, 12]).shape));
isTensor(new nn.ConvTranspose2d({ inChannels: 3, outChannels: 2, kernelSize: 2, stride: 2, outputPadding: 1 }).forward(image));
isTensor(new nn.ConvTranspose2d(3, 2, 2, 2, 0, 0, 1, true, 1, 'zeros').forward(image));
// @ts-expect-error the second argument is the output size, not a tensor
upConv.forward(image, image);

// A module of one's own, printed as PyTorch prints it.
class Scale extends nn.Module {
  constructor(private readonly factor: number) {
    super();
  }
  forward(input: Tensor): Tensor {
    return F.avgPool2d(input, { kernelSize: 1, divisorOverride: this.factor });
  }
  extraRepr(): string {
    return `factor=${this.factor}`;
  }
}
isTensor(new Scale(2).forward(x));
exactly<string>()(new Scale(2).toString());
const modules: nn.Module[] = [mp, withIndices, avg1, conv, upConv, up2, new Scale(1)];
exactly<Tensor | Tensor[]>()(modules[0].forward(x));

// ---- UNet and safetensors ----
const weightsFile = new Uint8Array(await (await fetch('/models/unet.safetensors')).arrayBuffer());
const net = await UNet.fromSafetensors(weightsFile);
exactly<UNet>()(net);
exactly<number>()(net.levels);
exactly<number>()(net.inChannels);
exactly<number>()(net.outChannels);
exactly<{ encoder: number[]; bottom: number; up: number[]; decoder: number[] }>()(net.widths);
exactly<'valid' | 'same'>()(net.padding);
exactly<boolean>()(net.isDisposed);
exactly<Readonly<Record<string, string>>>()(net.metadata);
exactly<poolkit.UNetPreprocessing | null>()(net.preprocessing);
if (net.preprocessing) exactly<'percentile'>()(net.preprocessing.type);
const pixels = poolkit.tensor(new Float32Array(572 * 572), [1, 1, 572, 572]);
isTensor(net.forward(pixels));
const controller = new AbortController();
isTensor(
  net.forward(pixels, {
    onProgress: (stage, fraction) => {
      exactly<string>()(stage);
      exactly<number>()(fraction);
    },
    signal: controller.signal,
  }),
);
isTensor(net.forward(pixels, { signal: AbortSignal.timeout(1000) }));
isTensor(await net.segment(pixels));
isTensor(await net.segment(pixels, { tileSize: 188, onProgress: (fraction) => exactly<number>()(fraction), signal: controller.signal }));
isTensor(await net.segment(pixels, { preprocess: false }));
exactly<{ lo: number; hi: number } | null>()(net.preprocessingBounds(pixels));
const cells = poolkit.instances(pixels, { minArea: 20 });
exactly<Int32Array>()(cells.labels);
exactly<number>()(cells.count);
exactly<poolkit.Cell[]>()(cells.cells);
exactly<[y: number, x: number]>()(cells.cells[0].centroid);
exactly<poolkit.Instances>()(poolkit.instances(pixels));
// @ts-expect-error minArea is a number
void poolkit.instances(pixels, { minArea: '20' });
// @ts-expect-error preprocess is true or false
void net.segment(pixels, { preprocess: 'no' });
// @ts-expect-error segment's progress is a fraction only
void net.segment(pixels, { onProgress: (stage: string, fraction: number) => {} });
exactly<void>()(net.dispose());
net[Symbol.dispose]();
const sameNet = await UNet.fromSafetensors(weightsFile.buffer, { padding: 'same', onProgress: () => {} });
isTensor(sameNet.forward(pixels, {}));
{
  using scopedNet = await UNet.fromSafetensors(weightsFile);
  isTensor(scopedNet.forward(pixels));
}
// @ts-expect-error models come from UNet.fromSafetensors
new UNet();
// @ts-expect-error padding is 'valid' or 'same'
void UNet.fromSafetensors(weightsFile, { padding: 1 });
// @ts-expect-error signal is an AbortSignal
net.forward(pixels, { signal: controller });

const file = poolkit.loadSafetensors(weightsFile);
exactly<Map<string, Tensor>>()(file.tensors);
exactly<Record<string, string>>()(file.metadata);
isTensor(file.tensors.get('enc1.0.weight')!);
poolkit.loadSafetensors(weightsFile.buffer);
poolkit.loadSafetensors(new DataView(weightsFile.buffer));
// @ts-expect-error bytes, not a path
poolkit.loadSafetensors('/models/unet.safetensors');

// Pixels: an ImageData (DOM) or any {data, width, height} of RGBA bytes.
const frame = new ImageData(4, 3);
isTensor(poolkit.fromImageData(frame));
isTensor(poolkit.fromImageData(frame, { channels: 'grey' }));
const imageOptions: poolkit.FromImageDataOptions = { channels: 'rgba' };
isTensor(poolkit.fromImageData({ data: new Uint8Array(48), width: 4, height: 3 }, imageOptions));
// @ts-expect-error channels is 'rgb', 'grey' or 'rgba'
poolkit.fromImageData(frame, { channels: 'gray' });
// @ts-expect-error RGBA bytes, not floats
poolkit.fromImageData({ data: new Float32Array(48), width: 4, height: 3 });

// PoolResult<R>: the type of a max-type op's result for a given returnIndices.
exactly<Tensor>()(null! as PoolResult<false>);
exactly<[Tensor, Tensor]>()(null! as PoolResult<true>);
exactly<Tensor | [Tensor, Tensor]>()(null! as PoolResult<boolean>);

export { out, rIsUnion, kept };
