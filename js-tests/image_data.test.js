// Issue 12: poolkit.fromImageData turns browser pixels into the [1, C, H, W] tensor torchvision's
// to_tensor (and rgb_to_grayscale) would make, bit for bit (js-tests/fixtures/image_data.json,
// made by scripts/fixtures/image_data.py with torchvision).
import { readFileSync } from 'node:fs';
import * as poolkit from 'poolkit';
import { bits } from './helpers/fixtures.js';

const { functional: F } = poolkit;

const fixture = JSON.parse(readFileSync(new URL('./fixtures/image_data.json', import.meta.url), 'utf8'));
const fromBase64 = (data) => new Uint8Array(Buffer.from(data, 'base64'));
const floats = ({ data }) => {
  const bytes = fromBase64(data);
  return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
};
const cases = fixture.cases.map((c) => ({
  name: c.name,
  image: { data: new Uint8ClampedArray(fromBase64(c.image.data)), width: c.image.width, height: c.image.height },
  outputs: Object.fromEntries(
    Object.entries(c.outputs).map(([channels, t]) => [channels, { shape: t.shape, values: floats(t) }]),
  ),
}));
const CHANNELS = ['rgb', 'grey', 'rgba'];

beforeAll(() => poolkit.ready());

const allocated = () => poolkit.memoryStats().allocatedBytes;

// As the browser's ImageData: data, width and height are getters on the prototype.
class FakeImageData {
  #data;
  #width;
  #height;
  constructor(data, width, height) {
    this.#data = data;
    this.#width = width;
    this.#height = height;
  }
  get data() {
    return this.#data;
  }
  get width() {
    return this.#width;
  }
  get height() {
    return this.#height;
  }
}

describe('matches torchvision bit for bit', () => {
  test('the fixture covers small, odd and edge images in every channel mode', () => {
    expect(cases.length).toBeGreaterThanOrEqual(9);
    expect(cases.map((c) => c.name)).toEqual(expect.arrayContaining(['1x1', '3x5', '7x2']));
    const all = new Set(cases.flatMap((c) => Array.from(c.image.data)));
    expect(all.size).toBe(256);
    for (const c of cases) expect(Object.keys(c.outputs).sort()).toEqual([...CHANNELS].sort());
  });

  test.each(cases.flatMap((c) => CHANNELS.map((channels) => [`${c.name}, ${channels}`, c, channels])))(
    '%s',
    (_, c, channels) => {
      const expected = c.outputs[channels];
      const t = poolkit.fromImageData(c.image, { channels });
      expect(t.dtype).toBe('float32');
      expect(t.shape).toEqual(expected.shape);
      expect(bits(t.data)).toEqual(bits(expected.values));
      t.dispose();
      // The same bytes as a Uint8Array, and through ImageData-style getters.
      const { data, width, height } = c.image;
      const again = poolkit.fromImageData(new FakeImageData(new Uint8Array(data), width, height), { channels });
      expect(bits(again.data)).toEqual(bits(expected.values));
      again.dispose();
    },
  );

  test("'rgb' is the default", () => {
    for (const c of cases) {
      const t = poolkit.fromImageData(c.image);
      expect(t.shape).toEqual([1, 3, c.image.height, c.image.width]);
      expect(bits(t.data)).toEqual(bits(c.outputs.rgb.values));
      t.dispose();
    }
    expect(poolkit.fromImageData(cases[0].image, {}).shape).toEqual([1, 3, 1, 1]);
    expect(poolkit.fromImageData(cases[0].image, { channels: undefined }).shape).toEqual([1, 3, 1, 1]);
  });
});

test('a VGA frame: every pixel as the float32 arithmetic PyTorch does, step by step', () => {
  const width = 640;
  const height = 480;
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < data.length; i++) data[i] = Math.imul(i, 2654435761) >>> 24;
  const f = Math.fround;
  const scaled = (byte) => f(byte / 255);
  const plane = width * height;
  const rgba = poolkit.fromImageData({ data, width, height }, { channels: 'rgba' }).data;
  const grey = poolkit.fromImageData({ data, width, height }, { channels: 'grey' }).data;
  const expectedRgba = new Float32Array(4 * plane);
  const expectedGrey = new Float32Array(plane);
  for (let p = 0; p < plane; p++) {
    for (let c = 0; c < 4; c++) expectedRgba[c * plane + p] = scaled(data[4 * p + c]);
    const [r, g, b] = [0, 1, 2].map((c) => scaled(data[4 * p + c]));
    expectedGrey[p] = f(f(f(f(0.2989) * r) + f(f(0.587) * g)) + f(f(0.114) * b));
  }
  expect(Buffer.from(rgba.buffer).equals(Buffer.from(expectedRgba.buffer))).toBe(true);
  expect(Buffer.from(grey.buffer).equals(Buffer.from(expectedGrey.buffer))).toBe(true);
});

