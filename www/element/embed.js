// "Embed this chart": the web component code of the chart a reader sees, and the builder's
// address with the same settings.

import { escapeHtml } from './dom.js';
import { integrityOf, languageOf, needsFull, wasmUrl } from './loader.js';

/** The attributes an embed snippet carries over (after src), in the builder's order. */
const EMBED_ATTRIBUTES = ['view', 'series', 'from', 'to', 'lang', 'theme', 'height', 'digits', 'x-direction',
  'languages', 'timeout', 'menu'];
/** The attributes the builder reads from its address. */
const BUILDER_ATTRIBUTES = ['view', 'series', 'from', 'to', 'theme', 'height'];

/** The widths the two still pictures are laid out at, in CSS pixels: a phone's column and an
 * article's. Each is shown 100 % wide, so their text stays near its size from 320 to 1200 px. */
const STILL_WIDTHS = { narrow: 360, wide: 720 };
/** Viewports narrower than this show the narrow still. */
const NARROW_VIEWPORT = 600;

/**
 * The still pictures of a chart (`chart`, the wasm Chart drawn with `options`) that the embed
 * code carries: `{narrow, wide}`, SVG drawn by the same code as the chart, with its title,
 * legend, source line and the data's date, in the default colours of its theme.
 */
export function stills(chart, options, askedHeight) {
  const theme = options.theme === 'dark' ? 'dark' : 'light';
  const picture = (width) => chart.still({ ...options, width, height: askedHeight, colors: {}, theme });
  return { narrow: picture(STILL_WIDTHS.narrow), wide: picture(STILL_WIDTHS.wide) };
}

/** `svg` as a data: address; `spaces` encoded too for a srcset, which splits at them. */
const dataUri = (svg, spaces = false) => `data:image/svg+xml,${svg.replace(spaces ? /[%# ]/g : /[%#]/g, encodeURIComponent)}`;

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
      return await integrityOf(await response.arrayBuffer());
    } catch {
      return '';
    }
  })();
  return integrity;
}

/**
 * The snippet: this script (absolute address, `integrity` when known) and the element with the
 * attributes that make the chart. Inside the element, for readers and hosts without scripts
 * and for the first paint: the still pictures (`chart.stills`, when given) with the title and
 * summary as their text alternative and a link to the data, or else a paragraph with the title,
 * the summary and the link. `chart`: {element, lang, dir, title, summary, dataLabel, stills,
 * atTop}. A chart `atTop` of its article loads at once (`loading="eager"`), its wasm and data
 * fetched while the page loads, in parallel with the script (preload hints).
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
  if (chart.atTop) attributes.push(['loading', 'eager']);
  const attrs = attributes.map(([name, value]) => ` ${name}="${escapeHtml(value)}"`).join('');
  const dir = chart.dir === 'rtl' ? ' dir="rtl"' : '';
  const link = /^https?:/.test(src) ? `<a href="${escapeHtml(src)}">${escapeHtml(chart.dataLabel)}</a>` : '';
  const inside = chart.stills ? stillMarkup(chart, dir, link) : paragraph(chart, dir, link);
  const hints = chart.atTop ? preloadHints(src, chart.element.getAttribute('view') || '') : '';
  return `${hints}<script type="module" src="${escapeHtml(scriptUrl().href)}"${check}></script>\n`
    + `<plan-progress${attrs}>\n${inside}\n</plan-progress>`;
}

/**
 * Preload hints for the wasm module that draws `view` first and the dataset at `src`: requests the widget's own fetches match
 * (same credentials), so the browser hands over what it preloaded instead of fetching it again.
 * No `integrity` on the wasm's: browsers ignore it on a fetch preload (and Chromium says so in
 * the console); the widget's fetch checks the wasm's hash when it takes the file over.
 */
function preloadHints(src, view) {
  const hint = (href, type) =>
    `<link rel="preload" href="${escapeHtml(href)}" as="fetch" type="${type}" crossorigin="anonymous">\n`;
  const data = /^https?:/.test(src) ? hint(src, 'application/json') : '';
  return hint(wasmUrl(needsFull(view) ? 'full' : 'first').href, 'application/wasm') + data;
}

/** The still pictures, the narrow one for narrow viewports, and the link to the data. */
function stillMarkup(chart, dir, link) {
  const alt = `${chart.title}. ${chart.summary}`;
  const lines = [
    `  <picture lang="${escapeHtml(chart.lang)}"${dir}>`,
    `    <source media="(max-width: ${NARROW_VIEWPORT - 1}px)" srcset="${escapeHtml(dataUri(chart.stills.narrow, true))}">`,
    `    <img src="${escapeHtml(dataUri(chart.stills.wide))}" width="100%" alt="${escapeHtml(alt)}">`,
    '  </picture>',
  ];
  // a div, not a p: no margin that collapses differently before and after the script runs
  if (link) lines.push(`  <div${dir}>${link}</div>`);
  return lines.join('\n');
}

/** The title, the summary and the link, as a paragraph. */
function paragraph(chart, dir, link) {
  return `  <p${dir}><strong>${escapeHtml(chart.title)}</strong><br>${escapeHtml(chart.summary)}${link ? ` ${link}` : ''}</p>`;
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
