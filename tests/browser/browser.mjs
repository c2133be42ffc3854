// Shared helpers of the browser tests: launching Debian's Chromium through playwright-core,
// opening pages while recording their errors, waiting for <plan-progress> charts, checking that
// canvases are not blank, and saving screenshots.
//
// Run by `cargo xtask test` (or `cargo xtask test --browser-only`), which serves dist/ and
// www/test-fixtures/ on a free port and sets BASE_URL, CHROMIUM and SCREENSHOT_DIR.

import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';

/** The server started by xtask, without a trailing slash. */
export function baseUrl() {
  const url = process.env.BASE_URL;
  if (!url) {
    throw new Error('BASE_URL is not set: run the browser tests with `cargo xtask test --browser-only`');
  }
  return url.replace(/\/+$/, '');
}

/**
 * Launches Debian's Chromium. The flags keep it off the network (this machine's closed network
 * refuses Chromium's background connections, many at a time) and let it run as root.
 * playwright gives every launch a fresh, temporary user-data-dir.
 */
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Opens `url` in a new context with the given viewport and device scale factor, recording
 * console errors and uncaught exceptions from the moment the page starts loading.
 * Returns { page, context, errors }; close the context when done.
 */
export async function openPage(
  browser,
  url,
  { width, height, deviceScaleFactor = 1, setup, ...contextOptions },
) {
  // contextOptions: any other playwright context option (colorScheme, hasTouch, isMobile, …);
  // setup(page, context): runs before the page loads (routes, request listeners).
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor, ...contextOptions });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      const { url: where, lineNumber } = msg.location();
      // Chromium asks for /favicon.ico on its own and logs the 404 as a console error; the
      // site has no icon and that is not an error of the page's own code.
      if (/\/favicon\.ico$/.test(where) && /^Failed to load resource/.test(msg.text())) return;
      errors.push(`console.error: ${msg.text()}${where ? ` (${where}:${lineNumber + 1})` : ''}`);
    }
  });
  page.on('pageerror', (err) => errors.push(`uncaught exception: ${err.stack || err.message}`));
  try {
    if (setup) await setup(page, context);
    const response = await page.goto(url, { waitUntil: 'load' });
    assert.ok(response, `no response for ${url}`);
    assert.ok(response.ok(), `${url} answered HTTP ${response.status()}`);
  } catch (err) {
    await context.close();
    throw err;
  }
  return { page, context, errors };
}

/** Fails, listing them, if the page reported console errors or uncaught exceptions. */
export function assertNoErrors(errors) {
  assert.ok(
    errors.length === 0,
    `the page reported ${errors.length} error(s):\n  ${errors.join('\n  ')}`,
  );
}

/**
 * Waits until every <plan-progress> element on the page has data-state="ready" (there must be at
 * least one). Fails at once, with the element's text, if one turns to data-state="error".
 * Widgets load when they come near the viewport, so it scrolls to each one not ready yet, as a
 * reader would, and back to the top when all are ready. Returns the number of elements.
 */
export async function waitForCharts(page, { timeout = 20_000 } = {}) {
  let handle;
  try {
    handle = await page.waitForFunction(
      () => {
        const els = [...document.querySelectorAll('plan-progress')];
        if (els.length === 0) return false;
        const failed = els.findIndex((el) => el.getAttribute('data-state') === 'error');
        if (failed >= 0) {
          const el = els[failed];
          const text = (el.shadowRoot?.textContent || '') + ' ' + (el.textContent || '');
          return { error: `plan-progress #${failed} has data-state="error": ${text.replace(/\s+/g, ' ').trim()}` };
        }
        const waiting = els.find((el) => el.getAttribute('data-state') !== 'ready');
        if (!waiting) {
          window.scrollTo(0, 0);
          return { count: els.length };
        }
        waiting.scrollIntoView({ block: 'center' });
        return false;
      },
      undefined,
      { timeout, polling: 100 },
    );
  } catch (err) {
    const states = await page
      .$$eval('plan-progress', (els) => els.map((el) => el.getAttribute('data-state')))
      .catch(() => []);
    throw new Error(
      `<plan-progress> did not become ready within ${timeout} ms ` +
        `(${states.length} element(s), data-state: ${JSON.stringify(states)}): ${err.message.split('\n')[0]}`,
    );
  }
  const result = await handle.jsonValue();
  await handle.dispose();
  if (result.error) throw new Error(result.error);
  return result.count;
}

