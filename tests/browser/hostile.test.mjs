// Hostile text in the data: markup, script and style end tags, event handlers, template and
// format syntax, entities, bidi overrides, zero-width characters, emoji, Arabic with Latin, a
// 5,000-character word and a 2,000-character label. The widget must show every one of them as
// text: it becomes ready, nothing runs (window.__pwned stays undefined), no element is made
// from the data (only the widget's own elements in its shadow root, and its own legend
// swatches as SVG), tooltips link to http(s) addresses only, with rel="noopener noreferrer",
// and nothing widens the page. A javascript: URL is refused by validation (an error state).
//
// Page: www/test-fixtures/hostile.html (no CSP on purpose: a CSP would hide an injection).
// Data: www/test-fixtures/hostile.json; its "x-payloads" member (an extension the widget
// ignores) lists the payloads each view must show as text.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import {
  assertFits,
  assertNoErrors,
  fixtureUrl,
  launch,
  openPage,
  screenshotElement,
  waitForState,
} from './browser.mjs';

const DATA = JSON.parse(await readFile(new URL('../../www/test-fixtures/hostile.json', import.meta.url), 'utf8'));
const PAYLOADS = DATA['x-payloads'];
const H = '#h';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function open(params, { width = 900, height = 900 } = {}) {
  return openPage(browser, fixtureUrl('hostile.html', params), { width, height });
}

/**
 * What the page and the widget hold: elements the widget should never make, links, the
 * visible text of the chrome. Fails on any element in the shadow root that is not the
 * widget's own kind, and on any injected element in the page.
 */
async function inspect(page) {
  return page.$eval(H, (el) => {
    // SLOT and IMG: the still picture's box (the element's own children, or its poster)
    const OWN = new Set(['DIV', 'P', 'BUTTON', 'SPAN', 'CANVAS', 'STRONG', 'PRE', 'A', 'SLOT', 'IMG']);
    const SWATCH = new Set(['svg', 'line', 'circle', 'rect', 'polygon']);
    const foreign = [];
    for (const node of el.shadowRoot.querySelectorAll('*')) {
      const isSvg = node.namespaceURI === 'http://www.w3.org/2000/svg';
      const still = node.tagName === 'SLOT' || node.tagName === 'IMG';
      const ok = isSvg
        ? SWATCH.has(node.tagName) && node.closest('.legend button') !== null
        : node.namespaceURI === 'http://www.w3.org/1999/xhtml' && OWN.has(node.tagName)
          && (!still || node.parentNode?.classList?.contains('still'));
      if (!ok) foreign.push(`${node.namespaceURI}:${node.tagName}`);
    }
    const links = [...el.shadowRoot.querySelectorAll('a')].map((a) => ({
      href: a.getAttribute('href'),
      protocol: a.protocol,
      rel: a.getAttribute('rel'),
      target: a.getAttribute('target'),
      text: a.textContent,
    }));
    const pageElements = [...document.querySelectorAll('img, iframe, svg, math, object, embed, style, b, a')]
      .map((n) => n.tagName);
    const scripts = [...document.querySelectorAll('script')].map((s) => s.getAttribute('src'));
    const text = (sel) => el.shadowRoot.querySelector(sel)?.textContent ?? '';
    return {
      foreign,
      links,
      pageElements,
      scripts,
      pwned: typeof window.__pwned !== 'undefined' || typeof parent.__pwned !== 'undefined',
      before: document.getElementById('before').textContent,
      title: text('.title'),
      legend: text('.legend'),
      source: text('.source'),
      message: text('.message'),
      points: el.points,
    };
  });
}

function assertClean(state, where) {
  assert.equal(state.pwned, false, `${where}: a payload ran (window.__pwned is set)`);
  assert.deepEqual(state.foreign, [], `${where}: elements made from the data in the shadow root`);
  assert.deepEqual(state.pageElements, [], `${where}: elements made from the data in the page`);
  assert.deepEqual(state.scripts, ['/plan-progress.js', 'hostile.js'], `${where}: scripts added to the page`);
  assert.equal(state.before, 'A host page. Its text must stay as it is, whatever the data says.');
  for (const link of state.links) {
    assert.match(link.protocol, /^https?:$/, `${where}: a link that is not http(s): ${JSON.stringify(link)}`);
    assert.equal(link.rel, 'noopener noreferrer', `${where}: ${JSON.stringify(link)}`);
    assert.equal(link.target, '_blank');
  }
}

