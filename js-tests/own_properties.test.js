// Names inherited from Object.prototype (constructor, toString, __proto__...) are not options,
// dtypes or other table entries: only an object's own properties count.
import * as poolkit from 'poolkit';
import { readFileSync } from 'node:fs';
import { decodeSafetensors, encodeSafetensors } from './helpers/safetensors.js';

const { functional: F, nn } = poolkit;

beforeAll(() => poolkit.ready());

const x = () => poolkit.tensor(new Float32Array(16).map((_, i) => i + 1), [1, 1, 4, 4]);
const MAX_POOL_OPTIONS = 'kernelSize, stride, padding, dilation, ceilMode, returnIndices';

describe('an option named after an Object.prototype member is unknown', () => {
  test.each(['constructor', 'toString', 'hasOwnProperty', 'valueOf'])('{%s: 5}', (name) => {
    expect(() => F.maxPool2d(x(), { kernelSize: 2, [name]: 5 })).toThrow(
      new Error(`maxPool2d: unknown option ${name}; the options are ${MAX_POOL_OPTIONS}`),
    );
  });

  test('in the nn constructors too', () => {
    expect(() => new nn.MaxPool2d({ kernelSize: 2, constructor: 5 })).toThrow(
      new Error(`maxPool2d: unknown option constructor; the options are ${MAX_POOL_OPTIONS}`),
    );
    expect(() => new nn.AvgPool2d(2, { toString: 1 })).toThrow(
      new Error('AvgPool2d: unknown option toString; the options are kernelSize, stride, padding, ceilMode, countIncludePad, divisorOverride'),
    );
  });

  test('__proto__ as a JSON key is an own property, and unknown', () => {
    const options = JSON.parse('{"kernelSize": 2, "__proto__": {"stride": 1}}');
    expect(() => F.maxPool2d(x(), options)).toThrow(/^maxPool2d: unknown option __proto__;/);
  });
});

describe('an option is read only when it is the options\' own property', () => {
  test('an inherited kernelSize is not read', () => {
    const options = Object.create({ kernelSize: 2 });
    expect(() => F.maxPool2d(x(), options)).toThrow(new Error('maxPool2d: kernelSize is required'));
  });

  test('an inherited stride is not read: the default (kernelSize) applies', () => {
    const options = Object.create({ stride: 1 });
    options.kernelSize = 2;
    expect(F.maxPool2d(x(), options).shape).toEqual([1, 1, 2, 2]);
  });
});

describe('a dtype named after an Object.prototype member is not a dtype', () => {
  const good = decodeSafetensors(readFileSync(new URL('./fixtures/unet/levels2-base4.safetensors', import.meta.url)));

  test.each(['toString', 'constructor', 'valueOf', '__proto__'])('a safetensors tensor of dtype %s', async (dtype) => {
    const bytes = encodeSafetensors(good.map((t) => (t.key === 'up1.bias' ? { ...t, dtype } : t)));
    await expect(poolkit.UNet.fromSafetensors(bytes)).rejects.toThrow(
      new Error(`UNet.fromSafetensors: tensor up1.bias has dtype "${dtype}" (not a safetensors dtype); poolkit reads F32, and converts F16 and BF16 to F32`),
    );
  });
});
