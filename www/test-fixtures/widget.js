// Test fixture for widget.html: builds <plan-progress> elements from the query (?view=…, or
// one ?w=<query> per widget: see build-widgets.js), and
//   box=<px>                    the width of the container of the widgets (default: auto)
//   spacer=<px>                 an empty block after the widgets, to make the page scroll
// The widgets get the ids w0, w1, …
'use strict';

import { buildWidgets } from './build-widgets.js';

const ATTRIBUTES = ['src', 'view', 'series', 'from', 'to', 'lang', 'theme', 'height', 'timeout', 'digits',
  'x-direction', 'languages', 'menu'];
const params = new URLSearchParams(location.search);
const box = document.getElementById('box');

buildWidgets(params, box, ATTRIBUTES);

const px = (name) => {
  const n = Number(params.get(name));
  return Number.isFinite(n) && n > 0 ? `${n}px` : '';
};
if (px('box')) box.style.width = px('box');
if (px('spacer')) document.getElementById('spacer').style.height = px('spacer');
