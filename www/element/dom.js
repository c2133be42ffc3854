// Small DOM helpers shared by the element's parts (and the builder page, builder/).

/** Creates an element with a class and optional text (never innerHTML: data is text). */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = text;
  return node;
}

/** A link that opens `url` in a new tab, only for http(s) addresses; null otherwise. */
export function webLink(url, content) {
  if (!url || !/^https?:\/\//i.test(url)) return null;
  const link = el('a');
  link.href = url;
  link.target = '_blank';
  link.rel = 'noopener noreferrer';
  link.append(content);
  return link;
}

/** Text made safe to put in HTML code (the embed snippet is code the reader copies). */
export const escapeHtml = (text) => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  .replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/**
 * Copies a text box's text: the Clipboard API, else the text selected and `execCommand('copy')`
 * (a page served over plain http has no Clipboard API). Resolves to whether it was copied; when
 * it was not, the text stays selected for the reader to copy.
 */
export async function copyText(area) {
  try {
    await navigator.clipboard.writeText(area.value);
    return true;
  } catch {
    area.focus();
    area.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }
}

/** Calls `redraw` whenever the device pixel ratio changes (zoom, another screen), until
 * `signal` aborts. Returns the holder of the current query, for the caller to keep. */
export function watchRatio(signal, redraw, holder = {}) {
  holder.query = matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
  holder.query.addEventListener('change', () => {
    if (signal.aborted) return;
    redraw();
    watchRatio(signal, redraw, holder);
  }, { signal, once: true });
  return holder;
}
