// Issue 11: allocatedBytes was mallinfo's signed 32-bit field, negative past 2 GB.
import * as poolkit from 'poolkit';

beforeAll(() => poolkit.ready({ threads: 1 }));

test('memoryStats().allocatedBytes is right past 2 GB', () => {
  const before = poolkit.memoryStats().allocatedBytes;
  const count = 2 ** 29 + 2 ** 27; // 2.5 GiB of floats
  const big = poolkit.tensor(new Float32Array(count), [count]);
  const during = poolkit.memoryStats();
  expect(during.allocatedBytes - before).toBeGreaterThanOrEqual(count * 4);
  expect(during.allocatedBytes).toBeLessThanOrEqual(during.heapBytes);
  big.dispose();
  expect(poolkit.memoryStats().allocatedBytes).toBe(before);
});
