import * as poolkit from 'poolkit';
import { startPlayground } from './playground/playground.js';

async function main() {
  const status = document.getElementById('status');
  try {
    await poolkit.ready();
    startPlayground(poolkit, document.getElementById('playground'));
    status.textContent = 'Every number above is computed by poolkit (WebAssembly SIMD) in this page.';
  } catch (error) {
    status.textContent = `poolkit failed: ${error.message}`;
    status.classList.add('error');
  }
}

main();
