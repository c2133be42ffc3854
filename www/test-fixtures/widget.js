// Test fixture for widget.html: builds <plan-progress> elements from the query.
//   ?view=series&theme=dark&…   one widget with these attributes (src defaults to the Morocco
//                               dataset; src= with an empty value leaves it unset)
//   ?w=<query>&w=<query>…       one widget per `w`, each with the attributes of its own query
//                               string (URL-encoded), e.g. w=view%3Drating%26theme%3Ddark
//   box=<px>                    the width of the container of the widgets (default: auto)
//   spacer=<px>                 an empty block after the widgets, to make the page scroll
// The widgets get the ids w0, w1, …
'use strict';

const ATTRIBUTES = ['src', 'view', 'series', 'from', 'to', 'lang', 'theme', 'height', 'timeout', 'digits',
  'x-direction', 'languages', 'menu'];
const params = new URLSearchParams(location.search);
const box = document.getElementById('box');

const specs = params.getAll('w').map((w) => new URLSearchParams(w));
if (specs.length === 0) specs.push(params);

specs.forEach((spec, i) => {
  const chart = document.createElement('plan-progress');
  chart.id = `w${i}`;
  for (const name of ATTRIBUTES) {
    const value = spec.get(name);
    if (value) chart.setAttribute(name, value);
  }
  if (!spec.has('src')) chart.setAttribute('src', '/data/morocco.json');
  box.append(chart);
});

const px = (name) => {
  const n = Number(params.get(name));
  return Number.isFinite(n) && n > 0 ? `${n}px` : '';
};
if (px('box')) box.style.width = px('box');
if (px('spacer')) document.getElementById('spacer').style.height = px('spacer');
