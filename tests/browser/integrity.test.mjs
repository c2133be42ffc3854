// Every piece of the widget is checked before it runs. The embed code's `integrity` covers
// plan-progress.js (the wasm's bindings are bundled into it), and plan-progress.js carries the
// sha384 hash of the wasm, which the browser checks before it hands the wasm over (loader.js).
// Here the server changes one byte of a piece (page.route): the browser refuses a changed
// plan-progress.js (the element never defines), and the widget refuses a changed wasm with a
// visible message in the reader's language, compiling and running nothing of it; a wasm that
// does not arrive gets another message, and Retry works once the right file is back.
//
// The browser logs a refused wasm itself ("Failed to find a valid digest in the 'integrity'
// attribute for resource '…'", then "Fetch API cannot load …. SRI's integrity checks failed."),
// and a blocked request ("Failed to load resource: …"): exactly those, for the wasm only, are
// left out of the error check.

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import {
  assertChartsNotBlank,
  assertNoErrors,
  baseUrl,
  events,
  fixtureUrl,
  launch,
  openPage,
  recordEvents,
  waitForState,
} from './browser.mjs';

const DIST = new URL('../../dist/', import.meta.url);
const SCRIPT = await readFile(new URL('plan-progress.js', DIST));
const WASM_NAME = (await readdir(new URL('pkg/', DIST))).find((f) => /^plan_progress_first_bg\.[0-9a-f]+\.wasm$/.test(f));
const WASM = await readFile(new URL(`pkg/${WASM_NAME}`, DIST));
const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

/** `bytes` with one byte changed, at `at` (by default in the middle). */
function changed(bytes, at = bytes.length >> 1) {
  const copy = Buffer.from(bytes);
  copy[at] ^= 0x01;
  return copy;
}

// The message for a changed wasm, and the error title and Retry, in each language (the texts of
// src/i18n's catalogue: tests/generated.rs holds www/generated/defaults.js to them).
const TAMPERED = {
  en: { detail: /^This chart's code \(http:\/\/[^)]+\.wasm\) did not match what its publisher released, so it was not run\.$/, title: 'This chart could not be shown.', retry: 'Retry' },
  fr: { detail: /^Le code de ce graphique \(http:\/\/[^)]+\.wasm\) ne correspond pas à celui que son éditeur a publié : il n'a pas été exécuté\.$/, title: 'Ce graphique ne peut pas être affiché.', retry: 'Réessayer' },
  ar: { detail: /^شيفرة هذا الرسم البياني \(\u2066http:\/\/[^)]+\.wasm\u2069\) لا تطابق ما نشره ناشره، لذلك لم تُشغَّل\.$/, title: 'تعذّر عرض هذا الرسم البياني.', retry: 'إعادة المحاولة' },
};
const NOT_DOWNLOADED = /^This chart's code could not be downloaded \(http:\/\/[^)]+\.wasm\): the network failed/;

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Before the page's scripts: counts every wasm compilation and instantiation it asks for. */
async function countWasmUse(page) {
  await page.addInitScript(() => {
    window.__wasmUse = 0;
    for (const name of ['compile', 'compileStreaming', 'instantiate', 'instantiateStreaming', 'validate']) {
      const original = WebAssembly[name];
      WebAssembly[name] = function counted(...args) {
        window.__wasmUse++;
        return original.apply(this, args);
      };
    }
  });
}

/**
 * Opens widget.html (a strict CSP: connect-src 'self') with `widgets`, the wasm answered by
 * `state.answer` ('changed', 'blocked', 'missing' or 'good'); `state.requests` counts its
 * requests. `noHash`: the page has no SubtleCrypto, as a plain http: page on another computer.
 */
async function openWidgets(widgets, state, { noHash = false } = {}) {
  return openPage(browser, fixtureUrl('widget.html', { widgets }), {
    width: 900,
    height: 1400,
    setup: async (page) => {
      await recordEvents(page);
      await countWasmUse(page);
      if (noHash) await page.addInitScript(() => Object.defineProperty(Crypto.prototype, 'subtle', { get: () => undefined }));
      await page.route(`**/pkg/${WASM_NAME}`, (route) => {
        state.requests++;
        if (state.answer === 'blocked') return route.abort('connectionreset');
        if (state.answer === 'missing') return route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found\n' });
        const body = state.answer === 'changed' ? changed(WASM) : WASM;
        return route.fulfill({ status: 200, contentType: 'application/wasm', body });
      });
    },
  });
}

/** The message box of `selector`: its title, detail, role and Retry button's text. */
function message(page, selector) {
  return page.$eval(selector, (el) => {
    const box = el.shadowRoot.querySelector('.message');
    return {
      visible: !box.hidden && box.getBoundingClientRect().height > 0,
      role: box.getAttribute('role'),
      title: box.querySelector('strong')?.textContent,
      detail: box.querySelector('.detail')?.textContent,
      retry: box.querySelector('button')?.textContent,
      dir: el.shadowRoot.querySelector('.pp').getAttribute('dir'),
    };
  });
}

