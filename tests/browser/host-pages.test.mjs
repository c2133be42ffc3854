// The widget on other people's pages.
// (a) A page with the strictest Content-Security-Policy a careful host sets (csp.html): every
//     view becomes ready, hovering, the legend and the keyboard work, a failing chart shows
//     its error, and not one securitypolicyviolation event fires (listened for from the
//     first script of the page on).
// (b) A page with careless global CSS (careless.html with careless.css: 30px root font,
//     letter-spacing, uppercase, line-height 3, rtl, `* { box-sizing: content-box
//     !important }`, a transformed body…): the chart's canvas is the same, pixel for pixel, as
//     on the same page without that CSS at the same size. The widget measures text with the
//     canvas itself, never with an element of the host page (plotters' own text measurement
//     puts a <span> into the host's <body>, which inherits the host's CSS): a MutationObserver
//     proves nothing is added to the page while the chart is drawn.
// (c) Origin and shape checks of the iframe resizer are in embed.test.mjs.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  assertChartsNotBlank,
  assertNoErrors,
  fixtureUrl,
  launch,
  openPage,
  screenshot,
  waitForState,
} from './browser.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('under a strict CSP every view runs without a single violation', { timeout: 90_000 }, async () => {
  const { page, context, errors } = await openPage(browser, fixtureUrl('csp.html'), {
    width: 900,
    height: 900,
    setup: async (p) => {
      await p.addInitScript(() => {
        window.__violations = [];
        document.addEventListener('securitypolicyviolation', (e) => {
          window.__violations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
        });
      });
    },
  });
  try {
    assert.equal(await page.evaluate(() => document.documentElement.dataset.scripted), 'yes', "the page's own script did not run");
    for (const id of ['c0', 'c1', 'c2', 'c3', 'c4', 'c5']) await waitForState(page, `#${id}`, 'ready');
    // a chart whose data is missing shows its error (built with CSSOM only) under the policy
    await waitForState(page, '#c6', 'error');
    await assertChartsNotBlank(page, { minRatio: 0 });

    // the interactive parts that set styles and draw on the overlay: hover, legend, keyboard
    await page.locator('#c0').scrollIntoViewIfNeeded();
    const point = await page.$eval('#c0', (el) => {
      const d = el.pointDetails(0);
      const r = el.shadowRoot.querySelector('canvas.chart').getBoundingClientRect();
      return { x: r.left + d.box[0], y: r.top + d.box[1] };
    });
    await page.mouse.move(point.x, point.y);
    await page.waitForFunction(() => !document.querySelector('#c0').shadowRoot.querySelector('.tip').hidden);
    const legend = page.locator('#c0 .legend button').first();
    if (await legend.count()) await legend.click();
    await page.locator('#c2 .stage').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    await page.locator('#c6 .message button').click(); // Retry: fails again, still no violation
    await waitForState(page, '#c6', 'error');
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

    assert.deepEqual(await page.evaluate(() => window.__violations), [], 'Content-Security-Policy violations');
    const missing = `${new URL(fixtureUrl('x')).origin}/test-fixtures/csp-missing.json`;
    const own = (e) =>
      e.startsWith('console.error: Failed to load resource: the server responded with a status of 404 (Not Found)') &&
      e.includes(`(${missing}:`);
    assertNoErrors(errors.filter((e) => !own(e)));
  } finally {
    await screenshot(page, 'host-csp.png').catch(() => {});
    await context.close();
  }
});

/**
 * Records every element added to the page (light DOM) once it is parsed: the page's own
 * script then adds the chart, and nothing else may appear (a measuring <span>, say).
 */
