// The benchmark cases, each written once per runtime. Inputs are NCHW (NCDHW) for poolkit and
// onnxruntime-web, and transposed once, outside the timing, to TensorFlow.js's NHWC (NDHWC).
// Every timed call ends with the output readable from JavaScript, as an application needs it.
// `smoke` is the tiny input `npm test` runs the harness on.

/** The seed U-Net's state_dict shapes (scripts/unet/seed_unet.py). */
function unetShapes({ levels, base, inChannels, outChannels }) {
  const widths = Array.from({ length: levels + 1 }, (_, i) => base * 2 ** i);
  const shapes = {};
  const block = (name, cin, cout) => {
    Object.assign(shapes, {
      [`${name}.0.weight`]: [cout, cin, 3, 3],
      [`${name}.0.bias`]: [cout],
      [`${name}.2.weight`]: [cout, cout, 3, 3],
      [`${name}.2.bias`]: [cout],
    });
  };
  for (let i = 0; i < levels; i++) block(`enc${i + 1}`, i ? widths[i - 1] : inChannels, widths[i]);
  block('bottom', widths[levels - 1], widths[levels]);
  for (let i = levels; i >= 1; i--) {
    shapes[`up${i}.weight`] = [widths[i], widths[i - 1], 2, 2];
    shapes[`up${i}.bias`] = [widths[i - 1]];
    block(`dec${i}`, widths[i], widths[i - 1]);
  }
  shapes['out_conv.weight'] = [outChannels, widths[0], 1, 1];
  shapes['out_conv.bias'] = [outChannels];
  return shapes;
}

// Cases of a few milliseconds take many runs, so their medians hold still on a noisy machine,
// and many warm-up runs: every runtime returns a fresh output array per call, and for the first
// hundred or so calls Node takes those from fresh zero pages (about 0.4 ms per MB here), until
// the first garbage collection hands freed ones back. An application that pools repeatedly
// runs in that later state.
const FAST_RUNS = 41;
const FAST_WARMUP = 150;
// ...and several processes per runtime (run.js takes the median of their medians).
const FAST_PROCESSES = 5;

const conv2dFlops = (n, cin, cout, k, oh, ow) => 2 * n * cin * cout * k * k * oh * ow;

