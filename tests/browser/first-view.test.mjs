// The reader's first view (issue #14): the embed code's still picture is there without any
// script and the chart takes its place without moving the page; a widget far below the fold
// fetches nothing until the reader comes near it; printing shows every chart; each dataset is
// downloaded once per page; the canvas is drawn at its real size and density; the iframe code
// works under the Content-Security-Policy lines the builder gives.
//
// Snippet pages are made from the embed code the widget's own menu gives ("Embed this chart")
// and served by page.route under /test-fixtures/, on the test server's origin.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { assertNoErrors, baseUrl, fixtureUrl, launch, openPage, screenshot, waitForCharts, waitForState } from './browser.mjs';

const MOROCCO = await readFile(new URL('../../data/morocco.json', import.meta.url), 'utf8');

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** The embed code of a widget with `attrs`, as its menu's "Embed this chart" gives it. */
async function embedCode(attrs) {
  const { page, context, errors } = await openPage(browser, fixtureUrl('widget.html', { widgets: [attrs] }), { width: 800, height: 900 });
  try {
    await waitForState(page, '#w0', 'ready');
    await page.locator('#w0 .menu-button').click();
    await page.locator('#w0 .menu [data-action="embed"]').click();
    await page.waitForFunction(() => {
      const area = document.querySelector('#w0').shadowRoot.querySelector('.panel textarea');
      return area && !area.hasAttribute('aria-busy') && area.value.includes('<plan-progress');
    });
    const code = await page.$eval('#w0', (el) => el.shadowRoot.querySelector('.panel textarea').value);
    assertNoErrors(errors);
    return code;
  } finally {
    await context.close();
  }
}

/** An article page holding `code` between two paragraphs, under a strict CSP. */
function article(code, { before = '', after = '' } = {}) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; style-src 'self'; img-src 'self' data:">
<title>An article</title><link rel="icon" href="data:,"></head><body>
<p id="lede">The lede of an article.</p>${before}
${code}
<p id="after">The paragraph after the chart.</p>${after}
</body></html>`;
}

/** Opens `html` at /test-fixtures/article.html (and `data`, if given, as the dataset). */
function openArticle(html, { width = 800, height = 900, javaScriptEnabled = true, data = null, setup = null } = {}) {
  return openPage(browser, `${baseUrl()}/test-fixtures/article.html`, {
    width, height, javaScriptEnabled,
    setup: async (page) => {
      if (setup) await setup(page);
      await page.route('**/test-fixtures/article.html', (route) => route.fulfill({ contentType: 'text/html', body: html }));
      if (data) await page.route('**/data/morocco.json', (route) => route.fulfill({ contentType: 'application/json', body: data }));
    },
  });
}

test('the embed code carries a still picture: with JavaScript off it is the chart, with its words and data link', async () => {
  const code = await embedCode({ view: 'series', series: 'tip-prosecutions,tip-convictions', lang: 'fr' });
  assert.match(code, /<picture[^>]*>\s*<source media="\(max-width: 599px\)" srcset="data:image\/svg\+xml,/);
  assert.doesNotMatch(code, /style=/, 'no inline style in the embed code');
  for (const width of [320, 1200]) {
    const { page, context, errors } = await openArticle(article(code), { width, javaScriptEnabled: false });
    const still = await page.$eval('plan-progress img', (img) => {
      const box = img.getBoundingClientRect();
      return { alt: img.alt, width: box.width, height: box.height, natural: img.naturalWidth, src: img.currentSrc.slice(0, 40) };
    });
    assert.ok(still.natural > 0 && still.height > 100, `the still is drawn at ${width} px: ${JSON.stringify(still)}`);
    assert.ok(still.width <= width, `the still fits ${width} px: ${still.width}`);
    assert.match(still.alt, /^Poursuites \(TIP\) et Condamnations \(TIP\)\. Le nombre de poursuites/, still.alt);
    assert.equal(await page.$eval('plan-progress a', (a) => a.textContent), 'Les données (JSON)');
    await screenshot(page, `first-view-still-nojs-${width}.png`);
    assertNoErrors(errors);
    await context.close();
  }
});

test('the still\'s picture says what the data says, and a changed dataset is drawn over it', async () => {
  const code = await embedCode({ view: 'series', series: 'tip-convictions', lang: 'en' });
  const svg = decodeURIComponent(code.match(/<img src="data:image\/svg\+xml,([^"]+)"/)[1].replace(/&amp;/g, '&'));
  assert.match(svg, /Convictions \(TIP\)/);
  assert.match(svg, /Data updated: 6 December 2026/, 'the still carries the date of its data');
  // the dataset changed since the code was copied: the widget draws the new figure
  const changed = MOROCCO.replace('"value": 60,', '"value": 61,');
  assert.notEqual(changed, MOROCCO, 'the fixture edit applies');
  const { page, context, errors } = await openArticle(article(code), { data: changed });
  await waitForState(page, 'plan-progress', 'ready');
  const last = await page.$eval('plan-progress', (el) => el.pointDetails(el.points - 1).data.value);
  assert.equal(last, 61);
  assert.equal(await page.$eval('plan-progress', (el) => el.shadowRoot.querySelector('.still').hidden), true);
  assertNoErrors(errors);
  await context.close();
});

test('the chart replaces its still with no layout shift, at a phone\'s width and a desktop\'s', async () => {
  for (const [view, width] of [['series', 360], ['rating', 1000], ['status', 800]]) {
    const code = await embedCode({ view, lang: 'en' });
    const html = article(code);
    const { page, context, errors } = await openPage(browser, `${baseUrl()}/test-fixtures/article.html`, {
      width, height: 900,
      setup: async (p) => {
        await p.addInitScript(() => {
          window.__shifts = [];
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) {
              const moved = e.sources.map((s) => `${s.node?.nodeName ?? '?'}#${s.node?.id ?? ''} ${JSON.stringify(s.previousRect)} -> ${JSON.stringify(s.currentRect)}`);
              window.__shifts.push(`${e.value.toFixed(5)}: ${moved.join('; ')}`);
            }
          }).observe({ type: 'layout-shift', buffered: true });
        });
        await p.route('**/test-fixtures/article.html', (route) => route.fulfill({ contentType: 'text/html', body: html }));
      },
    });
    await waitForState(page, 'plan-progress', 'ready');
    await page.waitForTimeout(300);
    const shifts = await page.evaluate(() => window.__shifts);
    assert.deepEqual(shifts, [], `${view} at ${width} px: layout shifts ${JSON.stringify(shifts)}`);
    await screenshot(page, `first-view-${view}-${width}.png`);
    assertNoErrors(errors);
    await context.close();
  }
});

