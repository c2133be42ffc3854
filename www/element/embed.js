// "Embed this chart": the web component code of the chart a reader sees, and the builder's
// address with the same settings.

import { escapeHtml } from './dom.js';
import { languageOf } from './loader.js';

/** The attributes an embed snippet carries over (after src), in the builder's order. */
const EMBED_ATTRIBUTES = ['view', 'series', 'from', 'to', 'lang', 'theme', 'height', 'digits', 'x-direction',
  'languages', 'timeout', 'menu'];
/** The attributes the builder reads from its address. */
const BUILDER_ATTRIBUTES = ['view', 'series', 'from', 'to', 'theme', 'height'];

/** This script's address: the bundled element (dist/plan-progress.js). */
const scriptUrl = () => new URL('./plan-progress.js', import.meta.url);

// The snippet's `integrity`: sha384 of this very script as served, computed once per page and
// only when a reader opens "Embed this chart".
let integrity = null;
/** `sha384-…`, or '' where the browser cannot compute it (SubtleCrypto needs a secure context;
 * a copy on another origin needs CORS). */
export function scriptIntegrity() {
  integrity ??= (async () => {
    try {
      if (!globalThis.crypto?.subtle) return '';
      const response = await fetch(scriptUrl(), { credentials: 'omit', cache: 'no-cache' });
      if (!response.ok) return '';
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-384', await response.arrayBuffer()));
      return `sha384-${btoa(String.fromCharCode(...digest))}`;
    } catch {
      return '';
    }
  })();
  return integrity;
}

/**
 * The snippet: this script (absolute address, `integrity` when known) and the element with the
 * attributes that make the chart, holding a paragraph for readers without scripts. `chart`:
 * {element, lang, dir, title, summary, dataLabel}.
 */
export function snippet(chart, sri) {
  const { element } = chart;
  const check = sri ? ` integrity="${sri}" crossorigin="anonymous"` : '';
  const src = new URL(element.getAttribute('src') || '', document.baseURI).href;
  const attributes = [['src', src]];
  for (const name of EMBED_ATTRIBUTES) {
    // the language the reader sees, also when it came from the page or the switch
    const value = name === 'lang' ? chart.lang : element.getAttribute(name);
    if (value) attributes.push([name, value]);
  }
  const attrs = attributes.map(([name, value]) => ` ${name}="${escapeHtml(value)}"`).join('');
  const dir = chart.dir === 'rtl' ? ' dir="rtl"' : '';
  const data = /^https?:/.test(src) ? ` <a href="${escapeHtml(src)}">${escapeHtml(chart.dataLabel)}</a>` : '';
  const fallback = `<strong>${escapeHtml(chart.title)}</strong><br>${escapeHtml(chart.summary)}${data}`;
  return `<script type="module" src="${escapeHtml(scriptUrl().href)}"${check}></script>\n`
    + `<plan-progress${attrs}>\n  <p${dir}>${fallback}</p>\n</plan-progress>`;
}

/** builder.html (beside this script) with the chart's settings, in the names it reads. */
export function builderUrl(element, lang) {
  const query = new URLSearchParams();
  const src = new URL(element.getAttribute('src') || '', document.baseURI).href;
  if (/^https?:/.test(src)) query.set('src', src);
  for (const name of BUILDER_ATTRIBUTES) {
    const value = element.getAttribute(name);
    if (value) query.set(name, value);
  }
  const code = languageOf(lang).code;
  if (code === (String(lang).split(/[-_]/)[0] || '').toLowerCase()) {
    query.set('lang', code);
    query.set('ui', code);
  }
  const url = new URL('./builder.html', import.meta.url);
  url.search = query.toString().replace(/%2C/gi, ',');
  return url.href;
}
