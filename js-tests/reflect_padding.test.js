// How UNet.segment mirrors an image at its borders, against numpy.pad(mode='reflect')
// (scripts/fixtures/reflect_padding.py), including pads wider than the image, which numpy
// reflects repeatedly: reflect() index by index, and segment end to end against one forward
// pass over numpy's padded image.
import * as poolkit from 'poolkit';
import { bits, decodeTensor, loadFixture } from './helpers/fixtures.js';
import { oneLevelUNetFile } from './helpers/small_unet.js';
import { reflect } from '../web/lib/unet_tiles.js';

const cases = loadFixture('reflect_padding').cases.map((c) => ({ ...c, image: decodeTensor(c.image), padded: decodeTensor(c.padded) }));

test.each(cases.map((c) => [c.name, c]))('%s: reflect() gives numpy\'s padded image', (name, { image, pad, padded }) => {
  const [height, width] = image.shape;
  const [rows, cols] = padded.shape;
  const [[top], [left]] = pad;
  const ours = new Float32Array(rows * cols);
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < cols; x++) ours[y * cols + x] = image.values[reflect(y - top, height) * width + reflect(x - left, width)];
  }
  expect(bits(ours)).toEqual(bits(padded.values));
});

describe('segment mirrors the image as numpy pads it', () => {
  let net;
  beforeAll(async () => {
    await poolkit.ready();
    net = await poolkit.UNet.fromSafetensors(oneLevelUNetFile({ classes: 3, seed: 21 }));
  });
  afterAll(() => net.dispose());

  test.each(cases.filter((c) => c.segment_case).map((c) => [c.name, c]))(
    '%s: segment is forward of numpy\'s padded image, cropped to the image, bit for bit',
    async (name, { image, pad, padded }) => {
      const [height, width] = image.shape;
      const [[top], [left]] = pad;
      // The margin of this net: what a pass takes off each side.
      expect([top, left]).toEqual([8, 8]);
      const whole = poolkit.tensor(padded.values, [1, 1, ...padded.shape]);
      const out = net.forward(whole);
      const [, classes, outRows, outCols] = out.shape;
      const all = out.data;
      const expected = new Float32Array(classes * height * width);
      for (let c = 0; c < classes; c++) {
        for (let y = 0; y < height; y++) {
          const from = (c * outRows + y) * outCols;
          expected.set(all.subarray(from, from + width), (c * height + y) * width);
        }
      }
      const x = poolkit.tensor(image.values, [1, 1, height, width]);
      for (const tileSize of [20, 24]) {
        const tiled = await net.segment(x, { tileSize });
        expect(tiled.shape).toEqual([1, classes, height, width]);
        expect({ tileSize, bits: bits(tiled.data) }).toEqual({ tileSize, bits: bits(expected) });
        tiled.dispose();
      }
      [whole, out, x].forEach((t) => t.dispose());
    },
  );
});
