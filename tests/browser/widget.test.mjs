// One <plan-progress> element on a fixture page (www/test-fixtures/widget.html, which builds the
// widgets from its query under a strict CSP): every view in every size and theme, and the
// interactions a reader has with a chart (mouse, touch, keyboard, legend), driven through
// playwright's real input (mouse moves, touch taps, key presses), not synthetic DOM events.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  assertChartsNotBlank,
  assertFits,
  assertNoErrors,
  canvasPixels,
  events,
  findPoint,
  fixtureUrl,
  launch,
  openPage,
  recordEvents,
  screenshotElement,
  tipState,
  waitForCharts,
  waitForState,
  waitForTip,
} from './browser.mjs';

const VIEWS = ['series', 'rating', 'status', 'progress', 'timeline', 'overview'];
const W0 = '#w0';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Opens widget.html with `params` (see fixtureUrl) and runs `check`, closing the context. */
async function withWidgets(params, options, check) {
  const opened = await openPage(browser, fixtureUrl('widget.html', params), {
    width: 1000,
    height: 800,
    ...options,
    setup: async (page, context) => {
      await recordEvents(page);
      await options.setup?.(page, context);
    },
  });
  try {
    await check(opened);
  } finally {
    await opened.context.close();
  }
}

/** Points, dir and theme class of every widget on the page. */
async function widgetStates(page) {
  return page.$$eval('plan-progress', (els) =>
    els.map((el) => {
      const pp = el.shadowRoot.querySelector('.pp');
      return { id: el.id, points: el.points, dark: pp.classList.contains('dark'), dir: pp.getAttribute('dir') };
    }),
  );
}

