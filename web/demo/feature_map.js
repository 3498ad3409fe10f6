// "How a 2x2 max pool halves a feature map", on a real image: the image's R, G and B planes are
// one 1x3xHxW tensor; MaxPool2d(2) is applied again and again, and each level's channels are
// drawn as images (nearest-neighbour upscaled so the halving shows).

import { drawPixels, imagePixels } from './image.js';

const LEVELS = 3;

/** Pixels of an image as a 1x3xHxW float32 tensor's data in [0, 1], longest side at most `maxSide`. */
export function imageToPlanes(image, maxSide = 256) {
  const { rgba, width, height } = imagePixels(image, maxSide);
  const plane = width * height;
  const planes = new Float32Array(3 * plane);
  for (let i = 0; i < plane; i++) {
    for (let c = 0; c < 3; c++) planes[c * plane + i] = rgba[4 * i + c] / 255;
  }
  return { planes, width, height };
}

const byte = (v) => Math.round(255 * Math.min(1, Math.max(0, v)));

// One channel in its own colour (channel 0, 1 or 2).
function planeToCanvas(values, width, height, channel) {
  const canvas = drawPixels(document.createElement('canvas'), width, height, (i) =>
    [0, 1, 2].map((k) => (k === channel ? byte(values[i]) : 0)),
  );
  canvas.className = 'pixelated';
  return canvas;
}

function rgbToCanvas(data, width, height) {
  const plane = width * height;
  const canvas = drawPixels(document.createElement('canvas'), width, height, (i) =>
    [0, 1, 2].map((c) => byte(data[c * plane + i])),
  );
  canvas.className = 'pixelated';
  return canvas;
}

/** Draws each pooling level's three channels, and the three together, into `container`. */
export function showPooledChannels(poolkit, container, image) {
  const { planes, width, height } = imageToPlanes(image);
  let x = poolkit.tensor(planes, [1, 3, height, width]);
  container.replaceChildren();
  const names = ['red', 'green', 'blue'];
  for (let level = 0; level <= LEVELS; level++) {
    const [, , h, w] = x.shape;
    const row = document.createElement('div');
    row.className = 'level';
    const caption = document.createElement('p');
    caption.textContent = level === 0 ? `input, ${w}×${h}` : `after ${level}× MaxPool2d(2): ${w}×${h}`;
    row.append(caption);
    const data = x.data;
    names.forEach((name, c) => {
      const figure = document.createElement('figure');
      const canvas = planeToCanvas(data.subarray(c * h * w, (c + 1) * h * w), w, h, c);
      canvas.setAttribute('role', 'img');
      canvas.setAttribute('aria-label', `${name} channel, ${w}×${h}${level ? ` after ${level}× MaxPool2d(2)` : ''}`);
      figure.append(canvas);
      const label = document.createElement('figcaption');
      label.textContent = name;
      figure.append(label);
      row.append(figure);
    });
    const together = document.createElement('figure');
    const rgb = rgbToCanvas(data, w, h);
    rgb.setAttribute('role', 'img');
    rgb.setAttribute('aria-label', `the three channels together as a colour image, ${w}×${h}`);
    together.append(rgb);
    const label = document.createElement('figcaption');
    label.textContent = 'all three';
    together.append(label);
    row.append(together);
    container.append(row);
    if (level === LEVELS || h < 2 || w < 2) break;
    const pooled = poolkit.functional.maxPool2d(x, 2);
    x.dispose();
    x = pooled;
  }
  x.dispose();
}
