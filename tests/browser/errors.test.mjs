// What a reader sees when a chart's data cannot be used: the server answers an error, the file
// is not JSON, the JSON is not a dataset, the network fails. Each gives data-state="error", a
// message naming the problem, a plan-progress:error event and a Retry button that loads the data
// again; nothing reaches the console as an uncaught exception. The data address is
// /test-fixtures/flaky.json, which does not exist: page.route answers it as each test says.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import {
  assertChartsNotBlank,
  assertNoErrors,
  events,
  fixtureUrl,
  launch,
  openPage,
  recordEvents,
  waitForState,
} from './browser.mjs';

const SRC = '/test-fixtures/flaky.json';
const W0 = '#w0';
const MOROCCO = await readFile(new URL('../../data/morocco.json', import.meta.url), 'utf8');

// A syntax error on line 3, column 11 (the `}` where a value should be).
const MALFORMED = '{\n  "format_version": 1,\n  "plan": }\n';
// Valid JSON, but not a dataset: no plan, no sources.
const NOT_A_DATASET = '{"format_version": 1}';

const ANSWERS = {
  404: (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found\n' }),
  malformed: (route) => route.fulfill({ status: 200, contentType: 'application/json', body: MALFORMED }),
  invalid: (route) => route.fulfill({ status: 200, contentType: 'application/json', body: NOT_A_DATASET }),
  reset: (route) => route.abort('connectionreset'),
  good: (route) => route.fulfill({ status: 200, contentType: 'application/json', body: MOROCCO }),
  // a CMS or proxy answering its own page with a 200
  html: (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: '<!doctype html><title>Home</title>' }),
  // never answers (the route stays pending until the context closes)
  hang: () => new Promise(() => {}),
};

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/**
 * The browser's own network log lines for the data address, which are not errors of the page's
 * code: "Failed to load resource: the server responded with a status of 404 (Not Found)" and,
 * for a network failure, "Failed to load resource: net::ERR_CONNECTION_RESET". Only exactly
 * those, for flaky.json only, are left out.
 */
function pageErrors(errors) {
  const browserLine =
    /^console\.error: Failed to load resource: (the server responded with a status of 404 \(Not Found\)|net::ERR_CONNECTION_RESET) \(https?:\/\/[^/]+\/test-fixtures\/flaky\.json:\d+\)$/;
  return errors.filter((e) => !browserLine.test(e));
}

/**
 * Opens a widget whose data is flaky.json, answered by ANSWERS[state.answer] (change
 * state.answer to change the next answer). Counts the requests in state.requests.
 */
async function withFlaky(attrs, first, check) {
  const state = { answer: first, requests: 0 };
  const opened = await openPage(browser, fixtureUrl('widget.html', { src: SRC, ...attrs }), {
    width: 800,
    height: 700,
    setup: async (page) => {
      await recordEvents(page);
      await page.route('**/flaky.json', (route) => {
        state.requests++;
        return ANSWERS[state.answer](route);
      });
    },
  });
  try {
    await check({ ...opened, state });
  } finally {
    await opened.context.close();
  }
}

/** The message box of the widget: { visible, role, title, detail, button }. */
async function message(page) {
  return page.$eval(W0, (el) => {
    const box = el.shadowRoot.querySelector('.message');
    return {
      visible: !box.hidden && box.getBoundingClientRect().height > 0,
      role: box.getAttribute('role'),
      title: box.querySelector('strong')?.textContent ?? '',
      // what went wrong, then the dataset's problems, if any, one per line
      detail: [...box.querySelectorAll('.detail, pre')].map((node) => node.textContent).join('\n'),
      button: box.querySelector('button')?.textContent ?? null,
      stageHidden: el.shadowRoot.querySelector('.stage').hidden,
    };
  });
}

/** Waits for the error state and checks the message box around `detail`. */
async function expectError(page, detail, { title = 'This chart could not be shown.', retry = 'Retry' } = {}) {
  await waitForState(page, W0, 'error');
  const m = await message(page);
  assert.ok(m.visible, 'the error message is not shown');
  assert.equal(m.role, 'alert');
  assert.equal(m.title, title);
  assert.match(m.detail, detail);
  assert.equal(m.button, retry, 'no Retry button');
  assert.equal(m.stageHidden, true, 'the chart stage is still shown next to the error');
  assert.equal(await page.$eval(W0, (el) => el.points), 0);
  return m;
}

/** Clicks Retry (a real click) after the route was changed. */
async function retry(page) {
  await page.locator(`${W0} .message button`).click();
}

