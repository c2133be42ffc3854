// <plan-progress>: the custom element. A thin shell around the Rust/wasm chart: it owns the
// element's DOM and events (attributes, size, loading, errors) and asks Rust for every decision
// about the data (what to draw and how tall, what is under the pointer, what to say). Its parts:
// the legend and language switch (legend.js), the tooltip and keyboard (pointer.js), the data
// table (table.js), the menu with its panels and downloads (menu.js), the wasm chart (drawn.js).
// No inline styles or scripts: styles are a constructed sheet and CSSOM properties, so the
// widget runs under `style-src 'self'`; the wasm needs `script-src 'wasm-unsafe-eval'`.

import { MIN_HEIGHT } from '../generated/defaults.js';
import { paintRatio, watchColors } from './colors.js';
import { offeredLanguages, renderLanguages, renderLegend, toggleSeries } from './legend.js';
import { datasetOf, forgetData, hasWords, languageOf, loadCode, measure, moduleFor, needsFull, uiText, warmIntl } from './loader.js';
import { stills } from './embed.js';
import { Menu } from './menu.js';
import { askedHeight, chartWidth, viewOptions } from './options.js';
import { Drawn } from './drawn.js';
import { buildParts, showError, showLoading } from './parts.js';
import { watchRatio } from './dom.js';
import { Pointer } from './pointer.js';
import { defaultHeight, Still, whenNear } from './still.js';
import { sheet } from './styles.js';
import { inTurn } from './turns.js';
import { DataTable } from './table.js';

export class PlanProgressElement extends HTMLElement {
  static observedAttributes = ['src', 'view', 'series', 'from', 'to', 'lang', 'theme', 'height', 'timeout',
    'digits', 'x-direction', 'languages', 'menu', 'poster'];

