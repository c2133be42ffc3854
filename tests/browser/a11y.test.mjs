// Accessibility of the pages and of the widget, checked in the browser:
//   1. axe-core (WCAG 2.0/2.1 A and AA, and best practices) on every page of dist/: the demo
//      article, the iframe embed in each view, the checker with a dataset checked, and any other
//      page; in light and dark, at 1000 and 360 px; as loaded, with every widget's data table
//      open, and with each widget's tooltip open. axe looks inside the widgets' open shadow roots.
//   2. Focus indicators: the chart's, the legend buttons' and the table toggle's are drawn when
//      the keyboard focuses them, with enough contrast, also in forced colours.
//   3. Reduced motion: nothing in the widget moves.
//   4. Forced colours: the chart is drawn again in the reader's system colours.
// Keyboard use itself is in keyboard.test.mjs.

import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import {
  assertNoErrors,
  baseUrl,
  canvasPixels,
  fixtureUrl,
  focusedElement,
  formatViolations,
  launch,
  openPage,
  runAxe,
  waitForCharts,
  waitForTip,
} from './browser.mjs';

const VIEWS = ['series', 'rating', 'status', 'progress', 'timeline', 'overview'];
const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
/** The viewport states every page is checked in, in this order (one load per page). */
const STATES = [
  { scheme: 'light', width: 1000 },
  { scheme: 'light', width: 360 },
  { scheme: 'dark', width: 360 },
  { scheme: 'dark', width: 1000 },
];

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Every .html file of dist/ (relative paths, with `/`), test fixtures left out. */
async function distPages() {
  const entries = await readdir(DIST, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => path.relative(DIST, path.join(e.parentPath ?? e.path, e.name)).split(path.sep).join('/'))
    .filter((p) => !p.startsWith('test-fixtures/'))
    .sort();
}

/**
 * Waits until every widget is ready and drawn for the current viewport and colour scheme:
 * its canvas as wide as the element allows, and theme="auto" following the scheme.
 */
async function waitSettled(page) {
  await waitForCharts(page);
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('plan-progress')].every((el) => {
        const canvas = el.shadowRoot.querySelector('canvas.chart');
        const width = Math.max(200, Math.round(el.clientWidth)) - 24;
        const dark = el.shadowRoot.querySelector('.pp').classList.contains('dark');
        const wantDark = el.getAttribute('theme') === 'dark' ||
          (el.getAttribute('theme') === 'auto' && matchMedia('(prefers-color-scheme: dark)').matches);
        return el.dataset.state === 'ready' && Math.abs(canvas.clientWidth - width) <= 1 && dark === wantDark;
      }),
    undefined,
    { timeout: 10_000, polling: 50 },
  );
  // two frames: whatever a resize scheduled has been drawn
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** Opens or closes the data table of every widget (the toggle's own click handler). */
async function setTables(page, open) {
  await page.$$eval(
    'plan-progress',
    (els, want) => {
      for (const el of els) {
        const toggle = el.shadowRoot.querySelector('.toggle');
        if ((toggle.getAttribute('aria-expanded') === 'true') !== want) toggle.click();
      }
    },
    open,
  );
  const count = await page.$$eval('plan-progress', (els, want) =>
    els.filter((el) => !!el.shadowRoot.querySelector('.table table') === want).length, open);
  assert.equal(count, await page.locator('plan-progress').count(), `not every table is ${open ? 'open' : 'closed'}`);
}

/**
 * A table taller than its box scrolls inside it, and axe cannot tell the contrast of the cells
 * it cannot see ("partially obscured"): for one contrast check, let every table show its full
 * height (a table wider than its box still scrolls sideways: its cells out of view stay
 * undecided rather than be judged against the page behind the widget).
 */
async function unclipTables(page, on) {
  await page.$$eval(
    'plan-progress',
    (els, enable) => {
      for (const el of els) {
        const root = el.shadowRoot;
        if (enable) {
          const sheet = new CSSStyleSheet();
          sheet.replaceSync('.table { max-height: none !important; }');
          sheet.axeUnclip = true;
          root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
        } else {
          root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => !s.axeUnclip);
        }
      }
    },
    on,
  );
}

/** Gives every widget an id (the embed's has none), for axe contexts; returns them. */
async function widgetIds(page) {
  return page.$$eval('plan-progress', (els) => els.map((el, i) => (el.id ||= `pp-axe-${i}`)));
}

/**
 * Runs axe on `page` in every state of STATES: as loaded, with the tables open, and with each
 * widget's tooltip open. Returns { violations: [{ label, violation }], incomplete: Map }.
 */
