// The tooltip, the hover and focus rings, and the keyboard: what the pointer or the keys point at
// is asked of the Rust side (hit, step, details), which also draws the ring on the overlay canvas;
// the chart itself is never redrawn for hover or focus.
//
// Tooltips follow WCAG 1.4.13: dismissible with Escape wherever the focus is, hoverable (the
// pointer may move onto them) and persistent (a touch pins one until a touch elsewhere).

import { el, webLink } from './dom.js';

export class Pointer {
  #parts;
  #host;
  #hover = -1;
  #focus = -1;
  #pinned = false;
  #helped = false;

  /**
   * `parts`: {stage, canvas, overlay, tip, live} of the widget's shadow root. `host`: {chart()
   * (the wasm chart or null), dir() ('ltr' or 'rtl'), text(key), select(details.data),
   * contains(node), active()} (the focused element of the shadow root).
   */
  constructor(parts, host) {
    this.#parts = parts;
    this.#host = host;
  }

  /** Listens to the stage and the document until `signal` aborts. */
  listen(signal) {
    const { stage } = this.#parts;
    stage.addEventListener('pointermove', (e) => this.#onPointerMove(e), { signal });
    stage.addEventListener('pointerleave', () => { if (!this.#pinned) this.hide(); }, { signal });
    stage.addEventListener('pointerdown', (e) => this.#onPointerDown(e), { signal });
    stage.addEventListener('click', (e) => this.#onClick(e), { signal });
    stage.addEventListener('keydown', (e) => this.#onKey(e), { signal });
    stage.addEventListener('blur', () => this.#onBlur(), { signal });
    stage.addEventListener('focus', () => {
      // once per widget: say which keys do what, in words
      if (this.#helped || !this.#host.chart()) return;
      this.#helped = true;
      this.#parts.live.textContent = this.#host.text('help');
    }, { signal });
    // Escape closes a tooltip wherever the keyboard focus is: a mouse hover does not move the
    // focus into the widget (WCAG 1.4.13, dismissible without moving the pointer)
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && !this.#parts.tip.hidden) this.hide();
    }, { signal });
  }

  /** A press somewhere in the page (`path`: its composed path) closes a pinned tooltip unless it
   * is on the widget. */
  pressed(path) {
    if (this.#pinned && !path.some((node) => this.#host.contains(node))) this.hide();
  }

  /** After a drawing of `points` data: nothing hovered, the focus kept within the data. */
  reset(points) {
    this.#hover = -1;
    this.#focus = Math.min(this.#focus, points - 1);
    this.hide();
  }

  /** Hides the tooltip and the hover ring (the focus ring stays while the chart has focus). */
  hide() {
    const { tip, stage, overlay } = this.#parts;
    this.#pinned = false;
    this.#hover = -1;
    tip.hidden = true;
    stage.removeAttribute('aria-describedby');
    const chart = this.#host.chart();
    if (!chart) return;
    const focusShown = this.#host.active() === stage && this.#focus >= 0;
    chart.highlight(overlay, focusShown ? this.#focus : -1, true, window.devicePixelRatio || 1);
  }

  /** The pointer in the chart's CSS pixels, also on a host page that scales or zooms it. */
  #point(event) {
    const { canvas } = this.#parts;
    const rect = canvas.getBoundingClientRect();
    const sx = rect.width > 0 ? canvas.offsetWidth / rect.width : 1;
    const sy = rect.height > 0 ? canvas.offsetHeight / rect.height : 1;
    return { x: (event.clientX - rect.left) * sx, y: (event.clientY - rect.top) * sy };
  }

  #onPointerMove(event) {
    const chart = this.#host.chart();
    if (!chart || event.pointerType === 'touch' || this.#pinned) return;
    const { x, y } = this.#point(event);
    const index = chart.hit(x, y, 16);
    if (index === this.#hover) return;
    this.#hover = index;
    if (index < 0) this.hide();
    else this.#show(index, false);
  }

  #onPointerDown(event) {
    const chart = this.#host.chart();
    if (!chart || event.pointerType === 'mouse') return;
    // touch and pen: a tap shows the nearest datum and keeps it until a tap elsewhere or Esc
    const { x, y } = this.#point(event);
    const index = chart.hit(x, y, 28);
    if (index < 0) {
      this.hide();
      return;
    }
    this.#hover = index;
    this.#show(index, false);
    this.#pinned = true;
  }

  #onClick(event) {
    const chart = this.#host.chart();
    if (!chart || event.target !== this.#parts.canvas) return;
    const { x, y } = this.#point(event);
    const index = chart.hit(x, y, event.pointerType === 'touch' ? 28 : 16);
    if (index >= 0) this.#select(index);
  }

  #onBlur() {
    if (this.#focus >= 0) this.#host.chart()?.highlight(this.#parts.overlay, -1, true, window.devicePixelRatio || 1);
    if (!this.#pinned) this.hide();
  }

  #onKey(event) {
    const chart = this.#host.chart();
    if (!chart) return;
    if (event.key === 'Escape') {
      if (!this.#parts.tip.hidden) {
        this.hide();
        event.preventDefault();
        event.stopPropagation();
      } else this.#parts.stage.blur();
      return;
    }
    if ((event.key === 'Enter' || event.key === ' ') && this.#focus >= 0) {
      event.preventDefault();
      this.#select(this.#focus);
      return;
    }
    const next = chart.step(this.#focus, event.key);
    if (next < 0) return;
    event.preventDefault();
    this.#focus = next;
    const details = this.#show(next, true);
    if (details) this.#parts.live.textContent = details.sentence;
  }

  #select(index) {
    const details = this.#host.chart()?.details(index);
    if (details) this.#host.select(details.data);
  }

  /** Shows the tooltip of datum `index` and its ring on the overlay; returns its details. */
  #show(index, focus) {
    const chart = this.#host.chart();
    const d = chart.details(index);
    if (!d) {
      this.hide();
      return null;
    }
    const { tip, stage, overlay } = this.#parts;
    chart.highlight(overlay, index, focus, window.devicePixelRatio || 1);
    const parts = [el('p', 'heading', d.heading), el('p', 'value', d.when ? `${d.when} · ${d.value}` : d.value)];
    for (const line of d.lines) parts.push(el('p', '', line));
    if (d.note) parts.push(el('p', 'note', d.note));
    if (d.source) {
      const source = el('p', 'source');
      const link = webLink(d.source.url, d.source.cite);
      // the tooltip closes when the chart loses focus: its link is for the pointer; keyboard
      // readers find every source in the table
      if (link) link.tabIndex = -1;
      source.append(link ?? d.source.cite);
      parts.push(source);
    }
    tip.replaceChildren(...parts);
    tip.setAttribute('dir', this.#host.dir());
    tip.hidden = false;
    this.#place(d.box);
    stage.setAttribute('aria-describedby', 'tip');
    return d;
  }

  /** Puts the tooltip above the datum, or below when there is no room, inside the stage. */
  #place([x, y, w, h]) {
    const { tip, stage } = this.#parts;
    const area = stage.getBoundingClientRect();
    const box = tip.getBoundingClientRect();
    const gap = 12;
    const left = Math.min(Math.max(0, x - box.width / 2), Math.max(0, area.width - box.width));
    let top = y - h / 2 - gap - box.height;
    if (top < 0) top = y + h / 2 + gap;
    if (top + box.height > area.height) top = Math.max(0, area.height - box.height);
    tip.style.left = `${Math.round(left)}px`;
    tip.style.top = `${Math.round(top)}px`;
  }
}