/**
 * Hovers every datum of the chart in turn (at the centre of its box) and returns, for each,
 * the tooltip's text, its links and its geometry, with the state after each hover checked.
 */
async function hoverAll(page, where) {
  const count = await page.$eval(H, (el) => el.points);
  assert.ok(count > 0, `${where}: no datum drawn`);
  const tips = [];
  for (let i = 0; i < count; i++) {
    const place = await page.$eval(
      H,
      (el, index) => {
        const d = el.pointDetails(index);
        const where = () => {
          const canvas = el.shadowRoot.querySelector('canvas.chart').getBoundingClientRect();
          return { x: canvas.left + d.box[0], y: canvas.top + d.box[1] };
        };
        // the pointer only reaches what is in the viewport
        const { y } = where();
        if (y < 20 || y > innerHeight - 20) window.scrollBy(0, y - innerHeight / 2);
        return { ...where(), value: d.value, heading: d.heading };
      },
      i,
    );
    await page.mouse.move(place.x, place.y);
    await page.waitForFunction(
      (sel) => {
        const tip = document.querySelector(sel).shadowRoot.querySelector('.tip');
        return !tip.hidden && tip.getBoundingClientRect().width > 0;
      },
      H,
      { timeout: 5_000, polling: 50 },
    );
    const tip = await page.$eval(H, (el) => {
      const tip = el.shadowRoot.querySelector('.tip');
      const r = tip.getBoundingClientRect();
      const host = el.getBoundingClientRect();
      return {
        text: tip.textContent,
        overflows: tip.scrollWidth > tip.clientWidth + 1,
        inside: r.left >= host.left - 1 && r.right <= host.right + 1,
        width: Math.round(r.width),
        links: [...tip.querySelectorAll('a')].map((a) => a.getAttribute('href')),
      };
    });
    tips.push({ ...tip, ...place });
    assertClean(await inspect(page), `${where}, tooltip of datum ${i}`);
  }
  await page.mouse.move(1, 1);
  return tips;
}

/** Fails unless every payload appears, exactly, in `text` as a reader sees it: bidi isolates
 * and embeddings are invisible marks that keep a run of Arabic in its place inside a line in
 * another direction, so they are left out of both before comparing. */
function assertShown(text, payloads, where) {
  const marks = /[\u202A-\u202E\u2066-\u2069]/g;
  const seen = text.replace(marks, '');
  const missing = payloads.filter((p) => !seen.includes(p.replace(marks, '')));
  assert.deepEqual(
    missing.map((p) => (p.length > 60 ? `${p.slice(0, 60)}… (${p.length} chars)` : p)),
    [],
    `${where}: payloads not shown as text`,
  );
}

test('the series view shows every hostile string as text, and runs none', { timeout: 120_000 }, async () => {
  const { page, context, errors } = await open({ view: 'series', series: 'a,b,c,d', box: 700 });
  try {
    await waitForState(page, H, 'ready');
    const state = await inspect(page);
    assertClean(state, 'series');
    const tips = await hoverAll(page, 'series');
    const all = [state.title, state.legend, state.source, ...tips.map((t) => t.text)].join('\n');
    assertShown(all, PAYLOADS.series, 'series');
    // labels are text in the title and the legend, not markup
    assert.ok(state.title.includes('<img src=x onerror=window.__pwned=1>'), state.title);
    assert.ok(state.legend.includes('<img src=x onerror=window.__pwned=1>'), state.legend);
    // links: only the two sources with an http(s) address, exactly as written
    const hrefs = new Set(tips.flatMap((t) => t.links));
    assert.deepEqual(
      [...hrefs].sort(),
      [DATA.sources['s-img'].url, DATA.sources['s-style'].url].sort(),
      'tooltip links',
    );
    assertNoErrors(errors);
  } finally {
    await screenshotElement(page, H, 'hostile-series.png').catch(() => {});
    await context.close();
  }
});

