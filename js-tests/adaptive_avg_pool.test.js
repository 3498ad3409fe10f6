import * as poolkit from 'poolkit';
import { bitsAnyNan, functionalName, loadCases } from './helpers/fixtures.js';

const { functional: F, nn } = poolkit;
const cases = loadCases('adaptive_avg_pool');
const valid = cases.filter((c) => !c.error && !c.poolkitRejects);
const refused = cases.filter((c) => c.error || c.poolkitRejects);
const MODULES = {
  adaptive_avg_pool1d: 'AdaptiveAvgPool1d',
  adaptive_avg_pool2d: 'AdaptiveAvgPool2d',
  adaptive_avg_pool3d: 'AdaptiveAvgPool3d',
};

beforeAll(() => poolkit.ready());

describe('matches PyTorch bit for bit (NaN payloads aside), the mean path included', () => {
  test.each(Object.keys(MODULES))('%s has at least 40 generated cases', (op) => {
    expect(valid.filter((c) => c.op === op).length).toBeGreaterThanOrEqual(40);
  });

  test.each(valid.map((c) => [c.name, c]))('%s', (_, c) => {
    const x = poolkit.tensor(c.input.values, c.input.shape);
    const out = F[functionalName(c.op)](x, c.options);
    expect(out.shape).toEqual(c.output.shape);
    expect(bitsAnyNan(out.data)).toEqual(bitsAnyNan(c.output.values));
    const viaModule = new nn[MODULES[c.op]](c.options.outputSize).forward(x);
    expect(bitsAnyNan(viaModule.data)).toEqual(bitsAnyNan(c.output.values));
    for (const t of [x, out, viaModule]) t.dispose();
  });
});

describe('rejects what PyTorch rejects, and the nonsense it accepts', () => {
  test.each(refused.map((c) => [c.name, c.error ?? `PyTorch accepts; ${c.poolkitRejects}`, c]))(
    '%s (%s)',
    (_, __, c) => {
      const x = poolkit.tensor(c.input.values, c.input.shape);
      const op = functionalName(c.op);
      expect(() => F[op](x, c.options)).toThrow(new RegExp(`^${op}: `));
      x.dispose();
    },
  );
});

describe('the API forms', () => {
  const ramp = (shape) => poolkit.tensor(new Float32Array(shape.reduce((a, b) => a * b)).map((_, i) => i), shape);

  test('outputSize shorthand, with null keeping the input size', () => {
    const x = ramp([1, 2, 4]);
    expect(F.adaptiveAvgPool2d(x, 1).tolist()).toEqual([[[3.5]]]);
    expect(F.adaptiveAvgPool2d(x, [null, 2]).tolist()).toEqual([[[0.5, 2.5], [4.5, 6.5]]]);
    expect(F.adaptiveAvgPool2d(x, { outputSize: [1, null] }).shape).toEqual([1, 1, 4]);
    expect(F.adaptiveAvgPool1d(ramp([2, 4]), 2).tolist()).toEqual([[0.5, 2.5], [4.5, 6.5]]);
    expect(F.adaptiveAvgPool3d(ramp([1, 1, 2, 2, 2]), 1).shape).toEqual([1, 1, 1, 1, 1]);
  });

  test('nn modules take the output size or an options object, and print like PyTorch', () => {
    expect(new nn.AdaptiveAvgPool2d({ outputSize: 1 }).forward(ramp([1, 2, 4])).tolist()).toEqual([[[3.5]]]);
    expect(String(new nn.AdaptiveAvgPool1d(3))).toBe('AdaptiveAvgPool1d(output_size=3)');
    expect(String(new nn.AdaptiveAvgPool2d([null, 7]))).toBe('AdaptiveAvgPool2d(output_size=(None, 7))');
    expect(String(new nn.AdaptiveAvgPool3d(1))).toBe('AdaptiveAvgPool3d(output_size=1)');
  });
});
