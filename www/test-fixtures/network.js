// Test fixture for network.html: one <plan-progress id="n"> with the attributes of the query
// (src, view, lang, timeout).
'use strict';

const params = new URLSearchParams(location.search);
const chart = document.createElement('plan-progress');
chart.id = 'n';
for (const name of ['src', 'view', 'lang', 'timeout']) {
  const value = params.get(name);
  if (value) chart.setAttribute(name, value);
}
document.getElementById('box').append(chart);
