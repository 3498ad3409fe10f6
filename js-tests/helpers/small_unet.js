// Small seeded U-Nets for the tests that need a model of their own (a given depth, input
// channels and classes) rather than the trained one.
import { encodeSafetensors } from './safetensors.js';
import { seededTensors } from './seeded_weights.js';

const conv = (name, cin, cout, k = 3) => [[`${name}.weight`, [cout, cin, k, k]], [`${name}.bias`, [cout]]];

/** The state_dict layout of a 1-level U-Net: enc1 `width` wide, bottom twice that. */
export function oneLevelLayout(inChannels, classes, width = 8) {
  return [
    ...conv('enc1.0', inChannels, width), ...conv('enc1.2', width, width),
    ...conv('bottom.0', width, 2 * width), ...conv('bottom.2', 2 * width, 2 * width),
    ['up1.weight', [2 * width, width, 2, 2]], ['up1.bias', [width]],
    ...conv('dec1.0', 2 * width, width), ...conv('dec1.2', width, width),
    ...conv('out_conv', width, classes, 1),
  ];
}

/** The bytes of a seeded 1-level U-Net's .safetensors file, with `metadata` if given. */
export function oneLevelUNetFile({ inChannels = 1, classes = 3, seed = 5, metadata } = {}) {
  return encodeSafetensors(seededTensors(oneLevelLayout(inChannels, classes), seed), metadata);
}