/** The browser's own lines for the wasm it refused or could not fetch (see the top). */
function pageErrors(errors) {
  const wasm = WASM_NAME.replace(/\./g, '\\.');
  const own = [
    new RegExp(`^console\\.error: Failed to find a valid digest in the 'integrity' attribute for resource 'http://[^']+/pkg/${wasm}' with computed SHA-384 integrity '[A-Za-z0-9+/=]+'\\. The resource has been blocked\\. \\(http://[^ ]+\\)$`),
    new RegExp(`^console\\.error: Fetch API cannot load http://[^ ]+/pkg/${wasm}\\. SRI's integrity checks failed\\. \\(http://[^ ]+\\)$`),
    new RegExp(`^console\\.error: Failed to load resource: (net::ERR_CONNECTION_RESET|the server responded with a status of 404 \\(Not Found\\)) \\(http://[^ ]+/pkg/${wasm}:\\d+\\)$`),
  ];
  return errors.filter((e) => !own.some((re) => re.test(e)));
}

test('a changed wasm is refused: a message in each reader\'s language, Retry, nothing compiled; Retry works once it is right', async () => {
  const state = { answer: 'changed', requests: 0 };
  const langs = ['en', 'fr', 'ar'];
  const { page, context, errors } = await openWidgets(langs.map((lang) => ({ view: 'series', lang })), state);
  try {
    for (const [i, lang] of langs.entries()) {
      await waitForState(page, `#w${i}`, 'error');
      const m = await message(page, `#w${i}`);
      assert.equal(m.visible, true, `#w${i}: no visible message`);
      assert.equal(m.role, 'alert');
      assert.match(m.detail, TAMPERED[lang].detail, `#w${i} (${lang})`);
      assert.equal(m.title, TAMPERED[lang].title);
      assert.equal(m.retry, TAMPERED[lang].retry);
      assert.equal(m.dir, lang === 'ar' ? 'rtl' : 'ltr');
    }
    // nothing of the changed file was compiled, let alone run, and no chart was drawn
    assert.equal(await page.evaluate(() => window.__wasmUse), 0, 'the page compiled a wasm');
    assert.deepEqual(await page.$$eval('plan-progress', (els) => els.map((el) => el.points)), [0, 0, 0]);
    const failed = await events(page, 'plan-progress:error');
    assert.deepEqual(failed.map((e) => e.id).sort(), ['w0', 'w1', 'w2']);
    // one load for the three widgets: the checked download, and one unchecked to say why
    assert.equal(state.requests, 2, 'the three widgets did not share one load of the wasm');
    // a host sees the same refusal, in the page's language (English)
    const hostSees = await page.evaluate(() => customElements.get('plan-progress').load().then(() => 'loaded', (e) => e.message));
    assert.match(hostSees, TAMPERED.en.detail);

    state.answer = 'good';
    await page.locator('#w1 .message button').click();
    await waitForState(page, '#w1', 'ready');
    await page.locator('#w0 .message button').click();
    await waitForState(page, '#w0', 'ready');
    assert.ok(await page.evaluate(() => window.__wasmUse) > 0);
    assert.ok((await page.$eval('#w0', (el) => el.points)) > 0);
    assertNoErrors(pageErrors(errors));
    assert.ok(errors.some((e) => /SRI's integrity checks failed/.test(e)), 'the browser did not say it refused the wasm');
  } finally {
    await context.close();
  }
});

test('a wasm that does not arrive is not called changed: its own message, and Retry works', async () => {
  const state = { answer: 'blocked', requests: 0 };
  const { page, context, errors } = await openWidgets([{ view: 'rating' }], state);
  try {
    await waitForState(page, '#w0', 'error');
    assert.match((await message(page, '#w0')).detail, NOT_DOWNLOADED);
    state.answer = 'missing';
    await page.locator('#w0 .message button').click();
    await waitForState(page, '#w0', 'error');
    assert.match((await message(page, '#w0')).detail, /^The server answered 404 for http:\/\/[^ ]+\.wasm\.$/);
    state.answer = 'good';
    await page.locator('#w0 .message button').click();
    await waitForState(page, '#w0', 'ready');
    await assertChartsNotBlank(page);
    assertNoErrors(pageErrors(errors));
  } finally {
    await context.close();
  }
});

test('where the page cannot hash (no SubtleCrypto), a changed wasm is still refused and called changed', async () => {
  const state = { answer: 'changed', requests: 0 };
  const { page, context, errors } = await openWidgets([{ view: 'series', lang: 'fr' }], state, { noHash: true });
  try {
    assert.equal(await page.evaluate(() => typeof crypto.subtle), 'undefined');
    await waitForState(page, '#w0', 'error');
    assert.match((await message(page, '#w0')).detail, TAMPERED.fr.detail);
    assert.equal(await page.evaluate(() => window.__wasmUse), 0, 'the page compiled a wasm');
    state.answer = 'blocked';
    await page.locator('#w0 .message button').click();
    await waitForState(page, '#w0', 'error');
    assert.match((await message(page, '#w0')).detail, /^Le code de ce graphique n'a pas pu être téléchargé/);
    assertNoErrors(pageErrors(errors));
  } finally {
    await context.close();
  }
});

/**
 * Opens a host page at a path only its route answers, with the embed code's script (with
 * `integrity`, when given) included `copies` times and three widgets; `/plan-progress.js` is
 * answered with `script` (its requests counted in `seen`).
 */
async function openEmbed({ integrity, script = SCRIPT, copies = 1 }, seen = { script: 0, wasm: 0 }) {
  const url = `${baseUrl()}/__integrity__/host.html`;
  const check = integrity ? ` integrity="${integrity}" crossorigin="anonymous"` : '';
  const tag = `<script type="module" src="${baseUrl()}/plan-progress.js"${check}></script>\n`;
  const html = `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>A host</title>\n`
    + `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; style-src 'self'; img-src 'self' data:">\n`
    + `${tag.repeat(copies)}</head>\n<body>\n`
    + ['series', 'rating', 'status'].map((view, i) => `<plan-progress id="e${i}" src="/data/morocco.json" view="${view}"></plan-progress>\n`).join('')
    + '</body>\n</html>\n';
  return openPage(browser, url, {
    width: 900,
    height: 1400,
    setup: async (page, context) => {
      await context.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
      await context.route(/\/plan-progress\.js$/, (route) => {
        seen.script++;
        return route.fulfill({ status: 200, contentType: 'text/javascript', body: script });
      });
      page.on('request', (r) => { if (r.url().endsWith(`/pkg/${WASM_NAME}`)) seen.wasm++; });
    },
  });
}

const definedState = (page) => page.evaluate(() => ({
  defined: !!customElements.get('plan-progress'),
  states: [...document.querySelectorAll('plan-progress')].map((el) => el.getAttribute('data-state')),
}));

test('the embed code: a changed plan-progress.js is refused by the browser (the element never defines)', async () => {
  const good = sri(SCRIPT);
  // one byte of a string changed: still valid JavaScript, which runs where nothing checks it
  const at = SCRIPT.indexOf('This chart could not be shown.');
  assert.ok(at > 0, 'the script has no early English words to change');
  const tampered = changed(SCRIPT, at);
  assert.notEqual(sri(tampered), good);

  const unchecked = await openEmbed({ script: tampered });
  try {
    await waitForState(unchecked.page, '#e0', 'ready');
    assert.equal((await definedState(unchecked.page)).defined, true, 'the changed copy does not run even unchecked: the test proves nothing');
  } finally {
    await unchecked.context.close();
  }

  const refused = await openEmbed({ integrity: good, script: tampered });
  try {
    await refused.page.waitForTimeout(1500);
    assert.deepEqual(await definedState(refused.page), { defined: false, states: [null, null, null] }, 'the changed script ran');
    assert.ok(refused.errors.some((e) => /integrity/i.test(e)), `the browser did not report the refusal: ${refused.errors.join('; ')}`);
  } finally {
    await refused.context.close();
  }
});

test('the embed code, included twice, with three widgets: all drawn, one script, one wasm download', async () => {
  const seen = { script: 0, wasm: 0 };
  const { page, context, errors } = await openEmbed({ integrity: sri(SCRIPT), copies: 2 }, seen);
  try {
    for (const id of ['#e0', '#e1', '#e2']) await waitForState(page, id, 'ready');
    await assertChartsNotBlank(page);
    assert.equal(seen.wasm, 1, 'the wasm was downloaded more than once');
    assert.equal(seen.script, 1, 'the same script address is one module');
    assertNoErrors(errors);
  } finally {
    await context.close();
  }
});

test('the console filter of these tests leaves out only the browser\'s lines for the wasm', () => {
  const at = `http://127.0.0.1:1/pkg/${WASM_NAME}`;
  const kept = pageErrors([
    `console.error: Fetch API cannot load ${at}. SRI's integrity checks failed. (http://127.0.0.1:1/test-fixtures/widget.html?w=x:1)`,
    `console.error: Failed to load resource: net::ERR_CONNECTION_RESET (${at}:0)`,
    `console.error: Failed to find a valid digest in the 'integrity' attribute for resource '${at}' with computed SHA-384 integrity 'KuN+2Js3/h1hTXFQ'. The resource has been blocked. (http://127.0.0.1:1/x.html:1)`,
    'console.error: Fetch API cannot load http://127.0.0.1:1/data/morocco.json. SRI\'s integrity checks failed. (http://127.0.0.1:1/x.html:1)',
    'console.error: Failed to load resource: net::ERR_CONNECTION_RESET (http://127.0.0.1:1/plan-progress.js:0)',
    'uncaught exception: Error: boom',
  ]);
  assert.equal(kept.length, 3, kept.join('\n'));
});
