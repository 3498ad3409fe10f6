import * as poolkit from 'poolkit';
import { bits, bitsAnyNan, functionalName, loadCases } from './helpers/fixtures.js';

const { functional: F, nn } = poolkit;
// JSON has no infinity: the generator writes it as "Infinity".
const cases = loadCases('lp_pool').map((c) => ({
  ...c,
  options: { ...c.options, normType: Number(c.options.normType) },
}));
const valid = cases.filter((c) => !c.error && !c.poolkitRejects);
const refused = cases.filter((c) => c.error || c.poolkitRejects);
const MODULES = { lp_pool1d: 'LPPool1d', lp_pool2d: 'LPPool2d' };

beforeAll(() => poolkit.ready());

// PyTorch's x.pow(p) runs Sleef's vector powf on most elements and std::pow on the rest; poolkit
// uses std::pow throughout. p = 1, 2 and 0.5 need no pow at all (copy, x * x, sqrt), so those
// match bit for bit; other p within 1e-6 relative.
function expectPyTorch(got, c) {
  const want = c.output.values;
  if ([1, 2, 0.5].includes(c.options.normType)) {
    expect(bitsAnyNan(got)).toEqual(bitsAnyNan(want));
    return;
  }
  got.forEach((g, i) => {
    if (Number.isNaN(want[i])) expect(g).toBeNaN();
    else if (bits([g])[0] !== bits([want[i]])[0]) expect(Math.abs(g - want[i])).toBeLessThanOrEqual(1e-6 * Math.abs(want[i]));
  });
}

describe('matches PyTorch', () => {
  test.each(Object.keys(MODULES))('%s has at least 40 generated cases', (op) => {
    expect(valid.filter((c) => c.op === op).length).toBeGreaterThanOrEqual(40);
  });

  test.each(valid.map((c) => [c.name, c]))('%s', (_, c) => {
    const x = poolkit.tensor(c.input.values, c.input.shape);
    const out = F[functionalName(c.op)](x, c.options);
    expect(out.shape).toEqual(c.output.shape);
    expectPyTorch(out.data, c);
    const viaModule = new nn[MODULES[c.op]](c.options).forward(x);
    expectPyTorch(viaModule.data, c);
    for (const t of [x, out, viaModule]) t.dispose();
  });
});

describe('rejects what PyTorch rejects, and the norms it accepts but cannot mean', () => {
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
  const x = () => poolkit.tensor([[[3, -4, 1, 2]]]);

  test('p = 2 is the Euclidean norm of each window; p = 1 a signed sum', () => {
    expect(F.lpPool1d(x(), { normType: 2, kernelSize: 2 }).tolist()).toEqual([[[5, Math.fround(Math.sqrt(5))]]]);
    expect(F.lpPool1d(x(), { normType: 1, kernelSize: 2 }).tolist()).toEqual([[[-1, 3]]]);
  });

  test('nn modules take PyTorch positional order or an options object, and print like PyTorch', () => {
    expect(new nn.LPPool1d(2, 2).forward(x()).tolist()).toEqual([[[5, Math.fround(Math.sqrt(5))]]]);
    expect(new nn.LPPool1d({ normType: 1, kernelSize: 2, stride: 1 }).forward(x()).shape).toEqual([1, 1, 3]);
    expect(String(new nn.LPPool1d(2, 3))).toBe('LPPool1d(norm_type=2, kernel_size=3, stride=None, ceil_mode=False)');
    expect(String(new nn.LPPool2d(1.5, [2, 3], 1, true))).toBe(
      'LPPool2d(norm_type=1.5, kernel_size=(2, 3), stride=1, ceil_mode=True)',
    );
  });
});
