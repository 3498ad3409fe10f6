// What the UNet section shows of an image and of a pass's result: the image with each cell's
// outline, the mask, a sample's ground truth, the warning, and the numbers in words. Each
// picture's label says what it shows, for those who cannot see it.
import { drawClassMaps } from './class_maps.js';
import { drawMask, drawOutlines, drawTruth } from './draw.js';
import { foregroundIoU } from './metrics.js';

const cells = (n) => `${n} cell${n === 1 ? '' : 's'}`;

function figure(root, name, label) {
  root.querySelector(`#unet-${name}`).setAttribute('aria-label', label);
  root.querySelector(`#unet-${name}-caption`).textContent = label;
  root.querySelector(`#unet-${name}-figure`).hidden = false;
}

/** The image's label and caption. */
export const describeImage = (root, label) => figure(root, 'image', label);

/** A sample's ground truth, drawn where it lies on `image`, with its count when known. */
export function showTruth(root, truth, sample, image) {
  drawTruth(root.querySelector('#unet-truth'), truth, image);
  figure(root, 'truth', sample.count === null ? 'ground truth' : `ground truth: ${cells(sample.count)}`);
}

/** The warning that the image is unlike the training data, with its reasons; none for []. */
export function showWarning(root, reasons) {
  const box = root.querySelector('#unet-warning');
  box.hidden = reasons.length === 0;
  if (box.hidden) return;
  box.textContent =
    `This image does not look like the fluorescence images the model was trained on: ${reasons.join('; ')}. ` +
    'The mask below is not to be trusted.';
}

/** A finished pass over `shown` ({image, sample, truth}): outlines, mask, scores and logits. */
export function showResult(root, result, { image, sample, truth }, manifest) {
  const $ = (selector) => root.querySelector(selector);
  const { width, height, foreground, labels, count, ms, tiles, build } = result;
  const untrusted = !$('#unet-warning').hidden;
  drawOutlines($('#unet-image'), image, labels);
  describeImage(root, `the image, ${width}×${height} pixels, with the outline of each of the ${cells(count)} found`);
  drawMask($('#unet-mask'), result);
  figure(root, 'mask', `mask: ${cells(count)}${untrusted ? ' (not to be trusted)' : ''}`);
  $('#unet-mask').setAttribute('aria-label', `${$('#unet-mask-caption').textContent}, each in its colour on black`);
  $('#unet-mask-figure').dataset.request = result.id;
  const share = foreground.reduce((a, b) => a + b, 0) / foreground.length;
  const lines = [
    `Found ${cells(count)}` +
      (manifest.minArea ? ` (of at least ${manifest.minArea} pixels)` : '') +
      (sample?.count != null ? `; the ground truth has ${sample.count}.` : '.'),
  ];
  if (truth) {
    const red = truth.rgba.filter((_, i) => i % 4 === 0);
    lines.push(`IoU of the cells with the ground truth: ${foregroundIoU(foreground, height, width, red, truth.height, truth.width).toFixed(3)}.`);
  }
  if (sample?.pytorch) {
    lines.push(`PyTorch, on the same image: IoU ${sample.pytorch.iou.toFixed(3)}, ${cells(sample.pytorch.count)}.`);
  }
  lines.push(
    `Segmented ${width}×${height} pixels in ${(ms / 1000).toFixed(1)} s (${tiles} tile${tiles > 1 ? 's' : ''}, ` +
      `${build.simd === false ? 'WebAssembly' : 'WebAssembly SIMD'}, ${build.threads} thread${build.threads > 1 ? 's' : ''}). ` +
      `${(100 * share).toFixed(1)}% of the pixels are cells.`,
  );
  $('#unet-summary').textContent = lines.join(' ');
  drawClassMaps($('#unet-classes'), result, manifest.classes);
  $('#unet-logits').hidden = false;
}
