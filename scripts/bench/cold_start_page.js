// The cold-start page's script (served by cold_start_browser.js): one cold start of the
// configuration named in the page's ?config=, exposed as the promise window.coldStart. The
// page's import map resolves 'poolkit', 'onnxruntime-web' and TensorFlow.js.
import { coldStart } from './cold_start_runtimes.js';

const label = new URLSearchParams(location.search).get('config');
window.coldStart = coldStart(label, {
  poolkitUrl: 'poolkit',
  tfjsWasmPaths: '/node_modules/@tensorflow/tfjs-backend-wasm/dist/',
});