// 1. Every view, wide and narrow, light and dark. Each page holds the same view three times:
// theme unset (light), theme="dark" and theme="auto", with a dark colour scheme emulated, so
// that "auto" must paint exactly what "dark" paints.
describe('every view', () => {
  for (const width of [1000, 360]) {
    for (const view of VIEWS) {
      test(`${view} view at ${width} px: light, dark, and auto under a dark scheme`, async () => {
        const params = { widgets: [{ view }, { view, theme: 'dark' }, { view, theme: 'auto' }] };
        await withWidgets(params, { width, height: 800, colorScheme: 'dark' }, async ({ page, errors }) => {
          try {
            assert.equal(await waitForCharts(page), 3);
            await assertChartsNotBlank(page);
            const states = await widgetStates(page);
            for (const s of states) assert.ok(s.points > 0, `${view} #${s.id} draws no datum: ${JSON.stringify(s)}`);
            assert.deepEqual(states.map((s) => s.dark), [false, true, true], 'theme classes (light, dark, auto)');
            const [light, dark, auto] = await Promise.all(['#w0', '#w1', '#w2'].map((s) => canvasPixels(page, s)));
            assert.equal(auto.hash, dark.hash, 'theme="auto" under a dark scheme must paint what theme="dark" paints');
            assert.notEqual(light.hash, dark.hash, 'the light and dark charts are painted the same');
            assert.ok(dark.ratio >= 0.01, `the dark chart is blank: ${JSON.stringify(dark)}`);
            await assertFits(page);
            assertNoErrors(errors);
          } finally {
            await screenshotElement(page, '#w0', `view-${view}-${width}-light.png`).catch(() => {});
            await screenshotElement(page, '#w1', `view-${view}-${width}-dark.png`).catch(() => {});
          }
        });
      });
    }
  }

  // The narrowest phones: every view on one page (assertFits names the widget that sticks out).
  test('every view at 320 px is ready, drawn, and fits', async () => {
    const params = { widgets: VIEWS.map((view) => ({ view })) };
    await withWidgets(params, { width: 320, height: 700 }, async ({ page, errors }) => {
      assert.equal(await waitForCharts(page), VIEWS.length);
      await assertChartsNotBlank(page);
      for (const s of await widgetStates(page)) assert.ok(s.points > 0, `#${s.id} draws no datum`);
      await assertFits(page);
      assertNoErrors(errors);
    });
  });

  test('theme="auto" paints light under a light scheme and follows a change of scheme', async () => {
    const params = { widgets: [{ view: 'rating' }, { view: 'rating', theme: 'dark' }, { view: 'rating', theme: 'auto' }] };
    await withWidgets(params, { colorScheme: 'light' }, async ({ page, errors }) => {
      await waitForCharts(page);
      const [light, dark] = await Promise.all([canvasPixels(page, '#w0'), canvasPixels(page, '#w1')]);
      assert.equal((await canvasPixels(page, '#w2')).hash, light.hash, 'auto under a light scheme');
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.waitForFunction(() => document.querySelector('#w2').shadowRoot.querySelector('.pp.dark'), undefined, { timeout: 5_000 });
      assert.equal((await canvasPixels(page, '#w2')).hash, dark.hash, 'auto after the scheme turned dark');
      assertNoErrors(errors);
    });
  });

  test('lang="ar" lays the widget out right to left', async () => {
    const params = { widgets: [{ view: 'rating', lang: 'ar' }, { view: 'series', lang: 'ar', series: 'tip-prosecutions' }] };
    await withWidgets(params, { width: 360, height: 800 }, async ({ page, errors }) => {
      try {
        await waitForCharts(page);
        await assertChartsNotBlank(page);
        const states = await widgetStates(page);
        assert.deepEqual(states.map((s) => s.dir), ['rtl', 'rtl']);
        // the title is in Arabic, not the English fallback
        const title = await page.$eval(W0, (el) => el.shadowRoot.querySelector('.title').textContent);
        assert.match(title, /[\u0600-\u06ff]/, `the Arabic title has no Arabic letter: ${title}`);
        // and the tooltip follows the direction
        const point = await findPoint(page, '#w1', { year: 2024 });
        await page.mouse.move(point.x, point.y);
        await waitForTip(page, '#w1', true);
        assert.equal(await page.$eval('#w1', (el) => el.shadowRoot.querySelector('.tip').getAttribute('dir')), 'rtl');
        await assertFits(page);
        assertNoErrors(errors);
      } finally {
        await screenshotElement(page, '#box', 'view-ar-360.png').catch(() => {});
      }
    });
  });
});

