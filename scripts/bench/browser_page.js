// The Chromium benchmark's page script (served by browser_run.js): runs the cases named in the
// page's ?cases= on one runtime (?runtime=, ?threads=) with runtimes.js's adapters, the same
// code the Node benchmark's child processes run, and times them with measure.js. Each case's
// output (NCHW) is POSTed to /output/<case index>, after the timing; the timings are the promise
// window.benchResult: [{index, medianMs, computeMs, batch, threads} | {index, unsupported}].
import { CASES } from './cases.js';
import { timeRuns } from './measure.js';
import { RUNTIMES } from './runtimes.js';
import { parseSafetensors, seededInput } from './seeded.js';

const params = new URLSearchParams(location.search);
const runtimeName = params.get('runtime');
const threads = Number(params.get('threads'));
const counts = { runs: Number(params.get('runs')), warmup: Number(params.get('warmup')), minBatchMs: Number(params.get('minBatchMs')) };
const smoke = params.has('smoke');

async function fetchBytes(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

async function runCase(index) {
  const benchCase = { ...CASES[index] };
  if (smoke) benchCase.input = benchCase.smoke;
  const input = seededInput(benchCase.input);
  const weights = benchCase.weights ? parseSafetensors(await fetchBytes(`/models/${benchCase.weights.name}.safetensors`)) : null;
  const onnxModel = runtimeName === 'ort' ? await fetchBytes(`/models/${benchCase.onnx}.onnx`) : null;
  const runtime = await RUNTIMES[runtimeName]({
    threads,
    benchCase,
    input,
    weights,
    onnxModel,
    poolkitUrl: 'poolkit',
    tfjsWasmPaths: '/node_modules/@tensorflow/tfjs-backend-wasm/dist/',
  });
  if (!runtime) return { index, unsupported: true };
  const { output, medianMs, computeMs, batch } = await timeRuns(runtime, counts);
  const nchw = runtime.toNCHW ? runtime.toNCHW(output) : output;
  const posted = await fetch(`/output/${index}`, { method: 'POST', body: nchw });
  if (!posted.ok) throw new Error(`posting the output: HTTP ${posted.status}`);
  return { index, medianMs, computeMs, batch, threads: runtime.threads };
}

window.benchResult = (async () => {
  const results = [];
  for (const index of params.get('cases').split(',').map(Number)) results.push(await runCase(index));
  return results;
})();