/** Counts the requests of a page by path. */
function countRequests(page) {
  const seen = new Map();
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    seen.set(path, (seen.get(path) ?? 0) + 1);
  });
  return (match) => [...seen].filter(([path]) => match.test(path)).reduce((n, [, c]) => n + c, 0);
}

test('a widget far below the fold fetches nothing until the reader comes near it', async () => {
  const html = article('<plan-progress id="far" src="/data/morocco.json" view="rating"></plan-progress>', { before: '<div class="tall"></div>' })
    .replace('</head>', '<link rel="stylesheet" href="/test-fixtures/fixtures.css"><script type="module" src="/plan-progress.js"></script></head>');
  let count;
  const { page, context, errors } = await openArticle(html, {
    height: 600,
    setup: (p) => { count = countRequests(p); },
  });
  await page.waitForTimeout(1000);
  assert.equal(count(/morocco\.json$/), 0, 'the data was fetched for a widget far below');
  assert.equal(count(/\.wasm$/), 0, 'the wasm was fetched for a widget far below');
  assert.equal(await page.$eval('#far', (el) => el.dataset.state), 'loading');
  await page.locator('#far').scrollIntoViewIfNeeded();
  await waitForState(page, '#far', 'ready');
  assert.equal(count(/morocco\.json$/), 1);
  assert.equal(count(/\/plan_progress_first_bg\.[0-9a-f]+\.wasm$/), 1);
  assertNoErrors(errors);
  await context.close();
});

/** The builder's web component code for `query` (its address's settings), once it carries the
 * still pictures. */
async function builderCode(query) {
  const { page, context, errors } = await openPage(browser, `${baseUrl()}/builder.html?${query}`, { width: 1200, height: 900 });
  try {
    await page.waitForFunction(() => document.getElementById('code-component')?.value.includes('<picture'), undefined, { timeout: 20_000 });
    assertNoErrors(errors);
    return await page.$eval('#code-component', (box) => box.value);
  } finally {
    await context.close();
  }
}

