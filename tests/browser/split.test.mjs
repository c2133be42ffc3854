// The widget's two wasm modules (issue #15): the first draws series, rating and status with
// their tooltip and keyboard; the full one (everything) comes when the page is first idle after
// the first chart, or when a reader first uses what only it has, or at once for the views only
// it draws. Here the server counts, blocks or changes the full module (page.route) and the tests
// check that the first chart needs only the first module, that widgets share one download of
// each, that a failed full module leaves the chart drawn and says so where the reader asked,
// with a Retry that works, and that a changed one is refused in the reader's language.

import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { assertNoErrors, fixtureUrl, launch, openPage, waitForCharts, waitForState } from './browser.mjs';

const DIST = new URL('../../dist/', import.meta.url);
const PKG = await readdir(new URL('pkg/', DIST));
const FIRST = PKG.find((f) => /^plan_progress_first_bg\.[0-9a-f]+\.wasm$/.test(f));
const FULL = PKG.find((f) => /^plan_progress_bg\.[0-9a-f]+\.wasm$/.test(f));
const FULL_BYTES = await readFile(new URL(`pkg/${FULL}`, DIST));

const NOT_DOWNLOADED = /^This chart's code could not be downloaded \(http:\/\/[^)]+\/pkg\/plan_progress_bg\.[0-9a-f]+\.wasm\): the network failed/;
const TAMPERED_FR = /^Le code de ce graphique \(http:\/\/[^)]+\/pkg\/plan_progress_bg\.[0-9a-f]+\.wasm\) ne correspond pas à celui que son éditeur a publié : il n'a pas été exécuté\.$/;

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/**
 * Opens widget.html (strict CSP) with `widgets`; the full module is answered by `state.answer`
 * ('good', 'blocked' or 'changed'). `state.requests` counts the requests of each module, and the
 * page records when each widget was first ready (`window.__readyAt`, performance.now()).
 */
function openWidgets(widgets, state, { saveData = false } = {}) {
  state.requests = { first: 0, full: 0 };
  return openPage(browser, fixtureUrl('widget.html', { widgets }), {
    width: 900,
    height: 1400,
    setup: async (page) => {
      await page.addInitScript((save) => {
        window.__readyAt = {};
        window.__instantiated = 0;
        for (const name of ['instantiate', 'instantiateStreaming']) {
          const original = WebAssembly[name];
          WebAssembly[name] = function counted(...args) {
            window.__instantiated++;
            return original.apply(this, args);
          };
        }
        document.addEventListener('plan-progress:ready', (e) => { window.__readyAt[e.target.id] ??= performance.now(); });
        window.__described = [];
        document.addEventListener('plan-progress:described', (e) => window.__described.push(e.target.id));
        if (save) Object.defineProperty(Navigator.prototype, 'connection', { get: () => ({ saveData: true }) });
      }, saveData);
      page.on('request', (r) => {
        if (r.url().endsWith(`/pkg/${FIRST}`)) state.requests.first++;
      });
      await page.route(`**/pkg/${FULL}`, async (route) => {
        state.requests.full++;
        if (state.answer === 'blocked') return route.abort('connectionreset');
        if (state.answer === 'slow') await new Promise((done) => setTimeout(done, 1500));
        const body = Buffer.from(FULL_BYTES);
        if (state.answer === 'changed') body[body.length >> 1] ^= 1;
        return route.fulfill({ status: 200, contentType: 'application/wasm', body });
      });
    },
  });
}

/** The browser's own lines for the full module it refused or could not fetch. */
function pageErrors(errors) {
  const full = FULL.replace(/\./g, '\\.');
  return errors.filter((e) => !new RegExp(`/pkg/${full}|SRI's integrity checks failed|resource 'http://[^']+/pkg/${full}'`).test(e));
}

/** The summaries of every widget, once each is not empty. */
async function summaries(page) {
  await page.waitForFunction(() => [...document.querySelectorAll('plan-progress')].every((el) => el.summary.length > 0), null, { timeout: 20_000 });
  return page.$$eval('plan-progress', (els) => els.map((el) => el.summary));
}