/**
 * For each <plan-progress>, finds its canvas (open shadow root first, then light DOM) and counts
 * the pixels that differ from the top-left pixel. The canvas is copied onto a scratch 2D canvas
 * first, so this works whatever context the chart drew with.
 * Returns [{ index, width, height, differing, ratio }] (width 0 and ratio 0 when no canvas).
 */
export async function canvasInk(page) {
  return page.$$eval('plan-progress', (els) =>
    els.map((el, index) => {
      const canvas = el.shadowRoot?.querySelector('canvas') || el.querySelector('canvas');
      if (!canvas || canvas.width === 0 || canvas.height === 0) {
        return { index, width: canvas?.width ?? 0, height: canvas?.height ?? 0, differing: 0, ratio: 0 };
      }
      const { width, height } = canvas;
      const scratch = document.createElement('canvas');
      scratch.width = width;
      scratch.height = height;
      const ctx = scratch.getContext('2d');
      ctx.drawImage(canvas, 0, 0);
      const px = ctx.getImageData(0, 0, width, height).data;
      let differing = 0;
      for (let i = 0; i < px.length; i += 4) {
        if (px[i] !== px[0] || px[i + 1] !== px[1] || px[i + 2] !== px[2] || px[i + 3] !== px[3]) {
          differing++;
        }
      }
      return { index, width, height, differing, ratio: differing / (width * height) };
    }),
  );
}

/** Fails if a <plan-progress> has no canvas, or less than `minRatio` of its pixels drawn. */
export async function assertChartsNotBlank(page, { minRatio = 0.01 } = {}) {
  const stats = await canvasInk(page);
  assert.ok(stats.length > 0, 'no <plan-progress> element on the page');
  for (const s of stats) {
    assert.ok(s.width > 0 && s.height > 0, `plan-progress #${s.index} has no canvas (or a 0×0 one)`);
    assert.ok(
      s.ratio >= minRatio,
      `plan-progress #${s.index}: canvas ${s.width}×${s.height} is blank: only ` +
        `${s.differing} pixels (${(s.ratio * 100).toFixed(2)} %) differ from the top-left pixel, ` +
        `need ${minRatio * 100} %`,
    );
  }
  return stats;
}

/** Saves a full-page screenshot as SCREENSHOT_DIR/name (when SCREENSHOT_DIR is set). */
export async function screenshot(page, name) {
  const dir = process.env.SCREENSHOT_DIR;
  if (!dir) return undefined;
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, name);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

// ---------------------------------------------------------------------------------------------
// Helpers for single <plan-progress> elements (widget, errors, many and embed tests).

/**
 * The URL of a fixture page under /test-fixtures/. `params` is an object of query parameters
 * (undefined/null/'' values left out, arrays repeated); for widget.html, `widgets: [{…}, …]`
 * gives one `w` parameter per widget, each the attributes of one <plan-progress>.
 */
export function fixtureUrl(name, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (key === 'widgets') {
      for (const attrs of value) query.append('w', new URLSearchParams(clean(attrs)).toString());
    } else if (Array.isArray(value)) {
      for (const v of value) query.append(key, String(v));
    } else if (value != null && value !== '') {
      query.append(key, String(value));
    }
  }
  const q = query.toString();
  return `${baseUrl()}/test-fixtures/${name}${q ? `?${q}` : ''}`;
}

function clean(attrs) {
  return Object.fromEntries(Object.entries(attrs).filter(([, v]) => v != null).map(([k, v]) => [k, String(v)]));
}