test('a chart at the top of its article: loaded at once, its wasm and data preloaded and each fetched once', async () => {
  const query = 'view=series&series=tip-prosecutions&lang=en';
  const lazy = await builderCode(query);
  assert.doesNotMatch(lazy, /rel="preload"|loading="eager"/, 'a chart further down loads lazily, without hints');
  const code = await builderCode(`${query}&top=1`);
  const hints = [...code.matchAll(/<link rel="preload" href="([^"]+)" as="fetch" type="([^"]+)" crossorigin="anonymous">/g)];
  assert.deepEqual(hints.map((h) => [new URL(h[1]).pathname.replace(/\.[0-9a-f]+\.wasm$/, '.wasm'), h[2]]),
    [['/pkg/plan_progress_first_bg.wasm', 'application/wasm'], ['/data/morocco.json', 'application/json']], code);
  assert.ok(code.indexOf('<link') < code.indexOf('<script'), 'the hints come before the script');
  assert.match(code, /<plan-progress [^>]*loading="eager"/);
  // far below the fold, it loads at once all the same; the widget's own fetches take over what
  // the browser preloaded: one request each, and no "preloaded but not used" warning
  let count;
  const warnings = [];
  const html = article(code, { before: '<div class="tall"></div>' })
    .replace('</head>', '<link rel="stylesheet" href="/test-fixtures/fixtures.css"></head>');
  const { page, context, errors } = await openArticle(html, {
    height: 600,
    setup: (p) => {
      count = countRequests(p);
      p.on('console', (msg) => { if (msg.type() === 'warning') warnings.push(msg.text()); });
    },
  });
  await waitForState(page, 'plan-progress', 'ready');
  assert.equal(count(/\/data\/morocco\.json$/), 1, 'the dataset was fetched twice: the preload was not used');
  assert.equal(count(/\/plan_progress_first_bg\.[0-9a-f]+\.wasm$/), 1, 'the wasm was fetched twice: the preload was not used');
  // Chromium says a preload went unused a few seconds after the load event
  await page.waitForTimeout(3500);
  assert.deepEqual(warnings.filter((w) => /preload/i.test(w)), []);
  assertNoErrors(errors);
  await context.close();

  // a changed wasm, preloaded, is still refused when the widget takes it over
  const tampered = await openArticle(html, {
    setup: (p) => p.route('**/*.wasm', async (route) => {
      const body = Buffer.from(await (await route.fetch()).body());
      body[body.length >> 1] ^= 1;
      return route.fulfill({ status: 200, contentType: 'application/wasm', body });
    }),
  });
  await waitForState(tampered.page, 'plan-progress', 'error');
  const message = await tampered.page.$eval('plan-progress', (el) => el.shadowRoot.querySelector('.message .detail').textContent);
  assert.match(message, /did not match what its publisher released, so it was not run/);
  await tampered.context.close();
});

test('printing a page of widgets far below the fold shows every chart', async () => {
  const widgets = ['series', 'rating', 'timeline'].map((v) => `<plan-progress src="/data/morocco.json" view="${v}"></plan-progress>`).join('\n');
  const html = article(widgets, { before: '<div class="tall"></div>' })
    .replace('</head>', '<link rel="stylesheet" href="/test-fixtures/fixtures.css"><script type="module" src="/plan-progress.js"></script></head>');
  const { page, context, errors } = await openArticle(html, { height: 600 });
  await page.waitForTimeout(500);
  const before = await page.$$eval('plan-progress', (els) => els.map((el) => el.dataset.state));
  assert.deepEqual(before, ['loading', 'loading', 'loading']);
  await page.emulateMedia({ media: 'print' });
  await page.waitForFunction(() => [...document.querySelectorAll('plan-progress')].every((el) => el.dataset.state === 'ready'), undefined, { timeout: 20_000 });
  const drawn = await page.$$eval('plan-progress', (els) => els.map((el) => el.shadowRoot.querySelector('canvas.chart').width));
  assert.ok(drawn.every((w) => w > 0), JSON.stringify(drawn));
  assertNoErrors(errors);
  await context.close();
});