// 2. Hover with a real mouse.
test('hovering a datum shows its tooltip on the overlay and never redraws the chart', async () => {
  const params = { view: 'series', series: 'tip-prosecutions' };
  await withWidgets(params, {}, async ({ page, errors }) => {
    await waitForState(page, W0);
    const point = await findPoint(page, W0, { year: 2024 });
    const publisher = point.details.source?.publisher;
    assert.ok(publisher, `the 2024 datum names no source publisher: ${JSON.stringify(point.details.source)}`);
    const chartBefore = await canvasPixels(page, W0, 'chart');
    const overlayBefore = await canvasPixels(page, W0, 'overlay');
    assert.equal(overlayBefore.opaque, 0, 'the overlay is drawn on before any hover');
    assert.equal((await tipState(page, W0)).visible, false, 'a tooltip is shown before any hover');

    await page.mouse.move(point.x, point.y, { steps: 4 });
    await waitForTip(page, W0, true);
    const tip = await tipState(page, W0);
    assert.match(tip.text, /\b213\b/, `the tooltip does not give the value: ${tip.text}`);
    assert.ok(tip.text.includes(publisher), `the tooltip does not name ${publisher}: ${tip.text}`);
    assert.ok(tip.text.includes('2024'), `the tooltip does not give the year: ${tip.text}`);
    const overlayHover = await canvasPixels(page, W0, 'overlay');
    assert.ok(overlayHover.opaque > 0, 'the overlay shows no highlight while hovering');
    const chartHover = await canvasPixels(page, W0, 'chart');
    assert.equal(chartHover.hash, chartBefore.hash, 'the chart canvas was redrawn by a hover');

    // the tooltip lies inside the chart's stage, near the datum
    const placed = await page.$eval(W0, (el) => {
      const r = (q) => el.shadowRoot.querySelector(q).getBoundingClientRect().toJSON();
      return { tip: r('.tip'), stage: r('.stage') };
    });
    assert.ok(placed.tip.left >= placed.stage.left - 1 && placed.tip.right <= placed.stage.right + 1,
      `the tooltip sticks out of the chart: ${JSON.stringify(placed)}`);

    // away from the chart: hidden, overlay cleared, chart still untouched
    await page.mouse.move(5, 790, { steps: 4 });
    await waitForTip(page, W0, false);
    assert.equal((await canvasPixels(page, W0, 'overlay')).opaque, 0, 'the highlight stays after the pointer left');
    assert.equal((await canvasPixels(page, W0, 'chart')).hash, chartBefore.hash, 'the chart was redrawn by leaving');

    // back on the datum, then onto an empty spot of the chart (its top left corner)
    await page.mouse.move(point.x, point.y, { steps: 4 });
    await waitForTip(page, W0, true);
    const corner = await page.$eval(W0, (el) => el.shadowRoot.querySelector('canvas.chart').getBoundingClientRect().toJSON());
    await page.mouse.move(corner.left + 3, corner.top + 3, { steps: 4 });
    await waitForTip(page, W0, false);
    assertNoErrors(errors);
  });
});

// 3. Touch: a tap pins the tooltip, a tap elsewhere or Escape dismisses it, and a swipe over
// the chart still scrolls the page.
test('touch: a tap shows the tooltip, a tap elsewhere or Escape dismisses it, the page still scrolls', async () => {
  const params = { view: 'series', series: 'tip-prosecutions', spacer: 2000 };
  const options = { width: 360, height: 740, deviceScaleFactor: 2, hasTouch: true, isMobile: true };
  await withWidgets(params, options, async ({ page, errors }) => {
    await waitForState(page, W0);
    const point = await findPoint(page, W0, { year: 2024 });

    await page.touchscreen.tap(point.x, point.y);
    await waitForTip(page, W0, true);
    assert.match((await tipState(page, W0)).text, /\b213\b/);
    // a tap on the page's own text, outside the chart
    const before = await page.locator('#before').boundingBox();
    await page.touchscreen.tap(before.x + 10, before.y + before.height / 2);
    await waitForTip(page, W0, false);

    await page.touchscreen.tap(point.x, point.y);
    await waitForTip(page, W0, true);
    await page.keyboard.press('Escape');
    await waitForTip(page, W0, false);

    // Scrolling: the chart lets vertical pans through to the page.
    const touchAction = await page.$eval(W0, (el) => getComputedStyle(el.shadowRoot.querySelector('canvas.chart')).touchAction);
    assert.equal(touchAction, 'pan-y');
    // A touch swipe starting on the chart, sent as raw touch points through CDP
    // (Input.dispatchTouchEvent), so that it goes through the browser's input pipeline: hit
    // testing, touch-action, the widget's pointer handlers and a possible preventDefault.
    // (Input.synthesizeScrollGesture does not scroll at all in headless Chromium, anywhere on
    // the page, so it cannot tell a chart that blocks scrolling from one that does not.)
    const cdp = await page.context().newCDPSession(page);
    const canvas = await page.$eval(W0, (el) => el.shadowRoot.querySelector('canvas.chart').getBoundingClientRect().toJSON());
    const x = Math.round(canvas.left + canvas.width / 2);
    const y = Math.round(canvas.top + canvas.height / 2);
    const swipe = async () => {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
      for (let i = 1; i <= 10; i++) {
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y - 20 * i }] });
      }
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    };
    const chartStyle = (value) => page.evaluate((v) => {
      document.querySelector('#w0').shadowRoot.querySelector('canvas.chart').style.touchAction = v;
    }, value);
    // Control first (so that no fling of a real scroll is still running): the same swipe over a
    // chart that refuses pans must not scroll, or the swipe below proves nothing about the
    // chart's touch-action.
    await chartStyle('none');
    await swipe();
    await page.waitForTimeout(400);
    assert.equal(await page.evaluate(() => scrollY), 0, 'control: the swipe scrolled through touch-action: none');
    await chartStyle('');
    assert.equal(await page.$eval(W0, (el) => getComputedStyle(el.shadowRoot.querySelector('canvas.chart')).touchAction), 'pan-y');
    await swipe();
    await page.waitForFunction(() => scrollY > 100, undefined, { timeout: 5_000 }).catch(() => {});
    const scrolled = await page.evaluate(() => scrollY);
    assert.ok(scrolled > 100, `a touch swipe over the chart did not scroll the page (scrollY ${scrolled})`);
    await cdp.detach();
    assertNoErrors(errors);
  });
});

