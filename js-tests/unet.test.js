import * as poolkit from 'poolkit';
import { readFileSync } from 'node:fs';
import { relativeError } from './helpers/close.js';
import { bits, decodeTensor } from './helpers/fixtures.js';
import { decodeSafetensors, encodeSafetensors, rawSafetensors } from './helpers/safetensors.js';
import { seededTensors, Xorshift32 } from './helpers/seeded_weights.js';

const { UNet } = poolkit;
const fixture = JSON.parse(readFileSync(new URL('./fixtures/unet.json', import.meta.url), 'utf8'));
const small = fixture.cases.filter((c) => c.weights);
const full = fixture.cases.find((c) => c.seeded_weights);
const weightsFile = (name) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const tensorOf = (t) => {
  const { values, shape } = decodeTensor(t);
  return poolkit.tensor(values, shape);
};

beforeAll(() => poolkit.ready());

describe('matches PyTorch within 1e-4 of the output magnitude', () => {
  test.each(small.map((c) => [c.name, c]))('%s', async (_, c) => {
    const net = await UNet.fromSafetensors(weightsFile(c.weights), { padding: c.padding });
    expect(net.levels).toBe(c.levels);
    const x = tensorOf(c.input);
    const out = net.forward(x);
    expect(out.shape).toEqual(c.output.shape);
    expect(relativeError(out.data, decodeTensor(c.output).values)).toBeLessThanOrEqual(1e-4);
    for (const t of [x, out, net]) t.dispose();
  });

  test('the seeded weights are made exactly as scripts/unet/seeded_weights.py makes them', () => {
    const rng = new Xorshift32(full.seeded_weights.seed);
    expect([0, 1, 2, 3].map(() => rng.nextUint32())).toEqual(full.seeded_weights.first_uint32);
    const [first] = seededTensors(full.layout.slice(0, 1), full.seeded_weights.seed);
    expect(bits(first.data.slice(0, 16))).toEqual(bits(decodeTensor(full.seeded_weights.first_weights).values));
  });

  test('the full-width seed UNet (7.7M parameters) on 1x1x188x188', async () => {
    const tensors = seededTensors(full.layout, full.seeded_weights.seed);
    expect(tensors.reduce((n, t) => n + t.data.length, 0)).toBe(full.parameters);
    const net = await UNet.fromSafetensors(encodeSafetensors(tensors));
    expect(net.widths).toEqual({ encoder: [64, 128, 256], bottom: 512, up: [64, 128, 256], decoder: [64, 128, 256] });
    const x = tensorOf(full.input);
    const out = net.forward(x);
    expect(out.shape).toEqual([1, 2, 100, 100]);
    expect(relativeError(out.data, decodeTensor(full.output).values)).toBeLessThanOrEqual(1e-4);
    for (const t of [x, out, net]) t.dispose();
  });
});

describe('the model', () => {
  let net;
  beforeAll(async () => {
    net = await UNet.fromSafetensors(weightsFile('unet/levels3-base6.safetensors'));
  });
  afterAll(() => net.dispose());
  const input = (shape) => poolkit.tensor(new Float32Array(shape.reduce((a, b) => a * b, 1)).map((_, i) => Math.sin(i)), shape);

  test('describes itself', () => {
    expect([net.levels, net.inChannels, net.outChannels, net.padding]).toEqual([3, 3, 3, 'valid']);
    expect(String(net)).toBe('UNet(levels=3, in_channels=3, out_channels=3, encoder=(6, 12, 24), bottom=48, padding=valid)');
  });

  test('reports progress after every stage, by the fraction of multiply-adds done', () => {
    const seen = [];
    net.forward(input([1, 3, 92, 92]), { onProgress: (stage, fraction) => seen.push([stage, fraction]) }).dispose();
    expect(seen.map(([stage]) => stage)).toEqual(
      ['enc1', 'enc2', 'enc3', 'bottom', 'up3', 'dec3', 'up2', 'dec2', 'up1', 'dec1', 'out_conv'],
    );
    const fractions = seen.map(([, f]) => f);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions[0]).toBeGreaterThan(0.1); // enc1 is the most expensive stage
    expect(fractions.at(-1)).toBe(1);
  });

  test('takes unbatched input like PyTorch', () => {
    const c = small.find((s) => s.weights === 'unet/levels3-base6.safetensors');
    const { values, shape } = decodeTensor(c.input);
    const out = net.forward(poolkit.tensor(values, shape.slice(1)));
    expect(out.shape).toEqual(c.output.shape.slice(1));
    expect(relativeError(out.data, decodeTensor(c.output).values)).toBeLessThanOrEqual(1e-4);
  });

  test.each([
    [[1, 3, 100, 110], 'UNet.forward: input width 110 does not fit this 3-level UNet (valid convolutions): the nearest valid sizes are 108 and 116. Valid sizes are S % 8 == 4 and S >= 92, giving S - 88 outputs'],
    [[1, 3, 68, 92], 'UNet.forward: input height 68 does not fit this 3-level UNet (valid convolutions): the smallest valid size is 92. Valid sizes are S % 8 == 4 and S >= 92, giving S - 88 outputs'],
    [[1, 1, 92, 92], 'UNet.forward: input must have 3 channels (the in-channels of enc1.0), got input of shape [1, 1, 92, 92]'],
    [[92, 92], 'UNet.forward: input must be 3D or 4D (C, H, W) or (N, C, H, W), got a 2D tensor of shape [92, 92]'],
  ])('input of shape %j is an Error naming the rule', (shape, message) => {
    expect(() => net.forward(input(shape))).toThrow(new Error(message));
  });

  test('a forward pass and its errors leak no wasm memory', () => {
    const [x, bad] = [input([1, 3, 92, 100]), input([1, 3, 92, 98])];
    net.forward(x).dispose();
    const before = poolkit.memoryStats().allocatedBytes;
    for (let i = 0; i < 5; i++) {
      net.forward(x).dispose();
      expect(() => net.forward(bad)).toThrow(Error);
    }
    expect(poolkit.memoryStats().allocatedBytes).toBeLessThanOrEqual(before);
  });
});

