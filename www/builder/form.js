// The builder's form: its fields filled from the state, the choice of `series` offered for the
// view (what Rust says the view can show of the dataset), and the hints under the years and the
// height, which say what is wrong with a value as it is typed.

import { LANGUAGES } from '../generated/defaults.js';
import { el } from '../element/dom.js';
import { choices, dataYears } from './dataset.js';
import { state, validHeight, validYear } from './state.js';
import { setText, t } from './strings.js';

export const $ = (id) => document.getElementById(id);

export const fields = {
  ui: $('ui'), src: $('src'), view: $('view'), from: $('from'), to: $('to'),
  lang: $('lang'), theme: $('theme'), height: $('height'), top: $('top'),
};

/**
 * How the form offers `series` for each view that takes it: several ids (check boxes, with a
 * legend and a hint) or one (a select, with a label), and what it says when the dataset has
 * none. A view that is not here shows the whole dataset: there is nothing to choose.
 */
const SERIES_FIELDS = {
  series: { several: true, label: 'indicators', hint: 'indicatorsHint', none: 'noIndicators' },
  rating: { several: false, label: 'rating', none: 'noRatings' },
  status: { several: false, label: 'subject', none: 'noStatus' },
  progress: { several: true, label: 'axes', hint: 'axesHint', none: 'noAxes' },
  compare: { several: false, label: 'scale', none: 'noScales' },
};

/** The two choices of language (the interface's, the chart's): the languages the widget speaks. */
export function fillLanguages() {
  for (const select of [fields.ui, fields.lang]) {
    select.replaceChildren(...LANGUAGES.map(({ code, name }) => {
      const option = new Option(name, code);
      option.lang = code;
      return option;
    }));
  }
}

export function fillForm() {
  for (const name of ['ui', 'src', 'view', 'from', 'to', 'lang', 'theme', 'height']) {
    fields[name].value = state[name];
  }
  fields.top.checked = state.top;
}

/**
 * Keeps only the series the view accepts; with none left (or when `reset`), the view's default.
 * Before a dataset is loaded, the series stay as they are.
 */
export function fixSeries(reset) {
  const offer = choices(state.view);
  if (!offer) return;
  const ids = offer.ids.map((choice) => choice.id);
  let series = reset ? [] : state.series.filter((id) => ids.includes(id));
  if (SERIES_FIELDS[state.view]?.several === false) series = series.slice(0, 1);
  state.series = series.length ? series : offer.default;
}

function hint(id, key) {
  const p = el('p', 'hint');
  p.id = id;
  setText(p, key);
  return p;
}

/** Rebuilds the choice of series for the current view and dataset. */
export function renderSeriesField() {
  const field = SERIES_FIELDS[state.view];
  const offer = field ? choices(state.view) : null;
  let parts;
  if (!field) parts = [hint('series-hint', 'nothing')];
  else if (!offer) parts = [hint('series-hint', 'noData')];
  else if (offer.ids.length === 0) parts = [hint('series-hint', field.none)];
  else parts = field.several ? checkBoxes(field, offer.ids) : select(field, offer.ids);
  $('series-field').replaceChildren(...parts);
}

/** A check box for each choice, in a fieldset. */
function checkBoxes(field, ids) {
  const set = el('fieldset', 'checks');
  set.setAttribute('aria-describedby', 'series-hint');
  const ul = el('ul');
  ids.forEach(({ id, label }, i) => {
    const box = el('input');
    box.type = 'checkbox';
    box.id = `series-${i}`;
    box.value = id;
    box.checked = state.series.includes(id);
    box.dataset.series = '';
    const text = el('label');
    text.htmlFor = box.id;
    const code = el('span', 'id', id);
    code.dir = 'ltr';
    // a <bdi>: the direction of a dataset's text never leaks into the form's
    text.append(el('bdi', '', label || id), ' ', code);
    const li = el('li');
    li.append(box, text);
    ul.append(li);
  });
  set.append(el('legend', '', t(field.label)), hint('series-hint', field.hint), ul);
  return [set];
}

/** A select of the choices, with its label. */
function select(field, ids) {
  const label = el('label', '', t(field.label));
  label.htmlFor = 'series-select';
  const list = el('select');
  list.id = 'series-select';
  list.dataset.series = '';
  for (const { id, label: text } of ids) {
    // an option holds text only: isolate it (FSI … PDI) as a <bdi> would
    list.append(new Option(`\u2068${text || id}\u2069`, id));
  }
  list.value = state.series[0] ?? ids[0].id;
  return [label, list];
}

/** The hints of the years (with the dataset's range, from Rust) and of the height: each says
 * what is wrong with its field's value, as it is typed. */
export function renderHints() {
  const range = dataYears();
  const from = state.from.trim();
  const to = state.to.trim();
  const badFrom = from !== '' && !validYear(from);
  const badTo = to !== '' && !validYear(to);
  const badOrder = !badFrom && !badTo && from !== '' && to !== '' && Number(from) > Number(to);
  fields.from.setAttribute('aria-invalid', String(badFrom || badOrder));
  fields.to.setAttribute('aria-invalid', String(badTo || badOrder));
  const yearsHint = $('years-hint');
  if (badFrom || badTo) setText(yearsHint, 'badYear');
  else if (badOrder) setText(yearsHint, 'badOrder');
  else if (range) setText(yearsHint, 'yearsRange', range[0], range[1]);
  else setText(yearsHint, 'yearsHint');
  yearsHint.classList.toggle('error', badFrom || badTo || badOrder);
  if (range) {
    fields.from.placeholder = String(range[0]);
    fields.to.placeholder = String(range[1]);
  }
  const badHeight = state.height.trim() !== '' && !validHeight();
  fields.height.setAttribute('aria-invalid', String(badHeight));
  const heightHint = $('height-hint');
  setText(heightHint, badHeight ? 'badHeight' : 'heightHint');
  heightHint.classList.toggle('error', badHeight);
}