test('the demo article downloads each dataset once, whatever its number of charts', async () => {
  let count;
  const { page, context, errors } = await openPage(browser, `${baseUrl()}/index.html`, {
    width: 1000, height: 900,
    setup: async (p) => { count = countRequests(p); },
  });
  const charts = await waitForCharts(page, { timeout: 60_000 });
  assert.ok(charts >= 10, `${charts} charts`);
  assert.equal(count(/\/data\/morocco\.json$/), 1, 'data/morocco.json requested more than once');
  // each wasm module once: the first for the first charts, the full one for the other views
  assert.ok(count(/\/plan_progress_first_bg\.[0-9a-f]+\.wasm$/) <= 1);
  assert.equal(count(/\/plan_progress_bg\.[0-9a-f]+\.wasm$/), 1);
  assertNoErrors(errors);
  await context.close();
});

/** The chart canvas's bitmap and box of widget `#w0`. */
const bitmap = (page) => page.$eval('#w0', (el) => {
  const c = el.shadowRoot.querySelector('canvas.chart');
  return { width: c.width, height: c.height, box: [c.clientWidth, c.clientHeight], dpr: window.devicePixelRatio };
});

test('the canvas bitmap is its box times the pixel ratio, in a narrow column and after the ratio changes', async () => {
  for (const box of [180, 200, 220, 240]) {
    const { page, context, errors } = await openPage(browser, fixtureUrl('widget.html', { view: 'series', box }), { width: 400, height: 800, deviceScaleFactor: 2 });
    await waitForState(page, '#w0', 'ready');
    const b = await bitmap(page);
    assert.deepEqual([b.width, b.height], [b.box[0] * 2, b.box[1] * 2], `box ${box} px: ${JSON.stringify(b)}`);
    assertNoErrors(errors);
    await context.close();
  }
  // a zoom: the pixel ratio goes 1, 2, 3 and the CSS viewport narrows with it (CDP's emulation
  // alone changes the ratio without the events of a real zoom or a move to another screen)
  const { page, context, errors } = await openPage(browser, fixtureUrl('widget.html', { view: 'rating' }), { width: 1200, height: 800 });
  await waitForState(page, '#w0', 'ready');
  const cdp = await context.newCDPSession(page);
  for (const dpr of [1, 2, 3]) {
    await cdp.send('Emulation.setDeviceMetricsOverride', { width: 1200 / dpr, height: 800, deviceScaleFactor: dpr, mobile: false });
    await page.waitForFunction((want) => {
      const c = document.querySelector('#w0').shadowRoot.querySelector('canvas.chart');
      return window.devicePixelRatio === want && c.width === Math.round(c.clientWidth * want);
    }, dpr, { timeout: 5_000 }).catch(() => {});
    const b = await bitmap(page);
    assert.equal(b.dpr, dpr);
    assert.deepEqual([b.width, b.height], [Math.round(b.box[0] * dpr), Math.round(b.box[1] * dpr)], `DPR ${dpr}: ${JSON.stringify(b)}`);
  }
  assertNoErrors(errors);
  await context.close();
});

test('the iframe code works under the CSP lines the builder gives', async () => {
  const { page: builder, context: bc } = await openPage(browser, `${baseUrl()}/builder.html?view=rating&lang=fr&ui=en`, { width: 1000, height: 900 });
  await builder.waitForFunction(() => document.getElementById('code-iframe').value.includes('<iframe'));
  const code = await builder.$eval('#code-iframe', (a) => a.value);
  const csp = await builder.$eval('#csp-iframe', (p) => p.textContent);
  await bc.close();
  assert.doesNotMatch(code, /style=/, 'no inline style in the iframe code');
  const origin = new URL(baseUrl()).origin;
  assert.ok(csp.includes(`frame-src ${origin}`) && csp.includes(`script-src ${origin}`), csp);
  const policy = `default-src 'self'; frame-src ${origin}; script-src ${origin}`;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${policy}"><title>Host</title></head>
<body><p>Before.</p>${code}<p>After.</p></body></html>`;
  const { page, context, errors } = await openArticle(html);
  const frame = await (await page.waitForSelector('iframe')).contentFrame();
  await frame.waitForFunction(() => document.querySelector('plan-progress')?.dataset.state === 'ready', undefined, { timeout: 20_000 });
  await page.waitForFunction(() => Math.abs(document.querySelector('iframe').getBoundingClientRect().height - 480) > 2, undefined, { timeout: 5_000 });
  assertNoErrors(errors);
  await context.close();
});
