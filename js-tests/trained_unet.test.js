// The U-Net trained on generated cells (scripts/unet/train_cells.py), loaded from the weights the
// demo page ships, segments the shipped samples exactly as PyTorch did.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as poolkit from 'poolkit';

const fromRepo = (path) => new URL(`../${path}`, import.meta.url);
const fixture = JSON.parse(readFileSync(fromRepo('js-tests/fixtures/trained_unet.json'), 'utf8'));
const weights = readFileSync(fromRepo(fixture.weights));

const ARRAYS = { float32: Float32Array, uint8: Uint8Array };

function decode({ shape, dtype, data }) {
  const bytes = Buffer.from(data, 'base64');
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length);
  return { shape, values: new ARRAYS[dtype](buffer) };
}

const samples = fixture.samples.map((s) => ({
  ...s,
  input: decode(s.input),
  truth: decode(s.truth),
  logits: decode(s.logits),
  mask: decode(s.mask),
}));

/** The safetensors header's __metadata__ (8-byte little-endian length, then JSON). */
function safetensorsMetadata(bytes) {
  const length = Number(bytes.readBigUInt64LE(0));
  return JSON.parse(bytes.subarray(8, 8 + length).toString('utf8')).__metadata__;
}

// The net's input is pixel / 255, as the training script fed PyTorch and as a page computes it
// from the PNG. (k / 255 rounds to the same float32 through a double as it does in float32.)
const toInput = (pixels) => Float32Array.from(pixels, (p) => p / 255);

// PyTorch's argmax over the two classes: 1 only where the cell logit is strictly larger.
function argmax2(logits) {
  const plane = logits.length / 2;
  return Uint8Array.from({ length: plane }, (_, i) => (logits[plane + i] > logits[i] ? 1 : 0));
}

function iouCounts(mask, truth) {
  let intersection = 0;
  let union = 0;
  for (let i = 0; i < mask.length; i++) {
    intersection += mask[i] & truth[i];
    union += mask[i] | truth[i];
  }
  return { intersection, union };
}

describe('the shipped model', () => {
  test('is the weights file the fixture was made from', () => {
    expect(createHash('sha256').update(weights).digest('hex')).toBe(fixture.weightsSha256);
  });

  test('records its held-out IoU, at least 0.85', () => {
    const recorded = Number(safetensorsMetadata(weights).held_out_iou);
    expect(recorded).toBeCloseTo(fixture.heldOutIoU, 3);
    expect(recorded).toBeGreaterThanOrEqual(0.85);
  });

  test('is a few MB at most', () => {
    expect(weights.length).toBeLessThan(4 * 1024 * 1024);
  });

  test('the demo manifest points at these weights and samples', () => {
    const manifest = JSON.parse(readFileSync(fromRepo('web/public/samples/cells.json'), 'utf8'));
    const model = new URL(manifest.model, fromRepo('web/public/samples/'));
    expect(model.href).toBe(fromRepo(fixture.weights).href);
    expect(manifest.samples.map((s) => s.image)).toEqual(samples.map((s) => `${s.name}.png`));
    for (const s of manifest.samples) {
      expect(readFileSync(fromRepo(`web/public/samples/${s.image}`)).length).toBeGreaterThan(0);
      expect(readFileSync(fromRepo(`web/public/samples/${s.truth}`)).length).toBeGreaterThan(0);
    }
  });
});

describe('poolkit.UNet on the samples', () => {
  let net;
  const outputs = new Map();
  beforeAll(async () => {
    await poolkit.ready();
    // A plain copy, so the loader sees a Uint8Array of exactly the file's bytes.
    net = await poolkit.UNet.fromSafetensors(new Uint8Array(weights));
    for (const s of samples) {
      const x = poolkit.tensor(toInput(s.input.values), s.input.shape);
      const y = net.forward(x);
      outputs.set(s.name, { shape: [...y.shape], logits: y.data, mask: argmax2(y.data) });
      x.dispose();
      y.dispose();
    }
  });
  afterAll(() => net?.dispose());

  describe.each(samples.map((s) => [s.name, s]))('%s', (_, s) => {
    test('gives logits of PyTorch\'s shape, within 1e-4 of their magnitude', () => {
      const { shape, logits } = outputs.get(s.name);
      expect(shape).toEqual(s.logits.shape);
      const expected = s.logits.values;
      const scale = expected.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
      let worst = 0;
      for (let i = 0; i < expected.length; i++) {
        worst = Math.max(worst, Math.abs(logits[i] - expected[i]));
      }
      expect(worst / scale).toBeLessThanOrEqual(1e-4);
    });

    test("gives PyTorch's mask, pixel for pixel", () => {
      const differing = [];
      outputs.get(s.name).mask.forEach((m, i) => m !== s.mask.values[i] && differing.push(i));
      expect(differing).toEqual([]);
    });

    test("scores PyTorch's IoU against the ground truth", () => {
      const { intersection, union } = iouCounts(outputs.get(s.name).mask, s.truth.values);
      expect({ intersection, union }).toEqual({ intersection: s.intersection, union: s.union });
      expect(intersection / union).toBe(s.iou);
    });
  });

  test('scores an IoU of at least 0.85 over the samples together', () => {
    const counts = samples.map((s) => iouCounts(outputs.get(s.name).mask, s.truth.values));
    const total = (key) => counts.reduce((sum, c) => sum + c[key], 0);
    expect(total('intersection') / total('union')).toBeGreaterThanOrEqual(0.85);
  });
});
