// Issue 11: tensors without elements may have huge extents, and cat summed them into a shape
// past 2^53, where JavaScript numbers no longer count exactly.
import * as poolkit from 'poolkit';

beforeAll(() => poolkit.ready({ threads: 1 }));

test('cat whose joined extent passes 2^53 - 1 is an Error naming cat', () => {
  const big = poolkit.tensor([], [0, 2 ** 53 - 1]);
  const one = poolkit.tensor([], [0, 1]);
  expect(() => poolkit.functional.cat([big, one], 1)).toThrow(
    'cat: dimension 1 of the output would have 9007199254740992 entries, more than 2^53 - 1',
  );
  const joined = poolkit.functional.cat([big, poolkit.tensor([], [0, 0])], 1);
  expect(joined.shape).toEqual([0, 2 ** 53 - 1]);
  for (const t of [big, one, joined]) t.dispose();
});
