// Loading: the one wasm module every widget of the page shares, the datasets, Intl's locale data,
// and the User Timing measures of the widget's work.

import { LANGUAGES, FALLBACK_LANGUAGE } from '../generated/defaults.js';

/**
 * One wasm module for every widget on the page, compiled once while it downloads. Its download
 * starts as soon as the element's script runs, alongside its glue code's (wasm-bindgen's
 * bindings): a static import of the glue would fetch the two one after the other, one more round
 * trip before the first chart on a phone. `glue` is the glue module once the wasm is ready. A
 * failed load is tried again by the next widget or Retry.
 *
 * Both addresses are relative to the bundled script, dist/plan-progress.js (`cargo xtask dist`
 * leaves the glue out of the bundle and rewrites the wasm's literal to its content-hashed name).
 */
let glue = null;
let wasmReady = null;
export function loadWasm() {
  wasmReady ??= (async () => {
    const wasm = fetch(new URL('./pkg/plan_progress_bg.wasm', import.meta.url));
    const module = await import(new URL('./pkg/plan_progress.js', import.meta.url).href);
    await module.default({ module_or_path: wasm });
    glue = module;
  })().catch((error) => {
    wasmReady = null;
    throw error;
  });
  return wasmReady;
}

/** The wasm's exports, or null until it is ready. */
export const wasm = () => glue;

/** The language of the widget's words for a tag: one of LANGUAGES. */
export function languageOf(tag) {
  const primary = (String(tag).split(/[-_]/)[0] || '').toLowerCase();
  return LANGUAGES.find((l) => l.code === primary) ?? LANGUAGES.find((l) => l.code === FALLBACK_LANGUAGE);
}

/**
 * The first Intl formatter of a page loads the browser's locale data: 33-41 ms here for the first
 * `NumberFormat`, whatever its locale, then about 0.1 ms for each other one (a first
 * `DateTimeFormat` 5-15 ms). Made ahead rather than inside the first drawing: for each widget's
 * language in a task of its own while its data downloads, and for the page's language when the
 * page is first idle after this script ran (for data already there: inline, or a widget added
 * later). Not in a plain task at once: it would then run before the page's next scripts and hold
 * up the widgets they make. The locales are those the Rust side formats with (LANGUAGES).
 */
const warmed = new Set();
export function warmIntl(lang, schedule = (task) => setTimeout(task, 0)) {
  const tag = languageOf(lang).intl;
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
export const whenIdle = (task) => (globalThis.requestIdleCallback ? requestIdleCallback(task) : setTimeout(task, 0));

/**
 * Records a step of the widget's work as a User Timing measure (`plan-progress:read`, `:layout`,
 * `:draw`), so that a host sees in its browser's performance tools what the widget costs.
 */
export function measure(step, start) {
  try {
    performance.measure(`plan-progress:${step}`, { start, end: performance.now() });
  } catch {
    // a browser without User Timing level 3: nothing to record
  }
}

/**
 * The datasets of the page, by absolute address: every widget with the same `src` shares one
 * download and one read. An entry is `{text, data, readMs}`: the text's promise, the read
 * dataset once a widget read it (a `Data` of the wasm, kept for the page's life), and what that
 * read took. A failed download leaves no entry, so the next widget or Retry tries again.
 */
const datasets = new Map();

/**
 * The dataset at `src`, downloaded within `seconds` and read in `lang` (the language of its
 * error, if it is not valid): `{data, readMs}`, `readMs` 0 when another widget read it.
 */
async function sharedData(src, seconds, lang) {
  const entry = entryOf(src, seconds);
  const [text] = await Promise.all([entry.text, loadWasm()]);
  if (entry.data) return { data: entry.data, readMs: 0 };
  // not valid: each widget reads it again, for the message in its own language
  const read = await readData(text, lang);
  entry.data = read.data;
  return read;
}

/** The number of seconds a dataset's download may take: `timeout`, 10 by default. */
const timeoutOf = (element) => (Number(element.getAttribute('timeout')) > 0 ? Number(element.getAttribute('timeout')) : 10);

/**
 * The dataset of `element`, `{data, readMs, own}`: the one of its `src`, shared (`own` false), or
 * its inline `<script type="application/json">`, its own. A failure is an Error in `lang`.
 */
export async function datasetOf(element, lang) {
  const src = element.getAttribute('src');
  if (!src) {
    const inline = element.querySelector('script[type="application/json"]');
    if (!inline) throw new Error('no data: set the src attribute or put a <script type="application/json"> inside the element');
    return { ...(await readData(inline.textContent, lang)), own: true };
  }
  try {
    return { ...(await sharedData(src, timeoutOf(element), lang)), own: false };
  } catch (error) {
    if (!(error instanceof LoadFailure)) throw error;
    // the message is in the reader's language: it waits for the wasm's words
    await loadWasm().catch(() => {});
    throw new Error(uiText(lang, error.key, ...error.args));
  }
}

/** The widget's words for `key` in `lang` (see i18n::UI_KEYS), or the key before the wasm. */
export function uiText(lang, key, ...args) {
  try {
    return glue?.uiText(lang, key, args) || key;
  } catch {
    return key;
  }
}

/** Reads and checks dataset `text` (`lang`: the language of its error): `{data, readMs}`. */
async function readData(text, lang) {
  await loadWasm();
  const started = performance.now();
  const data = new glue.Data(text, lang);
  measure('read', started);
  return { data, readMs: performance.now() - started };
}

/** The page's entry for the dataset at `src`, its download started within `seconds` if new. */
function entryOf(src, seconds) {
  const key = new URL(src, document.baseURI).href;
  let entry = datasets.get(key);
  if (!entry) {
    entry = { text: fetchText(key, src, seconds), data: null, readMs: 0 };
    datasets.set(key, entry);
    entry.text.catch(() => { if (datasets.get(key) === entry) datasets.delete(key); });
  }
  return entry;
}

/** The text of the dataset at `src`, from the page's one download of it (for the builder,
 * which reads it for its own form). Fails with a LoadFailure. */
export const datasetText = (src, seconds) => entryOf(src, seconds).text;

/** Forgets the dataset at `src`, so that the next widget downloads it again (Retry). */
export function forgetData(src) {
  datasets.delete(new URL(src, document.baseURI).href);
}

/** Why a download failed: the key of the widget's message for it, and its arguments. */
export class LoadFailure extends Error {
  constructor(key, ...args) {
    super(key);
    this.key = key;
    this.args = args;
  }
}

/**
 * The text of the dataset at `url`, downloaded within `seconds` (or what `read` makes of the
 * response: the dataset checker reads bytes). Fails with a LoadFailure that names it as the page
 * wrote it (`src`): `http` (an error status), `html` (a CMS or proxy answered with a web page
 * instead of the data), `timeout` or `network`.
 */
export async function fetchText(url, src, seconds, read = (response) => response.text()) {
  try {
    const signal = AbortSignal.timeout(seconds * 1000);
    const response = await fetch(url, { credentials: 'omit', signal });
    if (!response.ok) throw new LoadFailure('http', String(response.status), src);
    const type = (response.headers.get('content-type') || '').toLowerCase();
    if (type.startsWith('text/html')) throw new LoadFailure('html', src);
    return await read(response);
  } catch (error) {
    if (error instanceof LoadFailure) throw error;
    if (error.name === 'TimeoutError') throw new LoadFailure('timeout', String(seconds), src);
    if (error instanceof TypeError) throw new LoadFailure('network', src);
    throw error;
  }
}
