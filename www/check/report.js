// What the checker says about a file, from Rust's report (`check` of the wasm, in the interface's
// language): the verdict; every problem with its place (line, column, JSON path) and message,
// each a button that selects that place in the text; for a valid dataset, its counts, the way
// to the chart builder, and a <plan-progress> of every view it can draw in each of its
// languages, with the summary screen readers hear.

import { el } from '../element/dom.js';
import { languageOf } from '../element/loader.js';
import { codeNode, partsToNodes } from '../page/words.js';
import { setText, t, ui } from './strings.js';
import { selectSpot } from './text.js';

const $ = (id) => document.getElementById(id);

/** The counts Rust gives (model::Counts), in the order `validate` prints them. */
const COUNTS = ['sources', 'indicators', 'figures', 'gaps', 'ratings', 'recommendationLists', 'commitments', 'milestones'];

/** What is being checked, as the verdict names it: the file's name or the address (isolated, so
 * that "05-data.json" stays so in an Arabic sentence), or "the text". */
const nameOf = (name) => (name == null ? t('theText') : `\u2068${name}\u2069`);

/** Says that the source `name` is being read. */
export function showReading(name) {
  clear();
  setText($('verdict'), 'reading', nameOf(name));
  $('verdict').dataset.state = 'reading';
}

/** Says that `name` could not be read, and why (`reason`, in the interface's language). */
export function showFailure(name, reason) {
  clear();
  setText($('verdict'), 'failed', nameOf(name), reason);
  $('verdict').classList.add('bad');
  $('verdict').dataset.state = 'failed';
}

/** Empties the result (the previews too). */
function clear() {
  $('verdict').classList.remove('bad');
  $('problems-box').hidden = true;
  $('valid-box').hidden = true;
  $('problems').replaceChildren();
  $('previews').replaceChildren();
  $('previews').dataset.of = '';
}

/** Shows the report of `source`. Its previews are made once per source: a new interface
 * language relabels them. */
export function showReport(source, report) {
  const verdict = $('verdict');
  setText(verdict, report.verdict, nameOf(source.name), String(report.problems.length));
  verdict.classList.toggle('bad', report.verdict !== 'valid');
  verdict.dataset.state = report.verdict;
  $('problems-box').hidden = report.problems.length === 0;
  $('problems').replaceChildren(...report.problems.map(problemItem));
  $('valid-box').hidden = report.verdict !== 'valid';
  if (report.verdict !== 'valid') {
    $('previews').replaceChildren();
    return;
  }
  showCounts(report.counts);
  showBuilderLink(source);
  showPreviews(source, report);
}

/** One problem: its place and message, a button when the text has that place. */
function problemItem(problem) {
  const where = el('span', 'where');
  if (problem.line != null) {
    where.append(t('where', problem.line, problem.column), ' · ');
  } else {
    where.append(t('wholeFile'), ' · ');
  }
  const path = codeNode(problem.path);
  path.classList.add('path');
  where.append(path);
  const message = el('span', 'message');
  message.append(...partsToNodes(problem.message));
  const item = el('li');
  if (problem.line == null) {
    item.append(el('div', 'whole'));
    item.firstChild.append(where, message);
    return item;
  }
  const button = el('button', 'spot');
  button.type = 'button';
  button.dataset.line = problem.line;
  button.dataset.column = problem.column;
  button.append(where, message);
  button.addEventListener('click', () => selectSpot(problem));
  item.append(button);
  return item;
}

function showCounts(counts) {
  $('counts').replaceChildren(...COUNTS.map((key) => {
    const row = el('div');
    row.dataset.count = key;
    row.append(el('dt', '', t(key)), el('dd', '', new Intl.NumberFormat(ui()).format(counts[key])));
    return row;
  }));
}

/** The builder, for a dataset at an address; else how to get there. */
function showBuilderLink(source) {
  const box = $('builder');
  if (!source.url) {
    setText(box, 'builderLocal');
    return;
  }
  const link = el('a', '', t('builder'));
  link.href = `builder.html?${new URLSearchParams({ src: source.url, ui: ui() })}`;
  box.replaceChildren(link);
}

/** The name of language `code` in the interface's language. */
function languageName(code) {
  try {
    return new Intl.DisplayNames([ui()], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * A <plan-progress> of each view in each language, under a heading per language: from the
 * address (the widgets share one download), else from the text itself. Made once per source;
 * a new interface language relabels them.
 */
function showPreviews(source, report) {
  const box = $('previews');
  if (box.dataset.of !== source.id) {
    box.dataset.of = source.id;
    box.replaceChildren(...report.languages.map((lang) => languageSection(source, report.views, lang)));
  }
  for (const section of box.querySelectorAll('[data-language]')) {
    section.querySelector('h4').textContent = t('inLanguage', languageName(section.dataset.language));
    for (const caption of section.querySelectorAll('figcaption')) caption.textContent = t(`view-${caption.dataset.view}`);
    for (const summary of section.querySelectorAll('.summary')) labelSummary(summary);
  }
}

function languageSection(source, views, lang) {
  const section = el('section', 'language');
  section.dataset.language = lang;
  const heading = el('h4');
  heading.id = `previews-${lang}`;
  section.setAttribute('aria-labelledby', heading.id);
  const charts = el('div', 'charts');
  charts.append(...views.map((view) => preview(source, view, lang)));
  section.append(heading, charts);
  return section;
}

function preview(source, view, lang) {
  const figure = el('figure', 'chart');
  const caption = el('figcaption');
  caption.dataset.view = view;
  const chart = document.createElement('plan-progress');
  chart.id = `preview-${lang}-${view}`;
  for (const [name, value] of [['view', view], ['lang', lang], ['theme', 'auto']]) chart.setAttribute(name, value);
  if (source.url) {
    chart.setAttribute('src', source.url);
  } else {
    const data = document.createElement('script');
    data.type = 'application/json';
    data.textContent = source.text;
    chart.append(data);
  }
  const summary = el('p', 'summary');
  summary.dataset.lang = lang;
  chart.addEventListener('plan-progress:ready', () => {
    summary.dataset.text = chart.summary;
    labelSummary(summary);
  });
  figure.append(caption, chart, summary);
  return figure;
}

/** "Summary:" in the interface's language and direction, over the summary in the chart's. */
function labelSummary(summary) {
  if (!summary.dataset.text) return;
  summary.lang = summary.dataset.lang;
  summary.dir = languageOf(summary.lang).dir;
  const label = el('strong', '', t('summary'));
  label.lang = ui();
  label.dir = document.documentElement.dir;
  summary.replaceChildren(label, el('span', '', summary.dataset.text));
}
