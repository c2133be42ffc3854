// Network faults while the widget downloads its data: 404, 500, a slow server (past the
// `timeout` attribute), a connection reset, a web page instead of the data, a body cut in half,
// and a server on another origin that does not allow CORS. Each gives data-state="error" and its
// own readable message, and a Retry that works once the fault is fixed; nothing reaches the
// console as an uncaught exception. (tests/browser/errors.test.mjs covers the message box, the
// events and French; this file covers each fault end to end.)
//
// Faults are made with page.route, except those a route cannot make: the slow answer and the
// other origin come from a small HTTP server this file starts on 127.0.0.1 (another port is
// another origin).
//
// The browser logs some failures itself, and those lines are not errors of the page's code:
// "Failed to load resource: the server responded with a status of 404 (Not Found)" (or 500),
// "Failed to load resource: net::ERR_CONNECTION_RESET", and for CORS "Access to fetch at … has
// been blocked by CORS policy: …" with "Failed to load resource: net::ERR_FAILED". Exactly
// those, for the data address only, are left out of the error check.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import { after, before, test } from 'node:test';
import { assertChartsNotBlank, assertNoErrors, fixtureUrl, launch, openPage, waitForState } from './browser.mjs';

const MOROCCO = await readFile(new URL('../../data/morocco.json', import.meta.url), 'utf8');
const N = '#n';

/** The test's own server: `mode` says how it answers /morocco.json. */
const remote = { mode: 'good', requests: 0, lastRequestAt: 0, server: null, origin: '' };

function startRemote() {
  return new Promise((resolve) => {
    remote.server = http.createServer((req, res) => {
      remote.requests++;
      remote.lastRequestAt = Date.now();
      const send = (headers) => {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers });
        res.end(MOROCCO);
      };
      if (!req.url.startsWith('/morocco.json')) {
        res.writeHead(404, { 'Content-Type': 'text/plain' });
        res.end('not found\n');
      } else if (remote.mode === 'slow') {
        // three seconds, with CORS allowed: only the delay is at fault
        const timer = setTimeout(() => send({ 'Access-Control-Allow-Origin': '*' }), 3_000);
        res.on('close', () => clearTimeout(timer));
      } else if (remote.mode === 'no-cors') {
        send({});
      } else {
        send({ 'Access-Control-Allow-Origin': '*' });
      }
    });
    remote.server.listen(0, '127.0.0.1', () => {
      remote.origin = `http://127.0.0.1:${remote.server.address().port}`;
      resolve();
    });
  });
}

let browser;
before(async () => {
  browser = await launch();
  await startRemote();
});
after(async () => {
  await browser?.close();
  remote.server?.closeAllConnections?.();
  await new Promise((resolve) => (remote.server ? remote.server.close(resolve) : resolve()));
});

/** The browser's own log lines for a failed data request (see the top of this file). */
function pageErrors(errors, dataUrl) {
  const escaped = dataUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const own = [
    new RegExp(`^console\\.error: Failed to load resource: the server responded with a status of (404 \\(Not Found\\)|500 \\(Internal Server Error\\)) \\(${escaped}:\\d+\\)$`),
    new RegExp(`^console\\.error: Failed to load resource: net::(ERR_CONNECTION_RESET|ERR_FAILED) \\(${escaped}:\\d+\\)$`),
    new RegExp(`^console\\.error: Access to fetch at '${escaped}' from origin '[^']+' has been blocked by CORS policy: `),
  ];
  return errors.filter((e) => !own.some((re) => re.test(e)));
}

/** The message box: its detail text, and whether a Retry button is there. */
async function message(page) {
  return page.$eval(N, (el) => {
    const box = el.shadowRoot.querySelector('.message');
    return {
      visible: !box.hidden,
      role: box.getAttribute('role'),
      // what went wrong, then the dataset's problems, if any, one per line
      detail: [...box.querySelectorAll('.detail, pre')].map((node) => node.textContent).join('\n'),
      retry: box.querySelector('button') !== null,
    };
  });
}

async function retry(page) {
  await page.locator(`${N} .message button`).click();
}

async function expectReady(page) {
  await waitForState(page, N, 'ready');
  assert.equal((await message(page)).visible, false, 'the error message stays after recovering');
  assert.ok((await page.$eval(N, (el) => el.points)) > 0);
  await assertChartsNotBlank(page);
}

