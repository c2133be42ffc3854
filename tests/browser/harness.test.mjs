// Tests of the test harness itself, on small fixtures (www/test-fixtures/, served under
// /test-fixtures/, never shipped in dist/): the checks used by demo.test.mjs must pass on a
// drawn chart and catch a blank canvas, an error state, a chart that never gets ready, and
// console errors or uncaught exceptions.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  assertChartsNotBlank,
  assertNoErrors,
  baseUrl,
  launch,
  openPage,
  waitForCharts,
} from './browser.mjs';

const VIEWPORT = { width: 400, height: 300, deviceScaleFactor: 1 };

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Opens the canvas fixture in the given mode and runs `check` on it. */
async function withFixture(mode, check) {
  const query = mode ? `?mode=${mode}` : '';
  const opened = await openPage(browser, `${baseUrl()}/test-fixtures/canvas.html${query}`, VIEWPORT);
  try {
    await check(opened);
  } finally {
    await opened.context.close();
  }
}

test('a drawn canvas in the light DOM passes every check', async () => {
  await withFixture('', async ({ page, errors }) => {
    assert.equal(await waitForCharts(page), 1);
    const [stats] = await assertChartsNotBlank(page);
    assert.ok(stats.ratio > 0.2, `the fixture paints a large part of its canvas: ${JSON.stringify(stats)}`);
    assertNoErrors(errors);
  });
});

test('a drawn canvas in an open shadow root passes every check', async () => {
  await withFixture('shadow', async ({ page, errors }) => {
    await waitForCharts(page);
    await assertChartsNotBlank(page);
    assertNoErrors(errors);
  });
});

test('a blank canvas is caught', async () => {
  await withFixture('blank', async ({ page, errors }) => {
    await waitForCharts(page);
    await assert.rejects(assertChartsNotBlank(page), /canvas 200×100 is blank: only 0 pixels/);
    assertNoErrors(errors);
  });
});

test('an uncaught exception and a console error are caught', async () => {
  await withFixture('throw', async ({ errors }) => {
    assert.throws(() => assertNoErrors(errors), (err) => {
      assert.match(err.message, /reported 2 error\(s\)/);
      assert.match(err.message, /console\.error: fixture: console error/);
      assert.match(err.message, /uncaught exception: Error: fixture: uncaught error/);
      return true;
    });
  });
});

test('data-state="error" fails at once with the element text', async () => {
  await withFixture('error', async ({ page }) => {
    const started = Date.now();
    await assert.rejects(waitForCharts(page), /data-state="error": could not load data\/morocco\.json/);
    assert.ok(Date.now() - started < 5_000, 'no need to wait for the timeout');
  });
});

test('a chart that never gets ready times out', async () => {
  await withFixture('loading', async ({ page }) => {
    await assert.rejects(waitForCharts(page, { timeout: 500 }), /did not become ready within 500 ms .*\["loading"\]/);
  });
});

test('a page without <plan-progress> is not a pass', async () => {
  await withFixture('none', async ({ page }) => {
    await assert.rejects(waitForCharts(page, { timeout: 500 }), /0 element\(s\)/);
  });
});
