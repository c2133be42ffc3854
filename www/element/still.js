// What a reader sees before the chart: the still picture of the embed code (the element's own
// children, shown through a slot) or of a `poster` attribute, until the chart is drawn over it
// at the same height; and when to start loading at all: only once the widget comes near the
// viewport, as images with loading="lazy" do.

import { HEIGHTS } from '../generated/defaults.js';
import { el } from './dom.js';

/** The height the Rust side gives a `view` chart `width` pixels wide (chart::view::HeightRule):
 * what a widget without a still reserves while it loads. */
export function defaultHeight(view, width) {
  const [narrowBelow, narrow, ratio, min, max] = HEIGHTS[view] ?? HEIGHTS.series;
  return width < narrowBelow ? narrow : Math.round(Math.min(max, Math.max(min, width * ratio)));
}

/** How far ahead of the viewport a widget starts to load: about one screen. */
const AHEAD = '100% 0px 100% 0px';

export class Still {
  #element;
  /** The box in the shadow root that shows the still: the slot, or the poster's image. */
  box;
  #poster;

  /** `element`: the <plan-progress> whose children and `poster` are the still. */
  constructor(element) {
    this.#element = element;
    this.box = el('div', 'still');
    this.#poster = el('img', 'poster');
    this.#poster.alt = '';
    this.#poster.hidden = true;
    this.box.append(el('slot'), this.#poster);
  }

  /** Whether there is a picture to show: children other than inline data, or a poster. */
  get present() {
    const children = [...this.#element.children].filter((c) => !c.matches('script[type="application/json"]'));
    return children.length > 0 || Boolean(this.#element.getAttribute('poster'));
  }

  /** Shows the still (`true`), or the chart in its place (`false`). */
  show(shown) {
    const poster = this.#element.getAttribute('poster');
    const hasChildren = this.present && !poster;
    this.#poster.hidden = !poster || hasChildren;
    if (poster && this.#poster.getAttribute('src') !== poster) this.#poster.src = poster;
    this.box.hidden = !shown || !this.present;
  }

  /** The height the still takes on the page now, in CSS pixels (0 when none is shown). */
  height() {
    return this.box.hidden ? 0 : this.box.getBoundingClientRect().height;
  }
}

/**
 * Runs `start` once `element` comes within about a screen of the viewport, at once when it is
 * already there, when it asks for `loading="eager"`, or when the page is printed; never after
 * `signal` aborts.
 */
export function whenNear(element, signal, start) {
  const run = () => {
    if (signal.aborted || done) return;
    done = true;
    observer.disconnect();
    start();
  };
  let done = false;
  const observer = new IntersectionObserver((entries) => {
    if (entries.some((e) => e.isIntersecting)) run();
  }, { rootMargin: AHEAD });
  if ((element.getAttribute('loading') || '').toLowerCase() === 'eager' || near(element)) {
    run();
    return;
  }
  observer.observe(element);
  window.addEventListener('beforeprint', run, { signal, once: true });
  matchMedia('print').addEventListener('change', (e) => { if (e.matches) run(); }, { signal });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}

/** Whether `element` is within a screen of the viewport now (so its load need not wait for the
 * observer's first report, a frame later). */
function near(element) {
  const box = element.getBoundingClientRect();
  const screen = window.innerHeight || document.documentElement.clientHeight;
  return box.bottom >= -screen && box.top <= 2 * screen && (box.width > 0 || box.height > 0);
}
