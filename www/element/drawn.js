// The chart a widget draws: the wasm Chart, the Data it is drawn from and the module both are
// from (see loader.js, MODULES). A widget drawn with the first module moves to the full one when
// it needs what only that module has: its chart's description, the table, the downloads, the
// sources and embed panels. The move is unseen: the full module lays the same view out again
// (same code, same scene) and the widget keeps what it shows; only the chart object changes.

import { datasetOf, isFull, whenIdle } from './loader.js';

export class Drawn {
  /** The wasm Chart (null before the first read), its Data (shared by the widgets of one src and
   * kept by loader.js, or read from inline data: the widget's own, freed with it), and the
   * bindings of their module. */
  chart = null; data = null; code = null;
  #own = null;
  #host;
  #pending = null;

  /** `host`: {element, lang(), options() (the last drawing's), canvas, loadId(), moved()
   * (called once the chart is the full module's)}. */
  constructor(host) {
    this.#host = host;
  }

  /** Whether the chart is the full module's. */
  get full() {
    return this.chart !== null && isFull(this.code);
  }

  /** A new chart of a dataset read (see loader.js, datasetOf), in place of the one before. */
  start(read) {
    this.#take(new read.code.Chart(read.data), read);
  }

  /** `chart` of `read`'s data in place of the chart (and the widget's own data) before. */
  #take(chart, { data, code, own }) {
    this.free();
    [this.chart, this.data, this.code] = [chart, data, code];
    if (own) this.#own = data;
  }

  /** Frees the chart and the widget's own data. */
  free() {
    this.chart?.free();
    this.#own?.free();
    [this.chart, this.#own] = [null, null];
  }

  /**
   * The chart from the full module: at once when it is one; else once the full module is loaded
   * and the data read with it (each once for the page), and the view laid out again. null when
   * the widget was reloaded or removed meanwhile. Fails with an Error in the reader's words (the
   * module did not arrive, or did not match its hash): nothing drawn is lost.
   */
  fullChart() {
    if (!this.chart || this.full) return Promise.resolve(this.chart);
    this.#pending ??= this.#move().finally(() => { this.#pending = null; });
    return this.#pending;
  }

  async #move() {
    const host = this.#host;
    const id = host.loadId();
    const read = await datasetOf(host.element, host.lang(), 'full');
    // the read and the layout in tasks of their own: neither holds the page long
    await new Promise((next) => setTimeout(next, 0));
    const options = host.options();
    if (id !== host.loadId() || !this.chart || !options || this.full) {
      if (read.own) read.data.free();
      return this.full ? this.chart : null;
    }
    const chart = new read.code.Chart(read.data);
    try {
      chart.layout(host.canvas, options);
    } catch (error) {
      chart.free();
      if (read.own) read.data.free();
      throw error;
    }
    this.#take(chart, read);
    host.moved();
    return chart;
  }

  /**
   * Moves to the full module once the page is first idle after the first chart, for the chart's
   * description (until then a plain element has only its title). A browser that asks to save
   * data (Save-Data) waits until the reader first points at or focuses the widget. A failure
   * waits for the reader's next use of a feature, which says it and offers Retry.
   */
  soon(signal) {
    const move = () => this.fullChart().catch(() => {});
    if (navigator.connection?.saveData) {
      for (const type of ['pointerenter', 'focusin']) {
        this.#host.element.addEventListener(type, move, { once: true, signal });
      }
    } else whenIdle(move);
  }
}
