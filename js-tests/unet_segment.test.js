// Issue 13: UNet.segment runs the U-Net paper's overlap-tile strategy on an image of any size.
// Its result must be what one pass over the whole mirrored image gives, bit for bit, whatever
// the tile size: the trained cells model exercises the Winograd convolutions (>= 8 channels),
// whose 2x2 blocks and the pooling pairs must fall where they fall in that one pass.
import { readFileSync } from 'node:fs';
import * as poolkit from 'poolkit';
import { encodeSafetensors } from './helpers/safetensors.js';
import { seededTensors } from './helpers/seeded_weights.js';

const { UNet } = poolkit;
const cells = JSON.parse(readFileSync(new URL('./fixtures/trained_unet.json', import.meta.url), 'utf8'));
const cellWeights = readFileSync(new URL(`../${cells.weights}`, import.meta.url));

// PyTorch's 'reflect' padding index, repeated for images smaller than the pad: written here
// from its definition, independently of poolkit's.
function mirror(i, n) {
  if (n === 1) return 0;
  let k = i;
  while (k < 0 || k >= n) k = k < 0 ? -k : 2 * (n - 1) - k;
  return k;
}

const image = (channels, height, width, seed) =>
  poolkit.tensor(
    Float32Array.from({ length: channels * height * width }, (_, i) => (Math.sin(i * 12.9898 + seed) * 43758.5453) % 1 * 0.5 + 0.5),
    [1, channels, height, width],
  );

// One forward pass over the image mirrored by `before` on the top and left, as large as
// `rows` x `cols` (sizes the network takes); the outputs for the image's pixels start at `at`.
function onePass(net, x, before, rows, cols, at) {
  const [, channels, height, width] = x.shape;
  const values = x.data;
  const plane = new Float32Array(channels * rows * cols);
  for (let c = 0; c < channels; c++) {
    for (let y = 0; y < rows; y++) {
      for (let v = 0; v < cols; v++) {
        plane[(c * rows + y) * cols + v] = values[(c * height + mirror(y - before, height)) * width + mirror(v - before, width)];
      }
    }
  }
  const input = poolkit.tensor(plane, [1, channels, rows, cols]);
  const out = net.forward(input);
  input.dispose();
  const [, classes, outRows, outCols] = out.shape;
  const all = out.data;
  out.dispose();
  const kept = new Float32Array(classes * height * width);
  for (let c = 0; c < classes; c++) {
    for (let y = 0; y < height; y++) {
      const from = (c * outRows + at + y) * outCols + at;
      kept.set(all.subarray(from, from + width), (c * height + y) * width);
    }
  }
  return kept;
}

const sameBits = (a, b) => a.length === b.length && Buffer.compare(Buffer.from(a.buffer, a.byteOffset, a.byteLength), Buffer.from(b.buffer, b.byteOffset, b.byteLength)) === 0;
// The smallest size >= n in smallest + k * period.
const validAtLeast = (n, smallest, period) => smallest + Math.max(0, Math.ceil((n - smallest) / period)) * period;

let net;
beforeAll(async () => {
  await poolkit.ready();
  net = await UNet.fromSafetensors(cellWeights);
});
afterAll(() => net.dispose());

