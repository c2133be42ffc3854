// One adapter per library, so that the pages measure the three the same way:
//   init()                         what must be ready before a chart is made (not timed)
//   create(host, chart, size)      draws `chart` into `host`; resolves once the library has drawn
//   canvas(handle)                 the chart's canvas (for the 1-pixel read-back that forces raster)
//   destroy(handle)                removes the chart and lets it go
//   targets(handle, count)         page coordinates of `count` data, consecutive ones different
//   onUpdate(handle, callback)     calls back each time the hover tooltip has been updated
// `chart` is `{x, ys, names, ids}` (plain arrays), plus `json` (the plan-progress dataset text)
// or `src` (its URL) for plan-progress, which only draws its own dataset format.
//
// Each library runs with its defaults except: animations off (plan-progress has none), the
// same colours and line width, and for Chart.js the settings its documentation gives for speed
// (`parsing: false`, `normalized: true`, the decimation plugin), noted under the results.

import { COLORS } from './data.js';

/** Page coordinates of `count` of `points` ({x, y} in page pixels), spread with the golden ratio
 * so that two consecutive targets are different data at least 2 px apart (a move to the same
 * pixel fires no pointermove at all). */
function spread(points, count) {
  const out = [];
  const n = points.length;
  if (n < 2) return out;
  let last = null;
  for (let k = 0; out.length < count && k < count * 100; k++) {
    const p = points[Math.floor(((k * 0.6180339887498949) % 1) * n)];
    if (last && Math.abs(p.x - last.x) < 2 && Math.abs(p.y - last.y) < 2) continue;
    last = p;
    out.push(p);
  }
  return out;
}

/** Resolves on plan-progress:ready, rejects with its message on plan-progress:error. */
function settled(el) {
  return new Promise((resolve, reject) => {
    el.addEventListener('plan-progress:ready', () => resolve(), { once: true });
    el.addEventListener('plan-progress:error', (e) => reject(new Error(e.detail.message)), { once: true });
  });
}

const planProgress = {
  name: 'plan-progress',
  async init() {
    // The element loads the wasm (downloaded, checked, compiled) once for the page; the timed
    // renders start after that, so they measure drawing, not the download (navigation measures
    // the download).
    await customElements.whenDefined('plan-progress');
    await customElements.get('plan-progress').load();
  },
  async create(host, chart, { width, height }) {
    const el = document.createElement('plan-progress');
    el.setAttribute('view', 'series');
    el.setAttribute('lang', 'en');
    el.setAttribute('height', String(height));
    el.setAttribute('series', chart.ids.join(','));
    // drawn wherever it is: the memory case keeps 20 charts, most of them below the fold, where
    // a widget otherwise waits for the reader to come near
    el.setAttribute('loading', 'eager');
    // the element's padding (12 px each side) is outside its canvas: the canvas is `width` wide
    el.style.width = `${width + 24}px`;
    if (chart.src) el.setAttribute('src', chart.src);
    else {
      const script = document.createElement('script');
      script.type = 'application/json';
      script.textContent = chart.json;
      el.append(script);
    }
    const done = settled(el);
    host.append(el);
    await done;
    return el;
  },
  canvas: (el) => el.shadowRoot.querySelector('canvas.chart'),
  destroy: (el) => el.remove(),
  targets(el, count) {
    const rect = el.shadowRoot.querySelector('canvas.chart').getBoundingClientRect();
    const points = [];
    for (let i = 0; i < el.points; i++) {
      const [x, y] = el.pointDetails(i).box;
      points.push({ x: rect.left + x, y: rect.top + y });
    }
    return spread(points, count);
  },
  onUpdate(el, callback) {
    // the tooltip is rebuilt (children, position, hidden) inside the pointermove handler
    new MutationObserver(callback).observe(el.shadowRoot.querySelector('.tip'), {
      childList: true, subtree: true, attributes: true, characterData: true,
    });
  },
  /** The size of the wasm memories (each module's is shared by every widget of the page; the
   * widgets move to the full module once the page is idle), in bytes. */
  async wasmBytes() {
    let bytes = 0;
    for (const which of ['first', 'full']) {
      const bindings = await customElements.get('plan-progress').load(which);
      bytes += (await bindings.default()).memory.buffer.byteLength;
    }
    return bytes;
  },
};

