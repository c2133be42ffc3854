// The iframe embed: www/embed.html (+ embed.js) posts its height to the parent page, and
// www/resizer.js on the parent page sizes the iframe to it, trusting only messages from the
// origin it was itself loaded from, of the right shape, and only for the iframe that sent them.
// Host pages: www/test-fixtures/host.html (same origin) and host-cross.html (two origins).

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertNoErrors, baseUrl, fixtureUrl, launch, openPage, screenshot } from './browser.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function withHost(url, check, viewport = { width: 1000, height: 800 }) {
  const opened = await openPage(browser, url, viewport);
  try {
    await check(opened);
  } finally {
    await opened.context.close();
  }
}

/** The playwright Frame of the iframe `#id`, once its chart is ready. */
async function chartFrame(page, id) {
  const handle = await page.waitForSelector(`#${id}`);
  const frame = await handle.contentFrame();
  assert.ok(frame, `#${id} has no frame`);
  await frame.waitForFunction(() => document.querySelector('plan-progress')?.dataset.state === 'ready', undefined, {
    timeout: 20_000,
  });
  return frame;
}

/** The iframe's rendered height (CSS px, in the host page). */
function frameHeight(page, id) {
  return page.$eval(`#${id}`, (f) => f.getBoundingClientRect().height);
}

/** The embedded document's own height, as embed.js measures it. */
function documentHeight(frame) {
  return frame.evaluate(() => document.documentElement.getBoundingClientRect().height);
}

/** Waits until the iframe's height is within 2 px of the embedded document's height. */
async function waitForFit(page, frame, id, timeout = 5_000) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    last = { iframe: await frameHeight(page, id), content: await documentHeight(frame) };
    if (Math.abs(last.iframe - last.content) <= 2) return last;
    if (Date.now() > end) {
      throw new Error(`the iframe #${id} is ${last.iframe} px high for ${last.content} px of content`);
    }
    await page.waitForTimeout(50);
  }
}

test('the iframe takes the height of its chart, and follows it when the chart changes size', async () => {
  await withHost(fixtureUrl('host.html'), async ({ page, errors }) => {
    const frame = await chartFrame(page, 'chart');
    // the embed built the chart from its query
    const attrs = await frame.$eval('plan-progress', (el) => ({
      view: el.getAttribute('view'),
      lang: el.getAttribute('lang'),
      dir: el.shadowRoot.querySelector('.pp').getAttribute('dir'),
      points: el.points,
    }));
    assert.deepEqual({ ...attrs, points: attrs.points > 0 }, { view: 'rating', lang: 'ar', dir: 'rtl', points: true });
    const first = await waitForFit(page, frame, 'chart');
    // the content is not the iframe's initial 480 px: the height really came from the chart
    assert.notEqual(Math.round(first.iframe), 480, 'the iframe kept its height attribute');

    // The host's column narrows: the rating chart gets shorter (its height follows its width).
    await page.evaluate(() => { document.getElementById('col').style.width = '400px'; });
    await frame.waitForFunction(
      (before) => Math.abs(document.documentElement.getBoundingClientRect().height - before) > 10,
      first.content,
      { timeout: 5_000 },
    );
    const narrow = await waitForFit(page, frame, 'chart');
    assert.ok(Math.abs(narrow.iframe - first.iframe) > 10, `the iframe stayed ${first.iframe} px high`);

    // The chart asks for a height of its own.
    await frame.evaluate(() => document.querySelector('plan-progress').setAttribute('height', '700'));
    await frame.waitForFunction(() => document.documentElement.getBoundingClientRect().height > 700, undefined, { timeout: 5_000 });
    const tall = await waitForFit(page, frame, 'chart');
    assert.ok(tall.iframe > 700, `the iframe is ${tall.iframe} px high for a 700 px chart`);
    await screenshot(page, 'embed-host.png').catch(() => {});
    assertNoErrors(errors);
  });
});