/**
 * Waits until the element `selector` has data-state="ready" (or `state`), scrolling to it while
 * it waits to load. Fails at once, with the element's text, if it turns to data-state="error"
 * while another state is awaited.
 */
export async function waitForState(page, selector, state = 'ready', { timeout = 20_000 } = {}) {
  let handle;
  try {
    handle = await page.waitForFunction(
      ([sel, wanted]) => {
        const el = document.querySelector(sel);
        if (!el) return false;
        const now = el.getAttribute('data-state');
        if (now === wanted) return { ok: true };
        // a widget loads when it comes near the viewport: go to it, as a reader would
        if (now === 'loading') el.scrollIntoView({ block: 'nearest' });
        if (now === 'error') {
          const text = (el.shadowRoot?.textContent || '').replace(/\s+/g, ' ').trim();
          return { error: `${sel} has data-state="error": ${text}` };
        }
        return false;
      },
      [selector, state],
      { timeout, polling: 50 },
    );
  } catch (err) {
    const now = await page
      .$eval(selector, (el) => el.getAttribute('data-state'))
      .catch(() => 'no such element');
    throw new Error(
      `${selector} did not reach data-state="${state}" within ${timeout} ms (now: ${now}): ` +
        err.message.split('\n')[0],
    );
  }
  const result = await handle.jsonValue();
  await handle.dispose();
  if (result.error) throw new Error(result.error);
}

/**
 * The pixels of one canvas of the element `selector` ('chart' or 'overlay', in its shadow root):
 * { width, height, clientWidth, clientHeight, hash, differing, opaque, ratio }. `hash` is an
 * FNV-1a hash of the RGBA bytes (equal hashes: identical pictures); `differing` counts the
 * pixels that differ from the top-left pixel, `opaque` those that are not fully transparent.
 */
export async function canvasPixels(page, selector, which = 'chart') {
  return page.$eval(
    selector,
    (el, cls) => {
      const canvas = el.shadowRoot.querySelector(`canvas.${cls}`);
      const { width, height, clientWidth, clientHeight } = canvas;
      const out = { width, height, clientWidth, clientHeight, hash: 0, differing: 0, opaque: 0, ratio: 0 };
      if (width === 0 || height === 0) return out;
      const scratch = document.createElement('canvas');
      scratch.width = width;
      scratch.height = height;
      const ctx = scratch.getContext('2d');
      ctx.drawImage(canvas, 0, 0);
      const px = ctx.getImageData(0, 0, width, height).data;
      let hash = 0x811c9dc5;
      for (let i = 0; i < px.length; i++) {
        hash ^= px[i];
        hash = Math.imul(hash, 0x01000193);
      }
      let differing = 0;
      let opaque = 0;
      for (let i = 0; i < px.length; i += 4) {
        if (px[i] !== px[0] || px[i + 1] !== px[1] || px[i + 2] !== px[2] || px[i + 3] !== px[3]) differing++;
        if (px[i + 3] !== 0) opaque++;
      }
      return { ...out, hash: hash >>> 0, differing, opaque, ratio: differing / (width * height) };
    },
    which,
  );
}

/**
 * The index of the first datum of `selector` whose `pointDetails(i).data` has every member of
 * `match` (e.g. { year: 2024 }), with its details and the page coordinates of its box centre:
 * { index, details, x, y }. Fails when no datum matches.
 */
export async function findPoint(page, selector, match) {
  const found = await page.$eval(
    selector,
    (el, want) => {
      const canvas = el.shadowRoot.querySelector('canvas.chart').getBoundingClientRect();
      for (let i = 0; i < el.points; i++) {
        const d = el.pointDetails(i);
        if (d && Object.entries(want).every(([k, v]) => d.data?.[k] === v)) {
          const [x, y] = d.box;
          return { index: i, details: d, x: canvas.left + x, y: canvas.top + y };
        }
      }
      return null;
    },
    match,
  );
  assert.ok(found, `${selector}: no datum with data ${JSON.stringify(match)}`);
  return found;
}

