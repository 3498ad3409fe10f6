import * as poolkit from 'poolkit';

const output = document.querySelector('#output');
try {
  await poolkit.ready();
  // The seed article's example: 1..16 as a 1x1x4x4 image, max pooling with a 2x2 window.
  const x = poolkit.tensor(Float32Array.from({ length: 16 }, (_, i) => i + 1), [1, 1, 4, 4]);
  const out = new poolkit.nn.MaxPool2d(2).forward(x).tolist()[0][0];
  const { build, fallbackReason } = poolkit.runtimeInfo();
  output.textContent = `${JSON.stringify(out)} (${build === 'threads' ? 'threaded' : 'single-threaded'} build)`;
  window.poolkitResult = { out, build, isolated: crossOriginIsolated, fallbackReason };
} catch (error) {
  output.textContent = String(error);
  window.poolkitError = String(error);
}
