// The dataset, read here too for what the form offers: the choices of `series` for a view, the
// range of years, the plan's title. It is read by the widget's own loader into the page's one
// wasm, and Rust answers all three; a dataset Rust refuses is reported with Rust's own message.
// The status line under the address says how the reading went, in the interface's language.

import { el } from '../element/dom.js';
import { datasetText, LoadFailure, loadWasm, wasm, wordsFor } from '../element/loader.js';
import { setText, t } from './strings.js';
import { datasetUrl, state } from './state.js';

/** Seconds the download may take (the widget's default `timeout`). */
const TIMEOUT = 10;

/** The loaded dataset (a wasm Data), or null. */
let chart = null;
/** { key: 'loading' | 'loaded' | 'failed', problem(ui) } (problem: for 'failed'). */
let status = null;
let loads = 0;

/** Whether there is a dataset, or one on its way. */
export const loadedOrLoading = () => chart !== null || status?.key === 'loading';

/** What `series` may name for `view`, labelled in the interface's language, and the view's
 * default written out: `{ids: [{id, label}], default: [id]}`; null without a dataset. */
export const choices = (view) => chart?.choices(view, state.ui) ?? null;

/** The first and last year the dataset speaks of, [first, last]; null without a dataset. */
export const dataYears = () => chart?.years() ?? null;

/** The plan's title in `lang`; '' without a dataset. */
export const planTitle = (lang) => chart?.title(lang) ?? '';

/**
 * Reads the dataset at the state's address. Resolves to false when a newer load superseded this
 * one (its outcome is then left unsaid), true otherwise, loaded or not.
 */
export async function load() {
  const id = ++loads;
  chart?.free();
  chart = null;
  setStatus('loading');
  const read = await readDataset(datasetUrl());
  if (id !== loads) {
    read.chart?.free();
    return false;
  }
  chart = read.chart ?? null;
  setStatus(read.problem ? 'failed' : 'loaded', read.problem);
  return true;
}

/** The dataset at `url` as a wasm Data, or why not: `{chart}` or `{problem(ui)}`. */
async function readDataset(url) {
  if (!url) return { problem: () => t('badUrl') };
  let text;
  try {
    [text] = await Promise.all([datasetText(url, TIMEOUT), loadWasm('full')]);
  } catch (error) {
    await wordsFor(error); // the widget's words for a failed download
    return { problem: (ui) => failure(error, ui) };
  }
  try {
    return { chart: new (wasm('full').Data)(text, state.ui) };
  } catch {
    // Rust's reason, in whichever interface language is chosen when it is shown
    return { problem: (ui) => refusal(text, ui) };
  }
}

/** Why Rust refuses `text`, in `ui`. */
function refusal(text, ui) {
  try {
    new (wasm('full').Data)(text, ui).free();
    return '';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** What went wrong with a download, in `ui`: the widget's words for it when it has some. */
function failure(error, ui) {
  if (!(error instanceof LoadFailure)) return error instanceof Error ? error.message : String(error);
  return error.said(ui) ?? error.key;
}

/** Says that an address was refused: the dataset already loaded stays. */
export function refuse(key) {
  setStatus('failed', () => t(key));
}

/** Says the dataset is loaded again (after a refused address, the same address once more). */
export function confirm() {
  if (chart) setStatus('loaded');
}

function setStatus(key, problem = null) {
  status = { key, problem };
  renderStatus();
}

/** The status line, in the interface's language (which may change after loading). */
export function renderStatus() {
  const line = document.getElementById('dataset-status');
  if (!status) {
    line.replaceChildren();
  } else if (status.key === 'failed') {
    // the first line says what went wrong; the lines after it (a dataset's problems, each with
    // its JSON path) are kept as they are, left to right
    const [headline, ...problems] = status.problem(state.ui).split('\n');
    setText(line, 'failed', headline);
    for (const text of problems) {
      const span = el('span', '', text);
      span.dir = 'ltr';
      line.append(el('br'), span);
    }
  } else {
    setText(line, status.key, planTitle(state.ui) || datasetUrl());
  }
  line.classList.toggle('error', status?.key === 'failed');
  line.dataset.state = status?.key ?? '';
}
