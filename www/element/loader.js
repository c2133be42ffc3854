// Loading: the widget's two wasm modules, each downloaded once for the page and shared by its
// widgets, the datasets, Intl's locale data, and the User Timing measures of the widget's work.

import initFirst, * as firstBindings from '../pkg/plan_progress_first.js';
import initFull, * as fullBindings from '../pkg/plan_progress.js';
import { EARLY_WORDS, FALLBACK_LANGUAGE, FULL_MODULE_VIEWS, LANGUAGES } from '../generated/defaults.js';

/**
 * The widget's wasm modules (see MODULES in xtask/src/dist.rs). `first`: what the first drawing
 * of the common views needs, with their tooltip and keyboard; `full`: everything, also the other
 * views (FULL_MODULE_VIEWS), the summaries, the table, CSV, sources and image downloads, and the
 * words for what is wrong in a dataset. Each has its address, relative to the bundled script
 * (dist/plan-progress.js), and the sha384 hash of its bytes: `cargo xtask dist` rewrites both
 * literals, to the content-hashed name and to the hash of that file. The embed code's
 * `integrity` covers this script, bindings included (they are bundled into it), and these
 * hashes cover the wasm: a changed copy of any piece is refused.
 */
const MODULES = {
  first: { url: './pkg/plan_progress_first_bg.wasm', integrity: 'sha384-of-the-first-module', init: initFirst, bindings: firstBindings },
  full: { url: './pkg/plan_progress_bg.wasm', integrity: 'sha384-of-the-full-module', init: initFull, bindings: fullBindings },
};

/**
 * The credentials of the widget's own fetches (the wasm, the datasets): cookies only to the
 * page's own site, never to another, and the same as a `crossorigin="anonymous"` preload hint's,
 * so that the browser hands such a preloaded file over instead of fetching it again.
 */
const CREDENTIALS = 'same-origin';

/** Whether only the full module draws `view` (a view's name; other names are the first's). */
export const needsFull = (view) => FULL_MODULE_VIEWS.includes(view);

/** The module a widget of `view` draws with first: the full one for the views only it draws,
 * and for every view once it is on the page. */
export const moduleFor = (view) => (loaded.full || needsFull(view) ? 'full' : 'first');

/** Whether `code` (a module's bindings) is the full module's. */
export const isFull = (code) => code === fullBindings;

/** Module `which`'s absolute address (also the embed code's preload hint's). */
export const wasmUrl = (which) => new URL(MODULES[which].url, import.meta.url);

/**
 * Each module is compiled once for every widget on the page: the first one's download starts
 * when the first widget comes near the viewport; the full one's when a widget needs it. The
 * browser hands the response over only once the whole file matched its hash, so nothing of a
 * changed file is compiled or run; compiling then starts after the download instead of during
 * it (a few milliseconds for these modules). `loaded[which]`: the module can be used. A failed
 * load (a CodeFailure) is tried again by the next widget or Retry, then revalidating the
 * browser's cached copy.
 */
const loaded = { first: false, full: false };
const loading = { first: null, full: null };
const failures = { first: 0, full: 0 };
export function loadWasm(which = 'first') {
  loading[which] ??= (async () => {
    const { integrity, init, bindings } = MODULES[which];
    const url = wasmUrl(which);
    const checked = { integrity, credentials: CREDENTIALS, cache: failures[which] ? 'no-cache' : 'default' };
    let response;
    try {
      response = await fetch(url, checked);
    } catch {
      throw await whyRefused(url, integrity);
    }
    await init({ module_or_path: response });
    loaded[which] = true;
    return bindings;
  })().catch((error) => {
    loading[which] = null;
    failures[which]++;
    throw error;
  });
  return loading[which];
}

/** Module `which`'s exports, or null until it is loaded. */
export const wasm = (which) => (loaded[which] ? MODULES[which].bindings : null);

/** The exports of a module that is loaded, the full one first, or null. */
const anyWasm = () => wasm('full') ?? wasm('first');

/** Whether a widget's words are at hand: a module is loaded. */
export const hasWords = () => anyWasm() !== null;

/** `sha384-…`: the integrity hash of `bytes` (an ArrayBuffer), as `integrity` attributes write
 * it. SubtleCrypto needs a secure context (https:, or this computer): check `crypto.subtle`. */
export async function integrityOf(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-384', bytes));
  return `sha384-${btoa(String.fromCharCode(...digest))}`;
}

/**
 * Why the checked download of the wasm at `url` (whose hash should be `integrity`) failed, as a
 * CodeFailure: fetch() rejects with
 * the same TypeError for a file that does not match its hash as for a network failure, so the
 * file is downloaded once more, unchecked, and never run: if that fails too it was the network
 * (or the server's answer: `http`); if it arrives whole, its own hash says whether it changed.
 * On a page that cannot hash (plain http: on another computer), a file the browser refused and
 * then delivered whole is taken as changed.
 */
async function whyRefused(url, integrity) {
  let bytes;
  try {
    const response = await fetch(url, { credentials: 'omit', cache: 'no-cache' });
    if (!response.ok) return new CodeFailure('http', String(response.status), url.href);
    bytes = await response.arrayBuffer();
  } catch {
    return new CodeFailure('code-network', url.href);
  }
  const intact = globalThis.crypto?.subtle && (await integrityOf(bytes)) === integrity;
  return new CodeFailure(intact ? 'code-network' : 'code-tampered', url.href);
}

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
 * download, and one read by each module. An entry is `{text, reads}`: the text's promise, and by
 * module the promise of the first widget's read of it with that module (`{data, code, readMs}`:
 * a `Data` of the module whose bindings are `code`, kept for the page's life). A failed download
 * leaves no entry, so the next widget or Retry tries again.
 */
