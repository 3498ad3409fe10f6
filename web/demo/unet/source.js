// An image chosen for the UNet (a sample's URL or an uploaded File) as its RGBA bytes, refused
// with a message a visitor can act on when it is not an image or is too large for the page.

// The page holds, at once, the image's RGBA bytes, the model's float input and its logits (one
// float per class per pixel), plus the instance labels: 4 * (3 + classes) bytes per pixel, about
// 400 MB at 4096 x 4096 for three classes, as much as a phone's browser gives one page.
export const MAX_PIXELS = 4096 * 4096;

const megapixels = (pixels) => `${(pixels / 1e6).toFixed(1)} MP`;
// 16.7, not 16.8: the cap rounded down, so that an image of "16.8 MP" is visibly over it.
const CAP = `${Math.floor(MAX_PIXELS / 1e5) / 10} MP (4096×4096)`;

/** Why an image of width x height is refused, or null. */
export function tooLarge(width, height, classes) {
  const pixels = width * height;
  if (pixels <= MAX_PIXELS) return null;
  const megabytes = Math.round((pixels * 4 * (3 + classes)) / 2 ** 20);
  return (
    `This image is ${width}×${height} pixels (${megapixels(pixels)}): too large for this page, which refuses ` +
    `more than ${CAP}. It would hold the image, the model's input and its ` +
    `${classes} maps of logits in memory together, about ${megabytes.toLocaleString('en')} MB, more than a browser ` +
    `safely gives one page. Crop it to the part with the cells (or scale it down) and upload that.`
  );
}

// Decodes only the header first (an <img> reports its size before it decodes the pixels), so an
// image that is too large is refused before it takes its memory.
function open(url, name) {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () =>
      reject(new Error(`${name} is not an image this browser can read. Choose a PNG, JPEG, WebP or GIF file.`));
    image.src = url;
  });
}

/**
 * {rgba, width, height, name} of `source` (a URL or a File). Rejects with a message for a file
 * that is not an image and for one over MAX_PIXELS (the model's `classes` size the message).
 */
export async function readImage(source, classes) {
  const isFile = typeof source !== 'string';
  const name = isFile ? `“${source.name}”` : source.split('/').pop();
  const url = isFile ? URL.createObjectURL(source) : source;
  try {
    const image = await open(url, name);
    const { naturalWidth: width, naturalHeight: height } = image;
    if (!width || !height) throw new Error(`${name} has no pixels to segment.`);
    const refusal = tooLarge(width, height, classes);
    if (refusal) throw new Error(refusal);
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d', { willReadFrequently: true });
    context.drawImage(image, 0, 0);
    return { rgba: context.getImageData(0, 0, width, height).data, width, height, name: isFile ? source.name : name };
  } finally {
    if (isFile) URL.revokeObjectURL(url);
  }
}
