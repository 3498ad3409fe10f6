// The model's raw output: one map of logits per class, in viridis with a legend, for those who
// want to see what the mask was decided from.
import { viridisGradient } from './colormap.js';
import { drawLogits } from './draw.js';
import { className } from './samples.js';

/** Replaces `container`'s maps with one figure per class of `result` ({logits, classes, ...}). */
export function drawClassMaps(container, { logits, classes, width, height }, names) {
  const plane = width * height;
  container.replaceChildren(
    ...Array.from({ length: classes }, (_, c) => {
      const name = `class ${c}: ${className(names, c, classes)}`;
      const canvas = document.createElement('canvas');
      const [min, max] = drawLogits(canvas, logits.subarray(c * plane, (c + 1) * plane), width, height);
      canvas.setAttribute('role', 'img');
      canvas.setAttribute('aria-label', `${name} logits, from ${min.toFixed(1)} (dark) to ${max.toFixed(1)} (yellow)`);
      const legend = document.createElement('div');
      legend.className = 'legend';
      legend.innerHTML = `<span>${min.toFixed(1)}</span><span class="bar"></span><span>${max.toFixed(1)}</span>`;
      legend.querySelector('.bar').style.background = viridisGradient();
      const caption = document.createElement('figcaption');
      caption.textContent = `${name} (raw logits)`;
      const figure = document.createElement('figure');
      figure.append(canvas, legend, caption);
      return figure;
    }),
  );
}
