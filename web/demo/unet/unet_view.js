// "UNet in the browser": pick a sample or upload an image of any size, see it at once, Run the
// trained UNet over it in a Web Worker (UNet.segment's overlap tiles) with a progress bar and a
// Cancel button, then see each cell's outline over the image, the mask, the ground truth of a
// sample with the IoU and the counts, and a warning when the image is unlike the training data.
// Whatever is shown belongs to the image shown: choosing another image or running again drops
// the pass before, and its answers with it.
import { passClient } from './pass_client.js';
import { readImage } from './source.js';
import { drawImage } from './draw.js';
import { describeImage, showResult, showTruth, showWarning } from './results.js';
import { describeReasons } from './statistics.js';

export function startUNetDemo(root, manifest) {
  const $ = (selector) => root.querySelector(selector);
  const [select, upload, runButton, cancelButton] = ['#unet-sample', '#unet-upload', '#unet-run', '#unet-cancel'].map($);
  const client = passClient(new Worker(new URL('./worker.js', import.meta.url), { type: 'module' }));
  const { samples } = manifest;
  const uploaded = new Option('your upload', 'upload');
  uploaded.disabled = true;
  select.replaceChildren(...samples.map((s, i) => new Option(s.name, String(i))), uploaded);

  let model = null;
  // The image on show: {image, sample, truth}; `choice` counts choices, so that an image that
  // loads after a later choice is dropped.
  let shown = null;
  let choice = 0;
  let pass = null;

  const stage = (text) => ($('#unet-stage').textContent = text);
  const hide = (...names) => names.forEach((name) => ($(`#unet-${name}-figure`).hidden = true));

  function setRunning(running) {
    runButton.disabled = !(shown && model);
    if (!running && document.activeElement === cancelButton) runButton.focus();
    cancelButton.disabled = !running;
  }

  // Back to the image alone: no mask, outlines, scores or warning of an earlier pass.
  function clearResults() {
    if (shown) drawImage($('#unet-image'), shown.image);
    hide('mask');
    $('#unet-mask-figure').removeAttribute('data-request');
    $('#unet-warning').hidden = true;
    $('#unet-summary').textContent = '';
    $('#unet-logits').hidden = true;
    $('#unet-progress').value = 0;
    $('#unet-error').textContent = '';
  }

  async function choose(source, sample) {
    pass?.drop();
    pass = null;
    const mine = ++choice;
    shown = null;
    clearResults();
    hide('image', 'truth');
    setRunning(false);
    $('#unet-description').textContent = sample?.description ?? '';
    stage('loading the image…');
    try {
      const classes = model?.classes ?? 3;
      const [image, truth] = await Promise.all([readImage(source, classes), sample?.truth ? readImage(sample.truth, classes) : null]);
      if (mine !== choice) return;
      shown = { image, sample, truth };
      drawImage($('#unet-image'), image);
      describeImage(root, `the image, ${image.width}×${image.height} pixels`);
      if (truth) showTruth(root, truth, sample, image);
      if (!sample) $('#unet-description').textContent = `Your image, ${image.width}×${image.height} pixels.`;
      stage(model ? 'ready: press Run' : 'loading the weights…');
    } catch (error) {
      if (mine !== choice) return;
      $('#unet-error').textContent = error.message;
      stage('');
    }
    setRunning(false);
  }

  function run() {
    if (!shown || !model) return;
    pass?.drop();
    const current = shown;
    clearResults();
    stage('running');
    const { rgba, width, height } = current.image;
    const copy = rgba.slice(); // the page keeps the image's own bytes to draw the outlines on
    const finish = (text) => {
      pass = null;
      stage(text);
      setRunning(false);
    };
    pass = client.run(
      { rgba: copy, width, height, minArea: manifest.minArea },
      {
        checked: (check) => showWarning(root, describeReasons(check)),
        progress: ({ fraction }) => ($('#unet-progress').value = fraction),
        done: (result) => {
          // pass_client drops a replaced pass's answers; this is the image's own check.
          if (shown !== current) return;
          showResult(root, result, current, manifest);
          finish('done');
        },
        error: ({ message }) => {
          $('#unet-error').textContent = `The pass failed: ${message}`;
          finish('failed');
        },
        cancelled: () => finish('cancelled'),
      },
      [copy.buffer],
    );
    runButton.dataset.request = pass.id;
    setRunning(true);
  }

  select.addEventListener('change', () => {
    upload.value = '';
    const sample = samples[Number(select.value)];
    if (sample) choose(sample.image, sample);
  });
  upload.addEventListener('change', () => {
    const [file] = upload.files;
    if (!file) return;
    select.value = 'upload';
    choose(file, null);
  });
  runButton.addEventListener('click', run);
  const actualSize = $('#unet-actual-size');
  actualSize.addEventListener('change', () => {
    $('.unet-results').classList.toggle('actual-size', actualSize.checked);
    // A region that scrolls must take focus, so that the keyboard can scroll it too.
    for (const figure of root.querySelectorAll('.unet-results figure')) {
      if (actualSize.checked) figure.setAttribute('tabindex', '0');
      else figure.removeAttribute('tabindex');
    }
  });
  cancelButton.addEventListener('click', () => {
    pass?.cancel();
    stage('cancelling…');
    setRunning(false);
  });

  const loading = client.load(manifest.weightsUrl).then((info) => {
    model = info;
    $('#unet-weights').textContent =
      `Weights: ${manifest.weightsName} (${(info.bytes / 1e6).toFixed(1)} MB), ${info.classes} classes` +
      (manifest.classes ? ` (${manifest.classes.join(', ')})` : '') +
      (info.heldOutIoU === null ? '.' : `; IoU ${info.heldOutIoU.toFixed(3)} on held-out images in PyTorch.`);
    if (shown) stage('ready: press Run');
    setRunning(false);
  });
  return Promise.all([samples.length ? choose(samples[0].image, samples[0]) : null, loading]);
}
