import * as poolkit from 'poolkit';
import { readFileSync } from 'node:fs';
import { bits, decodeTensor as decode, loadCases } from './helpers/fixtures.js';

const { functional: F } = poolkit;

beforeAll(() => poolkit.ready());

// cat's cases hold a list of tensors, which loadCases does not read.
const catCases = JSON.parse(readFileSync(new URL('./fixtures/cat.json', import.meta.url), 'utf8')).cases;

describe('cat matches torch.cat', () => {
  test.each(catCases.map((c) => [c.name, c]))('%s', (_, c) => {
    const tensors = c.tensors.map(decode).map((t) => poolkit.tensor(t.values, t.shape));
    if (c.error) {
      expect(() => F.cat(tensors, c.args.dim)).toThrow(/^cat: tensors must have the same shape except in dimension 1/);
      return;
    }
    const out = F.cat(tensors, c.args.dim);
    const expected = decode(c.output);
    expect(out.shape).toEqual(expected.shape);
    expect(bits(out.data)).toEqual(bits(expected.values));
  });

  test('bad arguments throw clear Errors', () => {
    const a = poolkit.tensor([1, 2], [2]);
    expect(() => F.cat([], 0)).toThrow('cat: tensors must be a non-empty array of poolkit Tensors');
    expect(() => F.cat([a, a], 1)).toThrow('cat: dim must be an integer in [-1, 0] for 1D tensors, got dim=1');
    expect(() => F.cat([a, poolkit.tensor(new Int32Array(2), [2])])).toThrow(
      'cat: every tensor must have the same dtype, got float32 for tensors[0] and int32 for tensors[1]',
    );
  });
});

describe('centerCrop matches the seed U-Net crop', () => {
  test.each(loadCases('center_crop').map((c) => [c.name, c]))('%s', (_, c) => {
    const out = F.centerCrop(poolkit.tensor(c.input.values, c.input.shape), c.options.outputSize);
    expect(out.shape).toEqual(c.output.shape);
    expect(bits(out.data)).toEqual(bits(c.output.values));
  });

  test('a crop larger than the input is an Error', () => {
    const x = poolkit.tensor(new Float32Array(12), [1, 3, 4]);
    expect(() => F.centerCrop(x, [4, 4])).toThrow(
      'centerCrop: outputSize must be between [1, 1] and the input size [3, 4], got outputSize=[4, 4]',
    );
  });
});
