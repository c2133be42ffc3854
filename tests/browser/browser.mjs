// Shared helpers of the browser tests: launching Debian's Chromium through playwright-core,
// opening pages while recording their errors, waiting for <plan-progress> charts, checking that
// canvases are not blank, and saving screenshots.
//
// Run by `cargo xtask test` (or `cargo xtask test --browser-only`), which serves dist/ and
// www/test-fixtures/ on a free port and sets BASE_URL, CHROMIUM and SCREENSHOT_DIR.

import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
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
export async function openPage(browser, url, { width, height, deviceScaleFactor = 1 }) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor });
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
 * Returns the number of elements.
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
        return els.every((el) => el.getAttribute('data-state') === 'ready') ? { count: els.length } : false;
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
