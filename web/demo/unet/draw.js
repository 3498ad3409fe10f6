// The section's pictures: the image with each cell's outline, the mask, the ground truth and the
// raw logits of each class, each drawn straight into a canvas's pixels.
import { cellColour, viridis } from './colormap.js';

function paint(canvas, width, height, fill) {
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  const pixels = context.createImageData(width, height);
  fill(pixels.data);
  context.putImageData(pixels, 0, 0);
}

/** The image's own pixels (RGBA bytes). */
export function drawImage(canvas, { rgba, width, height }) {
  paint(canvas, width, height, (out) => out.set(rgba));
}

/**
 * A sample's ground truth where it lies on the image: older exports give the image's centre only,
 * and the rest is then dark grey, "no truth here".
 */
export function drawTruth(canvas, truth, { width, height }) {
  const top = (height - truth.height) / 2;
  const left = (width - truth.width) / 2;
  paint(canvas, width, height, (out) => {
    out.fill(60);
    for (let i = 3; i < out.length; i += 4) out[i] = 255;
    for (let y = 0; y < truth.height; y++) {
      out.set(truth.rgba.subarray(4 * y * truth.width, 4 * (y + 1) * truth.width), 4 * ((y + top) * width + left));
    }
  });
}

/**
 * The image with the outline of every cell in its colour: the pixels whose label differs from a
 * 4-neighbour's. Drawn thicker on large images, which the page shows shrunk.
 */
export function drawOutlines(canvas, { rgba, width, height }, labels) {
  const thickness = Math.max(1, Math.round(Math.max(width, height) / 512));
  const colours = new Map();
  paint(canvas, width, height, (out) => {
    out.set(rgba);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const i = y * width + x;
        const label = labels[i];
        if (label === 0) continue;
        const edge =
          (x > 0 && labels[i - 1] !== label) ||
          (x < width - 1 && labels[i + 1] !== label) ||
          (y > 0 && labels[i - width] !== label) ||
          (y < height - 1 && labels[i + width] !== label);
        if (!edge) continue;
        if (!colours.has(label)) colours.set(label, cellColour(label));
        const colour = colours.get(label);
        for (let dy = 0; dy < thickness && y + dy < height; dy++) {
          for (let dx = 0; dx < thickness && x + dx < width; dx++) out.set(colour, 4 * (i + dy * width + dx));
        }
      }
    }
  });
}

// Foreground pixels that belong to no cell (the boundary class between touching cells, specks
// smaller than minArea): grey, so that every foreground pixel of the mask is not black.
const UNCLAIMED = [150, 150, 150];

/** The mask: black background, each cell in its colour. */
export function drawMask(canvas, { foreground, labels, width, height }) {
  const colours = new Map();
  paint(canvas, width, height, (out) => {
    for (let i = 0; i < width * height; i++) {
      const label = labels[i];
      if (label !== 0) {
        if (!colours.has(label)) colours.set(label, cellColour(label));
        out.set(colours.get(label), 4 * i);
      } else if (foreground[i]) {
        out.set(UNCLAIMED, 4 * i);
      }
      out[4 * i + 3] = 255;
    }
  });
}

/** One class's logits in viridis, from its smallest (dark) to its largest (yellow); [min, max]. */
export function drawLogits(canvas, values, width, height) {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const palette = Array.from({ length: 256 }, (_, k) => viridis(k / 255));
  const scale = 255 / (max - min || 1);
  paint(canvas, width, height, (out) => {
    for (let i = 0; i < values.length; i++) {
      out.set(palette[Math.round((values[i] - min) * scale)], 4 * i);
      out[4 * i + 3] = 255;
    }
  });
  return [min, max];
}
