// The colours a chart is drawn with: the host page's (its --pp-* custom properties), the
// reader's system colours in forced-colors mode, the default light ones on paper.

import { el } from './dom.js';

/** Host pages theme the widget with these custom properties (see the README). */
const COLOR_PROPS = ['background', 'text', 'muted', 'grid', 'axis'];

/** Whether the page is being printed (or print media is emulated): the chart is then drawn
 * light, sharp and without its controls. */
export const printing = () => matchMedia('print').matches;

/** The device pixels per CSS pixel a chart is painted at: the screen's, and at least two on
 * paper, so that print is sharp. */
export const paintRatio = () => Math.max(window.devicePixelRatio || 1, printing() ? 2 : 1);

/** The theme `element` is drawn in: its `theme` attribute, `auto` following the reader's
 * preference, light on paper. */
export function themeOf(element) {
  if (printing()) return 'light';
  const theme = element.getAttribute('theme') || 'light';
  if (theme === 'auto') return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  return theme;
}

/** The colours `element` is drawn with, as the Rust side reads them (chart::Theme). */
export function colorsOf(element) {
  if (matchMedia('(forced-colors: active)').matches) return systemColors(element.shadowRoot);
  // on paper, the default light colours: a host's dark custom properties would print as ink
  if (printing()) return {};
  const style = getComputedStyle(element);
  const read = (name) => style.getPropertyValue(`--pp-${name}`).trim();
  const colors = {};
  for (const name of COLOR_PROPS) if (read(name)) colors[name] = read(name);
  colors.series = [1, 2, 3, 4, 5, 6].map((i) => read(`series-${i}`));
  return colors;
}

/**
 * In forced-colors mode (Windows high contrast) the canvas uses the system colours the reader
 * chose: the browser resolves the system colour keywords, read back here as rgb().
 */
function systemColors(root) {
  const probe = el('span');
  root.append(probe);
  const resolve = (keyword) => {
    probe.style.color = keyword;
    return getComputedStyle(probe).color;
  };
  const [text, canvas] = [resolve('CanvasText'), resolve('Canvas')];
  const colors = {
    background: canvas, text, muted: text, grid: resolve('GrayText'), axis: text,
    series: [text, resolve('LinkText'), resolve('Highlight'), text, resolve('LinkText'), resolve('Highlight')],
    // a comparison's cells: outlined, their letters (1, 2W, SC) tell the levels apart
    levels: [canvas, canvas, canvas, canvas],
  };
  probe.remove();
  return colors;
}

/**
 * Draws `element` again when what its colours depend on changes, until `signal` aborts:
 * printing (`now`, light and sharp, and once more after), the reader's colour scheme for
 * `theme="auto"` and forced colours (`soon`, in the next frame).
 */
export function watchColors(element, signal, { now, soon }) {
  matchMedia('print').addEventListener('change', now, { signal });
  window.addEventListener('beforeprint', now, { signal });
  window.addEventListener('afterprint', now, { signal });
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
    if ((element.getAttribute('theme') || '') === 'auto') soon();
  }, { signal });
  matchMedia('(forced-colors: active)').addEventListener('change', soon, { signal });
}
