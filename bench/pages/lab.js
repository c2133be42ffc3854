// The lab page of one library (lab-<lib>.html): run.mjs drives it through window.bench to time
// cold renders, hover latency and memory, on loopback. Data are generated in the page before any
// timer starts; the library is loaded and (for plan-progress) its wasm compiled before the first
// timed chart, so these measure drawing, not downloading.
import { planDataset, synthSeries } from './data.js';
import { nextFrame, pageAdapter, rasterise } from './adapters.js';

const SIZE = { width: 800, height: 400 };
const adapter = pageAdapter();
const host = document.getElementById('host');

/** A synthetic series of `n` points (one per year), with its plan-progress dataset text for
 * plan-progress. */
function makeChart(n, firstYear = 1900) {
  const chart = synthSeries(n, firstYear);
  if (adapter.name === 'plan-progress') chart.json = JSON.stringify(planDataset(chart.x, chart.ys[0]));
  return chart;
}

// Hover: a capture listener on window stamps each pointermove before any library sees it; the
// adapter calls back when the tooltip has been updated for it.
const hover = { handle: null, moveAt: 0, pending: false, updates: 0, latencies: [], waiters: [] };
addEventListener('pointermove', () => {
  hover.moveAt = performance.now();
  hover.pending = true;
}, { capture: true });

function hoverUpdated() {
  if (!hover.pending) return;
  hover.pending = false;
  hover.latencies.push(performance.now() - hover.moveAt);
  hover.updates++;
  hover.waiters = hover.waiters.filter((w) => !w());
}

window.bench = {
  lib: adapter.name,
  ready: adapter.init().then(() => true),

  /** Draws a new series of `n` points: ms until the library has drawn, and until the canvas is
   * rasterised (1-pixel read-back) and the next frame begins. */
  async render(n) {
    const chart = makeChart(n);
    await nextFrame();
    const t0 = performance.now();
    const handle = await adapter.create(host, chart, SIZE);
    const t1 = performance.now();
    rasterise(adapter.canvas(handle));
    const t2 = performance.now();
    return { drawn: t1 - t0, painted: t2 - t0 };
  },

  /** Draws `n` points for hovering; returns `count` targets (page coordinates). */
  async hoverPrepare(n, count) {
    hover.handle = await adapter.create(host, makeChart(n), SIZE);
    adapter.onUpdate(hover.handle, hoverUpdated);
    return adapter.targets(hover.handle, count);
  },

  /** Resolves true once `k` tooltip updates have been seen, false after `timeout` ms. */
  waitUpdates(k, timeout) {
    if (hover.updates >= k) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeout);
      hover.waiters.push(() => {
        if (hover.updates < k) return false;
        clearTimeout(timer);
        resolve(true);
        return true;
      });
    });
  },

  hoverState() {
    return { updates: hover.updates, latencies: hover.latencies };
  },

  /** Creates and removes a chart of `n` points `count` times (each drawn before removal). */
  async cycles(count, n, firstYear) {
    const chart = makeChart(n, firstYear);
    const t0 = performance.now();
    for (let i = 0; i < count; i++) adapter.destroy(await adapter.create(host, chart, SIZE));
    return performance.now() - t0;
  },

  /** Draws `count` charts of `n` points side by side, and keeps them. */
  async many(count, n, firstYear) {
    const chart = makeChart(n, firstYear);
    for (let i = 0; i < count; i++) await adapter.create(host, chart, SIZE);
    return host.childElementCount;
  },

  wasmBytes: () => adapter.wasmBytes(),
};
