// Runs the UNet off the main thread, so the page never freezes: loads the weights once, then
// answers {image, size} with progress messages and the output logits.
import * as poolkit from 'poolkit';

let loaded = { url: null, net: null };
let report = () => {};

async function network(url) {
  if (loaded.url === url) return loaded.net;
  loaded.net?.dispose();
  const response = await fetch(url);
  if (!response.ok) throw new Error(`could not fetch the weights at ${url} (HTTP ${response.status})`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const net = await poolkit.UNet.fromSafetensors(bytes, { onProgress: (stage, fraction) => report(stage, fraction) });
  loaded = { url, net };
  return net;
}

self.onmessage = async ({ data: { weightsUrl, input, size } }) => {
  try {
    // A UNet pass is one synchronous call: start it only once every thread is up.
    await poolkit.ready({ threads: navigator.hardwareConcurrency || 1 });
    const net = await network(weightsUrl);
    const x = poolkit.tensor(input, [1, 1, ...size]);
    let last = performance.now();
    report = (stage, fraction) => {
      const now = performance.now();
      self.postMessage({ type: 'progress', stage, fraction, ms: now - last });
      last = now;
    };
    const start = performance.now();
    const y = net.forward(x);
    const totalMs = performance.now() - start;
    report = () => {};
    const logits = y.data;
    const shape = [...y.shape];
    x.dispose();
    y.dispose();
    self.postMessage({ type: 'done', logits, shape, totalMs, build: poolkit.runtimeInfo() }, [logits.buffer]);
  } catch (error) {
    self.postMessage({ type: 'error', message: error.message });
  }
};