  #frame; #title; #legend; #tools; #langs; #toggle; #stage; #canvas; #overlay; #tip; #tableBox; #summary; #source;
  #message; #live;
  #pointer; #menu; #table; #still; #drawn;
  // #drawn: the wasm chart and its data (see drawn.js); #stillHeight: the
  // height the first drawing takes, the still's; #started: loading began (the widget came near
  // the viewport); #options: the last drawing's, which downloads draw again at their own size;
  // #picked: the language picked in the switch, over every other source
  #chrome = null; #options = null;
  #stillHeight = 0; #started = false; #showTable = false; #picked = null; #hidden = new Set();
  #width = 0; #dpr = 0; #ratio = null; #raf = 0; #drawTimer = 0; #loadId = 0; #abort = null; #resize = null;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [sheet];
    const p = buildParts();
    [this.#frame, this.#title, this.#legend, this.#tools, this.#langs, this.#toggle, this.#stage, this.#canvas] = [
      p.frame, p.title, p.legend, p.tools, p.langs, p.toggle, p.stage, p.canvas];
    [this.#overlay, this.#tip, this.#tableBox, this.#summary, this.#source, this.#message, this.#live] = [
      p.overlay, p.tip, p.tableBox, p.summary, p.source, p.message, p.live];
    this.#pointer = new Pointer(p, {
      chart: () => this.#drawn.chart, dir: () => this.#dir(), text: (key) => this.#text(key),
      select: (data) => this.dispatchEvent(new CustomEvent('plan-progress:select', { detail: data, bubbles: true })),
      contains: (node) => node === this, active: () => this.shadowRoot.activeElement,
    });
    this.#drawn = new Drawn({
      element: this, lang: () => this.#lang(), options: () => this.#options, canvas: this.#canvas,
      loadId: () => this.#loadId, moved: () => this.#described(),
    });
    this.#menu = new Menu({
      element: this, chart: () => this.#drawn.chart, fullChart: () => this.#drawn.fullChart(), options: () => this.#options,
      text: (key, ...args) => this.#text(key, ...args), lang: () => this.#lang(), dir: () => this.#dir(),
      title: () => this.#title.textContent, summary: () => this.summary,
      announce: (text) => { this.#live.textContent = text; }, hideTip: () => this.#pointer.hide(),
    });
    this.#tools.append(this.#langs, this.#menu.wrap, this.#toggle);
    this.#table = new DataTable(this.#tableBox);
    this.#still = new Still(this);
    this.#frame.append(this.#title, this.#legend, this.#tools, this.#stage, this.#tableBox, this.#menu.panel,
      this.#summary, this.#source, this.#message, this.#live);
    // the still outside the padded frame: where the page showed it before the script ran
    root.append(this.#still.box, this.#frame);
  }

  connectedCallback() {
    // every listener and observer of this instance goes when it is removed from the page
    this.#abort = new AbortController();
    const signal = this.#abort.signal;
    this.#pointer.listen(signal);
    this.#menu.listen(signal);
    // a press outside closes a pinned tooltip and the menu (one listener per widget)
    document.addEventListener('pointerdown', (e) => {
      const path = e.composedPath();
      this.#pointer.pressed(path);
      this.#menu.pressed(path);
    }, { signal });
    this.#legend.addEventListener('click', (e) => this.#onLegend(e), { signal });
    this.#langs.addEventListener('click', (e) => this.#onLanguage(e), { signal });
    this.#toggle.addEventListener('click', () => {
      this.#showTable = !this.#showTable;
      this.#renderMode();
      this.#toggle.focus();
    }, { signal });
    watchColors(this, signal, { now: () => this.#draw(), soon: () => this.#schedule() });
    // a new width, or a new pixel ratio (zoom, another screen: the canvas's device pixels change)
    this.#resize = new ResizeObserver(() => {
      if (Math.round(this.clientWidth) !== this.#width || paintRatio() !== this.#dpr) this.#schedule();
    });
    this.#resize.observe(this);
    this.#resize.observe(this.#canvas, { box: 'device-pixel-content-box' });
    // held by the element: a MediaQueryList that nothing holds may be collected with its listener
    this.#ratio = watchRatio(signal, () => this.#schedule());
    // far below the fold, a widget waits, loading nothing, until the reader comes near it
    this.#setState('loading');
    this.#showLoading();
    whenNear(this, signal, () => {
      this.#started = true;
      this.#load();
    });
  }

  disconnectedCallback() {
    this.#abort?.abort();
    this.#abort = null;
    this.#resize?.disconnect();
    this.#resize = null;
    cancelAnimationFrame(this.#raf);
    clearTimeout(this.#drawTimer);
    this.#table.clear();
    this.#drawn.free();
    this.#started = false;
    this.#loadId++;
  }

  /**
   * Downloads, checks and compiles a wasm module of the widget's (`which`: 'first', what the
   * first widget near the viewport does, or 'full'), once for the page: a host may start it
   * sooner. Resolves with its bindings (for tests and tools: not a stable interface); rejects
   * with an Error that says why in the page's language (it did not match its hash, or arrive).
   */
  static load(which = 'first') {
    return loadCode(document.documentElement.lang || 'en', which);
  }

  attributeChangedCallback(name, before, after) {
    // before the widget is connected and near the viewport, its load reads every attribute
    if (before === after || !this.#started) return;
    // a view only the full module draws, for a widget drawn with the first: read again
    const fuller = name === 'view' && needsFull(after) && !this.#drawn.full;
    if (name === 'src' || name === 'timeout' || fuller) this.#load();
    else {
      if (name === 'series' || name === 'view') this.#hidden.clear();
      this.#schedule();
    }
  }

  /** The chart's summary in words (what screen readers hear), in the reader's language; '' until
   * ready. */
  get summary() {
    return this.#summary.textContent || '';
  }

  /** The number of data drawn (points, bars, cards, milestones); 0 in every state but ready. */
  get points() {
    return this.dataset.state === 'ready' ? (this.#drawn.chart?.count ?? 0) : 0;
  }

  /**
   * What the widget says about datum `index` (in drawing order): `{heading, value, when, lines,
   * note, source, data, sentence, box: [x, y, w, h]}`, the box in CSS pixels from the chart
   * canvas's top left corner; `null` when there is no such datum. For host pages that add
   * their own interactions, and for tests.
   */
  pointDetails(index) {
    return this.dataset.state === 'ready' ? (this.#drawn.chart?.details(index) ?? null) : null;
  }

  /** The stills of the chart as drawn, `{narrow, wide}` SVGs for the embed code; null until described. */
  stillPictures() {
    if (this.dataset.state !== 'ready' || !this.#drawn.full || !this.#options) return null;
    return stills(this.#drawn.chart, this.#options, askedHeight(this));
  }

  /** The reader's language: the one picked in the switch, else the `lang` attribute, else the
   * nearest ancestor's, else the page's, else the dataset's default. */
  #lang() {
    return this.#picked || this.getAttribute('lang') || this.closest('[lang]')?.getAttribute('lang')
      || document.documentElement.lang || this.#drawn.data?.defaultLanguage || 'en';
  }

  /** The direction of the reader's language (before a drawing says it). */
  #dir() {
    return this.#chrome?.dir ?? languageOf(this.#lang()).dir;
  }

  #onLanguage(event) {
    const picked = event.target.closest?.('button[data-lang]')?.dataset.lang;
    if (!picked) return;
    this.#picked = picked;
    this.#draw();
    this.#langs.querySelector(`button[data-lang="${this.#picked}"]`)?.focus();
    this.dispatchEvent(new CustomEvent('plan-progress:language', { detail: { lang: this.#picked }, bubbles: true }));
  }

  /** The widget's words for `key`, in the reader's language. */
  #text = (key, ...args) => uiText(this.#lang(), key, ...args);

  #setState(state) {
    this.dataset.state = state;
    this.#frame.setAttribute('aria-busy', String(state === 'loading'));
  }

  async #load() {
    const id = ++this.#loadId;
    this.#setState('loading');
    this.#pointer.hide();
    this.#showLoading();
    warmIntl(this.#lang());
    try {
      this.#drawn.free();
      const read = await datasetOf(this, this.#lang(), moduleFor(this.getAttribute('view') || ''));
      await inTurn(() => this.#start(id, read));
    } catch (error) {
      if (id === this.#loadId) this.#fail(error);
    }
  }

  /** The first drawing of `data` for load `id`, unless a newer load or a removal superseded it,
   * in its turn (the page's other widgets of this dataset are ready in the same task). A slow
   * read or a view that lays out much is laid out in the next frame and painted in the task
   * after; a usual view is drawn at once, without waiting a frame. */
  #start(id, read) {
    if (id !== this.#loadId) {
      if (read.own) read.data.free();
      return;
    }
    this.#drawn.start(read);
    this.#stillHeight = askedHeight(this) ? 0 : this.#still.height();
    if (this.#drawn.chart.laysOutApart(this.#viewOptions(), read.readMs)) this.#schedule({ layoutFirst: true });
    else this.#draw();
  }

  /** Until the chart is drawn: its still picture, or a message that keeps its height. */
  #showLoading() {
    this.#hideChart();
    this.#still.show(true);
    const height = askedHeight(this) ?? defaultHeight(this.getAttribute('view') || 'series', chartWidth(this));
    showLoading(this.#message, hasWords() ? this.#text('loading') : '…', height);
    // the still stands for the whole widget until the chart is drawn
    this.#frame.hidden = this.#still.present;
  }

  /** Hides the chart, its tools, its table and the menu's panel (loading, or failed). */
  #hideChart() {
    this.#stage.hidden = true;
    this.#tools.hidden = true;
    this.#tableBox.hidden = true;
    this.#menu.closePanel(false);
  }

  /** Draws in the next frame; with `layoutFirst`, lays out in the next frame and paints in the
   * task after it, so that neither holds the page for long. */
  #schedule({ layoutFirst = false } = {}) {
    cancelAnimationFrame(this.#raf);
    clearTimeout(this.#drawTimer);
    this.#raf = requestAnimationFrame(() => {
      if (!layoutFirst) return this.#draw();
      const started = performance.now();
      const chrome = this.#layout();
      measure('layout', started);
      if (chrome) this.#drawTimer = setTimeout(() => this.#draw(chrome), 0);
    });
  }

  /** What Rust lays out (see options.js), at `height` when given. */
  #viewOptions(height = null) {
    return viewOptions(this, { hidden: this.#hidden, lang: this.#lang(), height });
  }

  /** Lays the view out (Rust keeps it for the painting), at `height` when given; returns its
   * chrome, or null after reporting the problem. */
  #layout(height = null) {
    if (!this.#drawn.chart) return null;
    const options = this.#viewOptions(height);
    try {
      const chrome = this.#drawn.chart.layout(this.#canvas, options);
      this.#options = options;
      return chrome;
    } catch (error) {
      this.#fail(error);
      return null;
    }
  }

  /** Paints the chart and its HTML parts: laid out ahead (`chrome`), or now. */
  #draw(laidOut = null) {
    const started = performance.now();
    let chrome = laidOut ?? this.#layout();
    if (!this.#drawn.chart || !chrome) return;
    this.#show(chrome);
    if (this.#stillHeight > 0) chrome = this.#fitStill(chrome);
    if (!chrome) return;
    const dpr = paintRatio();
    try {
      this.#drawn.chart.paint(this.#canvas, dpr);
      this.#dpr = dpr;
    } catch (error) {
      this.#fail(error);
      return;
    }
    this.#ready(chrome);
    measure('draw', started);
  }

  /**
   * The first drawing over a still takes the still's height, so that nothing below the widget
   * moves: the chart gets what the still's height leaves after the title, legend and source
   * (laid out again at that height when it differs). Returns the chrome to paint.
   */
  #fitStill(chrome) {
    const others = this.#frame.getBoundingClientRect().height - chrome.height;
    const height = Math.max(MIN_HEIGHT, this.#stillHeight - others);
    this.#stillHeight = 0;
    if (Math.abs(height - chrome.height) < 0.01) return chrome;
    const fitted = this.#layout(height);
    if (fitted) this.#show(fitted);
    return fitted;
  }

  /** The HTML parts around the canvas (title, legend, source, summary, menu, tools) in place
   * of the still, for `chrome`. */
  #show(chrome) {
    this.#width = Math.round(this.clientWidth);
    this.#chrome = chrome;
    for (const canvas of [this.#canvas, this.#overlay]) {
      canvas.style.width = `${this.#options.width}px`;
      canvas.style.height = `${chrome.height}px`;
    }
    this.#still.show(false);
    this.#frame.hidden = false;
    this.#frame.classList.toggle('dark', this.#options.theme === 'dark');
    this.#frame.setAttribute('dir', chrome.dir);
    this.#frame.setAttribute('lang', chrome.lang);
    this.#title.textContent = chrome.title;
    this.#source.textContent = chrome.source;
    renderLegend(this.#legend, chrome.legend);
    const offered = offeredLanguages(this.getAttribute('languages'));
    renderLanguages(this.#langs, offered, languageOf(this.#lang()).code, this.#text('language'));
    this.#message.hidden = true;
    this.#tools.hidden = false;
    this.#stage.hidden = this.#showTable;
  }

  /** The chart is drawn: its words, its mode (chart or table), the ready state. */
  #ready(chrome) {
    this.#summary.textContent = this.#drawn.full ? this.#drawn.chart.summary() : '';
    this.#menu.render();
    this.#stage.tabIndex = chrome.points > 0 ? 0 : -1;
    this.#renderMode();
    this.#pointer.reset(chrome.points);
    const first = this.dataset.state !== 'ready';
    this.#setState('ready');
    if (!first) return;
    this.dispatchEvent(new CustomEvent('plan-progress:ready', { detail: { points: chrome.points }, bubbles: true }));
    if (this.#drawn.full) this.#described();
    else this.#drawn.soon(this.#abort?.signal);
  }

  /** The chart is now the full module's (drawn.js): its description. */
  #described() {
    this.#summary.textContent = this.#drawn.chart.summary();
    this.dispatchEvent(new CustomEvent('plan-progress:described', { bubbles: true }));
  }

  /** Shows the chart or, when the reader asked for it, the same data as a table. */
  #renderMode() {
    this.#toggle.textContent = this.#text(this.#showTable ? 'show-chart' : 'show-table');
    this.#toggle.setAttribute('aria-expanded', String(this.#showTable));
    this.#stage.hidden = this.#showTable;
    this.#tableBox.hidden = !this.#showTable;
    if (this.#showTable) this.#table.showFrom(this.#drawn, (key) => this.#text(key));
    else this.#table.clear();
  }

  #onLegend(event) {
    const id = event.target.closest?.('button[data-id]')?.dataset.id;
    if (id == null) return;
    toggleSeries(this.#hidden, id, this.#chrome?.legend ?? []);
    this.#draw();
    this.shadowRoot.querySelector(`.legend button[data-id="${CSS.escape(id)}"]`)?.focus();
  }

  /** The error state: the message in the reader's language and direction, and Retry. */
  #fail(error) {
    const detail = error instanceof Error ? error.message : String(error);
    this.#setState('error');
    this.#hideChart();
    this.#summary.textContent = this.#title.textContent = this.#source.textContent = '';
    this.#legend.replaceChildren();
    // a still stays: the reader keeps the picture, with the message under it
    this.#frame.hidden = false;
    const { dir, code } = languageOf(this.#lang());
    this.#frame.setAttribute('dir', dir);
    this.#frame.setAttribute('lang', code);
    const retry = () => {
      if (this.getAttribute('src')) forgetData(this.getAttribute('src'));
      this.#load();
    };
    showError(this.#message, { title: this.#text('error'), detail, retryText: this.#text('retry'), retry });
    this.dispatchEvent(new CustomEvent('plan-progress:error', { detail: { message: detail }, bubbles: true }));
  }
}
