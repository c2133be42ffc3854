// Many widgets on one page (www/test-fixtures/many.html): ten <plan-progress> elements, and the
// script included twice under two URLs (/plan-progress.js and /plan-progress.js?v=2), as on a
// page where two embeds each bring it. Then widgets removed and added back hundreds of times:
// no leak of memory or of listeners on document/window, and they still work afterwards.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  assertChartsNotBlank,
  assertNoErrors,
  fixtureUrl,
  launch,
  openPage,
  waitForCharts,
} from './browser.mjs';

const IDS = ['m0', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8', 'm9'];
const MB = 1024 * 1024;

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Opens many.html, recording the path (and query) of every request, and runs `check`. */
async function withMany(check) {
  const requests = [];
  const opened = await openPage(browser, fixtureUrl('many.html'), {
    width: 1000,
    height: 800,
    setup: (page) => {
      page.on('request', (r) => {
        const url = new URL(r.url());
        requests.push(url.pathname + url.search);
      });
    },
  });
  try {
    await check({ ...opened, requests });
  } finally {
    await opened.context.close();
  }
}

/**
 * In the page: removes the element `id` and puts it back at its place, `times` times; with
 * `wait`, waits for plan-progress:ready after each insertion (failing on plan-progress:error),
 * else only after the last one. Returns the elapsed milliseconds.
 */
async function cycle(page, id, times, { wait = true } = {}) {
  return page.evaluate(
    async ({ id, times, wait }) => {
      const el = document.getElementById(id);
      const parent = el.parentNode;
      const next = el.nextSibling;
      const started = performance.now();
      const settled = () =>
        new Promise((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`#${id} not ready after 10 s`)), 10_000);
          el.addEventListener('plan-progress:ready', () => { clearTimeout(timer); resolve(); }, { once: true });
          el.addEventListener('plan-progress:error', (e) => { clearTimeout(timer); reject(new Error(e.detail.message)); }, { once: true });
        });
      for (let i = 0; i < times; i++) {
        el.remove();
        const last = i === times - 1;
        const ready = wait || last ? settled() : null;
        parent.insertBefore(el, next);
        if (ready) await ready;
      }
      return performance.now() - started;
    },
    { id, times, wait },
  );
}

/** A CDP session with helpers for heap size and the listeners on document and window. */
async function inspector(page) {
  const cdp = await page.context().newCDPSession(page);
  return {
    async heap() {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    },
    /** The types of the listeners on the object `expression` evaluates to, sorted. */
    async listeners(expression) {
      const { result } = await cdp.send('Runtime.evaluate', { expression });
      const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
      await cdp.send('Runtime.releaseObject', { objectId: result.objectId });
      return listeners.map((l) => l.type).sort();
    },
    async detach() {
      await cdp.detach();
    },
  };
}

/** The size of the widget's wasm memories, both modules' (the bindings' init() answers the
 * instance it has; widgets read with the full module once it is on the page). */
function wasmMemory(page) {
  return page.evaluate(async () => {
    let bytes = 0;
    for (const which of ['first', 'full']) {
      const bindings = await customElements.get('plan-progress').load(which);
      bytes += (await bindings.default()).memory.buffer.byteLength;
    }
    return bytes;
  });
}

test('ten widgets, the script included twice: all ready, one definition, the wasm fetched once, the data fetched and read once', async () => {
  await withMany(async ({ page, errors, requests }) => {
    assert.equal(await waitForCharts(page), 10);
    await assertChartsNotBlank(page);
    const states = await page.$$eval('plan-progress', (els) => {
      const Class = customElements.get('plan-progress');
      return {
        defined: typeof Class === 'function',
        instances: els.filter((el) => el instanceof Class).length,
        points: els.map((el) => el.points),
        ids: els.map((el) => el.id),
      };
    });
    assert.equal(states.defined, true);
    assert.equal(states.instances, 10, 'every element is an instance of the one defined class');
    assert.deepEqual(states.ids, IDS);
    for (const [i, p] of states.points.entries()) assert.ok(p > 0, `#m${i} draws no datum`);
    // Both copies of the script were fetched (and so evaluated: a second define() would throw,
    // and reach the errors below as an uncaught exception).
    assert.equal(requests.filter((r) => r === '/plan-progress.js').length, 1);
    assert.equal(requests.filter((r) => r === '/plan-progress.js?v=2').length, 1);
    // Each copy has the wasm's bindings bundled in (no other script is fetched), and only the
    // copy that defined the element ever loads the wasm: one download for ten widgets.
    assert.deepEqual(requests.filter((r) => /\.m?js(\?|$)/.test(r)).sort(), ['/plan-progress.js', '/plan-progress.js?v=2'], requests.join('\n'));
    // The full module follows when the page is idle: then one download of it too.
    const wasm = (re) => requests.filter((r) => re.test(r)).length;
    assert.equal(wasm(/^\/pkg\/plan_progress_first_bg\.[0-9a-f]+\.wasm/), 1, requests.join('\n'));
    await page.waitForFunction(() => [...document.querySelectorAll('plan-progress')].every((el) => el.summary));
    assert.equal(wasm(/^\/pkg\/plan_progress_bg\.[0-9a-f]+\.wasm/), 1, requests.join('\n'));
    // the ten widgets of one src, all ready in the same task, share one download and one read
    // by each module (each widget's read is a plan-progress:read measure), and each draws its
    // first chart
    assert.equal(requests.filter((r) => r === '/data/morocco.json').length, 1, requests.join('\n'));
    const steps = await page.evaluate(() => performance.getEntriesByType('measure').map((m) => m.name));
    assert.equal(steps.filter((name) => name === 'plan-progress:read').length, 2, steps.join(', '));
    assert.ok(steps.filter((name) => name === 'plan-progress:draw').length >= 10, steps.join(', '));
    assertNoErrors(errors);
  });
});

