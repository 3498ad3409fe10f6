// The model's preprocessing, read from its .safetensors __metadata__ and applied by
// UNet.segment: the percentile mapping of the whole image (numpy's, from
// scripts/fixtures/percentile_normalization.py) computed once, so that segmenting an image
// equals segmenting numpy's normalized image as it is, whatever the tiles.
import * as poolkit from 'poolkit';
import { bits, decodeTensor, loadFixture } from './helpers/fixtures.js';
import { oneLevelUNetFile } from './helpers/small_unet.js';

const { UNet } = poolkit;
const PERCENTILE = '{"type": "percentile", "low": 1, "high": 99.8}';
const fixture = loadFixture('percentile_normalization');
const pairOf = (name) => {
  const c = fixture.cases.find((k) => k.name === name);
  const pair = c.pairs.find((p) => p.low === 1 && p.high === 99.8);
  return { image: decodeTensor(c.image), normalized: decodeTensor(pair.normalized) };
};

// One-level nets with the percentile preprocessing, grey and RGB.
let net;
let rgb;
beforeAll(async () => {
  net = await UNet.fromSafetensors(oneLevelUNetFile({ metadata: { preprocessing: PERCENTILE } }));
  rgb = await UNet.fromSafetensors(oneLevelUNetFile({ inChannels: 3, seed: 8, metadata: { preprocessing: PERCENTILE } }));
});
afterAll(() => [net, rgb].forEach((n) => n.dispose()));

describe('fromSafetensors reads the preprocessing', () => {
  test('metadata and preprocessing getters: the parsed object, frozen, or null when absent', async () => {
    const net = await UNet.fromSafetensors(oneLevelUNetFile({ metadata: { preprocessing: PERCENTILE, format: 'pt' } }));
    expect(net.preprocessing).toEqual({ type: 'percentile', low: 1, high: 99.8 });
    expect(Object.isFrozen(net.preprocessing)).toBe(true);
    expect(net.metadata).toEqual({ preprocessing: PERCENTILE, format: 'pt' });
    expect(Object.isFrozen(net.metadata)).toBe(true);
    net.dispose();
    const plain = await UNet.fromSafetensors(oneLevelUNetFile());
    expect(plain.preprocessing).toBeNull();
    expect(plain.metadata).toEqual({});
    plain.dispose();
  });

  test.each([
    ['not JSON', '{type: percentile}', 'UNet.fromSafetensors: __metadata__.preprocessing must be JSON such as {"type": "percentile", "low": 1, "high": 99.8}, got "{type: percentile}"'],
    ['not an object', '[1, 99.8]', 'UNet.fromSafetensors: __metadata__.preprocessing must be a JSON object such as {"type": "percentile", "low": 1, "high": 99.8}, got [1, 99.8]'],
    ['an unknown type', '{"type": "zscore"}', 'UNet.fromSafetensors: __metadata__.preprocessing has type "zscore"; the only type poolkit applies is "percentile"'],
    ['no type', '{"low": 1, "high": 99}', 'UNet.fromSafetensors: __metadata__.preprocessing has type undefined; the only type poolkit applies is "percentile"'],
    ['an unknown key', '{"type": "percentile", "low": 1, "high": 99, "clip": true}', 'UNet.fromSafetensors: __metadata__.preprocessing has unknown keys clip; a percentile preprocessing has type, low, high'],
    ['high above 100', '{"type": "percentile", "low": 1, "high": 100.5}', 'UNet.fromSafetensors: __metadata__.preprocessing must have low and high percentiles, numbers from 0 to 100, got low 1 and high 100.5'],
    ['low below 0', '{"type": "percentile", "low": -1, "high": 99}', 'UNet.fromSafetensors: __metadata__.preprocessing must have low and high percentiles, numbers from 0 to 100, got low -1 and high 99'],
    ['a string percentile', '{"type": "percentile", "low": "1", "high": 99}', 'UNet.fromSafetensors: __metadata__.preprocessing must have low and high percentiles, numbers from 0 to 100, got low "1" and high 99'],
    ['a missing high', '{"type": "percentile", "low": 1}', 'UNet.fromSafetensors: __metadata__.preprocessing must have low and high percentiles, numbers from 0 to 100, got low 1 and high undefined'],
    ['low >= high', '{"type": "percentile", "low": 50, "high": 50}', 'UNet.fromSafetensors: __metadata__.preprocessing must have low < high, got low 50 and high 50'],
  ])('%s is refused', async (_, text, message) => {
    const before = poolkit.memoryStats().allocatedBytes;
    await expect(UNet.fromSafetensors(oneLevelUNetFile({ metadata: { preprocessing: text } }))).rejects.toThrow(message);
    expect(poolkit.memoryStats().allocatedBytes).toBe(before);
  });
});