/** The tooltip of `selector`: { visible, text } (visible: not hidden and with a size). */
export async function tipState(page, selector) {
  return page.$eval(selector, (el) => {
    const tip = el.shadowRoot.querySelector('.tip');
    const rect = tip.getBoundingClientRect();
    return { visible: !tip.hidden && rect.width > 0 && rect.height > 0, text: tip.textContent };
  });
}

/** Waits until the tooltip of `selector` is shown (`visible` true) or hidden (false). */
export async function waitForTip(page, selector, visible, { timeout = 5_000 } = {}) {
  try {
    await page.waitForFunction(
      ([sel, want]) => {
        const tip = document.querySelector(sel).shadowRoot.querySelector('.tip');
        const rect = tip.getBoundingClientRect();
        return (!tip.hidden && rect.width > 0 && rect.height > 0) === want;
      },
      [selector, visible],
      { timeout, polling: 50 },
    );
  } catch (err) {
    throw new Error(`the tooltip of ${selector} was not ${visible ? 'shown' : 'hidden'} within ${timeout} ms`);
  }
}

/**
 * Fails if the page scrolls sideways (`document.documentElement.scrollWidth > innerWidth`), or
 * if a part of a <plan-progress> (title, legend, chart, source, message) sticks out of its own
 * box: the element has paint containment, so such a part would be cut off rather than widen
 * the page.
 */
export async function assertFits(page) {
  const report = await page.evaluate(() => {
    const out = { scrollWidth: document.documentElement.scrollWidth, innerWidth, outside: [] };
    for (const el of document.querySelectorAll('plan-progress')) {
      const host = el.getBoundingClientRect();
      for (const part of el.shadowRoot.querySelectorAll('.title, .legend button, .stage, canvas, .source, .message')) {
        if (part.closest('[hidden]')) continue;
        const r = part.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        if (r.left < host.left - 1 || r.right > host.right + 1) {
          out.outside.push(`#${el.id} ${part.tagName.toLowerCase()}.${part.className}: ` +
            `${Math.round(r.left)}..${Math.round(r.right)} outside ${Math.round(host.left)}..${Math.round(host.right)}`);
        }
      }
    }
    return out;
  });
  assert.ok(
    report.scrollWidth <= report.innerWidth,
    `the page scrolls sideways: scrollWidth ${report.scrollWidth} > innerWidth ${report.innerWidth}`,
  );
  assert.deepEqual(report.outside, [], 'parts of a chart stick out of its element');
}

/** Saves a screenshot of the element `selector` as SCREENSHOT_DIR/name (when set). */
export async function screenshotElement(page, selector, name) {
  const dir = process.env.SCREENSHOT_DIR;
  if (!dir) return undefined;
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, name);
  await page.locator(selector).screenshot({ path: file });
  return file;
}

/**
 * Before the page loads (call it from openPage's `setup`): records every plan-progress:ready,
 * :error and :select event that reaches `document` in `window.__ppEvents` as
 * { type, id, detail }. Read them with `events(page)`.
 */
export async function recordEvents(page) {
  await page.addInitScript(() => {
    window.__ppEvents = [];
    for (const type of ['plan-progress:ready', 'plan-progress:error', 'plan-progress:select']) {
      document.addEventListener(type, (e) => {
        window.__ppEvents.push({ type, id: e.target.id, detail: JSON.parse(JSON.stringify(e.detail ?? null)) });
      });
    }
  });
}

/** The events recorded by `recordEvents`, optionally only those of one type. */
export async function events(page, type) {
  const all = await page.evaluate(() => window.__ppEvents ?? []);
  return type ? all.filter((e) => e.type === type) : all;
}

// ---------------------------------------------------------------------------------------------
// Helpers for the accessibility and keyboard tests (a11y.test.mjs, keyboard.test.mjs).

