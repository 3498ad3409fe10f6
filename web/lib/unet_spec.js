// Reads the shape of a seed U-Net from the tensors of its state_dict: the depth from the enc<i>
// keys, the widths and the in/out channels from the shapes. The wasm module then lists every
// tensor such a model has (unetLayout, in C++ next to the forward pass that uses them), and the
// file must hold exactly those, each with its shape.
const show = (shape) => `[${shape.join(', ')}]`;

function shapeOf(op, tensors, key, what) {
  const t = tensors.get(key);
  if (!t) throw new Error(`${op}: missing tensor ${key} (${what})`);
  if (t.shape.length !== 4) {
    throw new Error(`${op}: tensor ${key} has shape ${show(t.shape)}, but a convolution weight is 4D`);
  }
  return t.shape;
}

/** The widths of the UNet whose state_dict holds `tensors` (a Map key -> {shape}). */
export function inferUNetSpec(op, tensors, samePadding) {
  let levels = 0;
  while (tensors.has(`enc${levels + 1}.0.weight`)) levels++;
  if (levels === 0) {
    throw new Error(`${op}: missing tensor enc1.0.weight: this is not a state_dict of the seed UNet (enc1..encN, bottom, upN..up1, decN..dec1, out_conv)`);
  }
  const range = Array.from({ length: levels }, (_, i) => i + 1);
  const level = (i) => `level ${i} of ${levels}`;
  return {
    inChannels: shapeOf(op, tensors, 'enc1.0.weight', 'the first convolution')[1],
    outChannels: shapeOf(op, tensors, 'out_conv.weight', 'the output convolution')[0],
    encoder: range.map((i) => shapeOf(op, tensors, `enc${i}.0.weight`, level(i))[0]),
    bottom: shapeOf(op, tensors, 'bottom.0.weight', 'the bottom block')[0],
    up: range.map((i) => shapeOf(op, tensors, `up${i}.weight`, `the up-convolution of ${level(i)}`)[1]),
    decoder: range.map((i) => shapeOf(op, tensors, `dec${i}.0.weight`, `the decoder of ${level(i)}`)[0]),
    samePadding,
  };
}

/**
 * Checks `tensors` against the layout (the [{key, shape}] a model of `spec` needs): nothing
 * unexpected, nothing missing, every shape right.
 */
export function checkUNetTensors(op, tensors, spec, layout) {
  const expected = new Map(layout.map((t) => [t.key, t.shape]));
  const levels = spec.encoder.length;
  for (const key of tensors.keys()) {
    if (!expected.has(key)) {
      throw new Error(`${op}: unexpected tensor ${key}: a seed UNet with ${levels} level${levels > 1 ? 's' : ''} (enc1..enc${levels}, since enc${levels + 1}.0.weight is absent) has no such key`);
    }
  }
  for (const { key, shape } of layout) {
    const t = tensors.get(key);
    if (!t) throw new Error(`${op}: missing tensor ${key} of shape ${show(shape)}`);
    if (show(t.shape) !== show(shape)) {
      throw new Error(`${op}: tensor ${key} has shape ${show(t.shape)}, but this UNet needs ${show(shape)} there (widths read from the file: encoder ${show(spec.encoder)}, bottom ${spec.bottom}, up ${show(spec.up)}, decoder ${show(spec.decoder)})`);
    }
  }
}