describe('the trained cells model (3 levels, valid convolutions, margin 44)', () => {
  test.each([
    [1, 1],
    [3, 5],
    [61, 200],
    [150, 97],
  ])('a %ix%i image: every tile size gives one pass\'s numbers, bit for bit', async (height, width) => {
    const x = image(1, height, width, height * 7 + width);
    // The valid sizes of this network: 92 + 8k; a pass takes 44 off each side.
    const expected = onePass(net, x, 44, validAtLeast(height + 88, 92, 8), validAtLeast(width + 88, 92, 8), 0);
    for (const tileSize of [108, 116, 140, 572]) {
      // The model's own preprocessing is tested apart (unet_preprocessing, trained_unet): here
      // the tiles see the pixels as the one pass does.
      const out = await net.segment(x, { tileSize, preprocess: false });
      expect(out.shape).toEqual([1, net.outChannels, height, width]);
      expect({ tileSize, same: sameBits(out.data, expected) }).toEqual({ tileSize, same: true });
      out.dispose();
    }
    x.dispose();
  }, 60000);

  test('a [C, H, W] image works too; progress rises to 1 and every tile reports', async () => {
    const x = image(1, 130, 70, 3);
    const flat = poolkit.tensor(x.data, [1, 130, 70]);
    const fractions = [];
    const out = await net.segment(flat, { tileSize: 108, onProgress: (f) => fractions.push(f) });
    const tiled = await net.segment(x);
    expect(sameBits(out.data, tiled.data)).toBe(true);
    // tile 108 gives 20 outputs a side, kept 16 at a time: 9 x 5 tiles.
    expect(fractions).toHaveLength(45);
    expect(fractions.every((f, i) => i === 0 || f > fractions[i - 1])).toBe(true);
    expect(fractions.at(-1)).toBe(1);
    [x, flat, out, tiled].forEach((t) => t.dispose());
  });

  test('an AbortSignal stops it between tiles: an AbortError, and nothing stays allocated', async () => {
    const x = image(1, 200, 200, 5);
    const before = poolkit.memoryStats().allocatedBytes;
    const controller = new AbortController();
    let tiles = 0;
    const run = net.segment(x, {
      tileSize: 108,
      signal: controller.signal,
      onProgress: () => {
        if (++tiles === 3) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(tiles).toBe(3);
    expect(poolkit.memoryStats().allocatedBytes).toBe(before);
    // An already aborted signal rejects before any work.
    await expect(net.segment(x, { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
    x.dispose();
  });

  test('bad arguments are Errors naming the argument', async () => {
    const x = image(1, 10, 10, 1);
    const rgb = image(3, 10, 10, 1);
    const batch = poolkit.tensor(new Float32Array(2 * 100), [2, 1, 10, 10]);
    await expect(net.segment(rgb)).rejects.toThrow('UNet.segment: image must have 1 channels (the in-channels of enc1.0), got shape [1, 3, 10, 10]');
    await expect(net.segment(batch)).rejects.toThrow('UNet.segment: image must be [1, C, H, W] or [C, H, W], got shape [2, 1, 10, 10]');
    await expect(net.segment(x, { tileSize: 0 })).rejects.toThrow('UNet.segment: tileSize must be a positive integer, got 0');
    await expect(net.segment(x, { tile: 100 })).rejects.toThrow('UNet.segment: unknown option tile');
    await expect(net.segment([1, 2])).rejects.toThrow('UNet.segment: image must be a poolkit Tensor');
    [x, rgb, batch].forEach((t) => t.dispose());
  });
});

test("a 'same' model (2 levels, 8 wide): tiles give one pass's numbers away from its zero padding", async () => {
  const conv = (name, cin, cout, k = 3) => [[`${name}.weight`, [cout, cin, k, k]], [`${name}.bias`, [cout]]];
  const layout = [
    ...conv('enc1.0', 1, 8), ...conv('enc1.2', 8, 8), ...conv('enc2.0', 8, 16), ...conv('enc2.2', 16, 16),
    ...conv('bottom.0', 16, 32), ...conv('bottom.2', 32, 32),
    ['up2.weight', [32, 16, 2, 2]], ['up2.bias', [16]], ...conv('dec2.0', 32, 16), ...conv('dec2.2', 16, 16),
    ['up1.weight', [16, 8, 2, 2]], ['up1.bias', [8]], ...conv('dec1.0', 16, 8), ...conv('dec1.2', 8, 8),
    ...conv('out_conv', 8, 3, 1),
  ];
  const same = await UNet.fromSafetensors(encodeSafetensors(seededTensors(layout, 11)), { padding: 'same' });
  const x = image(1, 45, 70, 9);
  // Mirrored by 66 (beyond its receptive field's reach; 66 - 26 keeps the pooling pairs where
  // segment's tiles have them), one pass of sizes % 4 == 0.
  const expected = onePass(same, x, 66, 180, 204, 66);
  for (const tileSize of [40, 64, 200]) {
    const out = await same.segment(x, { tileSize });
    expect(out.shape).toEqual([1, 3, 45, 70]);
    expect({ tileSize, same: sameBits(out.data, expected) }).toEqual({ tileSize, same: true });
    out.dispose();
  }
  x.dispose();
  same.dispose();
});
