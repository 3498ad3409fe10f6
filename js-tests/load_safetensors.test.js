// Issue 12 (item 10): loading one's own weights needs no hand-written parser.
import { readFileSync } from 'node:fs';
import * as poolkit from 'poolkit';
import { encodeSafetensors, rawSafetensors } from './helpers/safetensors.js';

beforeAll(() => poolkit.ready());

const allocated = () => poolkit.memoryStats().allocatedBytes;

test('F32, F16 and BF16 tensors by name, as float32, with the metadata', () => {
  // IEEE half: 1, -2, 65504 (the largest), 2^-24 (the smallest subnormal), +inf.
  const half = new Uint16Array([0x3c00, 0xc000, 0x7bff, 0x0001, 0x7c00]);
  // bfloat16 is a float32's top 16 bits: 1.5 and -0.
  const brain = new Uint16Array([0x3fc0, 0x8000]);
  const bytes = encodeSafetensors(
    [
      { key: 'conv.weight', shape: [1, 1, 2, 2], data: new Float32Array([1, 2, 3, 4]) },
      { key: 'half', shape: [5], data: half, dtype: 'F16' },
      { key: 'brain', shape: [2], data: brain, dtype: 'BF16' },
    ],
    { format: 'pt' },
  );
  const { tensors, metadata } = poolkit.loadSafetensors(bytes);
  expect(metadata).toEqual({ format: 'pt' });
  expect([...tensors.keys()]).toEqual(['conv.weight', 'half', 'brain']);
  expect(tensors.get('conv.weight').shape).toEqual([1, 1, 2, 2]);
  expect(tensors.get('conv.weight').tolist()).toEqual([[[[1, 2], [3, 4]]]]);
  expect(Array.from(tensors.get('half').data)).toEqual([1, -2, 65504, 2 ** -24, Infinity]);
  expect(Array.from(tensors.get('brain').data)).toEqual([1.5, -0]);
  expect(Object.is(tensors.get('brain').data[1], -0)).toBe(true);
  // The loaded weight runs in an op like any tensor.
  const x = poolkit.tensor([[[[1, 1, 1], [1, 1, 1], [1, 1, 1]]]]);
  expect(poolkit.functional.conv2d(x, tensors.get('conv.weight'), null).tolist()).toEqual([[[[10, 10], [10, 10]]]]);
});

test("the demo's model loads: every tensor of its state_dict", () => {
  const fixture = JSON.parse(readFileSync(new URL('./fixtures/trained_unet.json', import.meta.url), 'utf8'));
  const { tensors } = poolkit.loadSafetensors(readFileSync(new URL(`../${fixture.weights}`, import.meta.url)));
  expect(tensors.get('enc1.0.weight').shape).toEqual([16, 1, 3, 3]);
  expect(tensors.get('out_conv.bias').shape).toEqual([3]); // background, cell, boundary
  poolkit.tidy(() => tensors.forEach((t) => t.dispose()));
});

test('a damaged file is an Error naming the key, and nothing stays allocated', () => {
  const before = allocated();
  const bad = rawSafetensors(
    { good: { dtype: 'F32', shape: [2], data_offsets: [0, 8] }, broken: { dtype: 'F32', shape: [3], data_offsets: [8, 16] } },
    new Uint8Array(16),
  );
  expect(() => poolkit.loadSafetensors(bad)).toThrow(
    'loadSafetensors: tensor broken has data_offsets [8,16] (8 bytes), but shape [3] of F32 needs 12 bytes',
  );
  expect(() => poolkit.loadSafetensors('weights.safetensors')).toThrow('loadSafetensors: bytes must be an ArrayBuffer or a Uint8Array');
  expect(allocated()).toBe(before);
});
