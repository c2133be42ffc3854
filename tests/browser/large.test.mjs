// A large dataset does not hold the page in one long task. The widget reads a dataset, lays its
// view out (measuring every label it draws) and paints it; for a dataset that takes over 30 ms to
// read (SLOW_READ_MS in www/plan-progress.js), and for the overview (it lays out every other
// view), these are three tasks: the read, the layout in the next frame and the drawing in the
// task after. Together they took over 400 ms for the largest
// file the format accepts, past the 200 ms a page may freeze (issue #8); `cargo xtask bench
// --freeze-only` prints the longest tasks, this file checks the split itself.
//
// The widget records each step as a User Timing measure (plan-progress:read, :layout, :draw);
// the page observes them and the long tasks (over 50 ms) from its first script on. Steps are in
// different tasks when no long task spans two of them.
//
// The large dataset is the Morocco dataset grown to 0.49 MB (the limit is 512 KiB): 60
// commitments, 150 milestones, 270 recommendations in one list, the same texts repeated under new
// ids, served at /large.json by a route.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { assertChartsNotBlank, assertNoErrors, fixtureUrl, launch, openPage, waitForState } from './browser.mjs';

const MOROCCO = await readFile(new URL('../../data/morocco.json', import.meta.url), 'utf8');
const SLOW_READ_MS = 30;
const W = '#w0';

/** The Morocco dataset with many more commitments, milestones and recommendations (valid: new
 * ids, ranks and declared count that agree, milestones in date order). */
function largeDataset() {
  const d = JSON.parse(MOROCCO);
  const grow = (items, n, edit) => Array.from({ length: n }, (_, i) => edit(structuredClone(items[i % items.length]), i));
  d.commitments = grow(d.commitments, 60, (c, i) => ({ ...c, id: `${c.id}-${i}` }));
  d.milestones = grow(d.milestones, 150, (m, i) => ({ ...m, id: `${m.id}-${i}` }));
  d.milestones.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const list = d.recommendations[0];
  list.items = grow(list.items, 270, (r, i) => ({ ...r, id: `rec-${i + 1}`, rank: i + 1 }));
  list.declared_count = list.items.length;
  return JSON.stringify(d);
}

const LARGE = largeDataset();
// under the format's limit (MAX_FILE_BYTES), or the widget refuses it and nothing is measured
assert.ok(Buffer.byteLength(LARGE) < 512 * 1024, `the large dataset is ${Buffer.byteLength(LARGE)} bytes`);

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Opens one widget on `src` with `view`, watching User Timing measures and long tasks;
 * `nextTask` is when the first task queued after the read ran. */
async function open(view, src) {
  const { page, context, errors } = await openPage(browser, fixtureUrl('widget.html', { widgets: [{ view, src }] }), {
    width: 1200,
    height: 900,
    setup: async (p) => {
      await p.addInitScript(() => {
        window.__entries = [];
        const keep = (list) => {
          for (const e of list.getEntries()) {
            window.__entries.push({ type: e.entryType, name: e.name, start: e.startTime, end: e.startTime + e.duration });
          }
        };
        // the first task that runs after the read: a drawing that starts before it ran in the
        // read's task
        const measure = performance.measure.bind(performance);
        performance.measure = (name, options) => {
          if (name === 'plan-progress:read') setTimeout(() => { window.__nextTask = performance.now(); }, 0);
          return measure(name, options);
        };
        new PerformanceObserver(keep).observe({ type: 'longtask', buffered: true });
        new PerformanceObserver(keep).observe({ type: 'measure', buffered: true });
      });
      await p.route('**/large.json', (route) => route.fulfill({ body: LARGE, contentType: 'application/json' }));
    },
  });
  await waitForState(page, W, 'ready', { timeout: 60_000 });
  // the observers are called after the task that made the entries
  await page.waitForTimeout(300);
  const entries = await page.evaluate(() => window.__entries);
  const nextTask = await page.evaluate(() => window.__nextTask);
  return { page, context, errors, entries, nextTask };
}

/** The widget's steps by name (read, layout, draw) and the long tasks, up to its first drawing
 * (the full module's read at idle comes after). */
function steps(all) {
  const end = all.find((e) => e.type === 'measure' && e.name === 'plan-progress:draw')?.end ?? Infinity;
  const entries = all.filter((e) => e.start <= end);
  const of = (name) => entries.filter((e) => e.type === 'measure' && e.name === `plan-progress:${name}`);
  return { read: of('read'), layout: of('layout'), draw: of('draw'), long: entries.filter((e) => e.type === 'longtask') };
}

