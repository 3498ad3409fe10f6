// "UNet in the browser": pick a sample or upload an image, run the trained UNet in a Web
// Worker with a progress bar by stage, then show the mask over the image, the raw class maps
// (viridis, with a legend) and the time each stage took.
import { drawPixels, imagePixels, loadImage } from '../image.js';
import { viridis, viridisGradient } from './colormap.js';
import { LOST_PER_SIDE, overlapTile } from './tiling.js';

const MAX_SIDE = 320;

function greyPixels(image) {
  const { rgba, ...size } = imagePixels(image, MAX_SIDE);
  const grey = new Float32Array(size.width * size.height);
  // The training script feeds pixel / 255 of a grey PNG; a colour upload becomes its luma.
  for (let i = 0; i < grey.length; i++) {
    grey[i] = (0.299 * rgba[4 * i] + 0.587 * rgba[4 * i + 1] + 0.114 * rgba[4 * i + 2]) / 255;
  }
  return { grey, ...size };
}

// The mask in a saturated orange, blended over the grey image.
function drawOverlay(canvas, { grey, width, height }, foreground) {
  drawPixels(canvas, width, height, (i) => {
    const v = 255 * grey[i];
    return foreground[i] ? [0.45 * v + 0.55 * 255, 0.45 * v + 0.55 * 140, 0.45 * v] : [v, v, v];
  });
}

function drawClassMap(container, name, values, width, height) {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  const canvas = drawPixels(document.createElement('canvas'), width, height, (i) =>
    viridis((values[i] - min) / (max - min || 1)),
  );
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', `${name} logits, from ${min.toFixed(1)} (dark) to ${max.toFixed(1)} (yellow)`);
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
