// Test fixture for hostile.html: one <plan-progress id="h"> whose attributes come from the
// query (src defaults to hostile.json, the dataset full of markup, bidi controls and long
// words). ?box=<px> sets the width of its container.
'use strict';

const params = new URLSearchParams(location.search);
const chart = document.createElement('plan-progress');
chart.id = 'h';
chart.setAttribute('src', params.get('src') || '/test-fixtures/hostile.json');
for (const name of ['view', 'series', 'lang', 'theme', 'height']) {
  const value = params.get(name);
  if (value) chart.setAttribute(name, value);
}
const box = document.getElementById('box');
const width = Number(params.get('box'));
if (width > 0) box.style.width = `${width}px`;
box.append(chart);