test('the result is an ordinary tensor: ops take it, tidy() and dispose() free it', () => {
  const c = cases.find((k) => k.name === '12x10');
  const reference = poolkit.tensor(c.outputs.grey.values, c.outputs.grey.shape);
  const expected = F.maxPool2d(reference, 2);
  const before = allocated();
  // Only the returned tensor outlives tidy(): the image's tensor is freed.
  const pooled = poolkit.tidy(() => F.maxPool2d(poolkit.fromImageData(c.image, { channels: 'grey' }), 2));
  expect(pooled.shape).toEqual([1, 1, 6, 5]);
  expect(bits(pooled.data)).toEqual(bits(expected.data));
  pooled.dispose();
  expect(allocated()).toBe(before);
  const x = poolkit.fromImageData(c.image, { channels: 'rgba' });
  expect(allocated() - before).toBeGreaterThanOrEqual(4 * 12 * 10 * 4);
  const [values, indices] = new poolkit.nn.MaxPool2d(2, { returnIndices: true }).forward(x);
  expect(values.shape).toEqual([1, 4, 6, 5]);
  expect(indices.dtype).toBe('int32');
  for (const t of [x, values, indices, reference, expected]) t.dispose();
  expect(x.isDisposed).toBe(true);
  expect(allocated()).toBeLessThan(before);
});

describe('errors name the argument and the rule, and allocate nothing', () => {
  const rgba = (n) => new Uint8ClampedArray(n);
  const bad = [
    [null, {}, 'fromImageData: image must be an ImageData or an object {data, width, height}, got null'],
    [undefined, {}, 'fromImageData: image must be an ImageData or an object {data, width, height}, got undefined'],
    [new Uint8ClampedArray(4), {}, 'fromImageData: image.width must be a positive integer, got undefined'],
    [{ data: rgba(0), width: 0, height: 3 }, {}, 'fromImageData: image.width must be a positive integer, got 0'],
    [{ data: rgba(48), width: 4.5, height: 3 }, {}, 'fromImageData: image.width must be a positive integer, got 4.5'],
    [{ data: rgba(48), width: '4', height: 3 }, {}, 'fromImageData: image.width must be a positive integer, got "4"'],
    [{ data: rgba(48), width: 4, height: -3 }, {}, 'fromImageData: image.height must be a positive integer, got -3'],
    [{ data: rgba(48), width: 4, height: NaN }, {}, 'fromImageData: image.height must be a positive integer, got NaN'],
    [{ data: new Float32Array(48), width: 4, height: 3 }, {}, 'fromImageData: image.data must be a Uint8ClampedArray or a Uint8Array of RGBA bytes, got Float32Array'],
    [{ data: new Array(48).fill(0), width: 4, height: 3 }, {}, 'fromImageData: image.data must be a Uint8ClampedArray or a Uint8Array of RGBA bytes, got an array of length 48'],
    [{ width: 4, height: 3 }, {}, 'fromImageData: image.data must be a Uint8ClampedArray or a Uint8Array of RGBA bytes, got undefined'],
    [{ data: rgba(47), width: 4, height: 3 }, {}, 'fromImageData: image.data must hold width * height * 4 = 48 bytes (RGBA), got 47'],
    [{ data: new Uint8Array(36), width: 4, height: 3 }, {}, 'fromImageData: image.data must hold width * height * 4 = 48 bytes (RGBA), got 36'],
    [{ data: rgba(48), width: 4, height: 3 }, null, "fromImageData: options must be an object such as {channels: 'grey'}, got null"],
    [{ data: rgba(48), width: 4, height: 3 }, 'grey', "fromImageData: options must be an object such as {channels: 'grey'}, got \"grey\""],
    [{ data: rgba(48), width: 4, height: 3 }, { channel: 'grey' }, 'fromImageData: unknown option channel; the options are channels'],
    [{ data: rgba(48), width: 4, height: 3 }, { channels: 'grey', grey: true }, 'fromImageData: unknown option grey; the options are channels'],
    [{ data: rgba(48), width: 4, height: 3 }, { channels: 'gray' }, 'fromImageData: channels must be "rgb", "grey" or "rgba", got "gray"'],
    [{ data: rgba(48), width: 4, height: 3 }, { channels: 'toString' }, 'fromImageData: channels must be "rgb", "grey" or "rgba", got "toString"'],
    [{ data: rgba(48), width: 4, height: 3 }, { channels: 3 }, 'fromImageData: channels must be "rgb", "grey" or "rgba", got 3'],
  ];
  test.each(bad.map(([image, options, message]) => [message, image, options]))('%s', (message, image, options) => {
    const before = allocated();
    expect(() => poolkit.fromImageData(image, options)).toThrow(new Error(message));
    expect(allocated()).toBe(before);
  });

  test('options are read from own properties only', () => {
    const image = { data: new Uint8ClampedArray(48), width: 4, height: 3 };
    // An inherited channels is not given (so 'rgb'), and Object.prototype's names are no options.
    expect(poolkit.fromImageData(image, Object.create({ channels: 'grey' })).shape).toEqual([1, 3, 3, 4]);
    expect(poolkit.fromImageData(image, { channels: 'grey' }).shape).toEqual([1, 1, 3, 4]);
  });
});
