// The sliding window as a step-through: Step back, Play/Pause and Step forward move through the
// output cells in order, each showing its window and arithmetic. The buttons work from the
// keyboard like any button, and ArrowLeft/ArrowRight step while focus is in the group. With
// prefers-reduced-motion the window jumps without transitions and Play waits longer per step.

const reducedMotion = () => globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches;

export class Stepper {
  /** `root` holds [data-step="-1"], [data-step="1"], [data-play] buttons and a [data-status]. */
  constructor(root, onStep) {
    this.root = root;
    this.onStep = onStep;
    this.count = 0;
    this.index = -1;
    this.timer = null;
    this.playButton = root.querySelector('[data-play]');
    this.status = root.querySelector('[data-status]');
    for (const button of root.querySelectorAll('[data-step]')) {
      button.addEventListener('click', () => this.step(Number(button.dataset.step)));
    }
    this.playButton.addEventListener('click', () => (this.timer ? this.pause() : this.play()));
    root.addEventListener('keydown', (event) => {
      const delta = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
      if (!delta) return;
      event.preventDefault();
      this.step(delta);
    });
  }

  /** The number of output cells changed (or is 0 when the settings are invalid). */
  setCount(count) {
    // Another output shape has other windows: start again from none.
    if (count !== this.count) this.reset();
    this.count = count;
    for (const button of this.root.querySelectorAll('button')) button.disabled = count === 0;
    if (count === 0) this.pause();
    if (this.index >= count) this.index = -1;
    this.announce();
    if (this.index >= 0) this.onStep(this.index);
  }

  /** Back to no window shown, paused. */
  reset() {
    this.pause();
    this.index = -1;
    this.announce();
  }

  step(delta) {
    if (!this.count) return;
    // From no window yet, forward starts at the first and back at the last.
    this.index = this.index < 0 ? (delta > 0 ? 0 : this.count - 1) : (this.index + delta + this.count) % this.count;
    this.announce();
    this.onStep(this.index);
  }

  play() {
    if (!this.count) return;
    this.playButton.textContent = 'Pause';
    this.playButton.setAttribute('aria-pressed', 'true');
    this.step(1);
    this.timer = setInterval(() => this.step(1), reducedMotion() ? 2000 : 900);
  }

  pause() {
    clearInterval(this.timer);
    this.timer = null;
    this.playButton.textContent = 'Play';
    this.playButton.setAttribute('aria-pressed', 'false');
  }

  announce() {
    const windows = `${this.count} window${this.count === 1 ? '' : 's'}`;
    this.status.textContent = this.index < 0 ? windows : `window ${this.index + 1} of ${this.count}`;
  }
}
