// The widget's shadow DOM, made once per element, and the message box that stands in for the
// chart while it loads or when it cannot be drawn. No inline styles: the classes are styled by
// styles.js.

import { el } from './dom.js';

/**
 * The parts of a widget: `frame` (the padded box) holding `title`, `legend`, `tools` (with
 * `langs` and `toggle`), `stage` (with `canvas`, `overlay`, `tip`), `tableBox`, `summary`,
 * `source`, `message` and `live`. The caller places the menu's wrap and panel.
 */
export function buildParts() {
  const p = {};
  p.frame = el('div', 'pp');
  p.title = el('p', 'title');
  p.title.id = 'title';
  p.legend = el('div', 'legend');
  p.legend.setAttribute('role', 'group');
  p.live = el('div', 'live');
  p.live.setAttribute('aria-live', 'polite');
  p.stage = el('div', 'stage');
  p.canvas = el('canvas', 'chart');
  // plotters anchors text with textAlign start/end: keep the canvas LTR even in RTL pages
  p.canvas.setAttribute('dir', 'ltr');
  p.canvas.setAttribute('role', 'img');
  p.canvas.setAttribute('aria-labelledby', 'title');
  p.canvas.setAttribute('aria-describedby', 'summary');
  p.overlay = el('canvas', 'overlay');
  p.overlay.setAttribute('dir', 'ltr');
  p.overlay.setAttribute('aria-hidden', 'true');
  p.tip = el('div', 'tip');
  p.tip.setAttribute('role', 'tooltip');
  p.tip.id = 'tip';
  p.tip.hidden = true;
  p.stage.append(p.canvas, p.overlay, p.tip);
  p.summary = el('p', 'summary');
  p.summary.id = 'summary';
  p.tools = el('div', 'tools');
  p.toggle = el('button', 'toggle');
  p.toggle.type = 'button';
  p.toggle.setAttribute('aria-controls', 'table');
  p.toggle.setAttribute('aria-expanded', 'false');
  p.langs = el('div', 'langs');
  p.langs.setAttribute('role', 'group');
  p.tableBox = el('div', 'table');
  p.tableBox.id = 'table';
  p.tableBox.hidden = true;
  p.source = el('p', 'source');
  p.message = el('div', 'message');
  p.message.hidden = true;
  return p;
}

/** The loading message, `minHeight` CSS pixels tall so that the chart does not move the page. */
export function showLoading(box, text, minHeight) {
  box.className = 'message loading';
  box.replaceChildren(el('span', '', text));
  box.removeAttribute('role');
  box.style.minHeight = `${minHeight}px`;
  box.hidden = false;
}

/**
 * The error message: `title` (none when it is empty), then `detail`'s first line (what went wrong, in the reader's
 * language) and its other lines (a dataset's problems, each with its JSON path, in the reader's
 * language and direction: Rust isolates a path left to right in a right-to-left line), and a
 * Retry button labelled `retryText` that calls `retry`.
 */
export function showError(box, { title, detail, retryText, retry }) {
  const [headline, ...problems] = detail.split('\n');
  const parts = [...(title ? [el('strong', '', title)] : []), el('p', 'detail', headline)];
  if (problems.length) {
    parts.push(el('pre', 'problems', problems.join('\n')));
  }
  const button = el('button', '', retryText);
  button.type = 'button';
  button.addEventListener('click', retry, { once: true });
  box.className = 'message';
  box.setAttribute('role', 'alert');
  box.replaceChildren(...parts, button);
  box.hidden = false;
}
