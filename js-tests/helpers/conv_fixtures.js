// The PyTorch fixture checks conv2d and convTranspose2d share: every accepted case within 1e-5
// of the output's magnitude, every rejected one an Error starting with the op's name.
import * as poolkit from 'poolkit';
import { relativeError } from './close.js';
import { loadCasesWithTensors } from './fixtures.js';

/** A fixture tensor (or null) as a poolkit tensor. */
export const make = (t) => t && poolkit.tensor(t.values, t.shape);

/**
 * Declares the fixture tests of `fixture` (e.g. 'conv_transpose2d') for functional `op`;
 * returns the accepted cases, for tests of the nn module.
 */
export function describeConvFixtures(fixture, op) {
  const cases = loadCasesWithTensors(fixture, ['weight', 'bias']);
  const valid = cases.filter((c) => !c.error);
  const rejected = cases.filter((c) => c.error);
  const conv = (...args) => poolkit.functional[op](...args);

  describe('matches PyTorch within 1e-5 of the output magnitude', () => {
    test('there are at least 40 generated cases', () => {
      expect(valid.length).toBeGreaterThanOrEqual(40);
    });

    test.each(valid.map((c) => [c.name, c]))('%s', (_, c) => {
      const [x, w, b] = [make(c.input), make(c.weight), make(c.bias)];
      const out = conv(x, w, b, c.options);
      expect(out.shape).toEqual(c.output.shape);
      expect(relativeError(out.data, c.output.values)).toBeLessThanOrEqual(1e-5);
      for (const t of [x, w, b, out]) t?.dispose();
    });
  });

  describe('rejects what PyTorch rejects', () => {
    test.each(rejected.map((c) => [c.name, c.error, c]))('%s (PyTorch: %s)', (_, __, c) => {
      const [x, w, b] = [make(c.input), make(c.weight), make(c.bias)];
      expect(() => conv(x, w, b, c.options)).toThrow(new RegExp(`^${op}: `));
      for (const t of [x, w, b]) t?.dispose();
    });
  });
  return valid;
}
