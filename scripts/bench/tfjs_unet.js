// The seed U-Net built from TensorFlow.js ops, with the same weights as the others: the fair
// way to give TensorFlow.js the model (NHWC, fused conv + bias + ReLU).
export function tfjsUNet(tf, w) {
  const levels = Object.keys(w).filter((k) => /^enc\d+\.0\.weight$/.test(k)).length;
  // PyTorch's Conv2d weight is (out, in, kH, kW); TensorFlow wants (kH, kW, in, out). A
  // ConvTranspose2d weight (in, out, kH, kW) becomes (kH, kW, out, in), as conv2dTranspose wants.
  const hwio = (name) => tf.transpose(w[`${name}.weight`], [2, 3, 1, 0]);
  const filters = {};
  for (const key of Object.keys(w)) {
    if (key.endsWith('.weight')) filters[key.slice(0, -'.weight'.length)] = hwio(key.slice(0, -'.weight'.length));
  }
  const conv = (x, name, activation) =>
    tf.fused.conv2d({ x, filter: filters[name], bias: w[`${name}.bias`], strides: 1, pad: 'valid', activation });
  const block = (x, name) => conv(conv(x, `${name}.0`, 'relu'), `${name}.2`, 'relu');
  const crop = (skip, h, wd) => {
    const dh = Math.floor((skip.shape[1] - h) / 2);
    const dw = Math.floor((skip.shape[2] - wd) / 2);
    return tf.slice(skip, [0, dh, dw, 0], [-1, h, wd, -1]);
  };
  return (input) => {
    let x = input;
    const skips = [];
    for (let i = 1; i <= levels; i++) {
      x = block(x, `enc${i}`);
      skips.push(x);
      x = tf.maxPool(x, 2, 2, 'valid');
    }
    x = block(x, 'bottom');
    for (let i = levels; i >= 1; i--) {
      const name = `up${i}`;
      const [n, h, wd] = x.shape;
      const out = filters[name].shape[2];
      x = tf.add(tf.conv2dTranspose(x, filters[name], [n, 2 * h, 2 * wd, out], 2, 'valid'), w[`${name}.bias`]);
      x = block(tf.concat([x, crop(skips[i - 1], 2 * h, 2 * wd)], 3), `dec${i}`);
    }
    return conv(x, 'out_conv');
  };
}