test('loading and disposing leaks nothing, and a disposed model says so', async () => {
  const bytes = weightsFile('unet/levels2-base4.safetensors');
  (await UNet.fromSafetensors(bytes)).dispose();
  const before = poolkit.memoryStats().allocatedBytes;
  const net = await UNet.fromSafetensors(bytes);
  net.dispose();
  net.dispose();
  expect(net.isDisposed).toBe(true);
  expect(poolkit.memoryStats().allocatedBytes).toBeLessThanOrEqual(before);
  expect(() => net.forward(poolkit.tensor(new Float32Array(44 * 44), [1, 1, 44, 44]))).toThrow('UNet.forward: the model was disposed');
});

describe('damaged or foreign .safetensors files are Errors naming the problem', () => {
  const good = decodeSafetensors(weightsFile('unet/levels2-base4.safetensors'));
  const headerOf = (tensors) => {
    let offset = 0;
    return Object.fromEntries(tensors.map((t) => {
      const entry = [t.key, { dtype: t.dtype, shape: t.shape, data_offsets: [offset, offset + t.data.length] }];
      offset += t.data.length;
      return entry;
    }));
  };
  const dataOf = (tensors) => encodeSafetensors(tensors).subarray(8 + new DataView(encodeSafetensors(tensors).buffer).getUint32(0, true));
  // The good file with its header changed by `edit` (data unchanged).
  const edited = (edit) => {
    const header = headerOf(good);
    edit(header);
    return rawSafetensors(header, dataOf(good));
  };
  const without = (...keys) => encodeSafetensors(good.filter((t) => !keys.some((k) => t.key.startsWith(k))));
  const load = (bytes, options) => UNet.fromSafetensors(bytes, options);
  const total = dataOf(good).length;

  test.each([
    ['the file is too short', new Uint8Array(5), 'the file is 5 bytes, too short for the 8-byte header length'],
    ['the header length runs past the end', rawSafetensors({}, new Uint8Array(0), 4000), 'the header length 4000 runs past the end of the file (10 bytes): not a .safetensors file, or a truncated one'],
    ['the header is not JSON', rawSafetensors('{"enc1.0.weight": {'), /^UNet\.fromSafetensors: the header is not valid JSON \(/],
    ['the header is an array', rawSafetensors('[1, 2]'), 'the header must be a JSON object of tensors, got an array'],
    ['the header is not UTF-8', rawSafetensors('{"\udcff": 1}'.replace('\udcff', 'x')).map((b, i) => (i === 10 ? 0xff : b)), 'the header is not valid UTF-8'],
    ['metadata that is not strings', edited((h) => { h.__metadata__ = { format: 1 }; }), '__metadata__ must be an object of strings, got {"format":1}'],
    ['a tensor without a description', edited((h) => { h['up1.bias'] = 7; }), 'tensor up1.bias must be described by {dtype, shape, data_offsets}, got 7'],
    ['a dtype other than F32, F16, BF16', edited((h) => { h['up1.bias'].dtype = 'F64'; }), 'tensor up1.bias has dtype "F64"; poolkit reads F32, and converts F16 and BF16 to F32'],
    ['an unknown dtype', edited((h) => { h['up1.bias'].dtype = 'float'; }), 'tensor up1.bias has dtype "float" (not a safetensors dtype); poolkit reads F32, and converts F16 and BF16 to F32'],
    ['a bad shape', edited((h) => { h['dec2.0.bias'].shape = [-8]; }), 'tensor dec2.0.bias has shape [-8]; a shape is an array of non-negative integers'],
    ['offsets past the end of the data', edited((h) => { h['out_conv.bias'].data_offsets = [total, total + 8]; }),
      `tensor out_conv.bias has data_offsets [${total},${total + 8}], past the end of the data (${total} bytes)`],
    ['offsets that do not match the shape', edited((h) => { h['out_conv.bias'].shape = [3]; }),
      `tensor out_conv.bias has data_offsets [${total - 8},${total}] (8 bytes), but shape [3] of F32 needs 12 bytes`],
    ['overlapping tensors', edited((h) => { h['enc1.0.bias'].data_offsets = [0, 16]; }), 'tensors enc1.0.bias [0, 16] and enc1.0.weight [0, 144] overlap in the data'],
    // JSON keeps the last of two equal keys, here one pointing into another tensor.
    ['a key written twice', rawSafetensors(`${JSON.stringify(headerOf(good)).slice(0, -1)},"out_conv.bias":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}`, dataOf(good)),
      'tensors out_conv.bias [0, 8] and enc1.0.weight [0, 144] overlap in the data'],
    ['bytes in the middle that belong to no tensor', edited((h) => { delete h['enc2.0.bias']; }), /^UNet\.fromSafetensors: bytes \[\d+, \d+\) of the data, before tensor enc2\.2\.weight, belong to no tensor \(a key written twice\?\)$/],
    ['bytes at the end that belong to no tensor', rawSafetensors(headerOf(good), new Uint8Array([...dataOf(good), 0, 0, 0, 0])), 'the last 4 bytes of the data belong to no tensor'],
    ['not a UNet at all', encodeSafetensors([{ key: 'fc.weight', shape: [2], data: new Float32Array(2) }]), 'missing tensor enc1.0.weight: this is not a state_dict of the seed UNet (enc1..encN, bottom, upN..up1, decN..dec1, out_conv)'],
    ['a missing tensor', without('dec1.2.bias'), 'missing tensor dec1.2.bias of shape [4]'],
    ['a missing tensor needed to read the widths', without('bottom.0.weight'), 'missing tensor bottom.0.weight (the bottom block)'],
    ['an extra tensor', encodeSafetensors([...good, { key: 'dec1.1.weight', shape: [1], data: new Float32Array(1) }]),
      'unexpected tensor dec1.1.weight: a seed UNet with 2 levels (enc1..enc2, since enc3.0.weight is absent) has no such key'],
    ['a missing level', without('enc2.'), 'unexpected tensor up2.weight: a seed UNet with 1 level (enc1..enc1, since enc2.0.weight is absent) has no such key'],
    ['a weight that is not 4D', edited((h) => { h['enc1.0.weight'].shape = [4, 9]; }), 'tensor enc1.0.weight has shape [4, 9], but a convolution weight is 4D'],
    ['a shape that does not fit the UNet', edited((h) => { h['dec1.0.weight'].shape = [4, 8, 9, 1]; }),
      'tensor dec1.0.weight has shape [4, 8, 9, 1], but this UNet needs [4, 8, 3, 3] there (widths read from the file: encoder [4, 8], bottom 16, up [4, 8], decoder [4, 8])'],
  ])('%s', async (_, bytes, message) => {
    const expected = typeof message === 'string' ? new Error(`UNet.fromSafetensors: ${message}`) : message;
    await expect(load(bytes)).rejects.toThrow(expected);
  });

  test('bad arguments', async () => {
    await expect(load('model.safetensors')).rejects.toThrow(
      'UNet.fromSafetensors: bytes must be an ArrayBuffer or a Uint8Array holding a .safetensors file, got string',
    );
    const bytes = weightsFile('unet/levels2-base4.safetensors');
    await expect(load(bytes, { padding: 1 })).rejects.toThrow("UNet.fromSafetensors: padding must be 'valid' or 'same', got 1");
    await expect(load(bytes, { onProgress: 'yes' })).rejects.toThrow('UNet.fromSafetensors: onProgress must be a function (stage, fraction), got string');
    await expect(load(bytes, { skip: 'crop' })).rejects.toThrow(/^UNet\.fromSafetensors: unknown option skip/);
  });

  test('failed loads leak no wasm memory', async () => {
    const before = poolkit.memoryStats().allocatedBytes;
    for (let i = 0; i < 20; i++) await expect(load(without('dec1.2.bias'))).rejects.toThrow(Error);
    expect(poolkit.memoryStats().allocatedBytes).toBeLessThanOrEqual(before);
  });
});
