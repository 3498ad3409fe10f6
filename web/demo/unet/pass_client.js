// The page's side of the worker's protocol (worker.js). Every request carries an id and every
// answer the id it answers; answers for a pass the page cancelled or replaced are dropped here,
// so a slow answer can never be shown over the image that replaced its own.
//
// page -> worker: {type: 'load', weightsUrl}, {type: 'run', id, stop, ...request}, {type: 'cancel', id}
// worker -> page: {type: 'model' | 'model-error', ...} and, per pass, 'checked', 'progress', then
// one of 'done', 'error', 'cancelled'.

const FINAL = new Set(['done', 'error', 'cancelled']);

export function passClient(worker) {
  let next = 0;
  // id -> what to call for its answers; a cancelled pass keeps only its `cancelled`.
  const live = new Map();
  let model = null;

  worker.addEventListener('message', ({ data }) => {
    if (data.type === 'model' || data.type === 'model-error') return model?.(data);
    const pass = live.get(data.id);
    if (!pass) return;
    if (FINAL.has(data.type)) live.delete(data.id);
    // Once cancelled, the pass's only news is that it stopped, however it ended.
    if (pass.cancelling) return FINAL.has(data.type) && pass.cancelled?.(data);
    pass[data.type]?.(data);
  });

  // An exception the worker did not catch (it failed to load, say) ends every pass and the
  // model's loading with its message, instead of leaving them waiting for ever.
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    const message = `the worker stopped: ${event.message || 'it could not start'}`;
    for (const [id, pass] of live) {
      live.delete(id);
      (pass.cancelling ? pass.cancelled : pass.error)?.({ type: 'error', id, message });
    }
    model?.({ type: 'model-error', message });
  });

  const stop = (id, keep) => {
    const pass = live.get(id);
    if (!pass) return;
    if (keep) live.set(id, { cancelling: true, cancelled: pass.cancelled });
    else live.delete(id);
    if (pass.stop) Atomics.store(pass.stop, 0, 1);
    worker.postMessage({ type: 'cancel', id });
  };

  // A cancel message waits until the worker's pass yields, between tiles; a flag in shared
  // memory is seen by the pass itself after each stage of a tile. Only a cross-origin-isolated
  // page has shared memory: elsewhere a cancel takes up to a tile.
  const stopFlag = () => (globalThis.crossOriginIsolated ? new Int32Array(new SharedArrayBuffer(4)) : null);

  return {
    /** Resolves to the model's {classes, bytes, heldOutIoU} once the worker has loaded it. */
    load(weightsUrl) {
      return new Promise((resolve, reject) => {
        model = (data) => (data.type === 'model' ? resolve(data) : reject(new Error(data.message)));
        worker.postMessage({ type: 'load', weightsUrl });
      });
    },

    /**
     * Starts a pass; any pass still running is dropped (cancelled, and never heard from again).
     * `on`: {checked, progress, done, error, cancelled}, each called with the worker's message.
     * Returns {id, cancel(), drop()}: cancel stops the pass, and `cancelled` fires once the
     * worker says it stopped (or finished anyway: its result is then not shown); drop stops it
     * without a word, for a pass whose image is no longer shown.
     */
    run(request, on, transfer = []) {
      for (const id of [...live.keys()]) stop(id, false);
      const id = ++next;
      const flag = stopFlag();
      live.set(id, { ...on, stop: flag });
      worker.postMessage({ type: 'run', id, stop: flag, ...request }, transfer);
      return { id, cancel: () => stop(id, true), drop: () => stop(id, false) };
    },
  };
}