test('messages of the wrong shape change nothing', async () => {
  await withHost(fixtureUrl('host.html'), async ({ page, errors }) => {
    const frame = await chartFrame(page, 'chart');
    const fitted = await waitForFit(page, frame, 'chart');
    // After each message, the host records the iframe's height (a listener added after the
    // resizer's, so it runs after it). The messages come from the chart's own frame: the right
    // origin and source, only the shape is wrong.
    await page.evaluate(() => {
      window.__heights = [];
      window.addEventListener('message', (e) => {
        window.__heights.push({ data: e.data, height: document.getElementById('chart').style.height });
      });
    });
    const start = await page.$eval('#chart', (f) => f.style.height);
    assert.equal(start, `${Math.ceil(fitted.content)}px`);
    const bad = [
      { type: 'plan-progress:height', height: '100px' },
      { type: 'plan-progress:height', height: -100 },
      { type: 'plan-progress:height', height: 0 },
      { type: 'plan-progress:height', height: Number.NaN },
      { type: 'plan-progress:height', height: 1e9 },
      { type: 'plan-progress:height' },
      { height: 100 },
      { type: 'other', height: 100 },
      'plan-progress:height',
      null,
    ];
    await frame.evaluate((messages) => {
      for (const m of messages) parent.postMessage(m, '*');
      // a well-formed message last: when it has been handled, so have the others
      parent.postMessage({ type: 'plan-progress:height', height: 321 }, '*');
    }, bad);
    await page.waitForFunction((n) => window.__heights.length === n, bad.length + 1, { timeout: 5_000 });
    const seen = await page.evaluate(() => window.__heights);
    for (const [i, s] of seen.slice(0, bad.length).entries()) {
      assert.equal(s.height, start, `message ${JSON.stringify(bad[i])} changed the height to ${s.height}`);
    }
    // the control: a right message from the right frame does resize
    assert.equal(seen[bad.length].height, '321px');
    assertNoErrors(errors);
  });
});

// The origin check. The host page is loaded from http://localhost:PORT, the chart server is
// http://127.0.0.1:PORT (the same server, another origin). host-cross.js adds the resizer from
// 127.0.0.1 (so it trusts 127.0.0.1 only), the iframe #chart from 127.0.0.1 (trusted), and the
// iframe #other: a real embed.html, posting real height messages, but served from localhost.
// Without the origin check, #other would be resized too: it is the source of its messages, and
// the message shape is right. So: #chart fits its content (the resizer runs and works), #other
// keeps its 480 px; a forged message posted from #other's window changes nothing either.
test('height messages from another origin than the resizer\'s are ignored', async () => {
  const remote = baseUrl(); // http://127.0.0.1:PORT
  const port = new URL(remote).port;
  const host = `http://localhost:${port}/test-fixtures/host-cross.html?remote=${encodeURIComponent(remote)}`;
  await withHost(host, async ({ page, errors }) => {
    const chart = await chartFrame(page, 'chart');
    const other = await chartFrame(page, 'other');
    assert.equal(new URL(chart.url()).origin, remote);
    assert.equal(new URL(other.url()).origin, `http://localhost:${port}`);
    assert.equal(await page.evaluate(() => location.origin), `http://localhost:${port}`);

    await waitForFit(page, chart, 'chart');
    // #other posted its height when it became ready; listen for a message of its own, to be
    // sure the host did receive one from it before looking at its height
    await page.evaluate(() => {
      window.__fromOther = [];
      window.addEventListener('message', (e) => {
        if (e.source === document.getElementById('other').contentWindow) window.__fromOther.push(e.data);
      });
    });
    await other.evaluate(() => parent.postMessage({ type: 'plan-progress:height', height: 123, id: null }, '*'));
    await page.waitForFunction(() => window.__fromOther.length > 0, undefined, { timeout: 5_000 });
    const otherContent = await documentHeight(other);
    assert.notEqual(Math.round(otherContent), 480, 'the control needs content of another height than 480 px');
    assert.equal(await page.$eval('#other', (f) => f.style.height), '', 'the untrusted iframe was resized');
    assert.equal(Math.round(await frameHeight(page, 'other')), 480);
    assertNoErrors(errors);
  });
});
