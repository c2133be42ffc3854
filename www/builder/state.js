// The builder's settings: read from the page's address, and written back into it (the address is
// a permalink). The names are embed.html's (src, view, series, from, to, lang, theme, height) plus
// `ui`, the language of the builder itself, and `top` (the chart is at the top of its article).

import { LANGUAGES } from '../generated/defaults.js';
import { browserLanguage, httpUrl } from '../page/words.js';

export { httpUrl };

/** The dataset the builder starts with, relative to the page. */
export const DEFAULT_SRC = 'data/morocco.json';
/** Views whose chart is limited by `from` and `to`: the years are offered for these only. */
export const YEAR_VIEWS = ['series', 'rating', 'timeline', 'overview', 'compare'];
/** The years and the heights the form accepts. */
const YEARS = [1900, 2100];
const HEIGHTS = [150, 2000];
/** What an id of `series` may look like in the address (docs/format.md's ids). */
const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

const CODES = LANGUAGES.map((l) => l.code);

/** An integer in [min, max] written as a string, or '' (also for anything else). */
export function intIn(value, [min, max]) {
  const text = String(value ?? '').trim();
  if (!/^\d{1,4}$/.test(text)) return '';
  const n = Number(text);
  return n >= min && n <= max ? String(n) : '';
}

export const validYear = (value) => intIn(value, YEARS);

/** The values a <select> of the form offers (the views, the themes). */
const offered = (id) => [...document.getElementById(id).options].map((o) => o.value);

function readUrl() {
  const q = new URLSearchParams(location.search);
  const pick = (name, list, fallback) => (list.includes(q.get(name)) ? q.get(name) : fallback);
  const ui = pick('ui', CODES, browserLanguage(CODES));
  return {
    ui,
    src: httpUrl((q.get('src') || '').trim()) ? q.get('src').trim() : DEFAULT_SRC,
    view: pick('view', offered('view'), 'series'),
    series: (q.get('series') || '').split(',').map((s) => s.trim()).filter((s) => ID.test(s)),
    from: validYear(q.get('from')),
    to: validYear(q.get('to')),
    lang: pick('lang', CODES, ui),
    theme: pick('theme', offered('theme'), 'light'),
    height: intIn(q.get('height'), HEIGHTS),
    // the chart is at the top of its article: the code loads it at once (see embed.js)
    top: q.get('top') === '1',
  };
}

/** The settings, as the form shows them (years and height as typed, checked when used). */
export const state = readUrl();

/** The dataset's address, absolute (state.src is always an http(s) address or a relative one). */
export const datasetUrl = () => httpUrl(state.src);

/** The years, when valid: { from, to } ('' = not set). */
export function years() {
  if (!YEAR_VIEWS.includes(state.view)) return { from: '', to: '' };
  const from = validYear(state.from);
  const to = validYear(state.to);
  if (from && to && Number(from) > Number(to)) return { from: '', to: '' };
  return { from, to };
}

export const validHeight = () => intIn(state.height, HEIGHTS) !== '';

/** A query string, with its commas (between series ids) left readable. */
export const query = (params) => params.toString().replace(/%2C/gi, ',');

/** The builder's address for the current state (default values left out). */
export function permalink() {
  const q = new URLSearchParams();
  if (state.src !== DEFAULT_SRC) q.set('src', state.src);
  q.set('view', state.view);
  if (state.series.length) q.set('series', state.series.join(','));
  const { from, to } = years();
  if (from) q.set('from', from);
  if (to) q.set('to', to);
  q.set('lang', state.lang);
  q.set('theme', state.theme);
  if (validHeight()) q.set('height', state.height);
  if (state.top) q.set('top', '1');
  q.set('ui', state.ui);
  const url = new URL(location.href);
  url.search = query(q);
  url.hash = '';
  return url.href;
}

/** The attributes of the chart, in the order they are written: [[name, value], …]. */
export function chartAttributes() {
  const attrs = [['src', datasetUrl() ?? state.src], ['view', state.view]];
  if (state.series.length) attrs.push(['series', state.series.join(',')]);
  const { from, to } = years();
  if (from) attrs.push(['from', from]);
  if (to) attrs.push(['to', to]);
  attrs.push(['lang', state.lang], ['theme', state.theme]);
  if (validHeight()) attrs.push(['height', state.height]);
  return attrs;
}