// Faults page.route can make. `detail` is what the message must say; `not` what it must not.
const ROUTED = [
  {
    name: '404',
    answer: (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found\n' }),
    detail: /answered 404\b/,
  },
  {
    name: '500',
    answer: (route) => route.fulfill({ status: 500, contentType: 'text/plain', body: 'internal error\n' }),
    detail: /answered 500\b/,
  },
  {
    name: 'connection reset',
    answer: (route) => route.abort('connectionreset'),
    detail: /could not be reached/,
    not: /answered|JSON|web page/,
  },
  {
    name: 'a web page instead of the data',
    answer: (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: '<!doctype html><title>Welcome</title><p>Our new site!</p>' }),
    detail: /web page instead of the data/,
  },
  {
    name: 'a body cut in half',
    answer: (route) => route.fulfill({ status: 200, contentType: 'application/json', body: MOROCCO.slice(0, MOROCCO.length >> 1) }),
    // where it stops: the line and column, and what was missing
    detail: /not valid JSON: line \d+, column \d+: (unterminated string|unexpected end of the file|expected)/,
  },
];

for (const fault of ROUTED) {
  test(`${fault.name}: its own message, then Retry works once the data is back`, { timeout: 60_000 }, async () => {
    const src = '/test-fixtures/network-data.json';
    const state = { broken: true, requests: 0 };
    const { page, context, errors } = await openPage(browser, fixtureUrl('network.html', { src, view: 'series' }), {
      width: 800,
      height: 700,
      setup: async (p) => {
        await p.route('**/network-data.json', (route) => {
          state.requests++;
          if (state.broken) return fault.answer(route);
          return route.fulfill({ status: 200, contentType: 'application/json', body: MOROCCO });
        });
      },
    });
    try {
      await waitForState(page, N, 'error');
      const m = await message(page);
      assert.equal(m.role, 'alert');
      assert.match(m.detail, fault.detail);
      if (fault.not) assert.doesNotMatch(m.detail, fault.not);
      assert.ok(m.detail.includes(src) || fault.name === 'a body cut in half', `the message does not name the address: ${m.detail}`);
      assert.ok(m.retry, 'no Retry button');
      state.broken = false;
      await retry(page);
      await expectReady(page);
      assert.equal(state.requests, 2, 'one request per load');
      assertNoErrors(pageErrors(errors, `${new URL(fixtureUrl('x')).origin}${src}`));
    } finally {
      await context.close();
    }
  });
}

test('a slow server: timeout="1" gives up after about a second, and Retry works once it is fast', { timeout: 60_000 }, async () => {
  remote.mode = 'slow';
  const src = `${remote.origin}/morocco.json`;
  const { page, context, errors } = await openPage(browser, fixtureUrl('network.html', { src, view: 'rating', timeout: 1 }), {
    width: 800,
    height: 700,
  });
  try {
    await waitForState(page, N, 'error', { timeout: 10_000 });
    // from the request's arrival at the server to the error on the page
    const waited = Date.now() - remote.lastRequestAt;
    assert.ok(waited < 2_900, `the widget waited ${waited} ms, for a server that answers after 3 s`);
    assert.ok(waited >= 700, `the widget gave up after ${waited} ms, before its 1 s timeout`);
    const m = await message(page);
    // "The data did not arrive within the time allowed (1 s, …)": the time and the address
    assert.match(m.detail, /\b1 s\b|\b1 seconds?\b/);
    assert.match(m.detail, /time|took longer/);
    assert.ok(m.detail.includes(src), m.detail);
    remote.mode = 'good';
    await retry(page);
    await expectReady(page);
    assertNoErrors(pageErrors(errors, src));
  } finally {
    remote.mode = 'good';
    await context.close();
  }
});

test('data on another origin without CORS: a message that names CORS, and Retry works once it is allowed', { timeout: 60_000 }, async () => {
  remote.mode = 'no-cors';
  const src = `${remote.origin}/morocco.json`;
  const before = remote.requests;
  const { page, context, errors } = await openPage(browser, fixtureUrl('network.html', { src, view: 'series' }), {
    width: 800,
    height: 700,
  });
  try {
    assert.notEqual(new URL(src).origin, await page.evaluate(() => location.origin), 'the data must be on another origin');
    await waitForState(page, N, 'error');
    assert.ok(remote.requests > before, 'the request did not reach the other origin');
    const m = await message(page);
    assert.match(m.detail, /could not be reached/);
    assert.match(m.detail, /CORS/);
    assert.ok(m.detail.includes(src), m.detail);
    remote.mode = 'good';
    await retry(page);
    await expectReady(page);
    assertNoErrors(pageErrors(errors, src));
  } finally {
    remote.mode = 'good';
    await context.close();
  }
});