test('a 5,000-character word in a tooltip does not widen the page, and wraps', { timeout: 120_000 }, async () => {
  const { page, context, errors } = await open({ view: 'series', series: 'a', box: 700 }, { width: 800 });
  try {
    await waitForState(page, H, 'ready');
    const tips = await hoverAll(page, 'series');
    const long = tips.find((t) => t.text.includes(PAYLOADS.long));
    assert.ok(long, 'no tooltip shows the 5,000-character word');
    // show it again and measure the page while it is open
    await page.mouse.move(long.x, long.y);
    await page.waitForFunction((sel) => !document.querySelector(sel).shadowRoot.querySelector('.tip').hidden, H);
    const width = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: innerWidth }));
    assert.ok(width.scroll <= width.inner, `the page scrolls sideways: ${width.scroll} > ${width.inner}`);
    await screenshotElement(page, H, 'hostile-long-word.png').catch(() => {});
    assert.ok(long.inside, `the tooltip with the long word sticks out of the chart (${long.width} px wide)`);
    assert.ok(!long.overflows, 'the long word runs out of its tooltip instead of wrapping: it is cut off');
    assertNoErrors(errors);
  } finally {
    await context.close();
  }
});

test('a 2,000-character label (the limit) does not widen the page, and its legend entry fits', { timeout: 60_000 }, async () => {
  const { page, context, errors } = await open({ view: 'series', series: 'a,d', box: 700 }, { width: 800 });
  try {
    await waitForState(page, H, 'ready');
    await screenshotElement(page, H, 'hostile-long-label.png').catch(() => {});
    // text that runs out of its own box is cut off by the element's containment: unreadable
    const overflowing = await page.$eval(H, (el) =>
      [...el.shadowRoot.querySelectorAll('.title, .legend button, .source')]
        .filter((part) => part.scrollWidth > part.clientWidth + 1 || part.getBoundingClientRect().right > el.getBoundingClientRect().right + 1)
        .map((part) => `${part.tagName.toLowerCase()}.${part.className}: ${part.scrollWidth} px of text in ${part.clientWidth} px`),
    );
    assert.deepEqual(overflowing, [], 'the 2,000-character label runs out of these parts (cut off)');
    // no sideways scrolling, and every part of the chart, legend buttons included, inside it
    await assertFits(page);
    assertNoErrors(errors);
  } finally {
    await context.close();
  }
});

test('boards, ratings, lists and timelines of hostile text are safe too', { timeout: 180_000 }, async () => {
  const views = [
    ['status', 'en', 'recs'],
    ['status', 'ar', ''],
    ['rating', 'ar', ''],
    ['progress', 'fr', ''],
    ['timeline', 'en', ''],
    ['overview', 'ar', ''],
  ];
  for (const [view, lang, series] of views) {
    const { page, context, errors } = await open({ view, lang, series, box: 760 });
    try {
      await waitForState(page, H, 'ready');
      const state = await inspect(page);
      assertClean(state, view);
      const tips = await hoverAll(page, view);
      if (series === 'recs') assertShown(tips.map((t) => t.text).join('\n'), PAYLOADS.status, 'status');
      await assertFits(page);
      assertNoErrors(errors);
    } finally {
      await screenshotElement(page, H, `hostile-${view}-${lang}.png`).catch(() => {});
      await context.close();
    }
  }
});

test('a javascript: URL is refused by validation, with an error state and nothing run', async () => {
  const { page, context, errors } = await open({ src: '/test-fixtures/hostile-url.json' });
  try {
    await waitForState(page, H, 'error');
    const state = await inspect(page);
    assertClean(state, 'javascript: URL');
    assert.match(state.message, /sources\.s-text\.url: only http:\/\/ and https:\/\/ addresses/);
    assert.equal(state.links.length, 0);
    assert.equal(state.points, 0);
    assertNoErrors(errors);
  } finally {
    await context.close();
  }
});
