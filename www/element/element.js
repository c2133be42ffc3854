// <plan-progress>: the custom element. A thin shell around the Rust/wasm chart: it owns the
// element's DOM and events (attributes, size, loading, errors) and asks Rust for every decision
// about the data (what to draw and how tall, what is under the pointer, what to say). Its parts:
// the legend and language switch (legend.js), the tooltip and keyboard (pointer.js), the data
// table (table.js), the menu with its panels and downloads (menu.js).
//
// No inline styles or scripts: styles are a constructed sheet and CSSOM properties, so the
// widget runs under `style-src 'self'`; the wasm needs `script-src 'wasm-unsafe-eval'`.

import { HEIGHTS } from '../generated/defaults.js';
import { el } from './dom.js';
import { offeredLanguages, renderLanguages, renderLegend } from './legend.js';
import { fetchText, languageOf, LoadFailure, loadWasm, measure, warmIntl, wasm } from './loader.js';
import { Menu } from './menu.js';
import { Pointer } from './pointer.js';
import { sheet } from './styles.js';
import { DataTable } from './table.js';

/** The widget's padding around the canvas, in CSS pixels (`.pp` in styles.js), both sides. */
const FRAME_PADDING = 24;
/** The least width the chart is laid out at (chart::view::MIN_WIDTH). */
const MIN_WIDTH = 200;
/** Host pages theme the widget with these custom properties (see the README). */
const COLOR_PROPS = ['background', 'text', 'muted', 'grid', 'axis'];

/** Whether the page is being printed (or print media is emulated): the chart is then drawn
 * light, sharp and without its controls. */
const printing = () => matchMedia('print').matches;

/** The height the Rust side gives a `view` chart `width` pixels wide (chart::view::HeightRule). */
function defaultHeight(view, width) {
  const [narrowBelow, narrow, ratio, min, max] = HEIGHTS[view] ?? HEIGHTS.series;
  return width < narrowBelow ? narrow : Math.round(Math.min(max, Math.max(min, width * ratio)));
}

export class PlanProgressElement extends HTMLElement {
  static observedAttributes = ['src', 'view', 'series', 'from', 'to', 'lang', 'theme', 'height', 'timeout',
    'digits', 'x-direction', 'languages', 'menu'];

  #frame; #title; #legend; #tools; #langs; #toggle; #stage; #canvas; #overlay; #tip; #tableBox; #summary; #source;
  #message; #live;
  #pointer; #menu; #table;
  /** The options of the last drawing, which downloads draw again at their own size. */
  #options = null;
  #showTable = false;
  /** The language the reader picked in the switch (`languages`), over every other source. */
  #picked = null;
  #chart = null;
  #chrome = null;
  #hidden = new Set();
  #width = 0;
  #raf = 0;
  #drawTimer = 0;
  #loadId = 0;
  #abort = null;
  #resize = null;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [sheet];
    this.#frame = el('div', 'pp');
    this.#title = el('p', 'title');
    this.#title.id = 'title';
    this.#legend = el('div', 'legend');
    this.#legend.setAttribute('role', 'group');
    this.#live = el('div', 'live');
    this.#live.setAttribute('aria-live', 'polite');
    this.#buildStage();
    this.#summary = el('p', 'summary');
    this.#summary.id = 'summary';
    this.#canvas.setAttribute('aria-describedby', 'summary');
    this.#buildTools();
    this.#tableBox = el('div', 'table');
    this.#tableBox.id = 'table';
    this.#tableBox.hidden = true;
    this.#table = new DataTable(this.#tableBox);
    this.#source = el('p', 'source');
    this.#message = el('div', 'message');
    this.#message.hidden = true;
    this.#frame.append(this.#title, this.#legend, this.#tools, this.#stage, this.#tableBox, this.#menu.panel,
      this.#summary, this.#source, this.#message, this.#live);
    root.append(this.#frame);
  }