// 4. WCAG 1.4.13: content shown on hover can be dismissed without moving the pointer.
test('Escape hides a hover tooltip without moving the mouse', async () => {
  await withWidgets({ view: 'series', series: 'tip-prosecutions' }, {}, async ({ page, errors }) => {
    await waitForState(page, W0);
    const point = await findPoint(page, W0, { year: 2024 });
    await page.mouse.move(point.x, point.y, { steps: 4 });
    await waitForTip(page, W0, true);
    await page.keyboard.press('Escape');
    await waitForTip(page, W0, false, { timeout: 2_000 });
    // and the mouse still rests on the datum: the tooltip does not come back by itself
    await page.waitForTimeout(200);
    assert.equal((await tipState(page, W0)).visible, false, 'the tooltip came back after Escape');
    assertNoErrors(errors);
  });
});

// 5. Keyboard.
test('keyboard: Tab focuses the chart, arrows move between data and speak them, Enter selects', async () => {
  await withWidgets({ view: 'series', series: 'tip-prosecutions' }, {}, async ({ page, errors }) => {
    await waitForState(page, W0);
    const first = await page.$eval(W0, (el) => el.pointDetails(0));
    assert.ok(first, 'no datum 0');

    // one series: no legend; the menu button and the table toggle come first, then the chart
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const host = document.activeElement;
      return { host: host?.id, inner: host?.shadowRoot?.activeElement?.className };
    });
    assert.deepEqual(focused, { host: 'w0', inner: 'stage' }, 'Tab did not focus the chart stage');
    assert.equal((await tipState(page, W0)).visible, false, 'a tooltip is shown on focus alone');

    await page.keyboard.press('ArrowRight');
    await waitForTip(page, W0, true);
    const tip = await tipState(page, W0);
    assert.ok(tip.text.includes(first.value), `the tooltip is not the first datum's (${first.value}): ${tip.text}`);
    const live = await page.$eval(W0, (el) => el.shadowRoot.querySelector('.live').textContent);
    assert.ok(live.trim().length > 0, 'the live region says nothing');
    assert.ok(live.includes(first.value), `the live region does not give the value ${first.value}: ${live}`);
    assert.ok((await canvasPixels(page, W0, 'overlay')).opaque > 0, 'no focus ring on the overlay');
    const describedBy = await page.$eval(W0, (el) => el.shadowRoot.querySelector('.stage').getAttribute('aria-describedby'));
    assert.equal(describedBy, 'tip');

    await page.keyboard.press('ArrowRight');
    const second = await page.$eval(W0, (el) => el.pointDetails(1));
    await page.waitForFunction(
      (value) => document.querySelector('#w0').shadowRoot.querySelector('.live').textContent.includes(value),
      second.value,
      { timeout: 2_000 },
    );
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(
      (value) => document.querySelector('#w0').shadowRoot.querySelector('.live').textContent.includes(value),
      first.value,
      { timeout: 2_000 },
    );

    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.__ppEvents.some((e) => e.type === 'plan-progress:select'), undefined, { timeout: 2_000 });
    const selects = await events(page, 'plan-progress:select');
    assert.equal(selects.length, 1, `one Enter, ${selects.length} select events`);
    assert.equal(selects[0].id, 'w0');
    assert.equal(selects[0].detail.kind, first.data.kind);
    assert.equal(selects[0].detail.year, first.data.year);
    assert.equal(typeof selects[0].detail.kind, 'string');
    assert.equal(typeof selects[0].detail.year, 'number');

    // Escape closes the tooltip and keeps the focus on the chart
    await page.keyboard.press('Escape');
    await waitForTip(page, W0, false, { timeout: 2_000 });
    assert.equal(await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.className), 'stage');
    assertNoErrors(errors);
  });
});

