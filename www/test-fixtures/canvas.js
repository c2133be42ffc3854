// Test fixture for tests/browser/harness.test.mjs: draws the canvas of canvas.html, or breaks it
// on purpose according to ?mode=
//   (none)   draws bars in the light-DOM canvas
//   shadow   moves the canvas into an open shadow root, then draws
//   blank    draws nothing
//   throw    draws, then logs a console error and throws an uncaught error
//   error    sets data-state="error" with a message, like a chart whose data failed to load
//   loading  sets data-state="loading" and never finishes
//   none     removes the element
'use strict';

const mode = new URLSearchParams(location.search).get('mode') || '';
const el = document.querySelector('plan-progress');
let canvas = el.querySelector('canvas');

function draw(c) {
  const ctx = c.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, c.width, c.height);
  ctx.fillStyle = '#1f77b4';
  [30, 55, 80].forEach((h, i) => ctx.fillRect(20 + i * 60, c.height - h, 40, h));
}

if (mode === 'shadow') {
  el.attachShadow({ mode: 'open' }).append(canvas);
  canvas = el.shadowRoot.querySelector('canvas');
}
if (mode === 'error') {
  el.setAttribute('data-state', 'error');
  el.append('could not load data/morocco.json');
} else if (mode === 'loading') {
  el.setAttribute('data-state', 'loading');
} else if (mode === 'none') {
  el.remove();
} else if (mode !== 'blank') {
  draw(canvas);
}
if (mode === 'throw') {
  console.error('fixture: console error');
  throw new Error('fixture: uncaught error');
}
