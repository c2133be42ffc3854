// Test fixture for careless.html: adds careless.css unless ?clean=1, then one
// <plan-progress id="k"> with the attributes of the query (view, lang, theme, height) in
// #box, 640 px wide. Runs in <head> before the body exists, so the style is there from the
// first layout; the element is added once the document is parsed.
'use strict';

const params = new URLSearchParams(location.search);
if (params.get('clean') !== '1') {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = 'careless.css';
  document.head.append(link);
}
document.addEventListener('DOMContentLoaded', () => {
  const box = document.getElementById('box');
  box.style.width = '640px';
  const chart = document.createElement('plan-progress');
  chart.id = 'k';
  chart.setAttribute('src', '/data/morocco.json');
  for (const name of ['view', 'lang', 'theme', 'height', 'series']) {
    const value = params.get(name);
    if (value) chart.setAttribute(name, value);
  }
  box.append(chart);
});
