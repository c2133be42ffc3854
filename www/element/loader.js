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

/** Why a download failed: the key of the widget's message for it, and its arguments. */
export class LoadFailure extends Error {
  constructor(key, ...args) {
    super(key);
    this.key = key;
    this.args = args;
  }
}

/**
 * The text of the dataset at `src` (relative to the page), downloaded within `seconds`. Fails
 * with a LoadFailure: `http` (an error status), `html` (a CMS or proxy answered with a web page
 * instead of the data), `timeout` or `network`.
 */
export async function fetchText(src, seconds) {
  try {
    const signal = AbortSignal.timeout(seconds * 1000);
    const response = await fetch(new URL(src, document.baseURI), { credentials: 'omit', signal });
    if (!response.ok) throw new LoadFailure('http', String(response.status), src);
    const type = (response.headers.get('content-type') || '').toLowerCase();
    if (type.startsWith('text/html')) throw new LoadFailure('html', src);
    return await response.text();
  } catch (error) {
    if (error instanceof LoadFailure) throw error;
    if (error.name === 'TimeoutError') throw new LoadFailure('timeout', String(seconds), src);
    if (error instanceof TypeError) throw new LoadFailure('network', src);
    throw error;
  }
}