async function watchMutations(page) {
  await page.addInitScript(() => {
    window.__added = [];
    document.addEventListener('DOMContentLoaded', () => {
      new MutationObserver((records) => {
        for (const r of records) {
          for (const n of r.addedNodes) {
            if (n.nodeType === 1) window.__added.push(`${n.tagName}${n.id ? `#${n.id}` : ''} in ${r.target.nodeName}`);
          }
        }
      }).observe(document, { childList: true, subtree: true });
    });
  });
}

/** The RGBA pixels of the chart canvas of `sel`, as a Buffer, with its size. */
async function pixels(page, sel) {
  const out = await page.$eval(sel, (el) => {
    const canvas = el.shadowRoot.querySelector('canvas.chart');
    const { width, height } = canvas;
    const scratch = document.createElement('canvas');
    scratch.width = width;
    scratch.height = height;
    const ctx = scratch.getContext('2d');
    ctx.drawImage(canvas, 0, 0);
    const px = ctx.getImageData(0, 0, width, height).data;
    let bin = '';
    for (let i = 0; i < px.length; i += 0x8000) bin += String.fromCharCode.apply(null, px.subarray(i, i + 0x8000));
    return { width, height, cssWidth: canvas.clientWidth, b64: btoa(bin) };
  });
  return { ...out, data: Buffer.from(out.b64, 'base64') };
}

async function chartOn(params, clean) {
  const opened = await openPage(browser, fixtureUrl('careless.html', { ...params, clean: clean ? 1 : undefined }), {
    width: 900,
    height: 1000,
    setup: watchMutations,
  });
  await waitForState(opened.page, '#k', 'ready');
  // two frames, so that a redraw after the first layout has happened
  await opened.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return opened;
}

// KNOWN BUG (open): on the careless page the rating (ar), status (fr) and timeline canvases
// differ from the clean page (4 %, 4 % and 23 % of their pixels). The cause is careless.css's
// `word-spacing: 12px` on <html>: `:host` in www/plan-progress.js resets letter-spacing and
// text-transform but not word-spacing, so the canvas element inherits it, and Chromium's
// canvas applies its element's word-spacing to fillText and measureText: every label with a
// space is drawn and measured wider, and the plot shrinks to make room. Without that one
// declaration the three canvases are byte-identical. (The series canvas only draws numbers,
// hence it passes.) Fix: `word-spacing: normal` in `:host` (and `text-shadow: none`, which
// reaches the HTML title and source line). Fixed: `:host` now resets both.
const CASES = [
  { view: 'series' },
  { view: 'rating', lang: 'ar' },
  { view: 'status', lang: 'fr' },
  { view: 'timeline', theme: 'dark' },
];

for (const { todo, ...params } of CASES) {
  test(`careless global CSS leaves the ${params.view} chart unchanged (${params.lang || 'en'})`, { timeout: 60_000, todo }, async () => {
    const careless = await chartOn(params, false);
    const clean = await chartOn(params, true);
    try {
      // the careless page really is careless
      const looks = await careless.page.evaluate(() => {
        const s = getComputedStyle(document.documentElement);
        return { fontSize: s.fontSize, direction: s.direction, transform: getComputedStyle(document.body).transform };
      });
      assert.equal(looks.fontSize, '30px');
      assert.equal(looks.direction, 'rtl');
      assert.notEqual(looks.transform, 'none');

      const a = await pixels(careless.page, '#k');
      const b = await pixels(clean.page, '#k');
      assert.deepEqual([a.width, a.height, a.cssWidth], [b.width, b.height, b.cssWidth], 'the canvas size differs');
      let differing = 0;
      for (let i = 0; i < a.data.length; i += 4) {
        if (a.data[i] !== b.data[i] || a.data[i + 1] !== b.data[i + 1] || a.data[i + 2] !== b.data[i + 2] || a.data[i + 3] !== b.data[i + 3]) differing++;
      }
      const ratio = differing / (a.width * a.height);
      assert.ok(ratio < 0.01, `${differing} pixels (${(ratio * 100).toFixed(2)} %) differ from the clean page`);
      assert.equal(differing, 0, `${differing} pixels differ: the host's CSS reached the drawing`);

      // nothing was added to the host page but the chart itself (and the careless style sheet)
      for (const page of [careless.page, clean.page]) {
        assert.deepEqual(await page.evaluate(() => window.__added), ['PLAN-PROGRESS#k in DIV'], 'elements added to the page');
      }
      assertNoErrors(careless.errors);
      assertNoErrors(clean.errors);
    } finally {
      await screenshot(careless.page, `host-careless-${params.view}.png`).catch(() => {});
      await careless.context.close();
      await clean.context.close();
    }
  });
}

test('on a page whose body is scaled, the pointer still finds the datum under it', { timeout: 60_000 }, async () => {
  const { page, context, errors } = await chartOn({ view: 'series' }, false);
  try {
    const found = await page.$eval('#k', (el) => {
      const canvas = el.shadowRoot.querySelector('canvas.chart');
      // the pointer only reaches what is in the viewport: bring the plot's lower part in
      const before = canvas.getBoundingClientRect();
      window.scrollBy(0, before.top + before.height * 0.6 - innerHeight / 2);
      const r = canvas.getBoundingClientRect();
      const scale = r.width / canvas.offsetWidth; // 0.9: the body's transform
      const out = [];
      for (let i = 0; i < el.points; i++) {
        const d = el.pointDetails(i);
        if (d.data?.year == null) continue;
        // where the datum is on the screen (the 0.5° rotation moves it by less than 6 px)
        out.push({ i, x: r.left + d.box[0] * scale, y: r.top + d.box[1] * scale, year: d.data.year, value: d.value });
      }
      return { scale, points: out.filter((p) => p.y > 10 && p.y < innerHeight - 10).slice(-3) };
    });
    assert.ok(Math.abs(found.scale - 0.9) < 0.01, `scale ${found.scale}`);
    assert.ok(found.points.length > 0, 'no datum in the viewport');
    const wrong = [];
    for (const p of found.points) {
      await page.mouse.move(p.x, p.y);
      await page.waitForTimeout(150);
      const tip = await page.$eval('#k', (el) => {
        const t = el.shadowRoot.querySelector('.tip');
        return t.hidden ? null : t.textContent;
      });
      if (!tip || !tip.includes(String(p.year))) wrong.push(`datum ${p.i} (${p.year}) at ${Math.round(p.x)},${Math.round(p.y)}: tooltip ${tip === null ? 'hidden' : JSON.stringify(tip.slice(0, 60))}`);
    }
    assert.deepEqual(wrong, [], 'hovering a datum on a scaled page does not show its tooltip');
    assertNoErrors(errors);
  } finally {
    await context.close();
  }
});
