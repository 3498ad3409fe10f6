// Issue 11: a UNet pass that is cancelled, disposed mid-way or too large for wasm memory frees
// everything and leaves the module working; deep models are refused at once.
import { readFileSync } from 'node:fs';
import * as poolkit from 'poolkit';
import { encodeSafetensors } from './helpers/safetensors.js';
import { seededTensors } from './helpers/seeded_weights.js';

const { UNet } = poolkit;
const fromRepo = (path) => new URL(`../${path}`, import.meta.url);
const cells = JSON.parse(readFileSync(fromRepo('js-tests/fixtures/trained_unet.json'), 'utf8'));
const cellWeights = readFileSync(fromRepo(cells.weights));

// The seed UNet's state_dict with every width 1: small files of any depth.
function narrowLayout(levels) {
  const conv = (name, cin, cout, k = 3) => [[`${name}.weight`, [cout, cin, k, k]], [`${name}.bias`, [cout]]];
  const layout = [];
  for (let i = 1; i <= levels; i++) layout.push(...conv(`enc${i}.0`, 1, 1), ...conv(`enc${i}.2`, 1, 1));
  layout.push(...conv('bottom.0', 1, 1), ...conv('bottom.2', 1, 1));
  for (let i = levels; i >= 1; i--) {
    layout.push([`up${i}.weight`, [1, 1, 2, 2]], [`up${i}.bias`, [1]]);
    layout.push(...conv(`dec${i}.0`, 2, 1), ...conv(`dec${i}.2`, 1, 1));
  }
  layout.push(...conv('out_conv', 1, 1, 1));
  return layout;
}

const allocated = () => poolkit.memoryStats().allocatedBytes;

let net;
let input;
let expected;
beforeAll(async () => {
  await poolkit.ready();
  net = await UNet.fromSafetensors(encodeSafetensors(seededTensors(narrowLayout(2), 7)));
  const values = new Float32Array(1 * 1 * 92 * 92).map((_, i) => Math.sin(i));
  input = poolkit.tensor(values, [1, 1, 92, 92]);
  const out = net.forward(input);
  expected = Array.from(out.data);
  out.dispose();
});

describe('cancellation', () => {
  test('an onProgress that throws stops the pass, forward throws its error, and nothing stays allocated', () => {
    const before = allocated();
    for (let i = 0; i < 3; i++) {
      const stages = [];
      const stop = new Error('stop here');
      expect(() =>
        net.forward(input, {
          onProgress: (stage) => {
            stages.push(stage);
            if (stage === 'bottom') throw stop;
          },
        }),
      ).toThrow(stop);
      expect(stages).toEqual(['enc1', 'enc2', 'bottom']);
    }
    expect(allocated()).toBe(before);
    expect(Array.from(net.forward(input).data)).toEqual(expected);
  });

  test('a signal fired during the pass stops it at the next stage with an AbortError', () => {
    const before = allocated();
    const controller = new AbortController();
    const stages = [];
    let caught;
    try {
      net.forward(input, {
        signal: controller.signal,
        onProgress: (stage) => {
          stages.push(stage);
          if (stage === 'enc1') controller.abort();
        },
      });
    } catch (error) {
      caught = error;
    }
    expect(caught?.name).toBe('AbortError');
    expect(stages).toEqual(['enc1']);
    expect(allocated()).toBe(before);
  });

  test('an already aborted signal throws its reason before any work', () => {
    const reason = new Error('user left the page');
    let calls = 0;
    expect(() =>
      net.forward(input, { signal: AbortSignal.abort(reason), onProgress: () => calls++ }),
    ).toThrow(reason);
    expect(calls).toBe(0);
    expect(() => net.forward(input, { signal: 'stop' })).toThrow(
      'UNet.forward: signal must be an AbortSignal (from an AbortController), got string',
    );
  });
});

describe('disposal during a pass', () => {
  test('disposing the model from onProgress takes effect when the pass returns', async () => {
    const own = await UNet.fromSafetensors(encodeSafetensors(seededTensors(narrowLayout(2), 7)));
    const out = own.forward(input, { onProgress: () => own.dispose() });
    expect(Array.from(out.data)).toEqual(expected);
    out.dispose();
    expect(own.isDisposed).toBe(true);
    expect(() => own.forward(input)).toThrow('UNet.forward: the model was disposed');
    // The next load and pass still work (the weights were freed once, not twice).
    expect(Array.from(net.forward(input).data)).toEqual(expected);
  });

  test('disposing the input from onProgress takes effect when the pass returns', () => {
    const before = allocated();
    const own = poolkit.tensor(input.data, input.shape);
    const out = net.forward(own, {
      onProgress: () => {
        own.dispose();
        // Memory the pass is reading must not be handed out again meanwhile.
        poolkit.tensor(new Float32Array(92 * 92).fill(1e6), [92, 92]).dispose();
      },
    });
    expect(Array.from(out.data)).toEqual(expected);
    out.dispose();
    expect(() => own.data).toThrow('disposed');
    expect(allocated()).toBe(before);
  });
});

describe('sizes', () => {
  test('an input whose activations cannot fit wasm memory is an Error naming the bytes, and frees everything', async () => {
    const cellNet = await UNet.fromSafetensors(cellWeights);
    const big = poolkit.tensor(new Float32Array(5004 * 5004), [1, 1, 5004, 5004]);
    const before = allocated();
    expect(() => cellNet.forward(big)).toThrow(
      /^UNet\.forward: the activation block needs [\d,]+ bytes, more than wasm memory can hold$/,
    );
    expect(allocated()).toBe(before);
    big.dispose();
    cellNet.dispose();
    expect(Array.from(net.forward(input).data)).toEqual(expected);
  });

  test('a model too deep for any input to fit is refused at load, at once, with the rule', async () => {
    const started = Date.now();
    await expect(UNet.fromSafetensors(encodeSafetensors(seededTensors(narrowLayout(28), 1)))).rejects.toThrow(
      "UNet.fromSafetensors: a 28-level UNet's smallest input is 3,221,225,468 x 3,221,225,468 pixels, more than wasm memory can hold; at most 11 levels (valid convolutions) can run",
    );
    expect(Date.now() - started).toBeLessThan(5000);
  });

  test('the nearest valid sizes of a deep model are named at once', async () => {
    const deep = await UNet.fromSafetensors(encodeSafetensors(seededTensors(narrowLayout(11), 1)));
    const started = Date.now();
    expect(() => deep.forward(poolkit.tensor(new Float32Array(100 * 100), [1, 1, 100, 100]))).toThrow(
      'UNet.forward: input height 100 does not fit this 11-level UNet (valid convolutions): the smallest valid size is 24572',
    );
    expect(Date.now() - started).toBeLessThan(5000);
    deep.dispose();
  });
});

test('UNet implements Symbol.dispose where the runtime has it', () => {
  if (!Symbol.dispose) return;
  expect(UNet.prototype[Symbol.dispose]).toBe(UNet.prototype.dispose);
});