async function auditPage(page) {
  const found = [];
  const incomplete = new Map();
  const record = (label, results) => {
    for (const v of results.violations) found.push({ label, violation: v });
    const state = label.replace(/^\S+ \d+px, /, '').replace(/ of #\S+/, '');
    for (const v of results.incomplete) {
      const key = `${v.id} (${state})`;
      incomplete.set(key, (incomplete.get(key) ?? 0) + v.nodes.length);
    }
  };
  const ids = await widgetIds(page);
  for (const { scheme, width } of STATES) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width, height: 800 });
    await waitSettled(page);
    const at = `${scheme} ${width}px`;
    record(`${at}, as loaded`, await runAxe(page));

    await setTables(page, true);
    record(`${at}, tables open`, await runAxe(page));
    await unclipTables(page, true);
    const contrast = await runAxe(page, {
      context: { include: ids.map((id) => [`#${id}`]) },
      options: { runOnly: ['color-contrast'] },
    });
    record(`${at}, tables open and shown whole`, contrast);
    await unclipTables(page, false);
    await setTables(page, false);
    await waitSettled(page);

    for (const id of ids) {
      // the keyboard's tooltip: the first datum, with its source link
      await page.$eval(`#${id}`, (el) => el.shadowRoot.querySelector('.stage').focus());
      await page.keyboard.press('ArrowRight');
      await waitForTip(page, `#${id}`, true);
      record(`${at}, tooltip of #${id} open`, await runAxe(page, { context: { include: [[`#${id}`]] } }));
      await page.keyboard.press('Escape');
      await page.$eval(`#${id}`, (el) => el.shadowRoot.querySelector('.stage').blur());
    }
  }
  return { violations: found, incomplete };
}

/**
 * The violations, rule by rule: each rule once (id, impact, help, URL), then each element it
 * failed on (target, what to fix) with the states it failed in.
 */
function report(found) {
  const rules = new Map();
  for (const { label, violation } of found) {
    if (!rules.has(violation.id)) rules.set(violation.id, { violation, nodes: new Map() });
    const rule = rules.get(violation.id);
    for (const node of violation.nodes) {
      const key = JSON.stringify(node.target);
      if (!rule.nodes.has(key)) rule.nodes.set(key, { node, labels: [] });
      rule.nodes.get(key).labels.push(label);
    }
  }
  return [...rules.values()]
    .map(({ violation, nodes }) => {
      const lines = formatViolations([{ ...violation, nodes: [...nodes.values()].map((n) => n.node) }]).split('\n');
      // formatViolations gives two lines per element: add the states after each pair
      const head = lines.slice(0, 2);
      const rest = [...nodes.values()].flatMap((n, i) => [lines[2 + 2 * i], lines[3 + 2 * i], `        in: ${n.labels.join('; ')}`]);
      return [...head, ...rest].join('\n');
    })
    .join('\n');
}

describe('axe-core on every page of dist/', async () => {
  const files = await distPages();
  test('dist/ has the demo and the embed page', () => {
    assert.ok(files.includes('index.html'), `no index.html in ${DIST}: ${files.join(', ')}`);
    assert.ok(files.includes('embed.html'), `no embed.html in ${DIST}: ${files.join(', ')}`);
  });
  const urls = [];
  for (const file of files) {
    if (file === 'embed.html') {
      // theme=auto: the embed follows the reader's scheme, so "dark" checks a dark chart
      for (const view of VIEWS) urls.push(`embed.html?view=${view}&theme=auto`);
      urls.push('embed.html?view=rating&lang=ar&theme=auto');
    } else if (file === 'check.html') {
      // the checker with a dataset checked: its counts and a preview of every view
      urls.push('check.html?src=data/morocco.json&ui=en');
    } else {
      urls.push(file);
    }
  }
  for (const url of urls) {
    test(`${url}: no axe violation (light and dark, 1000 and 360 px, tables and tooltips open)`, async (t) => {
      // bypassCSP: the embed page's CSP refuses axe's inline script
      const opened = await openPage(browser, `${baseUrl()}/${url}`, { width: 1000, height: 800, bypassCSP: true });
      try {
        const { violations, incomplete } = await auditPage(opened.page);
        if (incomplete.size) {
          t.diagnostic(`axe could not decide (incomplete): ${[...incomplete].map(([id, n]) => `${id} ×${n}`).join(', ')}`);
        }
        assert.ok(violations.length === 0, `${url}: axe violations:\n${report(violations)}`);
        assertNoErrors(opened.errors);
      } finally {
        await opened.context.close();
      }
    });
  }
});

// ---------------------------------------------------------------------------------------------
// 2. Focus indicators.

