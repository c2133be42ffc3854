// The menu: downloads (PNG, SVG, CSV), sources, embedding. A menu button (WAI-ARIA APG "menu
// button"): Enter, Space or ArrowDown open it on the first item, ArrowUp on the last; the arrows,
// Home and End move between items; Escape closes it and gives the focus back to the button; Tab
// closes it and goes on. Panels open inside the widget, under the chart, with a Close button.

import { copyText, el, webLink } from './dom.js';
import { builderUrl, scriptIntegrity, snippet } from './embed.js';
import { showError } from './parts.js';

/** The menu's items, in order: each is its uiText key and its action. */
const MENU_ITEMS = ['png', 'svg', 'csv-shown', 'csv-all', 'sources', 'embed'];

export class Menu {
  #host;
  #shown = null;
  /** The elements of the menu and of its panel, for the widget to place. */
  wrap; button; list; panel; #panelTitle; #panelClose; #panelBody;

  /**
   * `host`: {element, chart(), fullChart() (a promise: the chart from the full module, see
   * drawn.js), options() (the last drawing's options), text(key, ...args), lang(), dir(),
   * title(), summary(), announce(text), hideTip()}.
   */
  constructor(host) {
    this.#host = host;
    this.wrap = el('div', 'menu-wrap');
    this.button = el('button', 'menu-button');
    this.button.type = 'button';
    this.button.id = 'menu-button';
    this.button.setAttribute('aria-haspopup', 'true');
    this.button.setAttribute('aria-expanded', 'false');
    this.button.setAttribute('aria-controls', 'menu');
    this.list = el('div', 'menu');
    this.list.id = 'menu';
    this.list.setAttribute('role', 'menu');
    this.list.setAttribute('aria-labelledby', 'menu-button');
    this.list.hidden = true;
    for (const action of MENU_ITEMS) {
      const item = el('button');
      item.type = 'button';
      item.setAttribute('role', 'menuitem');
      item.tabIndex = -1;
      item.dataset.action = action;
      this.list.append(item);
    }
    this.wrap.append(this.button, this.list);
    this.#buildPanel();
  }

  #buildPanel() {
    this.panel = el('div', 'panel');
    this.panel.setAttribute('role', 'group');
    this.panel.setAttribute('aria-labelledby', 'panel-title');
    this.panel.hidden = true;
    this.#panelTitle = el('p', 'panel-title');
    this.#panelTitle.id = 'panel-title';
    // the focus goes to the title when a panel opens, so that it is read first
    this.#panelTitle.tabIndex = -1;
    this.#panelClose = el('button', 'close');
    this.#panelClose.type = 'button';
    const head = el('div', 'panel-head');
    head.append(this.#panelTitle, this.#panelClose);
    this.#panelBody = el('div', 'panel-body');
    this.panel.append(head, this.#panelBody);
  }

  listen(signal) {
    this.button.addEventListener('click', () => {
      if (this.list.hidden) this.#open(false);
      else this.close(true);
    }, { signal });
    this.button.addEventListener('keydown', (e) => {
      if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
      e.preventDefault();
      this.#open(e.key === 'ArrowUp');
    }, { signal });
    this.list.addEventListener('keydown', (e) => this.#onKey(e), { signal });
    this.list.addEventListener('click', (e) => {
      const item = e.target.closest?.('[data-action]');
      if (item) this.#run(item.dataset.action);
    }, { signal });
    // the focus went elsewhere (a click on a button of the page, a screen reader's move); a
    // click on nothing focusable is the document's pointerdown
    this.wrap.addEventListener('focusout', (e) => {
      if (e.relatedTarget && !this.wrap.contains(e.relatedTarget)) this.close(false);
    }, { signal });
    this.#panelClose.addEventListener('click', () => this.closePanel(), { signal });
    this.panel.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      this.closePanel();
    }, { signal });
  }

  /** A press somewhere in the page (`path`: its composed path) closes the menu unless it is on
   * the menu. */
  pressed(path) {
    if (!path.includes(this.wrap)) this.close(false);
  }

  /** The menu's words in the current language; no menu with `menu="none"`, no embed code for
   * data inside the page. */
  render() {
    const element = this.#host.element;
    const none = (element.getAttribute('menu') || '').trim().toLowerCase() === 'none';
    this.wrap.hidden = none;
    if (none) {
      this.close(false);
      this.closePanel(false);
    }
    this.button.textContent = this.#host.text('menu');
    for (const item of this.list.children) {
      item.textContent = this.#host.text(item.dataset.action);
      if (item.dataset.action === 'embed') item.hidden = !element.getAttribute('src');
    }
    this.list.setAttribute('dir', this.#host.dir());
    if (this.#shown) this.#renderPanel();
  }

  #items() {
    return [...this.list.children].filter((item) => !item.hidden);
  }

  #open(last) {
    this.#host.hideTip();
    this.list.hidden = false;
    this.button.setAttribute('aria-expanded', 'true');
    const items = this.#items();
    items[last ? items.length - 1 : 0]?.focus();
  }

