// Issue 12 (items 8 and 9): the typed arrays browsers hand out (ImageData.data is a
// Uint8ClampedArray) make float32 tensors, and `.data` is no shared cache a write could change.
import * as poolkit from 'poolkit';

beforeAll(() => poolkit.ready());

test.each([
  ['Float64Array', new Float64Array([0.1, -2.5, 1e40, -0]), [Math.fround(0.1), -2.5, Infinity, -0]],
  ['Uint8Array', new Uint8Array([0, 1, 128, 255]), [0, 1, 128, 255]],
  ['Uint8ClampedArray', new Uint8ClampedArray([0, 1, 128, 255]), [0, 1, 128, 255]],
])('tensor(%s) is float32, each value converted as a Float32Array copy converts it', (_, source, expected) => {
  const t = poolkit.tensor(source, [2, 2]);
  expect(t.dtype).toBe('float32');
  expect(Array.from(t.data)).toEqual(expected);
  expect(Object.is(t.data[3], expected[3])).toBe(true);
});

test('pixels of an RGBA image pool like any other tensor', () => {
  // A 2x2 RGBA image's bytes, as ImageData.data holds them; the red channel is 10, 20, 30, 40.
  const rgba = new Uint8ClampedArray([10, 0, 0, 255, 20, 0, 0, 255, 30, 0, 0, 255, 40, 0, 0, 255]);
  const hwc = poolkit.tensor(rgba, [2, 2, 4]);
  const red = Array.from(hwc.data).filter((_, i) => i % 4 === 0);
  const pooled = poolkit.functional.maxPool2d(poolkit.tensor(Uint8Array.from(red), [1, 2, 2]), 2);
  expect(pooled.tolist()).toEqual([[[40]]]);
});

test('writing to .data changes only that copy: later reads, tolist() and ops all see the tensor', () => {
  const t = poolkit.tensor([1, 2, 3, 4], [1, 2, 2]);
  const copy = t.data;
  copy[0] = 99;
  expect(t.data[0]).toBe(1);
  expect(t.tolist()).toEqual([[[1, 2], [3, 4]]]);
  expect(poolkit.functional.maxPool2d(t, 2).tolist()).toEqual([[[4]]]);
  expect(t.data).not.toBe(t.data);
});
