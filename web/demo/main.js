import * as poolkit from 'poolkit';
import { showPooledChannels } from './feature_map.js';
import { startPlayground } from './playground/playground.js';
import { startUNetDemo } from './unet/unet_view.js';

// The trained model and its sample images (scripts/unet/cells_export.py writes them).
const MODEL = {
  weightsUrl: 'models/cells-unet-base16.safetensors',
  weightsLabel: 'Weights: a base-16 UNet trained on generated cells (models/cells-unet-base16.safetensors).',
};

async function startUNet() {
  const response = await fetch('samples/index.json');
  const samples = response.ok ? await response.json() : [];
  return startUNetDemo(document.getElementById('unet'), { ...MODEL, samples });
}

function loadImage(src) {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error(`could not load ${src}`));
    image.src = src;
  });
}

function startFeatureMap(poolkit) {
  const levels = document.getElementById('levels');
  const show = async (src) => showPooledChannels(poolkit, levels, await loadImage(src));
  const select = document.getElementById('photo');
  select.addEventListener('change', () => show(select.value));
  document.getElementById('photo-upload').addEventListener('change', (event) => {
    const [file] = event.target.files;
    if (file) show(URL.createObjectURL(file));
  });
  return show(select.value);
}

async function main() {
  const status = document.getElementById('status');
  try {
    await poolkit.ready();
    startPlayground(poolkit, document.getElementById('playground'));
    const info = poolkit.runtimeInfo();
    document.getElementById('build-info').textContent =
      `Running here: ${info.simd ? 'WebAssembly SIMD' : 'WebAssembly'}, ${info.threads} thread${info.threads > 1 ? 's' : ''}.`;
    await startFeatureMap(poolkit);
    await startUNet();
    status.textContent = 'Every number above is computed by poolkit (WebAssembly SIMD) in this page.';
  } catch (error) {
    status.textContent = `poolkit failed: ${error.message}`;
    status.classList.add('error');
  }
}

main();
