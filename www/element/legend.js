// The legend (a button per series that switches it off and on) and the language switch, both as
// the Rust side describes them: the legend's items come with the chart's chrome, the languages
// from the generated defaults.

import { LANGUAGES } from '../generated/defaults.js';
import { el } from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';

/** A small SVG swatch: the series' line (dashed or not) and its marker shape. */
function swatch(item) {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('width', '22');
  svg.setAttribute('height', '12');
  svg.setAttribute('aria-hidden', 'true');
  const line = document.createElementNS(SVG, 'line');
  for (const [k, v] of Object.entries({ x1: 1, y1: 6, x2: 21, y2: 6, stroke: item.color, 'stroke-width': 2 })) line.setAttribute(k, v);
  if (item.dashed) line.setAttribute('stroke-dasharray', '5 3');
  const shapes = {
    circle: ['circle', { cx: 11, cy: 6, r: 3.5 }],
    square: ['rect', { x: 7.5, y: 2.5, width: 7, height: 7 }],
    triangle: ['polygon', { points: '11,1.5 15.5,9.5 6.5,9.5' }],
    diamond: ['polygon', { points: '11,1.5 15.5,6 11,10.5 6.5,6' }],
  };
  const [tag, attrs] = shapes[item.shape] ?? shapes.circle;
  const marker = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries({ ...attrs, fill: item.color })) marker.setAttribute(k, v);
  svg.append(line, marker);
  return svg;
}

/** Fills `container` with a button per legend item; a single series needs no legend (the title
 * names it). */
export function renderLegend(container, items) {
  if (items.length < 2) {
    container.replaceChildren();
    return;
  }
  container.replaceChildren(...items.map((item) => {
    const button = el('button');
    button.type = 'button';
    button.dataset.id = item.id;
    button.setAttribute('aria-pressed', String(!item.hidden));
    button.append(swatch(item), el('span', '', item.label));
    return button;
  }));
}

/** Shows or hides series `id` of `legend` (the chrome's items) in the set `hidden`; never hides
 * the last series shown. */
export function toggleSeries(hidden, id, legend) {
  if (hidden.has(id)) hidden.delete(id);
  else if (legend.filter((item) => !hidden.has(item.id)).length > 1) hidden.add(id);
}

/** The languages a `languages="fr,ar,en"` attribute offers, among those the widget speaks. */
export function offeredLanguages(attribute) {
  const asked = (attribute || '').split(',').map((s) => s.trim().toLowerCase());
  return LANGUAGES.filter((l) => asked.includes(l.code));
}

/** Fills `container` with one button per offered language, named in that language, the
 * `current` one pressed; hidden when fewer than two are offered. */
export function renderLanguages(container, offered, current, label) {
  container.hidden = offered.length < 2;
  if (container.hidden) {
    container.replaceChildren();
    return;
  }
  container.setAttribute('aria-label', label);
  container.replaceChildren(...offered.map((language) => {
    const button = el('button', 'lang', language.name);
    button.type = 'button';
    button.lang = language.code;
    button.dir = language.dir;
    button.dataset.lang = language.code;
    button.setAttribute('aria-pressed', String(language.code === current));
    return button;
  }));
}
