// Test fixture for careless.html: adds careless.css unless ?clean=1, then, once the page is
// parsed AND that style sheet applies (so the chart is drawn under it), one
// <plan-progress id="k"> with the attributes of the query (view, lang, theme, height,
// series) in #box, 640 px wide.
'use strict';

const params = new URLSearchParams(location.search);
const styled = new Promise((resolve) => {
  if (params.get('clean') === '1') {
    resolve();
    return;
  }
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = 'careless.css';
  link.addEventListener('load', resolve, { once: true });
  link.addEventListener('error', resolve, { once: true });
  document.head.append(link);
});
const parsed = new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));

Promise.all([styled, parsed]).then(() => {
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
