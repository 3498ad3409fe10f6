// "UNet in the browser": pick a sample or upload an image, run the trained UNet in a Web
// Worker with a progress bar by stage, then show the mask over the image, the raw class maps
// (viridis, with a legend) and the time each stage took.
import { viridis, viridisGradient } from './colormap.js';
import { LOST_PER_SIDE, overlapTile } from './tiling.js';

const MAX_SIDE = 320;

function greyPixels(image) {
  const scale = Math.min(1, MAX_SIDE / Math.max(image.width, image.height));
  const width = Math.max(1, Math.round(image.width * scale));
  const height = Math.max(1, Math.round(image.height * scale));
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0, width, height);
  const { data } = context.getImageData(0, 0, width, height);
  const grey = new Float32Array(width * height);
  // The training script feeds pixel / 255 of a grey PNG; a colour upload becomes its luma.
  for (let i = 0; i < grey.length; i++) {
    grey[i] = (0.299 * data[4 * i] + 0.587 * data[4 * i + 1] + 0.114 * data[4 * i + 2]) / 255;
  }
  return { grey, width, height, resized: scale < 1, original: [image.width, image.height] };
}

function drawOverlay(canvas, { grey, width, height }, foreground) {
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  const pixels = context.createImageData(width, height);
  for (let i = 0; i < width * height; i++) {
    const v = 255 * grey[i];
    const on = foreground[i];
    // The mask in a saturated orange, blended over the grey image.
    pixels.data.set(on ? [0.45 * v + 0.55 * 255, 0.45 * v + 0.55 * 140, 0.45 * v, 255] : [v, v, v, 255], 4 * i);
  }
  context.putImageData(pixels, 0, 0);
}

function drawClassMap(container, name, values, width, height) {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  const pixels = context.createImageData(width, height);
  values.forEach((v, i) => pixels.data.set([...viridis((v - min) / (max - min || 1)), 255], 4 * i));
  context.putImageData(pixels, 0, 0);
  canvas.setAttribute('aria-label', `${name} logits`);
  const figure = document.createElement('figure');
  const legend = document.createElement('div');
  legend.className = 'legend';
  legend.innerHTML = `<span>${min.toFixed(1)}</span><span class="bar"></span><span>${max.toFixed(1)}</span>`;
  legend.querySelector('.bar').style.background = viridisGradient();
  const caption = document.createElement('figcaption');
  caption.textContent = `${name} (raw logits)`;
  figure.append(canvas, legend, caption);
  container.append(figure);
}

export function startUNetDemo(root, { weightsUrl, weightsLabel, samples }) {
  const $ = (selector) => root.querySelector(selector);
  const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  const select = $('#unet-sample');
  select.replaceChildren(...samples.map((s, i) => new Option(s.name, String(i))));
  $('#unet-weights').textContent = weightsLabel;
  let image = null;

  const loadImage = (src) =>
    new Promise((resolve, reject) => {
      const img = new Image();
      img.onload = () => resolve(img);
      img.onerror = () => reject(new Error(`could not load ${src}`));
      img.src = src;
    });

  async function choose(src) {
    image = await loadImage(src);
    $('#unet-run').disabled = false;
  }

  function run() {
    const prepared = greyPixels(image);
    const tile = overlapTile(prepared.grey, prepared.height, prepared.width);
    const notes = [];
    if (prepared.resized) notes.push(`resized from ${prepared.original.join('×')} to ${prepared.width}×${prepared.height}`);
    notes.push(
      `mirror-padded to ${tile.size[1]}×${tile.size[0]} (${LOST_PER_SIDE} px a side, which the valid convolutions consume` +
        (tile.output[0] !== prepared.height || tile.output[1] !== prepared.width ? ', plus the rest of the way to the nearest valid size' : '') +
        ')',
    );
    $('#unet-notes').textContent = `Input ${notes.join(', ')}.`;
    $('#unet-run').disabled = true;
    $('#unet-progress').value = 0;
    $('#unet-stage').textContent = 'starting';
    $('#unet-timings').replaceChildren();
    $('#unet-error').textContent = '';
    worker.onmessage = ({ data }) => {
      if (data.type === 'progress') {
        $('#unet-progress').value = data.fraction;
        $('#unet-stage').textContent = data.stage;
        const row = $('#unet-timings').insertRow();
        row.insertCell().textContent = data.stage;
        row.insertCell().textContent = `${data.ms.toFixed(1)} ms`;
        return;
      }
      $('#unet-run').disabled = false;
      if (data.type === 'error') {
        $('#unet-error').textContent = data.message;
        return;
      }
      show(data, prepared, tile);
    };
    worker.postMessage({ weightsUrl, input: tile.input, size: tile.size });
  }

  function show({ logits, shape, totalMs, build }, prepared, tile) {
    const [, classes, outH, outW] = shape;
    const { width, height } = prepared;
    const plane = outH * outW;
    // The output covers the padded-to-valid image; crop it back to the image.
    const crop = (c) => {
      const values = new Float32Array(width * height);
      for (let y = 0; y < height; y++)
        for (let x = 0; x < width; x++) values[y * width + x] = logits[c * plane + y * outW + x];
      return values;
    };
    const maps = Array.from({ length: classes }, (_, c) => crop(c));
    const foreground = maps[0].map((_, i) => (maps[classes - 1][i] > maps[0][i] ? 1 : 0));
    drawOverlay($('#unet-overlay'), prepared, foreground);
    const classMaps = $('#unet-classes');
    classMaps.replaceChildren();
    maps.forEach((values, c) => drawClassMap(classMaps, c === 0 ? 'class 0: background' : `class ${c}: cell`, values, width, height));
    const share = foreground.reduce((a, b) => a + b, 0) / foreground.length;
    $('#unet-stage').textContent = 'done';
    $('#unet-progress').value = 1;
    $('#unet-summary').textContent =
      `Forward pass ${totalMs.toFixed(0)} ms on a ${tile.size[1]}×${tile.size[0]} input ` +
      `(${build.simd ? 'WebAssembly SIMD' : 'WebAssembly'}, ${build.threads} thread${build.threads > 1 ? 's' : ''}). ` +
      `${(100 * share).toFixed(1)}% of the pixels are cells.`;
  }

  select.addEventListener('change', () => choose(samples[Number(select.value)].image));
  $('#unet-upload').addEventListener('change', (event) => {
    const [file] = event.target.files;
    if (file) choose(URL.createObjectURL(file));
  });
  $('#unet-run').addEventListener('click', run);
  return samples.length ? choose(samples[0].image) : Promise.resolve();
}
