// What a widget asks the Rust side to lay out: its attributes as they are (Rust fills in every
// default), the language, theme and colours as the reader sees them, and the chart's size.

import { colorsOf, themeOf } from './colors.js';

/** The widget's padding around the canvas, in CSS pixels (`.pp` in styles.js), both sides. */
const FRAME_PADDING = 24;
/** The least width the chart is laid out at (chart::view::MIN_WIDTH); the element is never
 * narrower than it with its padding (`:host` in styles.js), so that the chart is never squeezed. */
const MIN_WIDTH = 200;

/** The chart's width in CSS pixels: the element's, less the frame's padding. */
export function chartWidth(element) {
  return Math.max(MIN_WIDTH, Math.round(element.clientWidth || 600) - FRAME_PADDING);
}

/** The height asked with the `height` attribute, or null (Rust then decides). */
export function askedHeight(element) {
  const asked = Number(element.getAttribute('height'));
  return asked > 0 ? asked : null;
}

/** The options of `element`'s view (see chart::View::from_options): `hidden`, the ids switched
 * off in the legend; `lang`, the reader's language; `height`, a height that overrides the
 * asked one. */
export function viewOptions(element, { hidden, lang, height = null }) {
  const attribute = (name) => element.getAttribute(name) || '';
  const year = (name) => {
    const value = parseInt(attribute(name), 10);
    return Number.isFinite(value) ? value : null;
  };
  return {
    view: attribute('view'), series: attribute('series'), hidden: [...hidden].join(','),
    from: year('from'), to: year('to'), lang, theme: themeOf(element), colors: colorsOf(element),
    digits: attribute('digits'), xDirection: attribute('x-direction'),
    width: chartWidth(element), height: height ?? askedHeight(element),
  };
}