  close(focusButton) {
    if (this.list.hidden) return;
    this.list.hidden = true;
    this.button.setAttribute('aria-expanded', 'false');
    if (focusButton) this.button.focus();
  }

  #onKey(event) {
    const items = this.#items();
    const at = items.indexOf(this.#host.element.shadowRoot.activeElement);
    const go = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: items.length - 1 }[event.key];
    if (go !== undefined) {
      event.preventDefault();
      items[(go + items.length) % items.length]?.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.close(true);
    } else if (event.key === 'Tab') {
      // Tab leaves the menu: from its button, the browser moves on to the next stop
      this.close(true);
    }
  }

  /** Runs a menu item: a download (the focus goes back to the menu button) or a panel. Each
   * needs the full module: if it does not load, a panel says so, with Retry. */
  async #run(action) {
    this.close(true);
    const host = this.#host;
    const pending = host.fullChart();
    // the full module takes a moment to arrive on a slow line: the button says it is busy
    const slow = setTimeout(() => this.button.setAttribute('aria-busy', 'true'), 100);
    let chart;
    try {
      chart = await pending;
    } catch (error) {
      this.#openPanel({ kind: 'failed', action, detail: error.message });
      return;
    } finally {
      clearTimeout(slow);
      this.button.removeAttribute('aria-busy');
    }
    const options = host.options();
    if (!chart || !options) return;
    try {
      if (action === 'png') await this.#downloadPng(chart, options);
      else if (action === 'svg') save(new Blob([chart.svg(options)], { type: 'image/svg+xml' }), this.#fileName('svg'), host.element);
      else if (action === 'csv-shown') save(new Blob([chart.csv()], { type: 'text/csv;charset=utf-8' }), this.#fileName('csv'), host.element);
      else if (action === 'csv-all') save(new Blob([chart.csvAll()], { type: 'text/csv;charset=utf-8' }), this.#fileName('csv', '-all'), host.element);
      else this.#openPanel({ kind: action });
    } catch (error) {
      host.announce(`${host.text('error')} ${error instanceof Error ? error.message : error}`);
    }
  }

  /** The chart as drawn now (view, series, years, hidden series, language, theme, colours),
   * with its title, legend and source line and the data's date, at twice its size. */
  async #downloadPng(chart, options) {
    const canvas = el('canvas');
    canvas.setAttribute('dir', 'ltr');
    chart.image(canvas, options, 2);
    const blob = await new Promise((resolve, reject) => {
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG'))), 'image/png');
    });
    const file = this.#fileName('png');
    save(blob, file, this.#host.element);
    this.#openPanel({ kind: 'alt', file });
  }

  /** "rating-tip-tier-ar.png": the view, its series and the language, as a file name. */
  #fileName(extension, suffix = '') {
    const element = this.#host.element;
    const words = [element.getAttribute('view') || 'series', element.getAttribute('series') || '', this.#host.lang()];
    const base = words.join('-').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80);
    return `${base || 'chart'}${suffix}.${extension}`;
  }

  #openPanel(shown) {
    this.#shown = shown;
    this.#renderPanel();
    this.panel.hidden = false;
    this.#panelTitle.focus();
  }

  closePanel(focusButton = true) {
    if (!this.#shown) return;
    this.#shown = null;
    this.panel.hidden = true;
    this.#panelBody.replaceChildren();
    if (focusButton) this.button.focus();
  }

  /** Fills the open panel in the current language. A redraw for the same chart (a resize)
   * leaves it alone, so that the reader's focus and selection stay. */
  #renderPanel() {
    const shown = this.#shown;
    const key = JSON.stringify({ ...this.#host.options(), width: 0, height: 0, colors: null, kind: shown.kind });
    if (shown.key === key) return;
    shown.key = key;
    const text = (k, ...args) => this.#host.text(k, ...args);
    this.#panelTitle.textContent = text({ alt: 'png', failed: shown.action }[shown.kind] ?? shown.kind);
    this.#panelClose.textContent = text('close');
    const body = {
      sources: () => this.#sourcesBody(), embed: () => this.#embedBody(), alt: () => this.#altBody(shown.file),
      failed: () => this.#failedBody(shown),
    };
    this.#panelBody.replaceChildren(...body[shown.kind]());
    this.panel.setAttribute('dir', this.#host.dir());
  }

  /** Every source of the data shown (links only to http(s) addresses), the notes on that data,
   * the conflicts between sources, and the dataset itself. All of it is text. */
  #sourcesBody() {
    const data = this.#host.chart()?.sources?.();
    if (!data) return [];
    const parts = [];
    if (data.sources.length === 0) parts.push(el('p', '', this.#host.text('no-sources')));
    else {
      const list = el('ol', 'sources');
      for (const source of data.sources) {
        const item = el('li');
        item.dataset.key = source.key;
        const title = el('bdi', '', source.title);
        item.append(webLink(source.url, title) ?? title);
        const meta = el('span', 'meta');
        meta.append(el('bdi', '', source.meta));
        item.append(meta);
        if (source.note) item.append(el('span', 'note', source.note));
        list.append(item);
      }
      parts.push(list);
    }
    const section = (key, items, fill) => {
      if (items.length === 0) return;
      const list = el('ul', key);
      for (const entry of items) {
        const item = el('li');
        fill(item, entry);
        list.append(item);
      }
      parts.push(el('p', 'sub', this.#host.text(key)), list);
    };
    section('notes', data.notes, (item, note) => item.append(el('span', 'about', note.about), el('span', '', note.text)));
    section('conflicts', data.conflicts, (item, text) => { item.textContent = text; });
    parts.push(el('p', 'meta', data.dataset));
    return parts;
  }

  /** The web component code of this chart, with its integrity hash when the browser can
   * compute it, and a link to the builder with the same settings. */
  #embedBody() {
    const host = this.#host;
    const hint = el('p', '', host.text('embed-hint'));
    const [label, area, row] = this.#copyBox('embed-code', '');
    // code reads left to right in every language
    area.className = 'code';
    area.dir = 'ltr';
    area.setAttribute('aria-busy', 'true');
    const note = el('p', 'meta');
    const builder = el('a', '', host.text('embed-builder'));
    builder.href = builderUrl(host.element, host.lang());
    const shown = this.#shown;
    const chart = {
      element: host.element, lang: host.lang(), dir: host.dir(), title: host.title(), summary: host.summary(),
      dataLabel: host.text('the-data'), stills: host.element.stillPictures(),
    };
    scriptIntegrity().then((sri) => {
      if (this.#shown !== shown) return;
      area.value = snippet(chart, sri);
      area.rows = Math.min(12, area.value.split('\n').length + 2);
      area.removeAttribute('aria-busy');
      note.textContent = host.text(sri ? 'embed-sri' : 'embed-no-sri');
    });
    const more = el('p');
    more.append(builder);
    return [hint, label, area, row, note, more];
  }

  /** Why the full module, which item `action` needs, is not there, and Retry. */
  #failedBody({ action, detail }) {
    const box = el('div');
    const retry = () => {
      this.closePanel(false);
      this.#run(action);
    };
    // the panel's title names what was asked; the chart is there, so no "could not be shown"
    showError(box, { title: '', detail, retryText: this.#host.text('retry'), retry });
    return [box];
  }

  /** The text alternative of a downloaded image: its summary, to copy. */
  #altBody(file) {
    const [label, area, row] = this.#copyBox('alt-text', this.#host.summary());
    return [el('p', '', this.#host.text('image-saved', file)), label, area, row];
  }

  /** A labelled read-only text box and its Copy button: [label, textarea, row]. */
  #copyBox(key, text) {
    const area = el('textarea');
    area.id = `${key}-box`;
    area.readOnly = true;
    area.value = text;
    area.rows = 4;
    const label = el('label', '', this.#host.text(key));
    label.htmlFor = area.id;
    const copy = el('button', 'copy', this.#host.text('copy'));
    copy.type = 'button';
    const status = el('span', 'status');
    status.setAttribute('role', 'status');
    copy.addEventListener('click', () => this.#copy(area, status));
    const row = el('div', 'row');
    row.append(copy, status);
    return [label, area, row];
  }

  /** Copies a text box and says whether it did. */
  async #copy(area, status) {
    const done = await copyText(area);
    status.textContent = this.#host.text(done ? 'copied' : 'copy-failed');
  }
}

/** Hands `blob` to the browser as a download named `file` (a link in `element`'s shadow root). */
function save(blob, file, element) {
  const url = URL.createObjectURL(blob);
  const link = el('a');
  link.href = url;
  link.download = file;
  link.hidden = true;
  element.shadowRoot.append(link);
  link.click();
  link.remove();
  // the download has started from the address; give it time before the address goes
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
