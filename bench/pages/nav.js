// Navigation to the first chart drawn: the page loads its library (in the page's <head>, as a
// site would), fetches the dataset named by ?src= (the same file for every library: Chart.js
// and uPlot read the indicators ?series= out of it), draws it at 800x400 CSS px, and stamps
// performance.now() (milliseconds since the navigation started) when the library has drawn and
// at the next animation frame. run.mjs reads window.__bench.
import { fromPlanDataset } from './data.js';
import { nextFrame, pageAdapter } from './adapters.js';

const SIZE = { width: 800, height: 400 };

async function main() {
  const params = new URLSearchParams(location.search);
  const src = params.get('src');
  const ids = (params.get('series') || '').split(',').filter(Boolean);
  const adapter = pageAdapter();
  let chart;
  if (adapter.name === 'plan-progress') {
    chart = { src, ids }; // the element fetches and reads its dataset itself
  } else {
    const response = await fetch(src);
    if (!response.ok) throw new Error(`${src}: HTTP ${response.status}`);
    chart = fromPlanDataset(await response.json(), ids);
  }
  await adapter.create(document.getElementById('host'), chart, SIZE);
  const drawn = performance.now();
  await nextFrame();
  const frame = performance.now();
  // where the time went: the page itself, then each file (ms since the navigation started)
  const [navigation] = performance.getEntriesByType('navigation');
  const resources = performance.getEntriesByType('resource').map((e) => ({
    path: new URL(e.name).pathname, start: e.startTime, end: e.responseEnd, bytes: e.encodedBodySize,
  }));
  const page = { responseEnd: navigation?.responseEnd, domContentLoaded: navigation?.domContentLoadedEventEnd };
  window.__bench = { done: true, drawn, frame, page, resources };
}

window.__bench = { done: false };
main().catch((error) => {
  window.__bench = { done: true, error: String(error?.stack || error) };
});