/** sRGB relative luminance and contrast ratio (WCAG 2.x) of 'rgb(…)'/'rgba(…)' strings. */
function luminance(css) {
  const [r, g, b] = css.match(/[\d.]+/g).slice(0, 3).map(Number).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * Tabs from the start of a11y.html through every widget and returns, for each stop inside a
 * widget, how its focus is shown: { stop, focusVisible, outline, boxShadow, colors, background }.
 */
async function focusStyles(page) {
  const out = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const stop = await focusedElement(page);
    if (stop === 'a#end') break;
    if (!stop.includes('>')) continue;
    out.push({
      stop,
      ...(await page.evaluate(() => {
        const host = document.activeElement;
        const el = host.shadowRoot.activeElement;
        const style = getComputedStyle(el);
        const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0
          ? `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}` : 'none';
        const boxShadow = style.boxShadow;
        const colors = [];
        if (outline !== 'none') colors.push(style.outlineColor);
        if (boxShadow !== 'none') colors.push(...(boxShadow.match(/rgba?\([^)]*\)/g) ?? []));
        return {
          focusVisible: el.matches(':focus-visible'),
          outline,
          boxShadow,
          colors,
          background: getComputedStyle(host.shadowRoot.querySelector('.pp')).backgroundColor,
        };
      })),
    });
  }
  return out;
}

describe('focus indicators', () => {
  const widgets = [{ view: 'series' }, { view: 'series', theme: 'dark' }];

  test('the chart, the legend buttons and the table toggle show a focus indicator with 3:1 contrast', async () => {
    const opened = await openPage(browser, fixtureUrl('a11y.html', { widgets }), { width: 1000, height: 800 });
    try {
      await waitForCharts(opened.page);
      const styles = await focusStyles(opened.page);
      const stops = styles.map((s) => s.stop);
      for (const id of ['w0', 'w1']) {
        for (const part of ['stage', 'toggle', 'legend:tip-prosecutions']) {
          assert.ok(stops.includes(`${id}>${part}`), `Tab never reached ${id}>${part}: ${stops.join(', ')}`);
        }
      }
      const problems = [];
      for (const s of styles) {
        if (!s.focusVisible) problems.push(`${s.stop}: focused by the keyboard but not :focus-visible`);
        if (s.outline === 'none' && s.boxShadow === 'none') {
          problems.push(`${s.stop}: no focus indicator (outline and box-shadow are none)`);
          continue;
        }
        const best = Math.max(...s.colors.map((c) => contrast(c, s.background)));
        if (!(best >= 3)) problems.push(`${s.stop}: focus indicator ${s.outline} / ${s.boxShadow} has contrast ${best.toFixed(2)}:1 on ${s.background}`);
      }
      assert.ok(problems.length === 0, `focus indicators:\n  ${problems.join('\n  ')}`);
      assertNoErrors(opened.errors);
    } finally {
      await opened.context.close();
    }
  });

  test('in forced colours every focus indicator is still drawn', async () => {
    // forced colours drop box-shadow (CSS Color Adjustment 1, §3.1): an indicator made of a
    // box-shadow alone disappears for the readers who use them
    const opened = await openPage(browser, fixtureUrl('a11y.html', { widgets }), { width: 1000, height: 800, forcedColors: 'active' });
    try {
      await waitForCharts(opened.page);
      assert.ok(await opened.page.evaluate(() => matchMedia('(forced-colors: active)').matches), 'forced colours are not emulated');
      const styles = await focusStyles(opened.page);
      const missing = styles.filter((s) => s.outline === 'none' && s.boxShadow === 'none');
      assert.ok(
        missing.length === 0,
        `no focus indicator in forced colours:\n  ${missing.map((s) => `${s.stop}: outline ${s.outline}, box-shadow ${s.boxShadow}`).join('\n  ')}`,
      );
      assertNoErrors(opened.errors);
    } finally {
      await opened.context.close();
    }
  });
});

// ---------------------------------------------------------------------------------------------
// 3 and 4. Reduced motion and forced colours: every view, light and dark.

const ALL = VIEWS.flatMap((view) => [{ view }, { view, theme: 'dark' }]);