const chartjs = {
  name: 'Chart.js',
  async init() {},
  async create(host, chart, { width, height }) {
    const box = document.createElement('div');
    box.style.cssText = `position: relative; width: ${width}px; height: ${height}px`;
    const canvas = document.createElement('canvas');
    box.append(canvas);
    host.append(box);
    const hooks = { update: null, tooltipChanged: false };
    const datasets = chart.ys.map((ys, s) => {
      const data = new Array(ys.length);
      for (let i = 0; i < ys.length; i++) data[i] = { x: chart.x[i], y: ys[i] };
      return { label: chart.names[s], data, borderColor: COLORS[s], backgroundColor: COLORS[s], borderWidth: 2 };
    });
    // eslint-disable-next-line no-undef
    const c = new Chart(canvas, {
      type: 'line',
      data: { datasets },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        parsing: false,
        normalized: true,
        scales: { x: { type: 'linear', ticks: { format: { useGrouping: false } } } },
        plugins: {
          decimation: { enabled: true },
          tooltip: { external: () => { hooks.tooltipChanged = true; } },
        },
      },
      plugins: [{
        id: 'bench',
        // the tooltip is painted on the canvas: it is updated once the chart is drawn again
        afterDraw: () => {
          if (hooks.tooltipChanged && hooks.update) hooks.update();
          hooks.tooltipChanged = false;
        },
      }],
    });
    c.$bench = { box, hooks };
    return c;
  },
  canvas: (c) => c.canvas,
  destroy(c) {
    c.destroy();
    c.$bench.box.remove();
  },
  targets(c, count) {
    const rect = c.canvas.getBoundingClientRect();
    const points = c.getDatasetMeta(0).data
      .filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y))
      .map((p) => ({ x: rect.left + p.x, y: rect.top + p.y }));
    return spread(points, count);
  },
  onUpdate(c, callback) {
    c.$bench.hooks.update = callback;
  },
  async wasmBytes() { return null; },
};

const uplot = {
  name: 'uPlot',
  async init() {},
  async create(host, chart, { width, height }) {
    const hooks = { update: null };
    let drawn;
    const first = new Promise((resolve) => { drawn = resolve; });
    // eslint-disable-next-line no-undef
    const u = new uPlot({
      width,
      height,
      scales: { x: { time: false } },
      series: [{ label: 'x' }, ...chart.names.map((label, s) => ({ label, stroke: COLORS[s], width: 2 }))],
      hooks: {
        draw: [() => drawn()],
        // the cursor and the legend's live values are updated, then this hook runs
        setCursor: [() => hooks.update?.()],
      },
    }, [chart.x, ...chart.ys], host);
    u.$bench = { hooks };
    await first;
    return u;
  },
  canvas: (u) => u.ctx.canvas,
  destroy: (u) => u.destroy(),
  targets(u, count) {
    const rect = u.over.getBoundingClientRect();
    const [xs, ys] = u.data;
    const points = [];
    for (let i = 0; i < xs.length; i++) {
      if (ys[i] == null) continue;
      const x = rect.left + u.valToPos(xs[i], 'x');
      // the last datum sits on the right edge of the plot, where the pointer is already outside it
      if (x > rect.right - 1) continue;
      points.push({ x, y: rect.top + u.valToPos(ys[i], 'y') });
    }
    return spread(points, count);
  },
  onUpdate(u, callback) {
    u.$bench.hooks.update = callback;
  },
  async wasmBytes() { return null; },
};

export const ADAPTERS = { 'plan-progress': planProgress, chartjs, uplot };

/** The adapter of this page: `<html data-lib="...">`. */
export function pageAdapter() {
  const lib = document.documentElement.dataset.lib;
  const adapter = ADAPTERS[lib];
  if (!adapter) throw new Error(`unknown library "${lib}"`);
  return adapter;
}

/** Forces the canvas's recorded drawing to be rasterised (Chromium records 2D calls and
 * rasterises later): a 1-pixel read-back. */
export function rasterise(canvas) {
  canvas.getContext('2d').getImageData(0, 0, 1, 1);
}

/** Resolves at the next animation frame. */
export function nextFrame() {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}