// The live region reads pointDetails(i).sentence: its parts are joined with commas, and a part
// that already ends a sentence (a note ending with a full stop) must not get ", " after it
// ("…different counting., Source: …").
test('the sentences spoken for data are punctuated once between their parts', async () => {
  const params = { widgets: [{ view: 'series' }, { view: 'series', lang: 'fr' }, { view: 'timeline' }] };
  await withWidgets(params, {}, async ({ page, errors }) => {
    await waitForCharts(page);
    const bad = await page.$$eval('plan-progress', (els) =>
      els.flatMap((el) => {
        const found = [];
        for (let i = 0; i < el.points; i++) {
          const s = el.pointDetails(i).sentence;
          const m = /[.!?…:;]\s*,/.exec(s);
          if (m) found.push(`#${el.id}[${i}]: …${s.slice(Math.max(0, m.index - 30), m.index + 20)}…`);
        }
        return found;
      }));
    assert.deepEqual(bad.slice(0, 5), [], `${bad.length} sentences with doubled punctuation`);
    assertNoErrors(errors);
  });
});

// 6. Legend.
test('legend buttons hide and show series, but never the last one', async () => {
  await withWidgets({ view: 'series' }, {}, async ({ page, errors }) => {
    await waitForState(page, W0);
    const buttons = page.locator(`${W0} .legend button[data-id]`);
    assert.equal(await buttons.count(), 3, 'the default series view has three series in its legend');
    const pressed = () => page.$$eval(W0, ([el]) =>
      [...el.shadowRoot.querySelectorAll('.legend button')].map((b) => b.getAttribute('aria-pressed')));
    const points = () => page.$eval(W0, (el) => el.points);
    assert.deepEqual(await pressed(), ['true', 'true', 'true']);
    const all = { points: await points(), hash: (await canvasPixels(page, W0)).hash };

    await buttons.nth(0).click();
    assert.deepEqual(await pressed(), ['false', 'true', 'true']);
    const fewer = await points();
    assert.ok(fewer < all.points, `hiding a series left ${fewer} of ${all.points} data`);
    const hiddenHash = (await canvasPixels(page, W0)).hash;
    assert.notEqual(hiddenHash, all.hash, 'hiding a series did not change the chart');
    // the focus stays on the button that was pressed, though the legend was rebuilt
    const focusId = await page.$eval(W0, (el) => el.shadowRoot.activeElement?.dataset.id);
    assert.equal(focusId, await buttons.nth(0).getAttribute('data-id'));

    await buttons.nth(0).click();
    assert.deepEqual(await pressed(), ['true', 'true', 'true']);
    assert.equal(await points(), all.points);
    assert.equal((await canvasPixels(page, W0)).hash, all.hash, 'showing the series again did not restore the chart');

    await buttons.nth(0).click();
    await buttons.nth(1).click();
    assert.deepEqual(await pressed(), ['false', 'false', 'true']);
    const one = { points: await points(), hash: (await canvasPixels(page, W0)).hash };
    await buttons.nth(2).click();
    assert.deepEqual(await pressed(), ['false', 'false', 'true'], 'the last visible series was hidden');
    assert.equal(await points(), one.points);
    assert.ok(one.points > 0);
    assert.equal((await canvasPixels(page, W0)).hash, one.hash);
    assertNoErrors(errors);
  });
});

