// What the site's own pages (the chart builder, the dataset checker) share: their words in the
// interface's language, put into the page, and the few helpers both need. Each page keeps its
// own words (its strings.js); words the widget already has are asked of the wasm (`uiText`).

import { FALLBACK_LANGUAGE } from '../generated/defaults.js';
import { el } from '../element/dom.js';
import { languageOf, widgetWords } from '../element/loader.js';

/** The widget's words for `key` (its uiText keys) in `lang`: null until the wasm is ready, but
 * for the few words of a failed wasm. */
export const widgetText = widgetWords;

/** Puts `args` in place of {0}, {1}… (args are text: never read as templates themselves). */
function fill(text, args) {
  return text.replace(/\{(\d)\}/g, (_, i) => String(args[Number(i)] ?? ''));
}

/** A piece of code in running text (an address, a JSON path): read left to right in Arabic too. */
export function codeNode(text) {
  const code = el('code', '', text);
  code.dir = 'ltr';
  return code;
}

/** Text whose odd parts are code ([text, code, text, …]) as nodes. */
export const partsToNodes = (parts) =>
  parts.map((part, i) => (i % 2 === 0 ? document.createTextNode(part) : codeNode(part)));

/**
 * The words of a page: `strings` is {en: {key: text}, fr: {…}, ar: {…}}, English complete. A
 * text may hold {0}, {1}… (its arguments) and parts between backticks (addresses, file names,
 * JSON: shown as code, left to right). Returns the page's `t`, `setText` and `applyStrings`, and
 * `ui()`, the interface's language.
 */
export function pageWords(strings) {
  /** The interface's language: a code of LANGUAGES. */
  let ui = FALLBACK_LANGUAGE;

  /** The text of `key` in the interface's language: the page's, else the widget's; null when it
   * is the widget's and the wasm is not ready yet. */
  function template(key) {
    if (key in strings.en) return strings[ui]?.[key] ?? strings.en[key];
    return widgetText(ui, key);
  }

  /** A string of the interface, as plain text. */
  const t = (key, ...args) => fill((template(key) ?? key).replace(/`/g, ''), args);

  /** A string of the interface as nodes: its parts between backticks become code. */
  const nodes = (key, ...args) =>
    partsToNodes((template(key) ?? key).split('`').map((part) => fill(part, args)));

  const setText = (node, key, ...args) => node.replaceChildren(...nodes(key, ...args));

  /**
   * Speaks `code` (one of LANGUAGES): the page's language and direction, every `data-t` text.
   * A word of the widget's waits for the wasm (the page's English stays until then): call again
   * once it is ready.
   */
  function applyStrings(code) {
    const language = languageOf(code);
    ui = language.code;
    const root = document.documentElement;
    root.lang = ui;
    root.dir = language.dir;
    for (const node of document.querySelectorAll('[data-t]')) {
      if (template(node.dataset.t) == null) continue;
      if (node.localName === 'option') node.textContent = t(node.dataset.t);
      else setText(node, node.dataset.t);
    }
    document.title = `${t('title')} · plan-progress`;
  }

  return { t, nodes, setText, applyStrings, ui: () => ui };
}

/** `address` resolved against this page, when it is http(s); else null. */
export function httpUrl(address) {
  if (!address) return null;
  try {
    const url = new URL(address, location.href);
    return /^https?:$/.test(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/** The first of the browser's languages that `codes` has, else the fallback. */
export function browserLanguage(codes) {
  for (const tag of navigator.languages ?? [navigator.language]) {
    const code = String(tag).toLowerCase().split('-')[0];
    if (codes.includes(code)) return code;
  }
  return FALLBACK_LANGUAGE;
}