test('with reduced motion nothing in the widget is animated', async () => {
  const opened = await openPage(browser, fixtureUrl('a11y.html', { widgets: ALL }), { width: 1000, height: 800, reducedMotion: 'reduce' });
  const { page, errors } = opened;
  try {
    await waitForCharts(page);
    const moving = () =>
      page.$$eval('plan-progress', (els) => {
        const long = (list) => list.split(',').some((d) => parseFloat(d) > 0);
        const found = [];
        for (const el of els) {
          for (const node of [el, ...el.shadowRoot.querySelectorAll('*')]) {
            for (const pseudo of [null, '::before', '::after']) {
              const s = getComputedStyle(node, pseudo);
              const anim = s.animationName !== 'none' && long(s.animationDuration);
              if (long(s.transitionDuration) || anim) {
                found.push(`#${el.id} ${node.tagName.toLowerCase()}.${node.className?.baseVal ?? node.className}${pseudo ?? ''}: ` +
                  `transition ${s.transitionProperty} ${s.transitionDuration}, animation ${s.animationName} ${s.animationDuration}`);
              }
            }
          }
        }
        return found;
      });
    assert.deepEqual(await moving(), [], 'as loaded');
    // a tooltip and the focus ring
    await page.$eval('#w0', (el) => el.shadowRoot.querySelector('.stage').focus());
    await page.keyboard.press('ArrowRight');
    await waitForTip(page, '#w0', true);
    assert.deepEqual(await moving(), [], 'with a tooltip open');
    // the chart itself is still: two pictures a moment apart are the same
    const first = await canvasPixels(page, '#w0', 'chart');
    const ring = await canvasPixels(page, '#w0', 'overlay');
    await page.waitForTimeout(300);
    assert.equal((await canvasPixels(page, '#w0', 'chart')).hash, first.hash, 'the chart changed by itself');
    assert.equal((await canvasPixels(page, '#w0', 'overlay')).hash, ring.hash, 'the focus ring changed by itself');
    await page.keyboard.press('Escape');
    await page.$$eval('plan-progress', (els) => els.forEach((el) => el.shadowRoot.querySelector('.toggle').click()));
    assert.deepEqual(await moving(), [], 'with the tables open');
    assertNoErrors(errors);
  } finally {
    await opened.context.close();
  }
});

test('in forced colours the charts are drawn again in the system colours', async () => {
  const url = fixtureUrl('a11y.html', { widgets: ALL });
  /** Per widget: the chart's hash and its top-left pixel; with the page's Canvas colour. */
  const paint = async (forcedColors) => {
    const opened = await openPage(browser, url, { width: 1000, height: 800, forcedColors });
    try {
      await waitForCharts(opened.page);
      const ids = await opened.page.$$eval('plan-progress', (els) => els.map((el) => el.id));
      const charts = [];
      for (const id of ids) {
        const pixels = await canvasPixels(opened.page, `#${id}`, 'chart');
        const corner = await opened.page.$eval(`#${id}`, (el) => {
          const canvas = el.shadowRoot.querySelector('canvas.chart');
          const scratch = document.createElement('canvas');
          scratch.width = canvas.width;
          scratch.height = canvas.height;
          const ctx = scratch.getContext('2d');
          ctx.drawImage(canvas, 0, 0);
          const [r, g, b, a] = ctx.getImageData(1, 1, 1, 1).data;
          return a === 255 ? `rgb(${r}, ${g}, ${b})` : `rgba(${r}, ${g}, ${b}, ${a})`;
        });
        charts.push({ id, hash: pixels.hash, ratio: pixels.ratio, corner });
      }
      const system = await opened.page.evaluate(() => {
        const probe = document.createElement('span');
        document.body.append(probe);
        const read = (c) => { probe.style.color = c; return getComputedStyle(probe).color; };
        const out = { Canvas: read('Canvas'), CanvasText: read('CanvasText') };
        probe.remove();
        return { ...out, forced: matchMedia('(forced-colors: active)').matches };
      });
      const states = await opened.page.$$eval('plan-progress', (els) => els.map((el) => el.dataset.state));
      assertNoErrors(opened.errors);
      return { charts, system, states };
    } finally {
      await opened.context.close();
    }
  };
  const normal = await paint('none');
  const forced = await paint('active');
  assert.equal(forced.system.forced, true, 'forced colours are not emulated');
  assert.ok(forced.states.every((s) => s === 'ready'), `not every widget is ready in forced colours: ${forced.states}`);
  const problems = [];
  for (const [i, chart] of forced.charts.entries()) {
    const spec = JSON.stringify(ALL[i]);
    if (chart.ratio < 0.01) problems.push(`${spec}: the chart is blank in forced colours`);
    if (chart.hash === normal.charts[i].hash) problems.push(`${spec}: the chart is painted as without forced colours`);
    if (chart.corner !== forced.system.Canvas) {
      problems.push(`${spec}: the chart's background is ${chart.corner}, not the system colour Canvas ${forced.system.Canvas}`);
    }
  }
  assert.ok(problems.length === 0, `forced colours:\n  ${problems.join('\n  ')}`);
});
