// <plan-progress>: the custom element. A thin shell around the Rust/wasm chart: it owns the
// element's DOM and events (attributes, size, pointer, keyboard, loading, errors) and asks Rust
// for every decision about the data (what to draw, what is under the pointer, what to say).
//
//   <script type="module" src=".../plan-progress.js"></script>
//   <plan-progress src=".../morocco.json" view="series" lang="fr"></plan-progress>
//
// No inline styles or scripts: styles are constructed sheets and CSSOM properties, so the
// widget runs under `style-src 'self'`; the wasm needs `script-src 'wasm-unsafe-eval'`.

const TAG = 'plan-progress';
const SVG = 'http://www.w3.org/2000/svg';

/** Reading a dataset slower than this (ms) gets its layout and its first drawing in tasks of
 * their own. */
const SLOW_READ_MS = 30;
/** About this many characters of the data table are laid out per task (see #fillRows). */
const TABLE_SLICE_CHARS = 20_000;

/** Each language named in itself, for the language switch. */
const NATIVE_NAMES = { fr: 'Français', ar: 'العربية', en: 'English' };

/**
 * The first Intl formatter of a page loads the browser's locale data: 33-41 ms here for the first
 * `NumberFormat`, whatever its locale, then about 0.1 ms for each other one (a first
 * `DateTimeFormat` 5-15 ms). Made ahead rather than inside the first drawing: for each widget's
 * language in a task of its own while its data downloads, and for the page's language when the
 * page is first idle after this script ran (for data already there: inline, or a widget added
 * later). Not in a plain task at once: it would then run before the page's next scripts and
 * hold up the widgets they make (one bench run had first charts 10-20 % later that way). The
 * locales are those the Rust side formats with (src/i18n/format.rs).
 */