/** The message box in `where` of `#w0`'s shadow root (a panel, the table box): its texts. */
function messageIn(page, where) {
  return page.$eval('#w0', (el, sel) => {
    const box = el.shadowRoot.querySelector(`${sel} .message`);
    return box && {
      visible: !box.hidden && box.getBoundingClientRect().height > 0,
      title: box.querySelector('strong')?.textContent,
      detail: box.querySelector('.detail')?.textContent,
      retry: box.querySelector('button')?.textContent,
    };
  }, where);
}

async function choose(page, action) {
  await page.locator('#w0 .menu-button').click();
  await page.locator(`#w0 .menu [data-action="${action}"]`).click();
}

test('series, rating and status are drawn with the first module alone; the full one follows at idle, once for the page, with their descriptions', async () => {
  const state = { answer: 'good' };
  const widgets = [{ view: 'series', lang: 'en' }, { view: 'rating', lang: 'fr' }, { view: 'status', lang: 'ar' }];
  const { page, context, errors } = await openWidgets(widgets, state);
  try {
    assert.equal(await waitForCharts(page), 3);
    const firstReady = await page.evaluate(() => Math.min(...Object.values(window.__readyAt)));
    const described = await summaries(page);
    assert.equal(described.length, 3);
    assert.match(described[0], /[a-z]/);
    assert.match(described[2], /[\u0600-\u06ff]/, 'the Arabic widget is not described in Arabic');
    // the full module was asked for only after the first chart was on screen
    const fullStart = await page.evaluate((name) => performance.getEntriesByType('resource').find((e) => e.name.endsWith(name))?.startTime, `/pkg/${FULL}`);
    assert.ok(fullStart > firstReady, `the full module was requested at ${fullStart} ms, before the first chart (${firstReady} ms)`);
    assert.deepEqual(state.requests, { first: 1, full: 1 }, 'each module downloaded once for the three widgets');
    assert.deepEqual((await page.evaluate(() => window.__described)).sort(), ['w0', 'w1', 'w2'], 'plan-progress:described once each');
    assert.ok(await page.$$eval('plan-progress', (els) => els.every((el) => el.points > 0)));
    assertNoErrors(errors);
  } finally {
    await context.close();
  }
});

test('a view only the full module draws loads it and not the first; a widget moved to such a view reads its data again with it', async () => {
  const state = { answer: 'good' };
  const { page, context, errors } = await openWidgets([{ view: 'timeline' }], state);
  try {
    await waitForState(page, '#w0');
    assert.deepEqual(state.requests, { first: 0, full: 1 });
    assert.ok(await page.$eval('#w0', (el) => el.points) > 0);
    // drawn with the full module: described at once
    assert.ok((await page.$eval('#w0', (el) => el.summary)).length > 20);
    assert.deepEqual(await page.evaluate(() => window.__described), ['w0']);
    assertNoErrors(errors);
  } finally {
    await context.close();
  }
  const other = await openWidgets([{ view: 'series' }], { answer: 'blocked' });
  try {
    await waitForState(other.page, '#w0');
    await other.page.$eval('#w0', (el) => el.setAttribute('view', 'progress'));
    await waitForState(other.page, '#w0', 'error');
    const text = await other.page.$eval('#w0', (el) => el.shadowRoot.querySelector('.message .detail').textContent);
    assert.match(text, NOT_DOWNLOADED);
  } finally {
    await other.context.close();
  }
});

