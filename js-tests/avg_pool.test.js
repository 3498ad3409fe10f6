import * as poolkit from 'poolkit';
import { bitsAnyNan, functionalName, loadCases } from './helpers/fixtures.js';

const { functional: F, nn } = poolkit;
const cases = loadCases('avg_pool');
const valid = cases.filter((c) => !c.error);
const rejected = cases.filter((c) => c.error);
const MODULES = { avg_pool1d: 'AvgPool1d', avg_pool2d: 'AvgPool2d', avg_pool3d: 'AvgPool3d' };

beforeAll(() => poolkit.ready());

describe('matches PyTorch bit for bit (NaN payloads aside)', () => {
  test.each(Object.keys(MODULES))('%s has at least 40 generated cases', (op) => {
    expect(valid.filter((c) => c.op === op).length).toBeGreaterThanOrEqual(40);
  });

  test.each(valid.map((c) => [c.name, c]))('%s', (_, c) => {
    const x = poolkit.tensor(c.input.values, c.input.shape);
    const out = F[functionalName(c.op)](x, c.options);
    expect(out.shape).toEqual(c.output.shape);
    expect(bitsAnyNan(out.data)).toEqual(bitsAnyNan(c.output.values));
    const viaModule = new nn[MODULES[c.op]](c.options).forward(x);
    expect(bitsAnyNan(viaModule.data)).toEqual(bitsAnyNan(c.output.values));
    for (const t of [x, out, viaModule]) t.dispose();
  });
});

describe('rejects what PyTorch rejects', () => {
  test.each(rejected.map((c) => [c.name, c.error, c]))('%s (PyTorch: %s)', (_, __, c) => {
    const x = poolkit.tensor(c.input.values, c.input.shape);
    const op = functionalName(c.op);
    expect(() => F[op](x, c.options)).toThrow(new RegExp(`^${op}: `));
    x.dispose();
  });
});

describe('the API forms', () => {
  const ramp = (shape) => poolkit.tensor(new Float32Array(shape.reduce((a, b) => a * b)).map((_, i) => i), shape);

  test('a number is shorthand for {kernelSize}, and stride defaults to it', () => {
    expect(F.avgPool1d(ramp([1, 1, 4]), 2).tolist()).toEqual([[[0.5, 2.5]]]);
    expect(F.avgPool2d(ramp([1, 4, 4]), 2).tolist()).toEqual([[[2.5, 4.5], [10.5, 12.5]]]);
    expect(F.avgPool3d(ramp([1, 2, 2, 2]), [2, 2, 2]).tolist()).toEqual([[[[3.5]]]]);
  });

  test('countIncludePad and divisorOverride change the divisor as in PyTorch', () => {
    const ones = poolkit.tensor(new Float32Array(9).fill(1), [1, 3, 3]);
    // The corner window holds 4 values of the input and 5 of padding.
    expect(F.avgPool2d(ones, { kernelSize: 3, stride: 3, padding: 1 }).data[0]).toBeCloseTo(4 / 9);
    expect(F.avgPool2d(ones, { kernelSize: 3, stride: 3, padding: 1, countIncludePad: false }).data[0]).toBe(1);
    expect(F.avgPool2d(ones, { kernelSize: 3, stride: 3, padding: 1, divisorOverride: 2 }).data[0]).toBe(2);
  });

  test('nn modules take (kernelSize, options), an options object or positional arguments', () => {
    const x = ramp([1, 1, 4, 4]);
    const expected = [[[[2.5, 4.5], [10.5, 12.5]]]];
    expect(new nn.AvgPool2d(2).forward(x).tolist()).toEqual(expected);
    expect(new nn.AvgPool2d(2, { stride: 2 }).forward(x).tolist()).toEqual(expected);
    expect(new nn.AvgPool2d({ kernelSize: 2 }).forward(x).tolist()).toEqual(expected);
    // (kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override)
    expect(new nn.AvgPool2d(2, 2, 0, false, true, 1).forward(x).tolist()).toEqual([[[[10, 18], [42, 50]]]]);
    expect(new nn.AvgPool1d(2, null, 0, false, true).forward(ramp([1, 4])).tolist()).toEqual([[0.5, 2.5]]);
  });

  test('nn modules print like PyTorch', () => {
    expect(String(new nn.AvgPool1d(3))).toBe('AvgPool1d(kernel_size=(3,), stride=(3,), padding=(0,))');
    expect(String(new nn.AvgPool1d(3, 2, 1, true, false))).toBe('AvgPool1d(kernel_size=(3,), stride=(2,), padding=(1,))');
    expect(String(new nn.AvgPool2d(2))).toBe('AvgPool2d(kernel_size=2, stride=2, padding=0)');
    expect(String(new nn.AvgPool2d([3, 2], { padding: 1, ceilMode: true, divisorOverride: 3 }))).toBe(
      'AvgPool2d(kernel_size=(3, 2), stride=(3, 2), padding=1)',
    );
    expect(String(new nn.AvgPool3d(2, 1))).toBe('AvgPool3d(kernel_size=2, stride=1, padding=0)');
  });
});