const warmed = new Set();
function warmIntl(lang, schedule = (task) => setTimeout(task, 0)) {
  const primary = (lang.split(/[-_]/)[0] || '').toLowerCase();
  const tag = { fr: 'fr', ar: 'ar-MA' }[primary] ?? 'en-GB';
  if (warmed.has(tag)) return;
  // several may be scheduled for one language (the page's, each widget's): the first to run warms
  schedule(() => {
    if (warmed.has(tag)) return;
    warmed.add(tag);
    try {
      new Intl.NumberFormat(tag).format(1234.5);
      new Intl.DateTimeFormat(tag, { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' }).format(0);
    } catch { /* an engine without Intl data: the drawing will say so itself */ }
  });
}

/** Runs `task` once the page is idle; in a task of its own where there are no idle callbacks. */
const whenIdle = (task) => (globalThis.requestIdleCallback ? requestIdleCallback(task) : setTimeout(task, 0));

/**
 * One wasm module for every widget on the page, compiled once while it downloads. Its download
 * starts as soon as this script runs, alongside its glue code's: a static import of the glue
 * would fetch the two one after the other, one more round trip before the first chart on a
 * phone. `glue` is the glue module once the wasm is ready. A failed load is tried again by the
 * next widget or Retry.
 */
let glue = null;
let wasmReady = null;
function loadWasm() {
  wasmReady ??= (async () => {
    const wasm = fetch(new URL('./pkg/plan_progress_bg.wasm', import.meta.url));
    const module = await import('./pkg/plan_progress.js');
    await module.default({ module_or_path: wasm });
    glue = module;
  })().catch((error) => {
    wasmReady = null;
    throw error;
  });
  return wasmReady;
}

// Host pages theme the widget with these custom properties (see the README).
const COLOR_PROPS = ['background', 'text', 'muted', 'grid', 'axis'];

/** The menu's items, in order: each is its uiText key and its action. */
const MENU_ITEMS = ['png', 'svg', 'csv-shown', 'csv-all', 'sources', 'embed'];
/** The attributes an embed snippet carries over (after src), in the builder's order. */
const EMBED_ATTRIBUTES = ['view', 'series', 'from', 'to', 'lang', 'theme', 'height', 'digits', 'x-direction',
  'languages', 'timeout', 'menu'];
/** The builder (builder.html, beside this script) reads these names from its address. */
const BUILDER_LANGS = ['fr', 'ar', 'en'];

/** Text made safe to put in HTML code (the embed snippet is code the reader copies). */
const escapeHtml = (text) => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  .replace(/"/g, '&quot;').replace(/'/g, '&#39;');

// The embed snippet's `integrity`: sha384 of this very script as served, computed once per page
// and only when a reader opens "Embed this chart".
let integrity = null;
/** `sha384-…`, or '' where the browser cannot compute it (SubtleCrypto needs a secure context;
 * a copy on another origin needs CORS). */
function scriptIntegrity() {
  integrity ??= (async () => {
    try {
      if (!globalThis.crypto?.subtle) return '';
      const response = await fetch(new URL('./plan-progress.js', import.meta.url), { credentials: 'omit', cache: 'no-cache' });
      if (!response.ok) return '';
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-384', await response.arrayBuffer()));
      return `sha384-${btoa(String.fromCharCode(...digest))}`;
    } catch {
      return '';
    }
  })();
  return integrity;
}

/** Whether the page is being printed (or print media is emulated): the chart is then drawn
 * light, sharp and without its controls. */
const printing = () => matchMedia('print').matches;

const sheet = new CSSStyleSheet();
sheet.replaceSync(`
  :host { display: block; position: relative; min-width: 200px; contain: content;
          font: 14px/1.4 var(--pp-font, system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans Arabic', Tahoma, Arial, sans-serif);
          text-align: start; letter-spacing: normal; word-spacing: normal;
          text-transform: none; text-shadow: none; }
  :host([hidden]) { display: none; }
  .pp { --bg: var(--pp-background, #ffffff); --fg: var(--pp-text, #1a1a1a); --muted: var(--pp-muted, #595959);
        --line: var(--pp-grid, #d0d0d0); background: var(--bg); color: var(--fg); padding: 12px 12px 8px;
        box-sizing: border-box; }
  .pp.dark { --bg: var(--pp-background, #16191d); --fg: var(--pp-text, #f0f0f0); --muted: var(--pp-muted, #b4b4b4);
             --line: var(--pp-grid, #3a4047); }
  .title { font-weight: 700; font-size: 1.15em; line-height: 1.3; margin: 0 0 6px; }
  .legend { display: flex; flex-wrap: wrap; gap: 4px 14px; margin: 0 0 6px; padding: 0; }
  .legend button { display: inline-flex; align-items: center; gap: 6px; min-height: 24px; padding: 2px 4px;
                   border: 1px solid transparent; border-radius: 4px; background: none; color: inherit;
                   font: inherit; font-size: .9em; cursor: pointer; text-align: start; }
  .legend button:hover { border-color: var(--line); }
  .legend button:focus-visible { outline: 3px solid var(--fg); outline-offset: 1px; }
  .legend button[aria-pressed="false"] { color: var(--muted); text-decoration: line-through; }
  .legend button[aria-pressed="false"] svg { opacity: .35; }
  .legend svg { flex: none; }
  .stage { position: relative; outline: none; border-radius: 2px; }
  .stage:focus-visible { box-shadow: 0 0 0 2px var(--bg), 0 0 0 4px var(--fg);
                         outline: 2px solid transparent; outline-offset: 2px; }
  .table:focus-visible { outline: 3px solid var(--fg); outline-offset: 1px; }
  canvas { display: block; width: 100%; }
  canvas.chart { touch-action: pan-y; }
  canvas.overlay { position: absolute; inset: 0; pointer-events: none; }
  .tip { position: absolute; z-index: 2; max-width: min(320px, 90%); box-sizing: border-box; padding: 8px 10px;
         background: var(--bg); color: var(--fg); border: 1px solid var(--muted); border-radius: 4px;
         box-shadow: 0 2px 8px rgba(0,0,0,.25); font-size: .9em; line-height: 1.35; }
  .tip[hidden], .message[hidden], .legend:empty, .title:empty { display: none; }
  .title, .legend span, .tip, .source, .table td, .table th, .message { overflow-wrap: anywhere; }
  .legend button { max-width: 100%; min-width: 0; }
  .tip .heading { font-weight: 700; margin: 0; }
  .tip .value { margin: 2px 0; font-size: 1.1em; }
  .tip p { margin: 2px 0; }
  .tip .note, .tip .source { color: var(--muted); font-size: .92em; }
  .tip a, .source a { color: inherit; }
  .source { color: var(--muted); font-size: .8em; margin: 6px 0 0; }
  .message { box-sizing: border-box; display: flex; flex-direction: column; justify-content: center;
             gap: .6rem; padding: 1rem; border: 1px dashed var(--muted); border-radius: 4px; }
  .message.loading { border-style: solid; border-color: var(--line); color: var(--muted); align-items: center; }
  .message pre { white-space: pre-wrap; margin: 0; font: 12px/1.4 ui-monospace, monospace; max-height: 12em; overflow: auto; }
  .message button { align-self: flex-start; font: inherit; padding: .35rem .9rem; min-height: 24px; cursor: pointer; }
  .tools { display: flex; justify-content: flex-end; flex-wrap: wrap; gap: 6px; margin: 0 0 4px; }
  .langs { display: flex; gap: 2px; margin-inline-end: auto; }
  .langs[hidden] { display: none; }
  .lang { font: inherit; font-size: .85em; min-height: 24px; padding: 2px 8px; border: 1px solid var(--muted);
    border-radius: 3px; background: transparent; color: inherit; cursor: pointer; }
  .lang[aria-pressed="true"] { background: var(--fg); color: var(--bg); border-color: var(--fg); }
  .lang:focus-visible { outline: 3px solid var(--fg); outline-offset: 1px; }
  .tools[hidden], .table[hidden], .stage[hidden] { display: none; }
  .toggle { font: inherit; font-size: .85em; min-height: 24px; padding: 2px 10px; border: 1px solid var(--muted);
            border-radius: 4px; background: var(--bg); color: var(--fg); cursor: pointer; }
  .toggle:focus-visible { outline: 3px solid var(--fg); outline-offset: 1px; }
  .table { overflow-x: auto; max-height: 480px; overflow-y: auto; }
  .table table { border-collapse: collapse; width: 100%; font-size: .9em; }
  .table caption { text-align: start; font-weight: 700; padding: 4px 0; }
  .table th, .table td { text-align: start; vertical-align: top; padding: 4px 8px; border-bottom: 1px solid var(--line); }
  .table thead th { border-bottom: 2px solid var(--muted); }
  .table .unit, .table .note, .table .cite { display: block; color: var(--muted); font-size: .85em; font-weight: 400; }
  .table td.missing { color: var(--muted); font-style: italic; }
  .live, .summary { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  .menu-wrap { position: relative; }
  .menu-wrap[hidden], .menu[hidden], .panel[hidden] { display: none; }
  .menu-button { font: inherit; font-size: .85em; min-height: 24px; padding: 2px 10px; border: 1px solid var(--muted);
                 border-radius: 4px; background: var(--bg); color: var(--fg); cursor: pointer; }
  .menu-button::after { content: ''; display: inline-block; vertical-align: middle; margin-inline-start: 6px;
                        border: 4px solid transparent; border-top-color: currentColor; border-bottom: 0; }
  .menu-button[aria-expanded="true"] { background: var(--fg); color: var(--bg); }
  .menu { position: absolute; z-index: 3; inset-inline-end: 0; top: calc(100% + 4px); display: flex;
          flex-direction: column; width: max-content; max-width: min(24em, 85vw); padding: 4px; background: var(--bg);
          color: var(--fg); border: 1px solid var(--muted); border-radius: 4px; box-shadow: 0 4px 14px rgba(0,0,0,.25); }
  .menu button { font: inherit; font-size: .9em; text-align: start; min-height: 28px; padding: 4px 10px; border: 0;
                 border-radius: 3px; background: none; color: inherit; cursor: pointer; }
  .menu button:hover { background: var(--line); }
  .menu button:focus { background: var(--fg); color: var(--bg); outline: 2px solid var(--fg); outline-offset: 1px; }
  .menu-button:focus-visible, .panel button:focus-visible, .panel-title:focus-visible, .panel a:focus-visible,
  .panel textarea:focus-visible { outline: 3px solid var(--fg); outline-offset: 1px; }
  .panel { margin: 8px 0 0; padding: 8px 12px 10px; border: 1px solid var(--muted); border-radius: 4px; font-size: .9em; }
  .panel-head { display: flex; align-items: flex-start; gap: 8px; }
  .panel .panel-title { font-weight: 700; margin: 2px 0 6px; margin-inline-end: auto; }
  .panel p { margin: 4px 0; }
  .panel ol, .panel ul { margin: 4px 0 8px; padding-inline-start: 1.5em; }
  .panel li { margin: 0 0 6px; }
  .panel .meta, .panel .note, .panel .about { display: block; color: var(--muted); }
  .panel .about { font-weight: 700; }
  .panel .sub { font-weight: 700; margin: 10px 0 2px; }
  .panel a { color: inherit; }
  .panel label { display: block; font-weight: 700; margin: 8px 0 2px; }
  .panel textarea { box-sizing: border-box; width: 100%; font: inherit; padding: 6px; background: var(--bg);
                    color: var(--fg); border: 1px solid var(--muted); border-radius: 3px; resize: vertical; }
  .panel textarea.code { font: 12px/1.4 ui-monospace, monospace; text-align: left; }
  .panel .row { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 10px; margin: 6px 0; }
  .panel button { font: inherit; min-height: 24px; padding: 2px 10px; border: 1px solid var(--muted); border-radius: 4px;
                  background: var(--bg); color: var(--fg); cursor: pointer; }
  .panel .status { color: var(--muted); }
  .panel, .panel li, .panel p { overflow-wrap: anywhere; }
  @media (forced-colors: active) {
    .tip, .message, .menu, .panel { border-color: CanvasText; }
    .menu button:focus { outline-color: Highlight; }
  }
  /* A printed chart is static: the chart (never the table), its title, legend and source line,
     light, with no control, menu, panel or tooltip. The canvas is drawn again for print. */
  @media print {
    .tools, .menu-wrap, .panel, .tip, .live, .message, canvas.overlay, .table { display: none !important; }
    .stage[hidden] { display: block; }
    .pp, .pp.dark { --bg: #ffffff; --fg: #000000; --muted: #444444; --line: #bbbbbb; background: #ffffff; color: #000000; }
    .legend button { border-color: transparent; }
    :host { break-inside: avoid; }
  }
`);

/**
 * Records a step of the widget's work as a User Timing measure (`plan-progress:read`, `:layout`,
 * `:draw`), so that a host sees in its browser's performance tools what the widget costs.
 */
function measure(step, start) {
  try {
    performance.measure(`plan-progress:${step}`, { start, end: performance.now() });
  } catch {
    // a browser without User Timing level 3: nothing to record
  }
}

/** One row of the data table: its header cell and its cells, with notes and sources. */
function tableRow(row) {
  const tr = el('tr');
  const th = el('th', '', row.header);
  th.scope = 'row';
  tr.append(th);
  for (const cell of row.cells) {
    const td = el('td', cell.missing ? 'missing' : '', cell.text);
    if (cell.note) td.append(el('span', 'note', cell.note));
    if (cell.source && cell.source !== cell.text) td.append(el('span', 'cite', cell.source));
    tr.append(td);
  }
  return tr;
}

/** Creates an element with a class and optional text (never innerHTML: data is text). */
function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = text;
  return node;
}

/** A small SVG swatch: the series' line (dashed or not) and its marker shape. */
function swatch(item) {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('width', '22');
  svg.setAttribute('height', '12');
  svg.setAttribute('aria-hidden', 'true');
  const line = document.createElementNS(SVG, 'line');
  for (const [k, v] of Object.entries({ x1: 1, y1: 6, x2: 21, y2: 6, stroke: item.color, 'stroke-width': 2 })) line.setAttribute(k, v);
  if (item.dashed) line.setAttribute('stroke-dasharray', '5 3');
  const shapes = {
    circle: ['circle', { cx: 11, cy: 6, r: 3.5 }],
    square: ['rect', { x: 7.5, y: 2.5, width: 7, height: 7 }],
    triangle: ['polygon', { points: '11,1.5 15.5,9.5 6.5,9.5' }],
    diamond: ['polygon', { points: '11,1.5 15.5,6 11,10.5 6.5,6' }],
  };
  const [tag, attrs] = shapes[item.shape] ?? shapes.circle;
  const marker = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries({ ...attrs, fill: item.color })) marker.setAttribute(k, v);
  svg.append(line, marker);
  return svg;
}

class PlanProgressElement extends HTMLElement {
  static observedAttributes = ['src', 'view', 'series', 'from', 'to', 'lang', 'theme', 'height', 'timeout',
    'digits', 'x-direction', 'languages', 'menu'];

  #frame; #title; #legend; #tools; #langs; #toggle; #stage; #canvas; #overlay; #tip; #table; #summary; #source; #message; #live;
  #menuWrap; #menuButton; #menu; #panel; #panelTitle; #panelClose; #panelBody;
  /** The open panel: `{kind: 'sources' | 'embed' | 'alt', file, key}`, or null. */
  #panelShown = null;
  /** The options of the last draw, which downloads draw again at their own size. */
  #options = null;
  #helped = false;
  #showTable = false;
  /** The language the reader picked in the switch (`languages`), over every other source. */
  #picked = null;
  #chart = null;
  #chrome = null;
  #hidden = new Set();
  #hover = -1;
  #focus = -1;
  #pinned = false;
  #width = 0;
  #raf = 0;
  #drawTimer = 0;
  #tableTimer = 0;
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
    this.#summary = el('p', 'summary');
    this.#summary.id = 'summary';
    this.#canvas.setAttribute('aria-describedby', 'summary');
    this.#tools = el('div', 'tools');
    this.#toggle = el('button', 'toggle');
    this.#toggle.type = 'button';
    this.#toggle.setAttribute('aria-controls', 'table');
    this.#toggle.setAttribute('aria-expanded', 'false');
    this.#langs = el('div', 'langs');
    this.#langs.setAttribute('role', 'group');
    this.#buildMenu();
    this.#tools.append(this.#langs, this.#menuWrap, this.#toggle);
    this.#buildPanel();
    this.#table = el('div', 'table');
    this.#table.id = 'table';
    this.#table.hidden = true;
    this.#source = el('p', 'source');
    this.#message = el('div', 'message');
    this.#message.hidden = true;
    this.#live = el('div', 'live');
    this.#live.setAttribute('aria-live', 'polite');
    this.#frame.append(this.#title, this.#legend, this.#tools, this.#stage, this.#table, this.#panel, this.#summary,
      this.#source, this.#message, this.#live);
    root.append(this.#frame);
  }

  connectedCallback() {
    // every listener and observer of this instance goes when it is removed from the page
    this.#abort = new AbortController();
    const signal = this.#abort.signal;
    const stage = this.#stage;
    stage.addEventListener('pointermove', (e) => this.#onPointerMove(e), { signal });
    stage.addEventListener('pointerleave', () => { if (!this.#pinned) this.#hideTip(); }, { signal });
    stage.addEventListener('pointerdown', (e) => this.#onPointerDown(e), { signal });
    stage.addEventListener('click', (e) => this.#onClick(e), { signal });
    stage.addEventListener('keydown', (e) => this.#onKey(e), { signal });
    stage.addEventListener('blur', () => this.#onBlur(), { signal });
    this.#legend.addEventListener('click', (e) => this.#onLegend(e), { signal });
    this.#langs.addEventListener('click', (e) => this.#onLanguage(e), { signal });
    this.#toggle.addEventListener('click', () => {
      this.#showTable = !this.#showTable;
      this.#renderMode();
      this.#toggle.focus();
    }, { signal });
    stage.addEventListener('focus', () => {
      // once per widget: say which keys do what, in words
      if (this.#helped || !this.#chart) return;
      this.#helped = true;
      this.#live.textContent = this.#text('help');
    }, { signal });
    document.addEventListener('pointerdown', (e) => {
      const path = e.composedPath();
      if (this.#pinned && !path.includes(this)) this.#hideTip();
      if (!path.includes(this.#menuWrap)) this.#closeMenu(false);
    }, { signal });
    this.#listenMenu(signal);
    // printing draws the chart again, light and sharp, and once more after
    matchMedia('print').addEventListener('change', () => this.#draw(), { signal });
    window.addEventListener('beforeprint', () => this.#draw(), { signal });
    window.addEventListener('afterprint', () => this.#draw(), { signal });
    // Escape closes a tooltip wherever the keyboard focus is: a mouse hover does not move the
    // focus into the widget (WCAG 1.4.13, dismissible without moving the pointer)
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && !this.#tip.hidden) this.#hideTip();
    }, { signal });
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
    clearTimeout(this.#tableTimer);
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

  /** The number of data drawn (points, bars, cards, milestones); 0 until ready. */
  get points() {
    return this.#chart?.count ?? 0;
  }

  /**
   * What the widget says about datum `index` (in drawing order): `{heading, value, when, lines,
   * note, source, data, sentence, box: [x, y, w, h]}`, the box in CSS pixels from the chart
   * canvas's top left corner; `null` when there is no such datum. For host pages that add
   * their own interactions, and for tests.
   */
  pointDetails(index) {
    const json = this.#chart?.details(index);
    return json ? JSON.parse(json) : null;
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

  /** The languages offered by the switch (`languages="fr,ar,en"`); none: no switch. */
  #languages() {
    const known = ['fr', 'ar', 'en'];
    const asked = (this.getAttribute('languages') || '').split(',').map((s) => s.trim().toLowerCase());
    return [...new Set(asked.filter((code) => known.includes(code)))];
  }

  /** The language switch: one button per language, named in that language, the current one
   * pressed. Picking one re-renders the widget in place. */
  #renderLanguages() {
    const codes = this.#languages();
    this.#langs.hidden = codes.length < 2;
    if (this.#langs.hidden) return this.#langs.replaceChildren();
    const current = (this.#lang().split(/[-_]/)[0] || '').toLowerCase();
    this.#langs.setAttribute('aria-label', this.#text('language'));
    this.#langs.replaceChildren(...codes.map((code) => {
      const button = el('button', 'lang', NATIVE_NAMES[code]);
      button.type = 'button';
      button.lang = code;
      button.dir = code === 'ar' ? 'rtl' : 'ltr';
      button.dataset.lang = code;
      button.setAttribute('aria-pressed', String(code === current));
      return button;
    }));
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
    try { return glue?.uiText(this.#lang(), key, args) || key; } catch { return key; }
  }

  /** The view asked for; an unknown name goes to Rust, which says which views exist. */
  #viewName() {
    return this.getAttribute('view') || 'series';
  }

  #size() {
    const width = Math.max(200, Math.round(this.clientWidth || 600));
    const asked = Number(this.getAttribute('height'));
    if (asked > 0) return { width, height: Math.max(150, asked) };
    const view = this.#viewName();
    const narrow = width < 560;
    const heights = {
      overview: width < 760 ? 1100 : Math.max(560, width * 0.7),
      status: narrow ? 720 : 420,
      progress: narrow ? 620 : 420,
      timeline: narrow ? 640 : Math.min(440, Math.max(320, width * 0.45)),
    };
    const height = heights[view] ?? Math.min(420, Math.max(260, width * 0.55));
    return { width, height: Math.round(height) };
  }

  #setState(state) {
    this.dataset.state = state;
    this.#frame.setAttribute('aria-busy', String(state === 'loading'));
  }

  async #load() {
    const id = ++this.#loadId;
    this.#setState('loading');
    this.#hideTip();
    this.#showLoading();
    warmIntl(this.#lang());
    try {
      const [text] = await Promise.all([this.#readData(), loadWasm()]);
      if (id !== this.#loadId) return; // a newer load or a removal superseded this one
      this.#chart?.free();
      this.#chart = null;
      const started = performance.now();
      this.#chart = new glue.Chart(text, this.#lang());
      measure('read', started);
      // a file that took long to read, or the overview (which lays out every other view), is
      // laid out in the next frame and drawn in the task after: reading, measuring the text
      // and painting in one task would hold the page for their sum (over 400 ms for the
      // largest file once accepted); a usual view is drawn at once, without waiting a frame
      const slow = performance.now() - started > SLOW_READ_MS || this.#viewName() === 'overview';
      if (slow) this.#schedule({ layoutFirst: true });
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
    const fail = async (key, ...args) => {
      await loadWasm().catch(() => {});
      return new Error(this.#text(key, ...args));
    };
    let response;
    let text;
    try {
      const signal = AbortSignal.timeout(seconds * 1000);
      response = await fetch(new URL(src, document.baseURI), { credentials: 'omit', signal });
      if (!response.ok) throw await fail('http', String(response.status), src);
      // a CMS or proxy that answers with an HTML page instead of the data
      const type = (response.headers.get('content-type') || '').toLowerCase();
      if (type.startsWith('text/html')) throw await fail('html', src);
      text = await response.text();
    } catch (error) {
      if (error.name === 'TimeoutError') throw await fail('timeout', String(seconds), src);
      if (error instanceof TypeError) throw await fail('network', src);
      throw error;
    }
    return text;
  }

  #showLoading() {
    const { height } = this.#size();
    this.#stage.hidden = true;
    this.#tools.hidden = true;
    this.#table.hidden = true;
    this.#closePanel(false);
    this.#message.className = 'message loading';
    this.#message.replaceChildren(el('span', '', glue ? this.#text('loading') : '…'));
    this.#message.style.minHeight = `${height}px`;
    this.#message.removeAttribute('role');
    this.#message.hidden = false;
  }

  /** Draws in the next frame; with `layoutFirst`, lays out in the next frame and draws in the
   * task after it, so that neither holds the page for long. */
  #schedule({ layoutFirst = false } = {}) {
    cancelAnimationFrame(this.#raf);
    clearTimeout(this.#drawTimer);
    this.#raf = requestAnimationFrame(() => {
      if (!layoutFirst) return this.#draw();
      this.#layout();
      this.#drawTimer = setTimeout(() => this.#draw(), 0);
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
   * In forced-colors mode (Windows high contrast) the canvas uses the system colours the
   * reader chose: the browser resolves the system colour keywords, read back here as rgb().
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
    return theme === 'dark' ? 'dark' : 'light';
  }

  /** What Rust draws: the view, its data, language, theme and size in CSS pixels. */
  #viewOptions() {
    const { width, height } = this.#size();
    const year = (name) => {
      const value = parseInt(this.getAttribute(name) ?? '', 10);
      return Number.isFinite(value) ? value : null;
    };
    return {
      view: this.#viewName(), series: this.getAttribute('series') || '', hidden: [...this.#hidden].join(','),
      from: year('from'), to: year('to'), lang: this.#lang(), theme: this.#theme(), colors: this.#colors(),
      digits: this.getAttribute('digits') || '', xDirection: this.getAttribute('x-direction') || '',
      // the padding of the frame is outside the canvas
      width: width - 24, height,
    };
  }

  /** Lays the view out ahead of #draw (Rust keeps the layout for the same options); a problem
   * is left for #draw to report. */
  #layout() {
    const started = performance.now();
    try {
      this.#chart?.contentHeight(this.#canvas, JSON.stringify(this.#viewOptions()));
    } catch {
      // #draw reports it
    }
    measure('layout', started);
  }

  #draw() {
    if (!this.#chart) return;
    const started = performance.now();
    this.#paint();
    measure('draw', started);
  }

  /** Draws the chart and its HTML parts (title, legend, source, summary, menu). */
  #paint() {
    this.#width = Math.round(this.clientWidth);
    const options = this.#viewOptions();
    const theme = options.theme;
    let chrome;
    try {
      if (!this.hasAttribute('height')) {
        // boards and lists take the height their content needs
        const needed = this.#chart.contentHeight(this.#canvas, JSON.stringify(options));
        if (needed > 0) options.height = Math.max(200, needed);
      }
      // paper: at least twice the density, so that print is sharp
      const dpr = Math.max(window.devicePixelRatio || 1, printing() ? 2 : 1);
      chrome = JSON.parse(this.#chart.draw(this.#canvas, JSON.stringify(options), dpr));
    } catch (error) {
      this.#fail(error);
      return;
    }
    this.#chrome = chrome;
    this.#options = options;
    this.#canvas.style.height = `${options.height}px`;
    this.#overlay.style.height = `${options.height}px`;
    this.#frame.classList.toggle('dark', theme === 'dark');
    this.#frame.setAttribute('dir', chrome.dir);
    this.#frame.setAttribute('lang', chrome.lang);
    this.#title.textContent = chrome.title;
    this.#source.textContent = chrome.source;
    this.#renderLegend(chrome.legend);
    this.#renderLanguages();
    this.#summary.textContent = this.#chart.summary();
    this.#renderMenu();
    this.#stage.tabIndex = chrome.points > 0 ? 0 : -1;
    this.#message.hidden = true;
    this.#tools.hidden = false;
    this.#renderMode();
    this.#hover = -1;
    this.#focus = Math.min(this.#focus, chrome.points - 1);
    this.#hideTip();
    const first = this.dataset.state !== 'ready';
    this.#setState('ready');
    if (first) this.dispatchEvent(new CustomEvent('plan-progress:ready', { detail: { points: chrome.points }, bubbles: true }));
  }

  /** Shows the chart or, when the reader asked for it, the same data as a table. */
  #renderMode() {
    this.#toggle.textContent = this.#text(this.#showTable ? 'show-chart' : 'show-table');
    this.#toggle.setAttribute('aria-expanded', String(this.#showTable));
    this.#stage.hidden = this.#showTable;
    this.#table.hidden = !this.#showTable;
    if (this.#showTable) this.#renderTable();
    else this.#table.replaceChildren();
  }

  /** A real table: caption, column and row headers with scope, units, notes and sources. */
  #renderTable() {
    clearTimeout(this.#tableTimer);
    const data = JSON.parse(this.#chart.table() || 'null');
    if (!data) return;
    const table = el('table');
    table.append(el('caption', '', data.caption));
    const head = el('tr');
    const corner = el('th', '', data.header);
    corner.scope = 'col';
    head.append(corner);
    for (const column of data.columns) {
      const th = el('th', '', column.label);
      th.scope = 'col';
      if (column.unit) th.append(el('span', 'unit', ` (${column.unit})`));
      head.append(th);
    }
    const thead = el('thead');
    thead.append(head);
    const body = el('tbody');
    table.append(thead, body);
    // a scrollable region must be reachable with the keyboard (WCAG 2.1.1)
    this.#table.tabIndex = 0;
    this.#table.setAttribute('role', 'group');
    this.#table.setAttribute('aria-label', data.caption);
    this.#table.replaceChildren(table);
    this.#fillRows(body, data.rows, 0);
  }

  /**
   * Appends the rows from `from` on, about TABLE_SLICE_CHARS characters of text at a time, each
   * slice in a task of its own: the table of a large overview holds hundreds of rows and
   * megabytes of text, and laying it out at once held the page for over half a second.
   * The table says it is busy until its last row is in.
   */
  #fillRows(body, rows, from) {
    if (!body.isConnected) return; // the table was closed or redrawn meanwhile
    const slice = document.createDocumentFragment();
    let chars = 0;
    let i = from;
    while (i < rows.length && (i === from || chars < TABLE_SLICE_CHARS)) {
      slice.append(tableRow(rows[i]));
      chars += JSON.stringify(rows[i]).length;
      i++;
    }
    body.append(slice);
    const more = i < rows.length;
    this.#table.setAttribute('aria-busy', String(more));
    if (more) this.#tableTimer = setTimeout(() => this.#fillRows(body, rows, i), 0);
  }

  #renderLegend(items) {
    // a single series needs no legend: the title names it
    if (items.length < 2) { this.#legend.replaceChildren(); return; }
    this.#legend.replaceChildren(...items.map((item) => {
      const button = el('button');
      button.type = 'button';
      button.dataset.id = item.id;
      button.setAttribute('aria-pressed', String(!item.hidden));
      button.append(swatch(item), el('span', '', item.label));
      return button;
    }));
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

  /** The pointer in the chart's CSS pixels, also on a host page that scales or zooms it. */
  #point(event) {
    const rect = this.#canvas.getBoundingClientRect();
    const sx = rect.width > 0 ? this.#canvas.offsetWidth / rect.width : 1;
    const sy = rect.height > 0 ? this.#canvas.offsetHeight / rect.height : 1;
    return { x: (event.clientX - rect.left) * sx, y: (event.clientY - rect.top) * sy };
  }

  #onPointerMove(event) {
    if (!this.#chart || event.pointerType === 'touch' || this.#pinned) return;
    const { x, y } = this.#point(event);
    const index = this.#chart.hit(x, y, 16);
    if (index === this.#hover) return;
    this.#hover = index;
    if (index < 0) this.#hideTip();
    else this.#showTip(index, false);
  }

  #onPointerDown(event) {
    if (!this.#chart || event.pointerType === 'mouse') return;
    // touch and pen: a tap shows the nearest datum and keeps it until a tap elsewhere or Esc
    const { x, y } = this.#point(event);
    const index = this.#chart.hit(x, y, 28);
    if (index < 0) { this.#hideTip(); return; }
    this.#hover = index;
    this.#showTip(index, false);
    this.#pinned = true;
  }

  #onClick(event) {
    if (!this.#chart || event.target !== this.#canvas) return;
    const { x, y } = this.#point(event);
    const index = this.#chart.hit(x, y, event.pointerType === 'touch' ? 28 : 16);
    if (index >= 0) this.#select(index);
  }

  #onBlur() {
    if (this.#focus >= 0) this.#chart?.highlight(this.#overlay, -1, true, window.devicePixelRatio || 1);
    if (!this.#pinned) this.#hideTip();
  }

  #onKey(event) {
    if (!this.#chart) return;
    if (event.key === 'Escape') {
      if (!this.#tip.hidden) { this.#hideTip(); event.preventDefault(); event.stopPropagation(); }
      else this.#stage.blur();
      return;
    }
    if ((event.key === 'Enter' || event.key === ' ') && this.#focus >= 0) {
      event.preventDefault();
      this.#select(this.#focus);
      return;
    }
    const next = this.#chart.step(this.#focus, event.key);
    if (next < 0) return;
    event.preventDefault();
    this.#focus = next;
    const details = this.#showTip(next, true);
    if (details) this.#live.textContent = details.sentence;
  }

  #select(index) {
    const json = this.#chart?.details(index);
    if (!json) return;
    const details = JSON.parse(json);
    this.dispatchEvent(new CustomEvent('plan-progress:select', { detail: details.data, bubbles: true }));
  }

  /** Shows the tooltip of datum `index` and its ring on the overlay; returns its details. */
  #showTip(index, focus) {
    const json = this.#chart.details(index);
    if (!json) { this.#hideTip(); return null; }
    const d = JSON.parse(json);
    this.#chart.highlight(this.#overlay, index, focus, window.devicePixelRatio || 1);
    const parts = [el('p', 'heading', d.heading)];
    const value = el('p', 'value', d.when ? `${d.when} · ${d.value}` : d.value);
    parts.push(value);
    for (const line of d.lines) parts.push(el('p', '', line));
    if (d.note) parts.push(el('p', 'note', d.note));
    if (d.source) {
      const source = el('p', 'source');
      const name = [d.source.publisher, d.source.title, d.source.date].filter(Boolean).join(', ');
      if (d.source.url && /^https?:\/\//.test(d.source.url)) {
        const link = el('a', '', name);
        link.href = d.source.url;
        link.target = '_blank';
        link.rel = 'noopener noreferrer';
        // the tooltip closes when the chart loses focus: its link is for the pointer; keyboard
        // readers find every source in the table
        link.tabIndex = -1;
        source.append(link);
      } else source.textContent = name;
      parts.push(source);
    }
    this.#tip.replaceChildren(...parts);
    this.#tip.setAttribute('dir', this.#chrome?.dir ?? 'ltr');
    this.#tip.hidden = false;
    this.#placeTip(d.box);
    this.#stage.setAttribute('aria-describedby', 'tip');
    return d;
  }

  /** Puts the tooltip above the datum, or below when there is no room, inside the stage. */
  #placeTip([x, y, w, h]) {
    const stage = this.#stage.getBoundingClientRect();
    const tip = this.#tip.getBoundingClientRect();
    const gap = 12;
    let left = Math.min(Math.max(0, x - tip.width / 2), Math.max(0, stage.width - tip.width));
    let top = y - h / 2 - gap - tip.height;
    if (top < 0) top = y + h / 2 + gap;
    if (top + tip.height > stage.height) top = Math.max(0, stage.height - tip.height);
    this.#tip.style.left = `${Math.round(left)}px`;
    this.#tip.style.top = `${Math.round(top)}px`;
  }

  #hideTip() {
    this.#pinned = false;
    this.#hover = -1;
    this.#tip.hidden = true;
    this.#stage.removeAttribute('aria-describedby');
    if (this.#chart && this.#chrome) {
      const focusShown = this.shadowRoot.activeElement === this.#stage && this.#focus >= 0;
      this.#chart.highlight(this.#overlay, focusShown ? this.#focus : -1, true, window.devicePixelRatio || 1);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The menu: downloads (PNG, SVG, CSV), sources, embedding. A menu button (WAI-ARIA APG "menu
  // button"): Enter, Space or ArrowDown open it on the first item, ArrowUp on the last; the
  // arrows, Home and End move between items; Escape closes it and gives the focus back to the
  // button; Tab closes it and goes on. Panels open inside the widget, under the chart.

  #buildMenu() {
    this.#menuWrap = el('div', 'menu-wrap');
    this.#menuButton = el('button', 'menu-button');
    this.#menuButton.type = 'button';
    this.#menuButton.id = 'menu-button';
    this.#menuButton.setAttribute('aria-haspopup', 'true');
    this.#menuButton.setAttribute('aria-expanded', 'false');
    this.#menuButton.setAttribute('aria-controls', 'menu');
    this.#menu = el('div', 'menu');
    this.#menu.id = 'menu';
    this.#menu.setAttribute('role', 'menu');
    this.#menu.setAttribute('aria-labelledby', 'menu-button');
    this.#menu.hidden = true;
    for (const action of MENU_ITEMS) {
      const item = el('button');
      item.type = 'button';
      item.setAttribute('role', 'menuitem');
      item.tabIndex = -1;
      item.dataset.action = action;
      this.#menu.append(item);
    }
    this.#menuWrap.append(this.#menuButton, this.#menu);
  }

  #buildPanel() {
    this.#panel = el('div', 'panel');
    this.#panel.setAttribute('role', 'group');
    this.#panel.setAttribute('aria-labelledby', 'panel-title');
    this.#panel.hidden = true;
    this.#panelTitle = el('p', 'panel-title');
    this.#panelTitle.id = 'panel-title';
    // the focus goes to the title when a panel opens, so that it is read first
    this.#panelTitle.tabIndex = -1;
    this.#panelClose = el('button', 'close');
    this.#panelClose.type = 'button';
    const head = el('div', 'panel-head');
    head.append(this.#panelTitle, this.#panelClose);
    this.#panelBody = el('div', 'panel-body');
    this.#panel.append(head, this.#panelBody);
  }

  #listenMenu(signal) {
    this.#menuButton.addEventListener('click', () => {
      if (this.#menu.hidden) this.#openMenu(false);
      else this.#closeMenu(true);
    }, { signal });
    this.#menuButton.addEventListener('keydown', (e) => {
      if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
      e.preventDefault();
      this.#openMenu(e.key === 'ArrowUp');
    }, { signal });
    this.#menu.addEventListener('keydown', (e) => this.#onMenuKey(e), { signal });
    this.#menu.addEventListener('click', (e) => {
      const item = e.target.closest?.('[data-action]');
      if (item) this.#run(item.dataset.action);
    }, { signal });
    // the focus went elsewhere (a click on a button of the page, a screen reader's move); a
    // click on nothing focusable is the document's pointerdown
    this.#menuWrap.addEventListener('focusout', (e) => {
      if (e.relatedTarget && !this.#menuWrap.contains(e.relatedTarget)) this.#closeMenu(false);
    }, { signal });
    this.#panelClose.addEventListener('click', () => this.#closePanel(), { signal });
    this.#panel.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      this.#closePanel();
    }, { signal });
  }

  /** The menu's words in the current language; no menu with `menu="none"`, no embed code for
   * data inside the page. */
  #renderMenu() {
    const none = (this.getAttribute('menu') || '').trim().toLowerCase() === 'none';
    this.#menuWrap.hidden = none;
    if (none) {
      this.#closeMenu(false);
      this.#closePanel(false);
    }
    this.#menuButton.textContent = this.#text('menu');
    for (const item of this.#menu.children) {
      item.textContent = this.#text(item.dataset.action);
      if (item.dataset.action === 'embed') item.hidden = !this.getAttribute('src');
    }
    this.#menu.setAttribute('dir', this.#chrome?.dir ?? 'ltr');
    if (this.#panelShown) this.#renderPanel();
  }

  #menuItems() {
    return [...this.#menu.children].filter((item) => !item.hidden);
  }

  #openMenu(last) {
    this.#hideTip();
    this.#menu.hidden = false;
    this.#menuButton.setAttribute('aria-expanded', 'true');
    const items = this.#menuItems();
    items[last ? items.length - 1 : 0]?.focus();
  }

  #closeMenu(focusButton) {
    if (this.#menu.hidden) return;
    this.#menu.hidden = true;
    this.#menuButton.setAttribute('aria-expanded', 'false');
    if (focusButton) this.#menuButton.focus();
  }

  #onMenuKey(event) {
    const items = this.#menuItems();
    const at = items.indexOf(this.shadowRoot.activeElement);
    const go = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: items.length - 1 }[event.key];
    if (go !== undefined) {
      event.preventDefault();
      items[(go + items.length) % items.length]?.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.#closeMenu(true);
    } else if (event.key === 'Tab') {
      // Tab leaves the menu: from its button, the browser moves on to the next stop
      this.#closeMenu(true);
    }
  }

  /** Runs a menu item: a download (the focus goes back to the menu button) or a panel. */
  async #run(action) {
    this.#closeMenu(true);
    if (!this.#chart || !this.#options) return;
    try {
      if (action === 'png') await this.#downloadPng();
      else if (action === 'svg') this.#save(new Blob([this.#chart.svg(JSON.stringify(this.#options))], { type: 'image/svg+xml' }), this.#fileName('svg'));
      else if (action === 'csv-shown') this.#save(new Blob([this.#chart.csv()], { type: 'text/csv;charset=utf-8' }), this.#fileName('csv'));
      else if (action === 'csv-all') this.#save(new Blob([this.#chart.csvAll()], { type: 'text/csv;charset=utf-8' }), this.#fileName('csv', '-all'));
      else this.#openPanel({ kind: action });
    } catch (error) {
      this.#live.textContent = `${this.#text('error')} ${error instanceof Error ? error.message : error}`;
    }
  }

  /** The chart as drawn now (view, series, years, hidden series, language, theme, colours),
   * with its title, legend and source line and the data's date, at twice its size. */
  async #downloadPng() {
    const canvas = el('canvas');
    canvas.setAttribute('dir', 'ltr');
    this.#chart.image(canvas, JSON.stringify(this.#options), 2);
    const blob = await new Promise((resolve, reject) => {
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG'))), 'image/png');
    });
    const file = this.#fileName('png');
    this.#save(blob, file);
    this.#openPanel({ kind: 'alt', file });
  }

  /** Hands `blob` to the browser as a download named `file`. */
  #save(blob, file) {
    const url = URL.createObjectURL(blob);
    const link = el('a');
    link.href = url;
    link.download = file;
    link.hidden = true;
    this.shadowRoot.append(link);
    link.click();
    link.remove();
    // the download has started from the address; give it time before the address goes
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
  }

  /** "rating-tip-tier-ar.png": the view, its series and the language, as a file name. */
  #fileName(extension, suffix = '') {
    const words = [this.#viewName(), this.getAttribute('series') || '', this.#lang()].join('-');
    const base = words.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80);
    return `${base || 'chart'}${suffix}.${extension}`;
  }

  #openPanel(shown) {
    this.#panelShown = shown;
    this.#renderPanel();
    this.#panel.hidden = false;
    this.#panelTitle.focus();
  }

  #closePanel(focusButton = true) {
    if (!this.#panelShown) return;
    this.#panelShown = null;
    this.#panel.hidden = true;
    this.#panelBody.replaceChildren();
    if (focusButton) this.#menuButton.focus();
  }

  /** Fills the open panel in the current language. A redraw for the same chart (a resize)
   * leaves it alone, so that the reader's focus and selection stay. */
  #renderPanel() {
    const shown = this.#panelShown;
    const key = JSON.stringify({ ...this.#options, width: 0, height: 0, colors: null, kind: shown.kind });
    if (shown.key === key) return;
    shown.key = key;
    this.#panelTitle.textContent = this.#text(shown.kind === 'alt' ? 'png' : shown.kind);
    this.#panelClose.textContent = this.#text('close');
    const body = { sources: () => this.#sourcesBody(), embed: () => this.#embedBody(), alt: () => this.#altBody(shown.file) };
    this.#panelBody.replaceChildren(...body[shown.kind]());
    this.#panel.setAttribute('dir', this.#chrome?.dir ?? 'ltr');
  }

  /** Every source of the data shown (links only to http(s) addresses), the notes on that
   * data, the conflicts between sources, and the dataset itself. All of it is text. */
  #sourcesBody() {
    const data = JSON.parse(this.#chart.sources() || 'null');
    if (!data) return [];
    const parts = [];
    const comma = this.#chrome?.dir === 'rtl' ? '، ' : ', ';
    if (data.sources.length === 0) parts.push(el('p', '', this.#text('no-sources')));
    else {
      const list = el('ol', 'sources');
      for (const source of data.sources) {
        const item = el('li');
        item.dataset.key = source.key;
        const title = el('bdi', '', source.title);
        if (source.url && /^https?:\/\//i.test(source.url)) {
          const link = el('a');
          link.href = source.url;
          link.target = '_blank';
          link.rel = 'noopener noreferrer';
          link.append(title);
          item.append(link);
        } else item.append(title);
        const meta = el('span', 'meta');
        meta.append(el('bdi', '', [source.publisher, source.date].filter(Boolean).join(comma)));
        item.append(meta);
        if (source.note) item.append(el('span', 'note', source.note));
        list.append(item);
      }
      parts.push(list);
    }
    const section = (key, items, fill) => {
      if (items.length === 0) return;
      const list = el('ul', key);
      for (const entry of items) {
        const item = el('li');
        fill(item, entry);
        list.append(item);
      }
      parts.push(el('p', 'sub', this.#text(key)), list);
    };
    section('notes', data.notes, (item, note) => item.append(el('span', 'about', note.about), el('span', '', note.text)));
    section('conflicts', data.conflicts, (item, text) => { item.textContent = text; });
    parts.push(el('p', 'meta', data.dataset));
    return parts;
  }

  /** The web component code of this chart, with its integrity hash when the browser can
   * compute it, and a link to the builder with the same settings. */
  #embedBody() {
    const hint = el('p', '', this.#text('embed-hint'));
    const [label, area, row] = this.#copyBox('embed-code', '');
    // code reads left to right in every language
    area.className = 'code';
    area.dir = 'ltr';
    area.setAttribute('aria-busy', 'true');
    const note = el('p', 'meta');
    const builder = el('a', '', this.#text('embed-builder'));
    builder.href = this.#builderUrl();
    const options = this.#panelShown;
    scriptIntegrity().then((sri) => {
      if (this.#panelShown !== options) return;
      area.value = this.#snippet(sri);
      area.rows = Math.min(12, area.value.split('\n').length + 2);
      area.removeAttribute('aria-busy');
      note.textContent = this.#text(sri ? 'embed-sri' : 'embed-no-sri');
    });
    const more = el('p');
    more.append(builder);
    return [hint, label, area, row, note, more];
  }

  /** The text alternative of a downloaded image: its summary, to copy. */
  #altBody(file) {
    const [label, area, row] = this.#copyBox('alt-text', this.summary);
    return [el('p', '', this.#text('image-saved', file)), label, area, row];
  }

  /** A labelled read-only text box and its Copy button: [label, textarea, row]. */
  #copyBox(key, text) {
    const area = el('textarea');
    area.id = `${key}-box`;
    area.readOnly = true;
    area.value = text;
    area.rows = 4;
    const label = el('label', '', this.#text(key));
    label.htmlFor = area.id;
    const copy = el('button', 'copy', this.#text('copy'));
    copy.type = 'button';
    const status = el('span', 'status');
    status.setAttribute('role', 'status');
    copy.addEventListener('click', () => this.#copy(area, status));
    const row = el('div', 'row');
    row.append(copy, status);
    return [label, area, row];
  }

  /** Copies a text box: the Clipboard API, or the text selected for the reader to copy. */
  async #copy(area, status) {
    let done = false;
    try {
      await navigator.clipboard.writeText(area.value);
      done = true;
    } catch {
      area.focus();
      area.select();
    }
    status.textContent = this.#text(done ? 'copied' : 'copy-failed');
  }

  /** The snippet: this script (absolute address, `integrity` when known) and the element with
   * the attributes that make this chart, holding a paragraph for readers without scripts. */
  #snippet(sri) {
    const script = new URL('./plan-progress.js', import.meta.url).href;
    const check = sri ? ` integrity="${sri}" crossorigin="anonymous"` : '';
    const src = new URL(this.getAttribute('src') || '', document.baseURI).href;
    const attributes = [['src', src]];
    for (const name of EMBED_ATTRIBUTES) {
      // the language the reader sees, also when it came from the page or the switch
      const value = name === 'lang' ? this.#lang() : this.getAttribute(name);
      if (value) attributes.push([name, value]);
    }
    const attrs = attributes.map(([name, value]) => ` ${name}="${escapeHtml(value)}"`).join('');
    const dir = this.#chrome?.dir === 'rtl' ? ' dir="rtl"' : '';
    const data = /^https?:/.test(src) ? ` <a href="${escapeHtml(src)}">${escapeHtml(this.#text('the-data'))}</a>` : '';
    const fallback = `<strong>${escapeHtml(this.#title.textContent)}</strong><br>${escapeHtml(this.summary)}${data}`;
    return `<script type="module" src="${escapeHtml(script)}"${check}></script>\n` +
      `<plan-progress${attrs}>\n  <p${dir}>${fallback}</p>\n</plan-progress>`;
  }

  /** builder.html (beside this script) with this chart's settings, in the names it reads. */
  #builderUrl() {
    const query = new URLSearchParams();
    const src = new URL(this.getAttribute('src') || '', document.baseURI).href;
    if (/^https?:/.test(src)) query.set('src', src);
    for (const name of ['view', 'series', 'from', 'to', 'theme', 'height']) {
      const value = this.getAttribute(name);
      if (value) query.set(name, value);
    }
    const lang = (this.#lang().split(/[-_]/)[0] || '').toLowerCase();
    if (BUILDER_LANGS.includes(lang)) {
      query.set('lang', lang);
      query.set('ui', lang);
    }
    const url = new URL('./builder.html', import.meta.url);
    url.search = query.toString().replace(/%2C/gi, ',');
    return url.href;
  }

  #fail(error) {
    const detail = error instanceof Error ? error.message : String(error);
    this.#setState('error');
    this.#stage.hidden = true;
    this.#tools.hidden = true;
    this.#table.hidden = true;
    this.#closePanel(false);
    this.#summary.textContent = '';
    this.#title.textContent = '';
    this.#legend.replaceChildren();
    this.#source.textContent = '';
    const title = el('strong', '', glue ? this.#text('error') : 'This chart could not be shown.');
    const pre = el('pre', '', detail);
    const retry = el('button', '', glue ? this.#text('retry') : 'Retry');
    retry.type = 'button';
    retry.addEventListener('click', () => this.#load(), { once: true });
    this.#message.className = 'message';
    this.#message.setAttribute('role', 'alert');
    this.#message.replaceChildren(title, pre, retry);
    this.#message.hidden = false;
    this.dispatchEvent(new CustomEvent('plan-progress:error', { detail: { message: detail }, bubbles: true }));
  }
}

// The copy of this script that defines the element starts the wasm's download at once (a second
// copy, included by another part of the page, stays idle); a failure is caught here so that it is
// not an uncaught rejection: each widget reports it itself. Intl is warmed meanwhile.
if (!customElements.get(TAG)) {
  loadWasm().catch(() => {});
  warmIntl(document.documentElement.lang || navigator.language || 'en', whenIdle);
  customElements.define(TAG, PlanProgressElement);
}
