// The code the builder gives: the web component (the widget's own embed snippet, with the
// integrity hash of the plan-progress.js this page is served with), the iframe (embed.html with
// resizer.js) and the builder's own address; each in a read-only text box with a Copy button.
// Every string from a dataset is escaped in the code.

import { copyText, escapeHtml } from '../element/dom.js';
import { scriptIntegrity, snippet } from '../element/embed.js';
import { languageOf } from '../element/loader.js';
import { planTitle } from './dataset.js';
import { $ } from './form.js';
import { chartAttributes, DEFAULT_SRC, datasetUrl, permalink, query, state, validHeight } from './state.js';
import { chartWord, setText, t, widgetText } from './strings.js';

/** The boxes of code, in the page's order. */
const BOXES = ['code-component', 'code-iframe', 'code-permalink'];
/** The height of an iframe for a chart without a `height`, and what an iframe adds to one. */
const IFRAME_HEIGHT = 480;
const IFRAME_EXTRA = 160;

/** The base address of this copy of plan-progress: the builder's own directory. */
const base = new URL('./', location.href).href;

/** 'sha384-…' once computed, '' when it cannot be, null until then. */
let sri = null;

/** Computes the integrity hash once, then writes the code again with it. */
export async function computeSri(preview) {
  sri = await scriptIntegrity();
  renderCode(preview);
}

/** The chart's title and summary, as the preview shows them ('' while it is not drawn). */
function chartWords(preview) {
  if (preview.dataset.state !== 'ready') return { title: '', summary: '' };
  return {
    title: (preview.shadowRoot?.querySelector('.title')?.textContent ?? '').trim(),
    summary: preview.summary.trim(),
  };
}

/** The title the code gives the chart: the preview's, else the plan's, else a plain word. */
const titleOf = (words) => words.title || planTitle(state.lang) || chartWord(state.lang);

/** The web component's code: the widget's own snippet for the preview's attributes. */
function componentCode(preview, words) {
  const chart = {
    element: preview, lang: state.lang, dir: languageOf(state.lang).dir, title: titleOf(words),
    summary: words.summary, dataLabel: widgetText(state.lang, 'the-data') ?? '', stills: preview.stillPictures?.() ?? null,
    atTop: state.top,
  };
  return snippet(chart, sri);
}

function iframeCode(words) {
  const q = new URLSearchParams();
  const data = datasetUrl();
  // embed.html reads data/morocco.json beside itself by default
  if (data && data !== new URL(DEFAULT_SRC, base).href) q.set('src', data);
  for (const [name, value] of chartAttributes()) if (name !== 'src') q.set(name, value);
  const src = `${new URL('embed.html', base).href}?${query(q)}`;
  const height = validHeight() ? Number(state.height) + IFRAME_EXTRA : IFRAME_HEIGHT;
  // no inline style: a host with a strict Content-Security-Policy refuses style="…"
  return `<iframe src="${escapeHtml(src)}" title="${escapeHtml(titleOf(words))}" width="100%" height="${height}" frameborder="0" loading="${state.top ? 'eager' : 'lazy'}"></iframe>\n` +
    `<script src="${escapeHtml(new URL('resizer.js', base).href)}" async></script>`;
}

/** Makes a textarea as tall as its text (CSSOM, allowed by the CSP's style-src 'self'). */
export function fitBoxes() {
  for (const id of BOXES) {
    const area = $(id);
    area.style.height = 'auto';
    area.style.height = `${area.scrollHeight + 2}px`;
  }
}

/** Writes the code for the preview's chart, and the notes under it. */
export function renderCode(preview) {
  const words = chartWords(preview);
  $('code-component').value = componentCode(preview, words);
  $('code-iframe').value = iframeCode(words);
  $('code-permalink').value = permalink();
  fitBoxes();
  setText($('sri-note'), sri === '' ? 'noSri' : 'sriNote');
  const data = datasetUrl();
  const origin = new URL(base).origin;
  setText($('csp-note'), 'cspNote', origin, data ? new URL(data).origin : "'self'");
  setText($('csp-iframe'), 'cspIframe', origin);
}

/** The Copy buttons: each copies its box and says so in the live region `announce`. */
export function listenToCopies(announce) {
  for (const button of document.querySelectorAll('button[data-copy]')) {
    button.addEventListener('click', async () => {
      const done = await copyText($(button.dataset.copy));
      // the same words twice in a row are not announced again: empty the region first
      announce.textContent = '';
      setTimeout(() => { announce.textContent = t(done ? 'copied' : 'copy-failed'); }, 50);
    });
  }
}