const datasets = new Map();

/**
 * The dataset at `src`, downloaded within `seconds` and read with module `which` in `lang` (the
 * language of its error, if it is not valid): `{data, code, readMs}`, `readMs` 0 when another
 * widget read it.
 */
async function sharedData(src, seconds, lang, which) {
  const entry = entryOf(src, seconds);
  const [text] = await Promise.all([entry.text, loadWasm(which)]);
  // the first widget reads it; the others, waiting at the same time or coming later, wait for
  // that read rather than start their own
  const first = !entry.reads[which];
  entry.reads[which] ??= readData(text, lang, which);
  try {
    const read = await entry.reads[which];
    return first ? read : { ...read, readMs: 0 };
  } catch (error) {
    // not valid: each other widget reads it again, for the message in its own language
    if (first) throw error;
    return readData(text, lang, which);
  }
}

/** The number of seconds a dataset's download may take: `timeout`, 10 by default. */
function timeoutOf(element) {
  const seconds = Number(element.getAttribute('timeout'));
  return seconds > 0 ? seconds : 10;
}

/**
 * The dataset of `element` read with module `which`, `{data, code, readMs, own}`: the one of its
 * `src`, shared (`own` false), or its inline `<script type="application/json">`, its own. A
 * failure is an Error in `lang`.
 */
export async function datasetOf(element, lang, which) {
  try {
    return await readDataset(element, lang, which);
  } catch (error) {
    throw await inWords(error, lang);
  }
}

async function readDataset(element, lang, which) {
  const src = element.getAttribute('src');
  if (src) return { ...(await sharedData(src, timeoutOf(element), lang, which)), own: false };
  const inline = element.querySelector('script[type="application/json"]');
  if (!inline) throw new Error('no data: set the src attribute or put a <script type="application/json"> inside the element');
  return { ...(await readData(inline.textContent, lang, which)), own: true };
}

/** Waits until the words of `failure`'s message are at hand: a failed download of the data
 * is told in the wasm's words (a module's), that of a module itself in those of the other one
 * when it is loaded, else in EARLY_WORDS. */
export async function wordsFor(failure) {
  if (!(failure instanceof CodeFailure) && !hasWords()) await loadWasm().catch(() => {});
}

/** `error`, a LoadFailure said as an Error in the words of `lang` (once they are at hand). */
async function inWords(error, lang) {
  if (!(error instanceof LoadFailure)) return error;
  await wordsFor(error);
  return new Error(error.said(lang) ?? error.key);
}

/** loadWasm(which), its failure an Error in the words of `lang`. */
export async function loadCode(lang, which = 'first') {
  try {
    return await loadWasm(which);
  } catch (error) {
    throw await inWords(error, lang);
  }
}

/** The widget's words for `key` in `lang` (see i18n::UI_KEYS) with `args` in their places, or
 * null: from the wasm, or before it from EARLY_WORDS (the few a failed wasm needs). */
export function widgetWords(lang, key, ...args) {
  const code = anyWasm();
  if (!code) {
    let i = 0;
    return EARLY_WORDS[languageOf(lang).code]?.[key]?.replace(/\{\}/g, () => args[i++] ?? '') ?? null;
  }
  try {
    return code.uiText(lang, key, args.map(String)) || null;
  } catch {
    return null;
  }
}

/** The widget's words for `key` in `lang` (see widgetWords), or the key itself. */
export const uiText = (lang, key, ...args) => widgetWords(lang, key, ...args) ?? key;

/**
 * Reads and checks dataset `text` with module `which` (`lang`: the language of its error):
 * `{data, code, readMs}`. The first module tells a valid dataset from one that is not, but has
 * no words for its problems: the full one reads a file it refused again, to say why.
 */
async function readData(text, lang, which) {
  const code = await loadWasm(which);
  const started = performance.now();
  let data;
  try {
    data = new code.Data(text, lang);
  } catch (error) {
    if (which === 'first') return readData(text, lang, 'full');
    throw error;
  }
  measure('read', started);
  return { data, code, readMs: performance.now() - started };
}

/** The page's entry for the dataset at `src`, its download started within `seconds` if new. */
function entryOf(src, seconds) {
  const key = new URL(src, document.baseURI).href;
  let entry = datasets.get(key);
  if (!entry) {
    entry = { text: fetchText(key, src, seconds), reads: { first: null, full: null } };
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

  /**
   * This failure in the words of `lang`, or null until they are at hand (see widgetWords). Its
   * arguments (addresses, status codes, seconds) read left to right: in a right-to-left
   * language each is isolated so (LRI … PDI), else an address's brackets and slashes scatter.
   */
  said(lang) {
    const rtl = languageOf(lang).dir === 'rtl';
    const args = rtl ? this.args.map((arg) => `\u2066${arg}\u2069`) : this.args;
    return widgetWords(lang, this.key, ...args);
  }
}

/** Why the download of the wasm failed (its words are in EARLY_WORDS). */
export class CodeFailure extends LoadFailure {}

/**
 * The text of the dataset at `url`, downloaded within `seconds` (or what `read` makes of the
 * response: the dataset checker reads bytes). Fails with a LoadFailure that names it as the page
 * wrote it (`src`): `http` (an error status), `html` (a CMS or proxy answered with a web page
 * instead of the data), `timeout` or `network`.
 */
export async function fetchText(url, src, seconds, read = (response) => response.text()) {
  try {
    const signal = AbortSignal.timeout(seconds * 1000);
    const response = await fetch(url, { credentials: CREDENTIALS, signal });
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
