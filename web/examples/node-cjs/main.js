// Node 20.19+ and 22.12+ can require() an ES module such as poolkit.
const poolkit = require('poolkit');

poolkit.ready().then(() => {
  // The seed article's example: 1..16 as a 1x1x4x4 image, max pooling with a 2x2 window.
  const x = poolkit.tensor(Float32Array.from({ length: 16 }, (_, i) => i + 1), [1, 1, 4, 4]);
  const out = new poolkit.nn.MaxPool2d(2).forward(x).tolist()[0][0];
  console.log(JSON.stringify({ out, build: poolkit.runtimeInfo().build })); // {"out":[[6,8],[14,16]],...}
});