// 7. Sizes.
describe('sizes', () => {
  test('at 320 px the chart is ready and fits', async () => {
    await withWidgets({ widgets: [{ view: 'series' }, { view: 'status' }] }, { width: 320, height: 700 }, async ({ page, errors }) => {
      await waitForCharts(page);
      await assertChartsNotBlank(page);
      await assertFits(page);
      const widths = await page.$$eval('plan-progress', (els) =>
        els.map((el) => [el.clientWidth, el.shadowRoot.querySelector('canvas.chart').clientWidth]));
      for (const [host, canvas] of widths) assert.equal(canvas, host - 24, `canvas ${canvas} px in a ${host} px element`);
      assertNoErrors(errors);
    });
  });

  for (const dpr of [2, 3]) {
    test(`the canvases' backing stores are ${dpr}× their CSS size at deviceScaleFactor ${dpr}`, async () => {
      const params = { widgets: [{ view: 'series' }, { view: 'status' }] };
      await withWidgets(params, { width: 600, height: 700, deviceScaleFactor: dpr }, async ({ page, errors }) => {
        await waitForCharts(page);
        for (const id of ['#w0', '#w1']) {
          for (const which of ['chart', 'overlay']) {
            const c = await canvasPixels(page, id, which);
            assert.ok(c.clientWidth > 0 && c.clientHeight > 0, `${id} ${which}: no CSS size`);
            assert.ok(Math.abs(c.width - dpr * c.clientWidth) <= 1,
              `${id} ${which}: width ${c.width} for ${c.clientWidth} CSS px at ${dpr}×`);
            assert.ok(Math.abs(c.height - dpr * c.clientHeight) <= 1,
              `${id} ${which}: height ${c.height} for ${c.clientHeight} CSS px at ${dpr}×`);
          }
        }
        assertNoErrors(errors);
      });
    });
  }

  test('a narrower container redraws the chart at its new size', async () => {
    await withWidgets({ view: 'series', box: 800 }, { deviceScaleFactor: 2 }, async ({ page, errors }) => {
      await waitForState(page, W0);
      const wide = await canvasPixels(page, W0);
      assert.equal(wide.clientWidth, 800 - 24);
      assert.equal(wide.width, 2 * (800 - 24));
      await page.evaluate(() => { document.getElementById('box').style.width = '400px'; });
      await page.waitForFunction(
        () => document.querySelector('#w0').shadowRoot.querySelector('canvas.chart').width !== 2 * (800 - 24),
        undefined,
        { timeout: 5_000 },
      );
      const narrow = await canvasPixels(page, W0);
      assert.equal(narrow.clientWidth, 400 - 24);
      assert.equal(narrow.width, 2 * (400 - 24));
      assert.ok(Math.abs(narrow.height - 2 * narrow.clientHeight) <= 1);
      assert.ok(narrow.ratio >= 0.01, 'the redrawn chart is blank');
      assert.equal(await page.$eval(W0, (el) => el.dataset.state), 'ready');
      // a datum is still found where pointDetails says it is
      const point = await findPoint(page, W0, { year: 2024, series: 'tip-prosecutions' });
      await page.mouse.move(point.x, point.y, { steps: 3 });
      await waitForTip(page, W0, true);
      assert.match((await tipState(page, W0)).text, /\b213\b/);
      assert.equal((await events(page, 'plan-progress:ready')).length, 1, 'a resize fired plan-progress:ready again');
      assertNoErrors(errors);
    });
  });
});
