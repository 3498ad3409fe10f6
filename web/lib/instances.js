// poolkit.instances: cells from a U-Net's logits, by the rules of scripts/cells/instances.py
// (the evaluation's reference), with the same labels, areas and centroids.
//
// Memory is the labels (the result) and one queue, each an Int32Array per pixel: the classes
// live in the labels until the pixels get their numbers (-1 an unlabelled cell pixel, -2 an
// unlabelled boundary pixel), and the logits are read where they are, in the wasm heap.
import { wasm } from './runtime.js';
import { addressOf, Tensor } from './tensor.js';
import { describeValue } from './options.js';

const OP = 'instances';
const CELL = -1;
const BOUNDARY = -2;
// A boundary pixel already in the next round's queue.
const QUEUED = -3;

function readArguments(logits, options) {
  if (!(logits instanceof Tensor)) {
    throw new Error(`${OP}: logits must be a poolkit Tensor (UNet.segment's output), got ${describeValue(logits)}`);
  }
  if (logits.isDisposed) throw new Error(`${OP}: logits was disposed`);
  if (logits.dtype !== 'float32') throw new Error(`${OP}: logits must be float32, got ${logits.dtype}`);
  const shape = logits.shape;
  if (!(shape.length === 3 || (shape.length === 4 && shape[0] === 1))) {
    throw new Error(`${OP}: logits must be [1, C, H, W] or [C, H, W], got shape [${shape.join(', ')}]`);
  }
  const [classes, height, width] = shape.slice(-3);
  if (classes < 2) {
    throw new Error(`${OP}: logits must have at least 2 channels (background, cell[, boundary]), got shape [${shape.join(', ')}]`);
  }
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new Error(`${OP}: options must be an object such as {minArea: 20}, got ${describeValue(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (key !== 'minArea') throw new Error(`${OP}: unknown option ${key}; the options are minArea`);
  }
  const minArea = options.minArea ?? 0;
  if (!(Number.isSafeInteger(minArea) && minArea >= 0)) {
    throw new Error(`${OP}: minArea must be a non-negative integer, got ${describeValue(minArea)}`);
  }
  return { classes, height, width, minArea };
}

// numpy's argmax over the channels: the first maximum, and the first NaN if there is one.
function classify(logits, classes, pixels, labels) {
  const values = new Float32Array(wasm().HEAPU8.buffer, addressOf(logits, OP), classes * pixels);
  for (let i = 0; i < pixels; i++) {
    let best = 0;
    let top = values[i];
    for (let c = 1; c < classes && top === top; c++) {
      const v = values[c * pixels + i];
      if (v > top || v !== v) {
        best = c;
        top = v;
      }
    }
    labels[i] = best === 1 ? CELL : best === 2 ? BOUNDARY : 0;
  }
}

// The 4-connected components of the cell pixels, numbered in raster order of their first
// pixels: the scan meets each component first at that pixel and floods it from there.
function numberSeeds(labels, height, width, queue) {
  let count = 0;
  for (let start = 0; start < labels.length; start++) {
    if (labels[start] !== CELL) continue;
    const label = ++count;
    labels[start] = label;
    queue[0] = start;
    for (let head = 0, tail = 1; head < tail; head++) {
      const p = queue[head];
      const x = p % width;
      if (p >= width && labels[p - width] === CELL) (labels[p - width] = label), (queue[tail++] = p - width);
      if (p + width < labels.length && labels[p + width] === CELL) (labels[p + width] = label), (queue[tail++] = p + width);
      if (x > 0 && labels[p - 1] === CELL) (labels[p - 1] = label), (queue[tail++] = p - 1);
      if (x < width - 1 && labels[p + 1] === CELL) (labels[p + 1] = label), (queue[tail++] = p + 1);
    }
  }
  return count;
}

// Queues the unlabelled boundary neighbours of p; returns the new tail.
function queueBoundary(labels, width, p, queue, tail) {
  const x = p % width;
  if (p >= width && labels[p - width] === BOUNDARY) (labels[p - width] = QUEUED), (queue[tail++] = p - width);
  if (p + width < labels.length && labels[p + width] === BOUNDARY) (labels[p + width] = QUEUED), (queue[tail++] = p + width);
  if (x > 0 && labels[p - 1] === BOUNDARY) (labels[p - 1] = QUEUED), (queue[tail++] = p - 1);
  if (x < width - 1 && labels[p + 1] === BOUNDARY) (labels[p + 1] = QUEUED), (queue[tail++] = p + 1);
  return tail;
}

// The smallest positive label among p's 4-neighbours (labelled before this round: this
// round's are still negative). p has one: it was queued from it.
function smallestNeighbour(labels, width, p) {
  const x = p % width;
  let smallest = 0x7fffffff;
  if (p >= width && labels[p - width] > 0) smallest = Math.min(smallest, labels[p - width]);
  if (p + width < labels.length && labels[p + width] > 0) smallest = Math.min(smallest, labels[p + width]);
  if (x > 0 && labels[p - 1] > 0) smallest = Math.min(smallest, labels[p - 1]);
  if (x < width - 1 && labels[p + 1] > 0) smallest = Math.min(smallest, labels[p + 1]);
  return smallest;
}

// Growth into the boundary, round by round: a round's pixels are exactly those queued by the
// previous one. Each first gets its label in negative form (-3 - label), invisible to its
// neighbours in the same round, and all of them turn positive together at the round's end.
function grow(labels, width, queue) {
  let tail = 0;
  for (let p = 0; p < labels.length; p++) {
    if (labels[p] > 0) tail = queueBoundary(labels, width, p, queue, tail);
  }
  let head = 0;
  while (head < tail) {
    const end = tail;
    for (let i = head; i < end; i++) labels[queue[i]] = QUEUED - smallestNeighbour(labels, width, queue[i]);
    for (let i = head; i < end; i++) labels[queue[i]] = QUEUED - labels[queue[i]];
    for (let i = head; i < end; i++) tail = queueBoundary(labels, width, queue[i], queue, tail);
    head = end;
  }
  // Boundary no seed reached is background.
  for (let p = 0; p < labels.length; p++) if (labels[p] < 0) labels[p] = 0;
}

/**
 * Cells from U-Net logits ([1, C, H, W] or [C, H, W], C >= 2): the class of each pixel is
 * the argmax over C (ties to the lowest class, NaN as numpy's argmax); class 1 (cell) pixels
 * form 4-connected seeds numbered in raster order of their first pixels; with C >= 3, class 2
 * (boundary) pixels join a neighbouring seed in rounds, the smallest label when several meet;
 * classes from 3 on are background. Instances smaller than minArea pixels are dropped and the
 * rest renumbered in order. Returns {labels (Int32Array, row-major, 0 background), height,
 * width, count, cells: [{label, area, centroid: [y, x]}]}.
 */
export function instances(logits, options = {}) {
  const { classes, height, width, minArea } = readArguments(logits, options);
  const pixels = height * width;
  const labels = new Int32Array(pixels);
  classify(logits, classes, pixels, labels);
  const queue = new Int32Array(pixels);
  const seeds = numberSeeds(labels, height, width, queue);
  if (classes >= 3) {
    grow(labels, width, queue);
  } else {
    for (let p = 0; p < pixels; p++) if (labels[p] < 0) labels[p] = 0;
  }
  const area = new Float64Array(seeds + 1);
  const sumY = new Float64Array(seeds + 1);
  const sumX = new Float64Array(seeds + 1);
  for (let y = 0, p = 0; y < height; y++) {
    for (let x = 0; x < width; x++, p++) {
      const label = labels[p];
      area[label]++;
      sumY[label] += y;
      sumX[label] += x;
    }
  }
  const renumber = new Int32Array(seeds + 1);
  const cells = [];
  for (let label = 1; label <= seeds; label++) {
    if (area[label] < minArea) continue;
    renumber[label] = cells.length + 1;
    cells.push({ label: cells.length + 1, area: area[label], centroid: [sumY[label] / area[label], sumX[label] / area[label]] });
  }
  if (cells.length < seeds) for (let p = 0; p < pixels; p++) labels[p] = renumber[labels[p]];
  return { labels, height, width, count: cells.length, cells };
}