/** The WCAG 2.0/2.1 A and AA rules of axe-core, and its best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

let axeSourceText;
/** axe-core's axe.min.js (the dev dependency in tests/browser/node_modules), read once. */
export async function axeSource() {
  axeSourceText ??= await readFile(new URL('./node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
  return axeSourceText;
}

/**
 * Puts axe-core into the page (once). A page under a strict CSP refuses the inline script:
 * open it with `bypassCSP: true` (an openPage context option).
 */
export async function injectAxe(page) {
  if (await page.evaluate(() => typeof window.axe === 'object')) return;
  await page.addScriptTag({ content: await axeSource() });
  assert.ok(await page.evaluate(() => typeof window.axe === 'object'), 'axe-core did not load in the page');
}

/**
 * Runs axe-core on the page (open shadow roots included) and returns its results: by default
 * the rules tagged AXE_TAGS, with full details for violations and incomplete checks only.
 * `context`: axe's context (default: the whole document), e.g. `{ include: [['#w0']] }`.
 * `options`: more axe options (`runOnly`, `rules`, …).
 */
export async function runAxe(page, { context = null, options = {} } = {}) {
  await injectAxe(page);
  return page.evaluate(
    ([ctx, opts]) => window.axe.run(ctx ?? document, opts),
    [context, { runOnly: AXE_TAGS, resultTypes: ['violations', 'incomplete'], ...options }],
  );
}

/**
 * axe violations as readable lines: one per violation (id, impact, help, help URL), then one
 * per element (its target selectors, shadow hosts first, and what to fix).
 */
export function formatViolations(violations, label = '') {
  return violations
    .map((v) => {
      const nodes = v.nodes.map((n) => {
        const target = n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(', ');
        const fix = (n.failureSummary || '').replace(/\s+/g, ' ').trim();
        return `      ${target}\n        ${fix}`;
      });
      return `  ${label ? `[${label}] ` : ''}${v.id} (${v.impact}): ${v.help}\n    ${v.helpUrl}\n${nodes.join('\n')}`;
    })
    .join('\n');
}

/**
 * What has the keyboard focus, as a short string: `a#start`, `body`, or for an element inside a
 * <plan-progress>'s shadow root `w0>stage`, `w0>toggle`, `w0>legend:tip-prosecutions`,
 * `w0>a` (a link in the tooltip), `w0>table`, `w0>?` (the host itself).
 */
export async function focusedElement(page) {
  return page.evaluate(() => {
    const active = document.activeElement;
    if (!active) return 'null';
    if (active.tagName === 'PLAN-PROGRESS') {
      const inner = active.shadowRoot?.activeElement;
      if (!inner) return `${active.id}>?`;
      if (inner.closest('.legend')) return `${active.id}>legend:${inner.dataset.id ?? inner.textContent}`;
      for (const cls of ['stage', 'toggle', 'table']) if (inner.classList.contains(cls)) return `${active.id}>${cls}`;
      return `${active.id}>${inner.tagName.toLowerCase()}${inner.className ? `.${inner.className}` : ''}`;
    }
    return active.tagName.toLowerCase() + (active.id ? `#${active.id}` : '');
  });
}

/** The text of the aria-live region of the <plan-progress> `selector`. */
export async function liveText(page, selector) {
  return page.$eval(selector, (el) => el.shadowRoot.querySelector('[aria-live]').textContent);
}

/**
 * The datum the live region of `selector` speaks of: the indices i whose
 * `pointDetails(i).sentence` is its text (usually one), with the first one's details:
 * { text, indices, index, details } (index -1 and details null when none matches).
 */
export async function spokenDatum(page, selector) {
  return page.$eval(selector, (el) => {
    const text = el.shadowRoot.querySelector('[aria-live]').textContent;
    const indices = [];
    for (let i = 0; i < el.points; i++) if (el.pointDetails(i)?.sentence === text) indices.push(i);
    const index = indices.length ? indices[0] : -1;
    return { text, indices, index, details: index >= 0 ? el.pointDetails(index) : null };
  });
}
