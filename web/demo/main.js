import * as poolkit from 'poolkit';
import { showPooledChannels } from './feature_map.js';
import { loadImage } from './image.js';
import { startPlayground } from './playground/playground.js';
import { readManifest } from './unet/samples.js';
import { startUNetDemo } from './unet/unet_view.js';

// The trained model and its sample images, as scripts/unet/cells_export.py describes them.
const MANIFEST = 'samples/cells.json';

async function startUNet() {
  const response = await fetch(MANIFEST);
  // A static host answers a missing file with 404, a dev server often with the page itself.
  if (!response.ok || !response.headers.get('content-type')?.includes('json')) {
    throw new Error(`The UNet demo needs ${MANIFEST} next to the page, and it is missing.`);
  }
  const manifest = readManifest(await response.json(), new URL(MANIFEST, document.baseURI));
  return startUNetDemo(document.getElementById('unet'), manifest);
}

// Each section reports its own failure, so one missing piece does not blank the page.
async function guarded(sectionId, start) {
  try {
    await start();
  } catch (error) {
    const note = document.createElement('p');
    note.className = 'error';
    note.setAttribute('role', 'alert');
    note.textContent = error.message;
    document.getElementById(sectionId).append(note);
  }
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

function describeBuild({ simd, threads, build }) {
  const base = `Running here: ${simd ? 'WebAssembly SIMD' : 'WebAssembly'}, ${threads} thread${threads > 1 ? 's' : ''}`;
  if (build === 'threads') return `${base}.`;
  return globalThis.crossOriginIsolated
    ? `${base}.`
    : `${base} (threads need a cross-origin-isolated page, served with COOP/COEP headers; this one is not).`;
}

async function main() {
  const status = document.getElementById('status');
  try {
    // Threads by number: ready() waits for the pool, so the line below tells the truth.
    await poolkit.ready({ threads: navigator.hardwareConcurrency || 1 });
    startPlayground(poolkit, document.getElementById('playground'));
    status.textContent = 'Every number above is computed by poolkit (WebAssembly SIMD) in this page.';
    document.getElementById('build-info').textContent = describeBuild(poolkit.runtimeInfo());
    await guarded('feature-map', () => startFeatureMap(poolkit));
    await guarded('unet', startUNet);
  } catch (error) {
    status.textContent = `poolkit failed: ${error.message}`;
    status.classList.add('error');
  }
}

main();
