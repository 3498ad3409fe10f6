// The timing loop every benchmark configuration runs, in a Node child process (child.js) or in a
// page (browser_page.js): one untimed call, `warmup` more, then `runs` timed calls, each ending
// with the output readable from JavaScript.

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Times runtimes.js's `runtime`; resolves to {output, medianMs, computeMs, batch}. computeMs is
 * the median time until the output exists, before it is read back (for runtimes that can say:
 * poolkit and TensorFlow.js; onnxruntime-web's run() hands back outputs already copied out).
 * With `minBatchMs`, calls shorter than that are timed `batch` at a time and each timing is the
 * batch's mean: a page that is not cross-origin isolated reads a clock of 0.1 ms steps.
 */
export async function timeRuns(runtime, { runs, warmup, minBatchMs = 0 }) {
  let output;
  let last = 0;
  for (let i = 0; i <= warmup; i++) {
    const start = performance.now();
    output = await runtime.run();
    last = performance.now() - start;
  }
  let batch = 1;
  if (last < minBatchMs) {
    const start = performance.now();
    for (batch = 0; performance.now() - start < minBatchMs; batch++) output = await runtime.run();
  }
  const times = [];
  const compute = [];
  for (let i = 0; i < runs; i++) {
    let computeMs = 0;
    const start = performance.now();
    for (let b = 0; b < batch; b++) {
      output = await runtime.run();
      computeMs += runtime.lastComputeMs ?? NaN;
    }
    times.push((performance.now() - start) / batch);
    if (runtime.lastComputeMs != null) compute.push(computeMs / batch);
  }
  return { output, medianMs: median(times), computeMs: compute.length ? median(compute) : null, batch };
}
