// Runs the UNet off the main thread, so the page never freezes: loads the weights once, then
// answers each pass (pass_client.js describes the messages). One pass at a time: a new one
// stops the one before. A cancel message, or the page's flag in shared memory, fires the pass's
// AbortController, which is segment's signal.
import * as poolkit from 'poolkit';
import { greyInput } from './grey.js';
import { colourSpread, normalizedStatistics, outOfRange, trainingRanges } from './statistics.js';
import { planTiles } from './tile_size.js';

let model = null;
// Called by the model after every stage of a forward pass (a tile): refines the progress bar
// between segment's reports, which come once per tile.
let onStage = () => {};
const controllers = new Map();
let queue = Promise.resolve();

async function loadModel(url) {
  // A UNet pass is one synchronous call: start it only once every thread is up.
  await poolkit.ready({ threads: navigator.hardwareConcurrency || 1 });
  const response = await fetch(url);
  if (!response.ok) throw new Error(`could not fetch the weights at ${url} (HTTP ${response.status})`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const net = await poolkit.UNet.fromSafetensors(bytes, { onProgress: (stage, fraction) => onStage(fraction) });
  const heldOutIoU = Number(net.metadata?.held_out_iou); // as the training script measured it
  self.postMessage({ type: 'model', classes: net.outChannels, bytes: bytes.length, heldOutIoU: Number.isFinite(heldOutIoU) ? heldOutIoU : null });
  return net;
}

// An array the worker may hand over to the page: never a view of wasm memory, which a transfer
// would detach (or, shared by the threaded build, cannot be transferred at all).
const own = (array) => (array.buffer instanceof ArrayBuffer && array.byteLength === array.buffer.byteLength ? array : array.slice());

// What the page shows of the model's output: the foreground (any class but background, 0), the
// cells as instances, and the logits themselves.
function results(logits, minArea) {
  const [, classes, height, width] = logits.shape;
  const found = poolkit.instances(logits, { minArea });
  const values = logits.data;
  const plane = height * width;
  const foreground = new Uint8Array(plane);
  for (let i = 0; i < plane; i++) {
    let best = values[i];
    for (let c = 1; c < classes; c++) best = Math.max(best, values[c * plane + i]);
    foreground[i] = best > values[i] ? 1 : 0; // argmax's tie goes to the first class, background
  }
  return { classes, height, width, logits: values, foreground, labels: own(found.labels), count: found.count, cells: found.cells };
}

// Tells the page whether the image looks like the model's training images, as the model will
// see it (after its preprocessing; a model without one sees the pixels as they are).
function postChecks(id, net, input, grey, rgba) {
  const bounds = net.preprocessingBounds(input) ?? { lo: 0, hi: 1 };
  const ranges = trainingRanges(net.metadata);
  self.postMessage({
    type: 'checked',
    id,
    spread: colourSpread(rgba),
    outside: ranges ? outOfRange(normalizedStatistics(grey, bounds), ranges) : [],
  });
}

async function run({ id, rgba, width, height, minArea, stop }, controller) {
  const { signal } = controller;
  const net = await model;
  const { grey } = greyInput(rgba, width * height);
  const plan = planTiles(height, width, net);
  let tiles = plan.tiles;
  let done = 0;
  let shown = 0;
  const progress = (fraction) => {
    // Never backwards: the estimate of the tile count can only be corrected downwards.
    shown = Math.max(shown, Math.min(1, fraction));
    self.postMessage({ type: 'progress', id, fraction: shown });
  };
  onStage = (stage) => {
    // The pass checks its signal right after this: a cancel the page flagged stops it here.
    if (stop && Atomics.load(stop, 0)) controller.abort();
    else progress((done + stage) / tiles);
  };
  const input = poolkit.tensor(grey, [1, 1, height, width]);
  let started;
  let logits;
  try {
    postChecks(id, net, input, grey, rgba);
    signal.throwIfAborted();
    started = performance.now();
    logits = await net.segment(input, {
      tileSize: plan.tileSize,
      signal,
      onProgress: (fraction) => {
        if (done === 0) tiles = Math.round(1 / fraction);
        done = Math.round(fraction * tiles);
        progress(fraction);
      },
    });
  } finally {
    onStage = () => {};
    input.dispose();
  }
  try {
    const ms = performance.now() - started;
    const answer = { type: 'done', id, ...results(logits, minArea), ms, tiles, tileSize: plan.tileSize, build: poolkit.runtimeInfo() };
    self.postMessage(answer, [answer.logits.buffer, answer.foreground.buffer, answer.labels.buffer]);
  } finally {
    logits.dispose();
  }
}

self.onmessage = ({ data }) => {
  if (data.type === 'load') {
    model = loadModel(data.weightsUrl);
    model.catch((error) => self.postMessage({ type: 'model-error', message: error.message }));
  } else if (data.type === 'cancel') {
    controllers.get(data.id)?.abort();
  } else if (data.type === 'run') {
    for (const controller of controllers.values()) controller.abort();
    const controller = new AbortController();
    controllers.set(data.id, controller);
    // Each pass starts once the one before has stopped and freed its memory.
    queue = queue.then(async () => {
      try {
        controller.signal.throwIfAborted();
        await run(data, controller);
      } catch (error) {
        if (controller.signal.aborted) self.postMessage({ type: 'cancelled', id: data.id });
        else self.postMessage({ type: 'error', id: data.id, message: error.message });
      } finally {
        controllers.delete(data.id);
      }
    });
  }
};