test('200 removals and re-insertions leak neither memory nor document/window listeners', { timeout: 90_000 }, async () => {
  await withMany(async ({ page, errors }) => {
    await waitForCharts(page);
    const cdp = await inspector(page);
    try {
      const documentBefore = await cdp.listeners('document');
      const windowBefore = await cdp.listeners('window');

      // warm up: the first cycles allocate what stays (caches, compiled code, pools)
      await cycle(page, 'm1', 20);
      const heapWarm = await cdp.heap();
      const wasmWarm = await wasmMemory(page);

      const ms = await cycle(page, 'm1', 200);
      const heapAfter = await cdp.heap();
      const wasmAfter = await wasmMemory(page);
      assert.ok(
        heapAfter - heapWarm <= 5 * MB,
        `the JS heap grew by ${((heapAfter - heapWarm) / MB).toFixed(1)} MB over 200 cycles (${heapWarm} -> ${heapAfter} bytes)`,
      );
      // A chart that is not freed keeps its dataset and scene in the wasm memory, which the
      // JS heap does not count: each cycle parses the 178 kB dataset again.
      assert.ok(
        wasmAfter - wasmWarm <= 4 * MB,
        `the wasm memory grew by ${((wasmAfter - wasmWarm) / MB).toFixed(1)} MB over 200 cycles (${wasmWarm} -> ${wasmAfter} bytes)`,
      );
      assert.deepEqual(await cdp.listeners('document'), documentBefore, 'listeners on document');
      assert.deepEqual(await cdp.listeners('window'), windowBefore, 'listeners on window');
      assert.ok(ms < 60_000, `200 cycles took ${Math.round(ms)} ms`);
    } finally {
      await cdp.detach();
    }
    await assertChartsNotBlank(page);
    assertNoErrors(errors);
  });
});

test('a widget\'s document listener goes and comes back with the widget', async () => {
  // the listener count of the test above can fail: a widget's own document listener goes and
  // comes back with the widget
  await withMany(async ({ page, errors }) => {
    await waitForCharts(page);
    const cdp = await inspector(page);
    try {
      const pointerdowns = async () => (await cdp.listeners('document')).filter((t) => t === 'pointerdown').length;
      const before = await pointerdowns();
      assert.equal(before, 10, 'one document pointerdown listener per widget');
      await page.evaluate(() => { window.__removed = document.getElementById('m1'); window.__removed.remove(); });
      assert.equal(await pointerdowns(), before - 1, 'removing a widget left its document listener');
      await page.evaluate(() => document.getElementById('box').insertBefore(window.__removed, document.getElementById('m2')));
      assert.equal(await pointerdowns(), before, 'a re-inserted widget did not listen again');
    } finally {
      await cdp.detach();
    }
    await waitForCharts(page);
    assertNoErrors(errors);
  });
});

test('widgets removed and re-inserted, even while loading, come back ready and drawn', async () => {
  await withMany(async ({ page, errors }) => {
    await waitForCharts(page);
    // removed while their data loads: only the last insertion's load may draw
    await cycle(page, 'm5', 30, { wait: false });
    // all ten out of the page, then all back
    await page.evaluate(() => {
      const box = document.getElementById('box');
      const els = [...box.querySelectorAll('plan-progress')];
      for (const el of els) el.remove();
      for (const el of els) el.removeAttribute('data-state');
      window.__back = new Promise((resolve) => requestAnimationFrame(() => { box.append(...els); resolve(); }));
    });
    await page.evaluate(() => window.__back);
    assert.equal(await waitForCharts(page), 10);
    await assertChartsNotBlank(page);
    const points = await page.$$eval('plan-progress', (els) => els.map((el) => el.points));
    for (const [i, p] of points.entries()) assert.ok(p > 0, `#m${i} draws no datum after coming back`);
    // and they still answer the pointer
    await page.locator('#m5').scrollIntoViewIfNeeded();
    const again = await page.$eval('#m5', (el) => {
      const d = el.pointDetails(0);
      const c = el.shadowRoot.querySelector('canvas.chart').getBoundingClientRect();
      return { x: c.left + d.box[0], y: c.top + d.box[1] };
    });
    await page.mouse.move(again.x, again.y, { steps: 3 });
    await page.waitForFunction(() => !document.querySelector('#m5').shadowRoot.querySelector('.tip').hidden, undefined, { timeout: 5_000 });
    assertNoErrors(errors);
  });
});
