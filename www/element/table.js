// The data table: the same data as the chart as a real table (caption, column and row headers
// with scope, units, notes and sources), as the Rust side lists it (`describe::Table`).

import { el } from './dom.js';
import { showError } from './parts.js';

/** About this many characters of the table are laid out per task (see #fill). */
const SLICE_CHARS = 20_000;

export class DataTable {
  #container;
  #timer = 0;

  /** `container`: the element the table goes in (scrollable, so reachable by keyboard). */
  constructor(container) {
    this.#container = container;
  }

  /** Shows `data` (`{caption, header, columns, rows}`), replacing any table shown. */
  show(data) {
    this.clear();
    if (!data) return;
    const table = el('table');
    table.append(el('caption', '', data.caption));
    const head = el('tr');
    const corner = el('th', '', data.header);
    corner.scope = 'col';
    head.append(corner);
    for (const column of data.columns) {
      const th = el('th', '', column.label);
      th.scope = 'col';
      if (column.unit) th.append(el('span', 'unit', ` (${column.unit})`));
      head.append(th);
    }
    const thead = el('thead');
    thead.append(head);
    const body = el('tbody');
    table.append(thead, body);
    // a scrollable region must be reachable with the keyboard (WCAG 2.1.1)
    const container = this.#container;
    container.tabIndex = 0;
    container.setAttribute('role', 'group');
    container.setAttribute('aria-label', data.caption);
    container.replaceChildren(table);
    this.#fill(body, data.rows, 0);
  }

  /**
   * Shows the table of `drawn`'s chart (see drawn.js): at once when it is the full module's,
   * which has the table; else once it is, saying meanwhile that it loads, and if the module does
   * not load, why, with Retry. `text(key)`: the widget's words.
   */
  async showFrom(drawn, text) {
    if (drawn.full) return this.show(drawn.chart.table());
    this.clear();
    const waiting = el('p', 'loading', text('loading'));
    this.#container.replaceChildren(waiting);
    try {
      const chart = await drawn.fullChart();
      if (chart && waiting.isConnected) this.show(chart.table());
    } catch (error) {
      if (!waiting.isConnected) return;
      const box = el('div');
      const retry = () => this.showFrom(drawn, text);
      // no "could not be shown" title: the chart is there, only the table is not
      showError(box, { title: '', detail: error.message, retryText: text('retry'), retry });
      this.#container.replaceChildren(box);
    }
  }

  /** Removes the table and stops filling it. */
  clear() {
    clearTimeout(this.#timer);
    this.#container.replaceChildren();
  }

  /**
   * Appends the rows from `from` on, about SLICE_CHARS characters of text at a time, each slice
   * in a task of its own: the table of a large overview holds hundreds of rows and megabytes of
   * text, and laying it out at once held the page for over half a second. The table says it is
   * busy until its last row is in.
   */
  #fill(body, rows, from) {
    if (!body.isConnected) return; // the table was closed or redrawn meanwhile
    const slice = document.createDocumentFragment();
    let chars = 0;
    let i = from;
    while (i < rows.length && (i === from || chars < SLICE_CHARS)) {
      slice.append(row(rows[i]));
      chars += JSON.stringify(rows[i]).length;
      i++;
    }
    body.append(slice);
    const more = i < rows.length;
    this.#container.setAttribute('aria-busy', String(more));
    if (more) this.#timer = setTimeout(() => this.#fill(body, rows, i), 0);
  }
}

/** One row of the table: its header cell and its cells, with notes and sources. */
function row(data) {
  const tr = el('tr');
  const th = el('th', '', data.header);
  th.scope = 'row';
  tr.append(th);
  for (const cell of data.cells) {
    const td = el('td', cell.missing ? 'missing' : '', cell.text);
    if (cell.note) td.append(el('span', 'note', cell.note));
    if (cell.source && cell.source !== cell.text) td.append(el('span', 'cite', cell.source));
    tr.append(td);
  }
  return tr;
}
