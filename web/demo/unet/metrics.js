// How the mask compares with a sample's ground truth: the IoU of the foreground (any class but
// background), the score the training script reports.

/**
 * IoU of `foreground` (0/1 per pixel, height x width) and `truth` (bytes, > 127 for a cell, its
 * own size). A truth smaller than the image covers the image's centre (older exports gave the
 * centre only); it is compared there. NaN when neither has a foreground pixel.
 */
export function foregroundIoU(foreground, height, width, truth, truthHeight, truthWidth) {
  const top = (height - truthHeight) / 2;
  const left = (width - truthWidth) / 2;
  if (!Number.isInteger(top) || !Number.isInteger(left) || top < 0 || left < 0) {
    throw new Error(`the ground truth (${truthWidth}×${truthHeight}) does not fit the image (${width}×${height})`);
  }
  let intersection = 0;
  let union = 0;
  for (let y = 0; y < truthHeight; y++) {
    for (let x = 0; x < truthWidth; x++) {
      const a = foreground[(y + top) * width + x + left] === 1;
      const b = truth[y * truthWidth + x] > 127;
      intersection += a && b;
      union += a || b;
    }
  }
  return intersection / union;
}
