// "How a 2x2 max pool halves a feature map", on a real image: the image's R, G and B planes are
// one 1x3xHxW tensor; MaxPool2d(2) is applied again and again, and each level's channels are
// drawn as images (nearest-neighbour upscaled so the halving shows).

const LEVELS = 3;

/** Pixels of an image as a 1x3xHxW float32 tensor in [0, 1], longest side at most `maxSide`. */
export function imageToPlanes(image, maxSide = 256) {
  const scale = Math.min(1, maxSide / Math.max(image.width, image.height));
  const width = Math.max(1, Math.round(image.width * scale));
  const height = Math.max(1, Math.round(image.height * scale));
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0, width, height);
  const { data } = context.getImageData(0, 0, width, height);
  const planes = new Float32Array(3 * width * height);
  for (let i = 0; i < width * height; i++) {
    for (let c = 0; c < 3; c++) planes[c * width * height + i] = data[4 * i + c] / 255;
  }
  return { planes, width, height };
}

function planeToCanvas(values, width, height, channel) {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  const pixels = context.createImageData(width, height);
  for (let i = 0; i < width * height; i++) {
    const v = Math.round(255 * Math.min(1, Math.max(0, values[i])));
    pixels.data.set(channel === null ? [v, v, v, 255] : [0, 0, 0, 255].map((z, k) => (k === channel ? v : z)), 4 * i);
  }
  context.putImageData(pixels, 0, 0);
  canvas.className = 'pixelated';
  return canvas;
}

function rgbToCanvas(data, width, height) {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  const pixels = context.createImageData(width, height);
  const plane = width * height;
  for (let i = 0; i < plane; i++) {
    for (let c = 0; c < 3; c++) pixels.data[4 * i + c] = Math.round(255 * data[c * plane + i]);
    pixels.data[4 * i + 3] = 255;
  }
  context.putImageData(pixels, 0, 0);
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
      canvas.setAttribute('aria-label', `${name} channel, ${w}×${h}`);
      figure.append(canvas);
      const label = document.createElement('figcaption');
      label.textContent = name;
      figure.append(label);
      row.append(figure);
    });
    const together = document.createElement('figure');
    together.append(rgbToCanvas(data, w, h));
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
