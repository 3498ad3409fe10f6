// poolkit.tidy, as TensorFlow.js users know tf.tidy: every tensor made inside is disposed when
// fn returns, except the tensors it returns.
import * as poolkit from 'poolkit';

const { functional: F } = poolkit;

const allocated = () => poolkit.memoryStats().allocatedBytes;
const ramp = () => poolkit.tensor(new Float32Array(16).map((_, i) => i + 1), [1, 1, 4, 4]);

beforeAll(async () => {
  await poolkit.ready();
  // The first call of an op may set up state that lives on; keep it out of the baselines.
  const input = ramp();
  const relu = F.relu(input);
  const pooled = F.maxPool2d(relu, 2);
  for (const t of [input, relu, pooled]) t.dispose();
});

test('20,000 ops inside tidy leave wasm memory at its baseline, and the returned tensor survives', () => {
  const input = ramp();
  const baseline = allocated();
  const kept = poolkit.tidy(() => {
    let last = null;
    for (let i = 0; i < 20000; i++) {
      const relu = F.relu(input);
      last = F.maxPool2d(relu, { kernelSize: 2, stride: 2 });
    }
    return last;
  });
  expect(kept.isDisposed).toBe(false);
  expect(kept.tolist()).toEqual([[[[6, 8], [14, 16]]]]);
  expect(input.isDisposed).toBe(false); // made before tidy: not tidy's to dispose
  kept.dispose();
  expect(allocated()).toBe(baseline);
  input.dispose();
});

test('tensors in returned arrays and objects are kept, the rest disposed', () => {
  const baseline = allocated();
  let scratch;
  const { pair, nested } = poolkit.tidy(() => {
    scratch = poolkit.tensor([1, 2], [2]);
    const [out, indices] = F.maxPool2d(ramp(), { kernelSize: 2, returnIndices: true });
    return { pair: [out, indices], nested: { deeper: [[poolkit.tensor([5], [1])]] }, label: 'x' };
  });
  expect(scratch.isDisposed).toBe(true);
  expect(pair[0].tolist()).toEqual([[[[6, 8], [14, 16]]]]);
  expect(pair[1].tolist()).toEqual([[[[5, 7], [13, 15]]]]);
  expect(nested.deeper[0][0].tolist()).toEqual([5]);
  for (const t of [...pair, nested.deeper[0][0]]) t.dispose();
  expect(allocated()).toBe(baseline);
});

test('nested tidy: the inner result belongs to the outer scope', () => {
  const baseline = allocated();
  let inner;
  let innerScratch;
  const outer = poolkit.tidy(() => {
    inner = poolkit.tidy(() => {
      innerScratch = poolkit.tensor([1], [1]);
      return poolkit.tensor([2], [1]);
    });
    expect(innerScratch.isDisposed).toBe(true);
    expect(inner.isDisposed).toBe(false);
    return poolkit.tensor([3], [1]);
  });
  expect(inner.isDisposed).toBe(true); // the outer fn did not return it
  expect(outer.tolist()).toEqual([3]);
  outer.dispose();
  expect(allocated()).toBe(baseline);
});

test('a tensor the outer scope returns survives both scopes', () => {
  const baseline = allocated();
  const kept = poolkit.tidy(() => poolkit.tidy(() => poolkit.tensor([4, 5], [2])));
  expect(kept.tolist()).toEqual([4, 5]);
  kept.dispose();
  expect(allocated()).toBe(baseline);
});

test('when fn throws, everything made inside is disposed and the error rethrown', () => {
  const baseline = allocated();
  let made;
  const failure = new Error('boom');
  expect(() => poolkit.tidy(() => {
    made = F.relu(ramp());
    throw failure;
  })).toThrow(failure);
  expect(made.isDisposed).toBe(true);
  expect(allocated()).toBe(baseline);
});

test('an op error inside tidy leaks nothing either', () => {
  const baseline = allocated();
  expect(() => poolkit.tidy(() => F.maxPool2d(ramp(), { kernelSize: 9 }))).toThrow(/^maxPool2d: /);
  expect(allocated()).toBe(baseline);
});

test('fn returning a Promise is an Error, and what it made synchronously is disposed', async () => {
  const baseline = allocated();
  let made;
  expect(() => poolkit.tidy(async () => {
    made = poolkit.tensor([1, 2, 3], [3]);
    return made;
  })).toThrow(new Error('tidy: fn must be synchronous, but it returned a Promise; dispose tensors yourself around an await'));
  expect(made.isDisposed).toBe(true);
  expect(allocated()).toBe(baseline);
  // An async fn that later rejects must not surface as an unhandled rejection.
  expect(() => poolkit.tidy(async () => { throw new Error('later'); })).toThrow(/^tidy: fn must be synchronous/);
  await new Promise((resolve) => setTimeout(resolve, 10));
});

test('tidy needs a function', () => {
  expect(() => poolkit.tidy(42)).toThrow(new Error('tidy: fn must be a function, got number 42'));
});

test('disposing inside tidy is fine, and tensors made after tidy are not touched', () => {
  const result = poolkit.tidy(() => {
    const t = poolkit.tensor([1], [1]);
    t.dispose();
    return 'done';
  });
  expect(result).toBe('done');
  const after = poolkit.tensor([9], [1]);
  poolkit.tidy(() => {});
  expect(after.tolist()).toEqual([9]);
  after.dispose();
});