test('the full module blocked: the chart stays, the table and a download say so with Retry, which works once it is back', async () => {
  const state = { answer: 'blocked' };
  const { page, context, errors } = await openWidgets([{ view: 'series', lang: 'en' }], state);
  try {
    await waitForState(page, '#w0');
    const points = await page.$eval('#w0', (el) => el.points);
    assert.ok(points > 0);
    // the table: its box says why, the chart comes back with its toggle
    await page.locator('#w0 button.toggle').click();
    await page.waitForFunction(() => document.querySelector('#w0').shadowRoot.querySelector('.table .message'));
    const inTable = await messageIn(page, '.table');
    assert.match(inTable.detail, NOT_DOWNLOADED);
    assert.equal(inTable.retry, 'Retry');
    await page.locator('#w0 button.toggle').click();
    assert.equal(await page.$eval('#w0', (el) => el.dataset.state), 'ready');
    assert.equal(await page.$eval('#w0', (el) => el.points), points, 'the chart drawn was lost');

    // a download: its panel says why; Retry downloads once the module is back
    await choose(page, 'csv-shown');
    await page.waitForFunction(() => !document.querySelector('#w0').shadowRoot.querySelector('.panel').hidden);
    const inPanel = await messageIn(page, '.panel');
    assert.equal(inPanel.visible, true);
    assert.match(inPanel.detail, NOT_DOWNLOADED);
    assert.equal(inPanel.retry, 'Retry');
    state.answer = 'good';
    const [file] = await Promise.all([page.waitForEvent('download'), page.locator('#w0 .panel .message button').click()]);
    assert.equal(file.suggestedFilename(), 'series-en.csv');
    assert.match((await readFile(await file.path(), 'utf8')).split('\n')[0], /,/);
    assert.equal(await page.$eval('#w0', (el) => el.points), points);
    assert.ok((await page.$eval('#w0', (el) => el.summary)).length > 0, 'no description once the full module is there');
    assertNoErrors(pageErrors(errors));
  } finally {
    await context.close();
  }
});

test('a changed full module is refused when a reader needs it, in the reader\'s language, and nothing of it runs', async () => {
  const state = { answer: 'changed' };
  const { page, context, errors } = await openWidgets([{ view: 'rating', lang: 'fr' }], state);
  try {
    await waitForState(page, '#w0');
    await choose(page, 'sources');
    await page.waitForFunction(() => document.querySelector('#w0').shadowRoot.querySelector('.panel .message'));
    const inPanel = await messageIn(page, '.panel');
    assert.match(inPanel.detail, TAMPERED_FR);
    assert.equal(inPanel.retry, 'Réessayer');
    assert.equal(await page.evaluate(() => window.__instantiated), 1, 'only the first module may have been instantiated');
    assert.equal(await page.$eval('#w0', (el) => el.dataset.state), 'ready');
    assertNoErrors(pageErrors(errors));
  } finally {
    await context.close();
  }
});

test('a menu item used before the full module is there: the menu button is busy until it arrives, then the download comes', async () => {
  const state = { answer: 'slow' };
  // Save-Data: the module is not fetched at idle, so the reader's pointer is its first use
  const { page, context, errors } = await openWidgets([{ view: 'series', lang: 'en' }], state, { saveData: true });
  try {
    await waitForState(page, '#w0');
    const downloaded = page.waitForEvent('download');
    await choose(page, 'csv-shown');
    await page.waitForFunction(() => document.querySelector('#w0').shadowRoot.querySelector('.menu-button').getAttribute('aria-busy') === 'true');
    const file = await downloaded;
    assert.equal(file.suggestedFilename(), 'series-en.csv');
    assert.equal(await page.$eval('#w0', (el) => el.shadowRoot.querySelector('.menu-button').hasAttribute('aria-busy')), false);
    assertNoErrors(errors);
  } finally {
    await context.close();
  }
});

test('with Save-Data the full module waits until the reader points at the chart', async () => {
  const state = { answer: 'good' };
  const { page, context, errors } = await openWidgets([{ view: 'series' }], state, { saveData: true });
  try {
    await waitForState(page, '#w0');
    await page.waitForTimeout(1500);
    assert.equal(state.requests.full, 0, 'the full module was downloaded without a use');
    assert.equal(await page.$eval('#w0', (el) => el.summary), '');
    const box = await page.locator('#w0').boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
    const [summary] = await summaries(page);
    assert.ok(summary.length > 20, summary);
    assert.equal(state.requests.full, 1);
    assertNoErrors(errors);
  } finally {
    await context.close();
  }
});
