// The chart builder (builder.html): a journalist picks a dataset, a view and its options, sees
// the chart in a live <plan-progress>, and copies the code for an article. Its parts (builder/):
// the settings and the address (state.js), the dataset as Rust reads it (dataset.js), the form
// (form.js), the code to paste (snippets.js) and the interface's words (strings.js).
//
// `cargo xtask dist` bundles this file with the element (plan-progress.js and its parts) into
// dist/builder.js: the preview and the builder share the element's loader, so one wasm serves
// the page. Every decision about the data (what a view can show, its default, the years, the
// titles, why a dataset is refused) is asked of that wasm.

import './plan-progress.js';
import * as dataset from './builder/dataset.js';
import { $, fields, fillForm, fillLanguages, fixSeries, renderHints, renderSeriesField } from './builder/form.js';
import { computeSri, fitBoxes, listenToCopies, renderCode } from './builder/snippets.js';
import { chartAttributes, DEFAULT_SRC, httpUrl, permalink, state, YEAR_VIEWS } from './builder/state.js';
import { applyStrings } from './builder/strings.js';

const form = $('form');
const seriesField = $('series-field');

const preview = document.createElement('plan-progress');
preview.id = 'preview';

/** The attributes the builder sets on the preview (and removes when not set). */
const PREVIEW_ATTRIBUTES = ['src', 'view', 'series', 'from', 'to', 'lang', 'theme', 'height'];

function updatePreview() {
  const attrs = new Map(chartAttributes());
  for (const name of PREVIEW_ATTRIBUTES) {
    if (attrs.has(name)) {
      if (preview.getAttribute(name) !== attrs.get(name)) preview.setAttribute(name, attrs.get(name));
    } else if (preview.hasAttribute(name)) {
      preview.removeAttribute(name);
    }
  }
}

/** After every change: the preview, the address, the code. */
function update() {
  updatePreview();
  history.replaceState(null, '', permalink());
  renderCode(preview);
  // the widget redraws in its next animation frame (registered before this one): read its
  // title and summary after it
  requestAnimationFrame(() => renderCode(preview));
}

/** Everything the interface's language or the dataset says. */
function renderWords() {
  applyStrings(state.ui);
  dataset.renderStatus();
  renderSeriesField();
  renderHints();
}

async function loadDataset() {
  renderSeriesField();
  if (!(await dataset.load())) return; // a newer load superseded this one
  fixSeries(false);
  // the wasm is ready: the widget's words in the page too
  renderWords();
  update();
}

const showYears = () => { $('years').hidden = !YEAR_VIEWS.includes(state.view); };

// ---------------------------------------------------------------------------------------------
// Events.

fields.ui.addEventListener('change', () => {
  state.ui = fields.ui.value;
  renderWords();
  update();
});

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const src = fields.src.value.trim() || DEFAULT_SRC;
  if (!httpUrl(src)) {
    // refused: the chart keeps its data, the field says why
    dataset.refuse('badUrl');
    fields.src.setAttribute('aria-invalid', 'true');
    return;
  }
  fields.src.setAttribute('aria-invalid', 'false');
  if (src === state.src && dataset.loadedOrLoading()) {
    dataset.confirm();
    return;
  }
  state.src = src;
  loadDataset();
  update();
});
fields.src.addEventListener('change', () => form.requestSubmit());

fields.view.addEventListener('change', () => {
  state.view = fields.view.value;
  fixSeries(true);
  renderSeriesField();
  showYears();
  update();
});

seriesField.addEventListener('change', (event) => {
  if (!event.target.matches('[data-series]')) return;
  if (event.target.type === 'checkbox') {
    state.series = [...seriesField.querySelectorAll('input[data-series]:checked')].map((box) => box.value);
  } else {
    state.series = [event.target.value];
  }
  update();
});

for (const name of ['from', 'to', 'height']) {
  fields[name].addEventListener('input', () => {
    state[name] = fields[name].value;
    renderHints();
    update();
  });
}
for (const name of ['lang', 'theme']) {
  fields[name].addEventListener('change', () => {
    state[name] = fields[name].value;
    update();
  });
}

fields.top.addEventListener('change', () => {
  state.top = fields.top.checked;
  update();
});

window.addEventListener('resize', fitBoxes);
preview.addEventListener('plan-progress:ready', () => renderCode(preview));
// the description and the stills come with the full module, after the first drawing
preview.addEventListener('plan-progress:described', () => renderCode(preview));
preview.addEventListener('plan-progress:error', () => renderCode(preview));
listenToCopies($('announce'));

// ---------------------------------------------------------------------------------------------
// Start.

fillLanguages();
applyStrings(state.ui);
fillForm();
showYears();
renderHints();
renderSeriesField();
$('preview-box').append(preview);
update();
loadDataset();
computeSri(preview);
