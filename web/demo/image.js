// Images in and out of the page: load one, read its pixels (scaled down to a size the demo
// runs quickly), and draw computed pixels onto a canvas.

export function loadImage(src) {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error(`could not load ${src}`));
    image.src = src;
  });
}

/** RGBA bytes of `image` with its longest side at most `maxSide`. */
export function imagePixels(image, maxSide) {
  const scale = Math.min(1, maxSide / Math.max(image.width, image.height));
  const width = Math.max(1, Math.round(image.width * scale));
  const height = Math.max(1, Math.round(image.height * scale));
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0, width, height);
  const { data } = context.getImageData(0, 0, width, height);
  return { rgba: data, width, height, resized: scale < 1, original: [image.width, image.height] };
}

/** A width x height canvas whose pixel i is rgbAt(i) ([r, g, b] in 0..255). */
export function drawPixels(canvas, width, height, rgbAt) {
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  const pixels = context.createImageData(width, height);
  for (let i = 0; i < width * height; i++) {
    pixels.data.set(rgbAt(i), 4 * i);
    pixels.data[4 * i + 3] = 255;
  }
  context.putImageData(pixels, 0, 0);
  return canvas;
}