export const CASES = [
  {
    name: 'maxPool2d k2 s2',
    runs: FAST_RUNS,
    warmup: FAST_WARMUP,
    processes: FAST_PROCESSES,
    input: [1, 64, 568, 568],
    smoke: [1, 3, 10, 13],
    onnx: 'max_pool2d_k2s2',
    poolkit: ({ functional: F }) => (x) => F.maxPool2d(x, { kernelSize: 2, stride: 2 }),
    tfjs: (tf) => (x) => tf.maxPool(x, 2, 2, 'valid'),
  },
  {
    name: 'maxPool2d k3 s2 p1',
    runs: FAST_RUNS,
    warmup: FAST_WARMUP,
    processes: FAST_PROCESSES,
    input: [1, 64, 112, 112],
    smoke: [1, 3, 9, 11],
    onnx: 'max_pool2d_k3s2p1',
    poolkit: ({ functional: F }) => (x) => F.maxPool2d(x, { kernelSize: 3, stride: 2, padding: 1 }),
    tfjs: (tf) => (x) => tf.maxPool(x, 3, 2, 1),
  },
  {
    name: 'avgPool2d k3 s1 p1 (exclude pad)',
    runs: FAST_RUNS,
    warmup: FAST_WARMUP,
    processes: FAST_PROCESSES,
    input: [1, 64, 112, 112],
    smoke: [1, 3, 9, 11],
    onnx: 'avg_pool2d_k3s1p1',
    poolkit: ({ functional: F }) => (x) =>
      F.avgPool2d(x, { kernelSize: 3, stride: 1, padding: 1, countIncludePad: false }),
    // TensorFlow's 'same' average pooling divides by the in-bounds count: count_include_pad=False.
    tfjs: (tf) => (x) => tf.avgPool(x, 3, 1, 'same'),
  },
  {
    name: 'adaptiveAvgPool2d(1)',
    runs: FAST_RUNS,
    warmup: FAST_WARMUP,
    processes: FAST_PROCESSES,
    input: [1, 512, 28, 28],
    smoke: [1, 5, 6, 7],
    onnx: 'adaptive_avg_pool2d_1',
    poolkit: ({ functional: F }) => (x) => F.adaptiveAvgPool2d(x, { outputSize: 1 }),
    tfjs: (tf) => (x) => tf.mean(x, [1, 2], true),
  },
  {
    name: 'maxPool3d k2 s2',
    runs: FAST_RUNS,
    warmup: FAST_WARMUP,
    processes: FAST_PROCESSES,
    input: [1, 16, 32, 64, 64],
    smoke: [1, 2, 4, 6, 8],
    onnx: 'max_pool3d_k2s2',
    poolkit: ({ functional: F }) => (x) => F.maxPool3d(x, { kernelSize: 2, stride: 2 }),
    tfjs: (tf) => (x) => tf.maxPool3d(x, 2, 2, 'valid'),
    // Seen in 4.22: a window of negative values gives 1.1754944e-38 (FLT_MIN, the smallest
    // positive float, where the lowest float belongs).
    peerBugs: { tfjs: 'TensorFlow.js wasm maxPool3d starts its maximum at FLT_MIN: all-negative windows give 1.18e-38' },
  },
  {
    name: 'conv2d 64->64 3x3',
    input: [1, 64, 284, 284],
    smoke: [1, 64, 9, 10],
    onnx: 'conv2d_64_64_3x3',
    weights: { name: 'conv2d_64_64_3x3', shapes: { weight: [64, 64, 3, 3], bias: [64] } },
    flops: conv2dFlops(1, 64, 64, 3, 282, 282),
    poolkit: ({ functional: F }, w) => (x) => F.conv2d(x, w.weight, w.bias),
    // OIHW -> HWIO
    tfjs: (tf, w) => {
      const filter = tf.transpose(w.weight, [2, 3, 1, 0]);
      return (x) => tf.fused.conv2d({ x, filter, bias: w.bias, strides: 1, pad: 'valid' });
    },
  },
  {
    name: 'convTranspose2d 512->256 k2 s2',
    input: [1, 512, 64, 64],
    smoke: [1, 512, 3, 4],
    onnx: 'conv_transpose2d_512_256_k2s2',
    weights: { name: 'conv_transpose2d_512_256_k2s2', shapes: { weight: [512, 256, 2, 2], bias: [256] } },
    flops: 2 * 512 * 256 * 4 * 64 * 64,
    poolkit: ({ functional: F }, w) => (x) => F.convTranspose2d(x, w.weight, w.bias, { stride: 2 }),
    // PyTorch's (in, out, kH, kW) -> TensorFlow's (kH, kW, out, in)
    tfjs: (tf, w) => {
      const filter = tf.transpose(w.weight, [2, 3, 1, 0]);
      return (x) => {
        const [n, h, wd] = x.shape;
        return tf.add(tf.conv2dTranspose(x, filter, [n, 2 * h, 2 * wd, 256], 2, 'valid'), w.bias);
      };
    },
  },
  {
    name: 'UNet 252x252',
    input: [1, 1, 252, 252],
    smoke: [1, 1, 92, 92],
    onnx: 'unet',
    weights: { name: 'unet', shapes: unetShapes({ levels: 3, base: 64, inChannels: 1, outChannels: 2 }) },
    flops: 42e9,
    unet: true,
  },
  {
    name: 'UNet 572x572',
    input: [1, 1, 572, 572],
    onnx: 'unet',
    weights: { name: 'unet', shapes: unetShapes({ levels: 3, base: 64, inChannels: 1, outChannels: 2 }) },
    flops: 295e9,
    unet: true,
    runs: 3,
  },
];
