// <plan-progress>: the custom element. A thin shell around the Rust/wasm chart: it owns the
// element's lifecycle (attributes, size, loading, errors) and asks Rust to draw.
// Usage: <script type="module" src=".../plan-progress.js"></script>
//        <plan-progress src=".../morocco.json" view="series" lang="fr"></plan-progress>
import init, { Chart } from './pkg/plan_progress.js';

const TAG = 'plan-progress';

// One wasm module for every widget on the page, compiled once (streaming, beside this file).
let wasmReady = null;
function loadWasm() {
  wasmReady ??= init({ module_or_path: new URL('./pkg/plan_progress_bg.wasm', import.meta.url) });
  return wasmReady;
}

// Constructable style sheets: no inline style element, so a strict style-src CSP is respected.
const sheet = new CSSStyleSheet();
sheet.replaceSync(`
  :host { display: block; position: relative; min-width: 200px; color: CanvasText; }
  :host([hidden]) { display: none; }
  canvas { display: block; width: 100%; }
  .message { box-sizing: border-box; padding: 1rem; border: 1px solid #b0b0b0; border-radius: 4px;
             font: 14px/1.4 system-ui, sans-serif; display: flex; flex-direction: column;
             justify-content: center; gap: .75rem; }
  .message[hidden] { display: none; }
  .message pre { white-space: pre-wrap; margin: 0; font-size: 12px; max-height: 12em; overflow: auto; }
  .message button { align-self: flex-start; font: inherit; padding: .35rem .9rem; cursor: pointer; }
`);

class PlanProgressElement extends HTMLElement {
  static observedAttributes = ['src', 'view', 'series', 'from', 'to', 'lang', 'theme', 'height'];

  #canvas;
  #message;
  #chart = null;
  #resize = null;
  #frame = 0;
  #loadId = 0;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [sheet];
    this.#canvas = document.createElement('canvas');
    // plotters anchors text with textAlign start/end: keep the canvas LTR even in RTL pages
    this.#canvas.setAttribute('dir', 'ltr');
    this.#canvas.setAttribute('role', 'img');
    this.#message = document.createElement('div');
    this.#message.className = 'message';
    this.#message.setAttribute('role', 'alert');
    this.#message.hidden = true;
    root.append(this.#canvas, this.#message);
  }

  connectedCallback() {
    this.#resize = new ResizeObserver(() => this.#scheduleDraw());
    this.#resize.observe(this);
    this.#load();
  }

  disconnectedCallback() {
    this.#resize?.disconnect();
    this.#resize = null;
    cancelAnimationFrame(this.#frame);
    this.#chart?.free();
    this.#chart = null;
    this.#loadId++;
  }

  attributeChangedCallback(name, before, after) {
    if (before === after || !this.isConnected) return;
    if (name === 'src') this.#load();
    else this.#scheduleDraw();
  }

  #setState(state) {
    this.dataset.state = state;
  }

  async #load() {
    const id = ++this.#loadId;
    this.#setState('loading');
    this.#message.hidden = true;
    this.#sizeCanvas();
    try {
      const [text] = await Promise.all([this.#readData(), loadWasm()]);
      if (id !== this.#loadId) return; // a newer load or a removal superseded this one
      this.#chart?.free();
      this.#chart = new Chart(text);
      this.#draw();
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
    let response;
    try {
      response = await fetch(new URL(src, document.baseURI), { credentials: 'omit' });
    } catch {
      throw new Error(`the data could not be reached (${src})`);
    }
    if (!response.ok) throw new Error(`the server answered ${response.status} for ${src}`);
    return response.text();
  }

  #size() {
    const width = Math.max(200, Math.round(this.clientWidth || 600));
    const asked = Number(this.getAttribute('height'));
    const height = asked > 0 ? asked : Math.round(Math.min(480, Math.max(320, width * 0.6)));
    return { width, height };
  }

  #sizeCanvas() {
    const { width, height } = this.#size();
    this.#canvas.style.height = `${height}px`;
    this.#message.style.minHeight = `${height}px`;
    return { width, height };
  }

  #scheduleDraw() {
    cancelAnimationFrame(this.#frame);
    this.#frame = requestAnimationFrame(() => this.#draw());
  }

  #draw() {
    if (!this.#chart) return;
    const { width, height } = this.#sizeCanvas();
    const year = (name) => {
      const value = parseInt(this.getAttribute(name) ?? '', 10);
      return Number.isFinite(value) ? value : undefined;
    };
    const lang = this.getAttribute('lang') || this.closest('[lang]')?.getAttribute('lang') || '';
    let theme = this.getAttribute('theme') || 'light';
    if (theme === 'auto') theme = matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
    try {
      const points = this.#chart.draw(this.#canvas, this.getAttribute('view') || 'series',
        this.getAttribute('series') || '', year('from'), year('to'), lang, theme,
        width, height, window.devicePixelRatio || 1);
      this.#canvas.hidden = false;
      this.#message.hidden = true;
      const first = this.dataset.state !== 'ready';
      this.#setState('ready');
      if (first) this.dispatchEvent(new CustomEvent('plan-progress:ready', { detail: { points }, bubbles: true }));
    } catch (error) {
      this.#fail(error);
    }
  }

  #fail(error) {
    const detail = error instanceof Error ? error.message : String(error);
    this.#setState('error');
    this.#canvas.hidden = true;
    const title = document.createElement('strong');
    title.textContent = 'This chart could not be shown.';
    const pre = document.createElement('pre');
    pre.textContent = detail;
    const retry = document.createElement('button');
    retry.type = 'button';
    retry.textContent = 'Retry';
    retry.addEventListener('click', () => this.#load());
    this.#message.replaceChildren(title, pre, retry);
    this.#message.hidden = false;
    this.dispatchEvent(new CustomEvent('plan-progress:error', { detail: { message: detail }, bubbles: true }));
  }
}

if (!customElements.get(TAG)) customElements.define(TAG, PlanProgressElement);