  #buildStage() {
    this.#stage = el('div', 'stage');
    this.#canvas = el('canvas', 'chart');
    // plotters anchors text with textAlign start/end: keep the canvas LTR even in RTL pages
    this.#canvas.setAttribute('dir', 'ltr');
    this.#canvas.setAttribute('role', 'img');
    this.#canvas.setAttribute('aria-labelledby', 'title');
    this.#overlay = el('canvas', 'overlay');
    this.#overlay.setAttribute('dir', 'ltr');
    this.#overlay.setAttribute('aria-hidden', 'true');
    this.#tip = el('div', 'tip');
    this.#tip.setAttribute('role', 'tooltip');
    this.#tip.id = 'tip';
    this.#tip.hidden = true;
    this.#stage.append(this.#canvas, this.#overlay, this.#tip);
    this.#pointer = new Pointer(
      { stage: this.#stage, canvas: this.#canvas, overlay: this.#overlay, tip: this.#tip, live: this.#live },
      {
        chart: () => this.#chart, dir: () => this.#dir(), text: (key) => this.#text(key),
        select: (data) => this.dispatchEvent(new CustomEvent('plan-progress:select', { detail: data, bubbles: true })),
        contains: (node) => node === this, active: () => this.shadowRoot.activeElement,
      },
    );
  }

  #buildTools() {
    this.#tools = el('div', 'tools');
    this.#toggle = el('button', 'toggle');
    this.#toggle.type = 'button';
    this.#toggle.setAttribute('aria-controls', 'table');
    this.#toggle.setAttribute('aria-expanded', 'false');
    this.#langs = el('div', 'langs');
    this.#langs.setAttribute('role', 'group');
    this.#menu = new Menu({
      element: this, chart: () => this.#chart, options: () => this.#options,
      text: (key, ...args) => this.#text(key, ...args), lang: () => this.#lang(), dir: () => this.#dir(),
      title: () => this.#title.textContent, summary: () => this.summary,
      fileName: (extension, suffix) => this.#fileName(extension, suffix),
      announce: (text) => { this.#live.textContent = text; }, hideTip: () => this.#pointer.hide(),
    });
    this.#tools.append(this.#langs, this.#menu.wrap, this.#toggle);
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
    // printing draws the chart again, light and sharp, and once more after
    matchMedia('print').addEventListener('change', () => this.#draw(), { signal });
    window.addEventListener('beforeprint', () => this.#draw(), { signal });
    window.addEventListener('afterprint', () => this.#draw(), { signal });
    matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
      if ((this.getAttribute('theme') || '') === 'auto') this.#schedule();
    }, { signal });
    matchMedia('(forced-colors: active)').addEventListener('change', () => this.#schedule(), { signal });
    this.#watchRatio(signal);
    this.#resize = new ResizeObserver(() => {
      if (Math.round(this.clientWidth) !== this.#width) this.#schedule();
    });
    this.#resize.observe(this);
    this.#load();
  }

  disconnectedCallback() {
    this.#abort?.abort();
    this.#abort = null;
    this.#resize?.disconnect();
    this.#resize = null;
    cancelAnimationFrame(this.#raf);
    clearTimeout(this.#drawTimer);
    this.#table.clear();
    this.#chart?.free();
    this.#chart = null;
    this.#loadId++;
  }

  attributeChangedCallback(name, before, after) {
    if (before === after || !this.isConnected) return;
    if (name === 'src' || name === 'timeout') this.#load();
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
    return this.dataset.state === 'ready' ? (this.#chart?.count ?? 0) : 0;
  }

  /**
   * What the widget says about datum `index` (in drawing order): `{heading, value, when, lines,
   * note, source, data, sentence, box: [x, y, w, h]}`, the box in CSS pixels from the chart
   * canvas's top left corner; `null` when there is no such datum. For host pages that add
   * their own interactions, and for tests.
   */
  pointDetails(index) {
    return this.dataset.state === 'ready' ? (this.#chart?.details(index) ?? null) : null;
  }

  /** Redraw when the device pixel ratio changes (zoom, another screen). */
  #watchRatio(signal) {
    const query = matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
    query.addEventListener('change', () => {
      if (signal.aborted) return;
      this.#schedule();
      this.#watchRatio(signal);
    }, { signal, once: true });
  }

  /** The reader's language: the one picked in the switch, else the `lang` attribute, else the
   * nearest ancestor's, else the page's, else the dataset's default. */
  #lang() {
    return this.#picked || this.getAttribute('lang') || this.closest('[lang]')?.getAttribute('lang')
      || document.documentElement.lang || this.#chart?.defaultLanguage || 'en';
  }

  /** The direction of the reader's language (before a drawing says it). */
  #dir() {
    return this.#chrome?.dir ?? languageOf(this.#lang()).dir;
  }

  #onLanguage(event) {
    const button = event.target.closest?.('button[data-lang]');
    if (!button) return;
    this.#picked = button.dataset.lang;
    this.#draw();
    this.#langs.querySelector(`button[data-lang="${this.#picked}"]`)?.focus();
    this.dispatchEvent(new CustomEvent('plan-progress:language', { detail: { lang: this.#picked }, bubbles: true }));
  }

  #text(key, ...args) {
    try { return wasm()?.uiText(this.#lang(), key, args) || key; } catch { return key; }
  }

  /** The chart's width in CSS pixels: the element's, less the frame's padding. */
  #chartWidth() {
    return Math.max(MIN_WIDTH, Math.round(this.clientWidth || 600) - FRAME_PADDING);
  }

  /** The height asked with the `height` attribute, or null (Rust then decides). */
  #askedHeight() {
    const asked = Number(this.getAttribute('height'));
    return asked > 0 ? asked : null;
  }

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
      const [text] = await Promise.all([this.#readData(), loadWasm()]);
      if (id !== this.#loadId) return; // a newer load or a removal superseded this one
      this.#chart?.free();
      this.#chart = null;
      const started = performance.now();
      this.#chart = new (wasm().Chart)(text, this.#lang());
      const read = performance.now() - started;
      measure('read', started);
      // a slow read or a view that lays out much is laid out in the next frame and painted in
      // the task after; a usual view is drawn at once, without waiting a frame
      if (this.#chart.laysOutApart(this.#viewOptions(), read)) this.#schedule({ layoutFirst: true });
      else this.#draw();
    } catch (error) {
      if (id === this.#loadId) this.#fail(error);
    }
  }

  async #readData() {
    const src = this.getAttribute('src');
    if (!src) {
      const inline = this.querySelector('script[type="application/json"]');
      if (!inline) throw new Error('no data: set the src attribute or put a <script type="application/json"> inside the element');
      return inline.textContent;
    }
    // the whole download must finish within `timeout` seconds (default 10)
    const seconds = Number(this.getAttribute('timeout')) > 0 ? Number(this.getAttribute('timeout')) : 10;
    try {
      return await fetchText(src, seconds);
    } catch (error) {
      if (!(error instanceof LoadFailure)) throw error;
      // the message is in the reader's language: it waits for the wasm's words
      await loadWasm().catch(() => {});
      throw new Error(this.#text(error.key, ...error.args));
    }
  }

  #showLoading() {
    const height = this.#askedHeight() ?? defaultHeight(this.getAttribute('view') || 'series', this.#chartWidth());
    this.#stage.hidden = true;
    this.#tools.hidden = true;
    this.#tableBox.hidden = true;
    this.#menu.closePanel(false);
    this.#message.className = 'message loading';
    this.#message.replaceChildren(el('span', '', wasm() ? this.#text('loading') : '…'));
    this.#message.style.minHeight = `${height}px`;
    this.#message.removeAttribute('role');
    this.#message.hidden = false;
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

  #colors() {
    if (matchMedia('(forced-colors: active)').matches) return this.#systemColors();
    // on paper, the default light colours: a host's dark custom properties would print as ink
    if (printing()) return {};
    const style = getComputedStyle(this);
    const read = (name) => style.getPropertyValue(`--pp-${name}`).trim();
    const colors = {};
    for (const name of COLOR_PROPS) if (read(name)) colors[name] = read(name);
    colors.series = [1, 2, 3, 4, 5, 6].map((i) => read(`series-${i}`));
    return colors;
  }

  /**
   * In forced-colors mode (Windows high contrast) the canvas uses the system colours the reader
   * chose: the browser resolves the system colour keywords, read back here as rgb().
   */
  #systemColors() {
    const probe = el('span');
    this.shadowRoot.append(probe);
    const resolve = (keyword) => {
      probe.style.color = keyword;
      return getComputedStyle(probe).color;
    };
    const text = resolve('CanvasText');
    const colors = {
      background: resolve('Canvas'), text, muted: text, grid: resolve('GrayText'), axis: text,
      series: [text, resolve('LinkText'), resolve('Highlight'), text, resolve('LinkText'), resolve('Highlight')],
    };
    probe.remove();
    return colors;
  }

  #theme() {
    if (printing()) return 'light';
    const theme = this.getAttribute('theme') || 'light';
    if (theme === 'auto') return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
    return theme;
  }

  /** What Rust lays out: the attributes as they are (Rust fills in every default), the
   * language, theme and colours as the reader sees them, and the chart's width. */
  #viewOptions() {
    const attribute = (name) => this.getAttribute(name) || '';
    const year = (name) => {
      const value = parseInt(attribute(name), 10);
      return Number.isFinite(value) ? value : null;
    };
    return {
      view: attribute('view'), series: attribute('series'), hidden: [...this.#hidden].join(','),
      from: year('from'), to: year('to'), lang: this.#lang(), theme: this.#theme(), colors: this.#colors(),
      digits: attribute('digits'), xDirection: attribute('x-direction'),
      width: this.#chartWidth(), height: this.#askedHeight(),
    };
  }

  /** Lays the view out (Rust keeps it for the painting); returns its chrome, or null after
   * reporting the problem. */
  #layout() {
    if (!this.#chart) return null;
    const options = this.#viewOptions();
    try {
      const chrome = this.#chart.layout(this.#canvas, options);
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
    const chrome = laidOut ?? this.#layout();
    if (!this.#chart || !chrome) return;
    // paper: at least twice the density, so that print is sharp
    const dpr = Math.max(window.devicePixelRatio || 1, printing() ? 2 : 1);
    try {
      this.#chart.paint(this.#canvas, dpr);
    } catch (error) {
      this.#fail(error);
      return;
    }
    this.#show(chrome);
    measure('draw', started);
  }

  /** The HTML parts around the canvas: title, legend, source, summary, menu, tools. */
  #show(chrome) {
    this.#width = Math.round(this.clientWidth);
    this.#chrome = chrome;
    this.#canvas.style.height = `${chrome.height}px`;
    this.#overlay.style.height = `${chrome.height}px`;
    this.#frame.classList.toggle('dark', this.#options.theme === 'dark');
    this.#frame.setAttribute('dir', chrome.dir);
    this.#frame.setAttribute('lang', chrome.lang);
    this.#title.textContent = chrome.title;
    this.#source.textContent = chrome.source;
    renderLegend(this.#legend, chrome.legend);
    const offered = offeredLanguages(this.getAttribute('languages'));
    renderLanguages(this.#langs, offered, languageOf(this.#lang()).code, this.#text('language'));
    this.#summary.textContent = this.#chart.summary();
    this.#menu.render();
    this.#stage.tabIndex = chrome.points > 0 ? 0 : -1;
    this.#message.hidden = true;
    this.#tools.hidden = false;
    this.#renderMode();
    this.#pointer.reset(chrome.points);
    const first = this.dataset.state !== 'ready';
    this.#setState('ready');
    if (first) this.dispatchEvent(new CustomEvent('plan-progress:ready', { detail: { points: chrome.points }, bubbles: true }));
  }

  /** Shows the chart or, when the reader asked for it, the same data as a table. */
  #renderMode() {
    this.#toggle.textContent = this.#text(this.#showTable ? 'show-chart' : 'show-table');
    this.#toggle.setAttribute('aria-expanded', String(this.#showTable));
    this.#stage.hidden = this.#showTable;
    this.#tableBox.hidden = !this.#showTable;
    if (this.#showTable) this.#table.show(this.#chart.table());
    else this.#table.clear();
  }

  #onLegend(event) {
    const button = event.target.closest?.('button[data-id]');
    if (!button) return;
    const id = button.dataset.id;
    const shown = this.#chrome?.legend.filter((l) => !this.#hidden.has(l.id)) ?? [];
    if (this.#hidden.has(id)) this.#hidden.delete(id);
    else if (shown.length > 1) this.#hidden.add(id); // never hide the last series
    this.#draw();
    this.shadowRoot.querySelector(`.legend button[data-id="${CSS.escape(id)}"]`)?.focus();
  }

  /** "rating-tip-tier-ar.png": the view, its series and the language, as a file name. */
  #fileName(extension, suffix = '') {
    const words = [this.getAttribute('view') || 'series', this.getAttribute('series') || '', this.#lang()].join('-');
    const base = words.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80);
    return `${base || 'chart'}${suffix}.${extension}`;
  }

  /** The error state: the message in the reader's language and direction, and Retry. */
  #fail(error) {
    const detail = error instanceof Error ? error.message : String(error);
    this.#setState('error');
    this.#stage.hidden = true;
    this.#tools.hidden = true;
    this.#tableBox.hidden = true;
    this.#menu.closePanel(false);
    this.#summary.textContent = '';
    this.#title.textContent = '';
    this.#legend.replaceChildren();
    this.#source.textContent = '';
    const language = languageOf(this.#lang());
    this.#frame.setAttribute('dir', language.dir);
    this.#frame.setAttribute('lang', language.code);
    // the first line says what went wrong; the lines after it (a dataset's problems, each with
    // its JSON path) are kept as they are, left to right
    const [headline, ...problems] = detail.split('\n');
    const parts = [el('strong', '', wasm() ? this.#text('error') : 'This chart could not be shown.'), el('p', 'detail', headline)];
    if (problems.length) {
      const list = el('pre', 'problems', problems.join('\n'));
      list.dir = 'ltr';
      parts.push(list);
    }
    const retry = el('button', '', wasm() ? this.#text('retry') : 'Retry');
    retry.type = 'button';
    retry.addEventListener('click', () => this.#load(), { once: true });
    this.#message.className = 'message';
    this.#message.setAttribute('role', 'alert');
    this.#message.replaceChildren(...parts, retry);
    this.#message.hidden = false;
    this.dispatchEvent(new CustomEvent('plan-progress:error', { detail: { message: detail }, bubbles: true }));
  }
}