/** True when one long task spans both steps (they ran in the same task). */
function sameTask(long, a, b) {
  return long.some((t) => t.start <= Math.min(a.start, b.start) + 1 && t.end >= Math.max(a.end, b.end) - 1);
}

/**
 * Checks the rule: a read over SLOW_READ_MS, or the overview (it lays out every other view), is
 * followed by a layout and a drawing, each in a task of its own; otherwise the drawing follows
 * at once, in the same task. Returns which.
 */
function assertStepsFollowTheRead({ entries, nextTask }, what, view) {
  const { read, layout, draw, long } = steps(entries);
  assert.equal(read.length, 1, `one read: ${JSON.stringify(entries)}`);
  assert.equal(draw.length, 1, `one drawing: ${JSON.stringify(entries)}`);
  const took = read[0].end - read[0].start;
  if (took <= SLOW_READ_MS && view !== 'overview') {
    assert.equal(layout.length, 0, `${what} read in ${took.toFixed(1)} ms: no layout step of its own`);
    // nothing ran in between: the drawing started before the first task queued after the read
    assert.ok(draw[0].start < nextTask,
      `${what}: the drawing started at ${draw[0].start.toFixed(1)} ms, after another task (${nextTask?.toFixed(1)} ms)`);
    return 'at once';
  }
  assert.equal(layout.length, 1, `${what} read in ${took.toFixed(1)} ms, laid out ahead: ${JSON.stringify(entries)}`);
  assert.ok(layout[0].start >= read[0].end && draw[0].start >= layout[0].end, 'read, then layout, then drawing');
  assert.ok(!sameTask(long, read[0], layout[0]), `the read and the layout shared a task: ${JSON.stringify(long)}`);
  assert.ok(!sameTask(long, layout[0], draw[0]), `the layout and the drawing shared a task: ${JSON.stringify(long)}`);
  return 'split';
}

for (const view of ['overview', 'status', 'timeline']) {
  test(`a large dataset's ${view} is read, laid out and drawn in three tasks`, { timeout: 120_000 }, async () => {
    const { page, context, errors, ...seen } = await open(view, '/large.json');
    if (assertStepsFollowTheRead(seen, `the large dataset's ${view}`, view) === 'at once') {
      console.log(`!!! ${view}: this machine read the 0.49 MB dataset within ${SLOW_READ_MS} ms and drew it at once: the split is not exercised here`);
    }
    await assertChartsNotBlank(page);
    assertNoErrors(errors);
    await context.close();
  });
}

for (const view of ['series', 'overview']) {
  test(`the Morocco dataset's ${view} follows the same rule`, { timeout: 60_000 }, async () => {
    const { context, errors, ...seen } = await open(view, '/data/morocco.json');
    const how = assertStepsFollowTheRead(seen, `the Morocco dataset's ${view}`, view);
    if (view === 'overview') assert.equal(how, 'split', 'the overview is always laid out ahead');
    console.log(`# the Morocco dataset's ${view} was drawn ${how === 'split' ? 'after a layout of its own' : 'at once'}`);
    assertNoErrors(errors);
    await context.close();
  });
}

test("a large dataset's board still takes the height of its content, and its table fills in slices to every item", { timeout: 120_000 }, async () => {
  const { page, context, errors } = await open('status', '/large.json');
  const state = await page.$eval(W, (el) => ({
    canvas: el.shadowRoot.querySelector('canvas').getBoundingClientRect().height,
    points: el.points,
  }));
  assert.ok(state.canvas > 1000, `a board of 60 commitments grows tall: ${state.canvas}px`);
  assert.ok(state.points > 0 && state.points <= 60, `cards: ${state.points}`);
  // the table fills in slices, a task each, and says it is busy until its last row is in (once
  // the full module, which has the table, is there: the page was idle, the chart is described)
  await page.waitForFunction(() => document.querySelector('#w0').summary);
  const first = await page.$eval(W, (el) => {
    el.shadowRoot.querySelector('.toggle').click();
    const table = el.shadowRoot.querySelector('.table');
    return { rows: table.querySelectorAll('tbody tr').length, busy: table.getAttribute('aria-busy') };
  });
  assert.ok(first.rows > 0 && first.rows < 60, `a first slice of the rows at once: ${first.rows}`);
  assert.equal(first.busy, 'true');
  await page.waitForFunction(() => document.querySelector('#w0').shadowRoot.querySelector('.table').getAttribute('aria-busy') === 'false');
  const rows = await page.$eval(W, (el) => el.shadowRoot.querySelectorAll('.table tbody tr').length);
  assert.equal(rows, 60, 'every commitment is a row of the table');
  assertNoErrors(errors);
  await context.close();
});