describe('segment applies it', () => {
  test.each([
    ['random 37x53', () => net],
    ['random 3-channel 3x19x23', () => rgb],
  ])('%s: segment(image) is segment(numpy\'s normalized image, {preprocess: false}), bit for bit, for two tile sizes', async (name, model) => {
    const { image, normalized } = pairOf(name);
    const x = poolkit.tensor(image.values, image.shape);
    const numpys = poolkit.tensor(normalized.values, normalized.shape);
    for (const tileSize of [20, 36]) {
      const ours = await model().segment(x, { tileSize });
      const theirs = await model().segment(numpys, { tileSize, preprocess: false });
      expect({ tileSize, same: bits(ours.data).join() === bits(theirs.data).join() }).toEqual({ tileSize, same: true });
      [ours, theirs].forEach((t) => t.dispose());
    }
    // And the raw image is not what the network saw.
    const raw = await model().segment(x, { tileSize: 36, preprocess: false });
    const applied = await model().segment(x, { tileSize: 36 });
    expect(bits(raw.data).join()).not.toBe(bits(applied.data).join());
    [x, numpys, raw, applied].forEach((t) => t.dispose());
  });

  test('a model without preprocessing takes the image as it is', async () => {
    const plain = await UNet.fromSafetensors(oneLevelUNetFile());
    const { image } = pairOf('random 37x53');
    const x = poolkit.tensor(image.values, image.shape);
    const a = await plain.segment(x, { tileSize: 36 });
    const b = await net.segment(x, { tileSize: 36, preprocess: false });
    expect(bits(a.data).join()).toBe(bits(b.data).join());
    [plain, x, a, b].forEach((t) => t.dispose());
  });

  test('a NaN or an infinity rejects before any tile, naming the image; nothing stays allocated', async () => {
    for (const [bad, at] of [[NaN, 7], [Infinity, 0], [-Infinity, 29]]) {
      const values = new Float32Array(30).fill(0.5);
      values[at] = bad;
      const x = poolkit.tensor(values, [1, 1, 5, 6]);
      const before = poolkit.memoryStats().allocatedBytes;
      const progress = [];
      await expect(net.segment(x, { onProgress: (f) => progress.push(f) })).rejects.toThrow(
        `UNet.segment: image must hold only finite values for the model's percentile preprocessing, got ${bad} at flat index ${at}`,
      );
      expect(progress).toEqual([]);
      expect(poolkit.memoryStats().allocatedBytes).toBe(before);
      // Without the preprocessing there is no rule about them.
      (await net.segment(x, { tileSize: 20, preprocess: false })).dispose();
      x.dispose();
    }
  });

  test('preprocess must be true or false', async () => {
    const x = poolkit.tensor(new Float32Array(4), [1, 1, 2, 2]);
    await expect(net.segment(x, { preprocess: 'no' })).rejects.toThrow('UNet.segment: preprocess must be true or false, got "no"');
    x.dispose();
  });
});

describe('preprocessingBounds', () => {
  test.each([
    ['random 37x53', () => net],
    ['random 3-channel 3x19x23', () => rgb],
    ['duplicates around the ranks 7x10', () => net],
  ])('%s: numpy\'s lo and hi, as doubles', (name, model) => {
    const c = fixture.cases.find((k) => k.name === name);
    const pair = c.pairs.find((p) => p.low === 1 && p.high === 99.8);
    const image = decodeTensor(c.image);
    const x = poolkit.tensor(image.values, image.shape);
    expect(model().preprocessingBounds(x)).toEqual({ lo: Number(pair.lo), hi: Number(pair.hi) });
    x.dispose();
  });

  test('null for a model without preprocessing; segment\'s image rules otherwise', async () => {
    const plain = await UNet.fromSafetensors(oneLevelUNetFile());
    const x = poolkit.tensor(new Float32Array([0.2, 0.4, NaN, 0.1]), [1, 1, 2, 2]);
    expect(plain.preprocessingBounds(x)).toBeNull();
    expect(() => net.preprocessingBounds(x)).toThrow(
      'UNet.preprocessingBounds: image must hold only finite values for the model\'s percentile preprocessing, got NaN at flat index 2',
    );
    const batch = poolkit.tensor(new Float32Array(8), [2, 1, 2, 2]);
    expect(() => net.preprocessingBounds(batch)).toThrow('UNet.preprocessingBounds: image must be [1, C, H, W] or [C, H, W], got shape [2, 1, 2, 2]');
    expect(() => rgb.preprocessingBounds(x)).toThrow('UNet.preprocessingBounds: image must have 3 channels (the in-channels of enc1.0), got shape [1, 1, 2, 2]');
    expect(() => net.preprocessingBounds(new Float32Array(4))).toThrow(
      'UNet.preprocessingBounds: image must be a poolkit Tensor (make one with poolkit.tensor(data, shape)), got Float32Array',
    );
    plain.dispose();
    expect(() => plain.preprocessingBounds(x)).toThrow('UNet.preprocessingBounds: the model was disposed');
    [x, batch].forEach((t) => t.dispose());
    expect(() => net.preprocessingBounds(x)).toThrow('UNet.preprocessingBounds: the input tensor was disposed');
  });
});