test('a 404, malformed JSON and an invalid dataset each say what is wrong, and Retry recovers', async () => {
  await withFlaky({ view: 'series' }, '404', async ({ page, errors, state }) => {
    await expectError(page, new RegExp(`^The server answered 404 for ${SRC.replace(/\./g, '\\.')}\\.$`));

    state.answer = 'malformed';
    await retry(page);
    const json = await expectError(page, /not valid JSON: line 3, column 11\b/);
    assert.ok(json.detail.length < 300, `the JSON error is not a short line: ${json.detail}`);

    state.answer = 'invalid';
    await retry(page);
    const invalid = await expectError(page, /not a valid plan-progress dataset/);
    assert.match(invalid.detail, /(^|\n)plan: required member is missing$/m);

    state.answer = 'good';
    await retry(page);
    await waitForState(page, W0, 'ready');
    assert.equal((await message(page)).visible, false, 'the error message stays after a successful retry');
    assert.ok((await page.$eval(W0, (el) => el.points)) > 0);
    await assertChartsNotBlank(page);
    assert.equal(state.requests, 4, 'one request per load');

    const seen = await events(page);
    assert.deepEqual(
      seen.map((e) => e.type),
      ['plan-progress:error', 'plan-progress:error', 'plan-progress:error', 'plan-progress:ready'],
    );
    assert.match(seen[0].detail.message, /404/);
    assert.match(seen[1].detail.message, /line 3, column 11/);
    assert.match(seen[2].detail.message, /plan: required member is missing/);
    assert.ok(seen[3].detail.points > 0);
    assertNoErrors(pageErrors(errors));
  });
});

test('a network failure has its own message, and Retry recovers', async () => {
  await withFlaky({ view: 'rating' }, 'reset', async ({ page, errors, state }) => {
    const m = await expectError(page, /^The data could not be reached \(\/test-fixtures\/flaky\.json\)/);
    assert.doesNotMatch(m.detail, /answered|JSON|dataset/);
    state.answer = 'good';
    await retry(page);
    await waitForState(page, W0, 'ready');
    await assertChartsNotBlank(page);
    assertNoErrors(pageErrors(errors));
  });
});

test('a web page instead of the data, and a download that takes too long, say so', async () => {
  await withFlaky({ view: 'series', timeout: 1 }, 'html', async ({ page, errors, state }) => {
    await expectError(page, /^The server sent a web page instead of the data \(\/test-fixtures\/flaky\.json\)\.$/);
    state.answer = 'hang';
    const started = Date.now();
    await retry(page);
    await expectError(page, /^The data did not arrive within the time allowed \(1 s, \/test-fixtures\/flaky\.json\)\.$/);
    const waited = Date.now() - started;
    assert.ok(waited >= 900 && waited < 8_000, `timeout="1" gave up after ${waited} ms`);
    state.answer = 'good';
    await retry(page);
    await waitForState(page, W0, 'ready');
    await assertChartsNotBlank(page);
    assertNoErrors(pageErrors(errors));
  });
});

test('the error messages speak French with lang="fr"', async () => {
  const fr = { title: 'Ce graphique ne peut pas être affiché.', retry: 'Réessayer' };
  await withFlaky({ view: 'series', lang: 'fr' }, '404', async ({ page, errors, state }) => {
    await expectError(page, /^Le serveur a répondu 404 pour \/test-fixtures\/flaky\.json\.$/, fr);
    state.answer = 'malformed';
    await retry(page);
    // where, and what, in French too (src/diagnostics)
    await expectError(page, /^Le fichier n'est pas du JSON valide : ligne 3, colonne 11 : \S/, fr);
    state.answer = 'invalid';
    await retry(page);
    const invalid = await expectError(page, /^Le fichier n'est pas un jeu de données plan-progress valide :/, fr);
    assert.match(invalid.detail, /(^|\n)plan: membre obligatoire manquant$/m);
    state.answer = 'reset';
    await retry(page);
    await expectError(page, /^Les données sont injoignables \(\/test-fixtures\/flaky\.json\)/, fr);
    state.answer = 'good';
    await retry(page);
    await waitForState(page, W0, 'ready');
    assertNoErrors(pageErrors(errors));
  });
});

test('the console filter of these tests still catches other errors', () => {
  // pageErrors must leave out only the browser's own lines for flaky.json
  const kept = pageErrors([
    'console.error: Failed to load resource: the server responded with a status of 404 (Not Found) (http://127.0.0.1:1/test-fixtures/flaky.json:0)',
    'console.error: Failed to load resource: net::ERR_CONNECTION_RESET (http://127.0.0.1:1/test-fixtures/flaky.json:0)',
    'console.error: Failed to load resource: the server responded with a status of 404 (Not Found) (http://127.0.0.1:1/pkg/plan_progress_bg.wasm:0)',
    'console.error: Failed to load resource: the server responded with a status of 500 (Internal Server Error) (http://127.0.0.1:1/test-fixtures/flaky.json:0)',
    'uncaught exception: Error: boom',
  ]);
  assert.equal(kept.length, 3);
});
