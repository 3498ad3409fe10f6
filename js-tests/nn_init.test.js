// After manualSeed(s), nn.Conv2d and nn.ConvTranspose2d hold PyTorch's initial weights for
// torch.manual_seed(s), bit for bit (js-tests/fixtures/nn_init.json).
import * as poolkit from 'poolkit';
import { bits, decodeTensor, loadFixture } from './helpers/fixtures.js';

beforeAll(() => poolkit.ready());

test.each(loadFixture('nn_init').cases.map((c) => [c.name, c]))('%s', (_, c) => {
  poolkit.manualSeed(c.seed);
  const module = new poolkit.nn[c.module](...c.args);
  const weight = decodeTensor(c.weight);
  expect(module.weight.shape).toEqual(weight.shape);
  expect(bits(module.weight.data)).toEqual(bits(weight.values));
  if (c.bias) {
    expect(bits(module.bias.data)).toEqual(bits(decodeTensor(c.bias).values));
  } else {
    expect(module.bias).toBeNull();
  }
});
