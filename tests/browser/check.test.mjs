// The dataset checker (dist/check.html, www/check.js): a publisher opens a file, pastes its text or
// gives its address, and sees what the widget's wasm makes of it, in the interface's language.
//   - a valid dataset: its counts (those `plan-progress validate` prints) and a preview of every
//     view in every language it has, each with its summary; the way to the chart builder;
//   - every invalid dataset of tests/datasets/invalid: its one problem, at the path and with the
//     message that expectations.json gives (in English; one in Arabic, right to left), and
//     selecting it selects its place in the text;
//   - a file that is not JSON, binary junk, an empty file and an oversized one: their messages;
//   - axe finds no violation (English and Arabic, with problems and valid), and the page asks for
//     nothing but its own files and the address the reader gave.

import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import {
  assertNoErrors, baseUrl, formatViolations, launch, openPage, runAxe, screenshot, waitForCharts,
} from './browser.mjs';

const INVALID = new URL('../datasets/invalid/', import.meta.url);
const MOROCCO = new URL('../../data/morocco.json', import.meta.url);
const WIDE = { width: 1000, height: 900 };
const NARROW = { width: 360, height: 800 };
/** An address of another site, answered by the test (the reader's own server). */
const ELSEWHERE = 'https://data.example.org/plan/morocco.json';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/**
 * Opens the checker in `ui`, recording every request it makes. `axe`: with its CSP bypassed, so
 * that axe can be put in (the other pages run under the page's own strict CSP).
 */
async function openChecker(ui = 'en', viewport = WIDE, { axe = false } = {}) {
  const requests = [];
  const opened = await openPage(browser, `${baseUrl()}/check.html?ui=${ui}`, {
    ...viewport,
    bypassCSP: axe,
    setup: async (page) => {
      page.on('request', (request) => requests.push(request.url()));
      await page.route(ELSEWHERE, async (route) => route.fulfill({
        status: 200,
        headers: { 'content-type': 'application/json', 'access-control-allow-origin': '*' },
        body: await readFile(MOROCCO),
      }));
    },
  });
  return { ...opened, requests };
}

/**
 * Opens the checker (as openChecker), runs `use({page, requests})`, and fails if the page reported
 * an error (but those `allow` matches).
 */
async function withChecker({ ui = 'en', viewport = WIDE, axe = false, allow = null }, use) {
  const { page, context, errors, requests } = await openChecker(ui, viewport, { axe });
  try {
    await use({ page, requests });
    assertNoErrors(allow ? errors.filter((e) => !allow.test(e)) : errors);
  } finally {
    await context.close();
  }
}

/** Does `act` (which starts a check) and waits for its verdict: the report as the page shows it. */
async function checked(page, act) {
  await page.$eval('#verdict', (p) => { p.dataset.state = ''; });
  await act();
  await page.waitForFunction(() => !['', 'reading'].includes(document.getElementById('verdict').dataset.state),
    undefined, { timeout: 20_000 });
  return page.evaluate(() => {
    const clean = (text) => text.replace(/[\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim();
    return {
      state: document.getElementById('verdict').dataset.state,
      verdict: clean(document.getElementById('verdict').textContent),
      problems: [...document.querySelectorAll('#problems li')].map((li) => ({
        path: li.querySelector('.path').textContent,
        where: clean(li.querySelector('.where').textContent),
        message: clean(li.querySelector('.message').textContent),
        spot: li.querySelector('button.spot') !== null,
      })),
      counts: Object.fromEntries([...document.querySelectorAll('#counts [data-count]')]
        .map((row) => [row.dataset.count, Number(row.querySelector('dd').textContent.replace(/\D/g, ''))])),
      text: document.getElementById('text').value,
    };
  });
}

/** Opens `file` (a path, or {name, mimeType, buffer}) with the file picker. */
const openFile = (page, file) => checked(page, () => page.setInputFiles('#file', file));

/** Selects problem `i` and returns the text selected in the text box. */
async function selectProblem(page, i = 0) {
  await page.locator('#problems button.spot').nth(i).click();
  return page.$eval('#text', (t) => ({
    focused: document.activeElement === t,
    selected: t.value.slice(t.selectionStart, t.selectionEnd),
  }));
}

/** The counts `validate` prints, worked out from the file itself. */
function countsOf(data) {
  const points = data.indicators.flatMap((i) => i.points);
  const figures = points.filter((p) => p.value !== null).length;
  return {
    sources: Object.keys(data.sources).length,
    indicators: data.indicators.length,
    figures,
    gaps: points.length - figures,
    ratings: data.ratings?.length ?? 0,
    recommendationLists: data.recommendations?.length ?? 0,
    commitments: data.commitments?.length ?? 0,
    milestones: data.milestones?.length ?? 0,
  };
}

async function assertNoAxeViolation(page, label) {
  const { violations } = await runAxe(page);
  assert.equal(violations.length, 0, `${label}: axe violations:\n${formatViolations(violations)}`);
}

/** The paths the page asked for on its own origin, and the other addresses. */
function split(requests) {
  const own = requests.filter((url) => url.startsWith(`${baseUrl()}/`)).map((url) => new URL(url).pathname);
  return { own, others: requests.filter((url) => !url.startsWith(`${baseUrl()}/`)) };
}

/** The page's own files: the page, its script and styles, the wasm and its glue. */
const OWN_FILE = /^\/(check\.html|check\.js|page\.css|check\.css|pkg\/plan_progress(\.js|_bg\.[0-9a-f]+\.wasm))$/;

describe('a valid dataset', () => {
  test('opened as a file: its counts, a preview of every view in each of its languages, no request', async () => {
    await withChecker({}, async ({ page, requests }) => {
      const data = JSON.parse(await readFile(MOROCCO, 'utf8'));
      const report = await openFile(page, MOROCCO.pathname);
      assert.equal(report.state, 'valid', report.verdict);
      assert.match(report.verdict, /^morocco\.json is a valid plan-progress dataset\.$/);
      assert.deepEqual(report.problems, []);
      assert.deepEqual(report.counts, countsOf(data));
      assert.equal(report.text, await readFile(MOROCCO, 'utf8'), 'the text box shows the file');
      // a file has no address for the builder: the page says how to get there
      assert.match(await page.$eval('#builder', (p) => p.textContent), /publish this file/);
      const charts = await page.$$eval('#previews plan-progress', (els) => els.map((el) => [el.getAttribute('lang'), el.getAttribute('view')]));
      const views = ['series', 'rating', 'status', 'progress', 'timeline', 'overview'];
      assert.deepEqual(charts, data.plan.languages.flatMap((lang) => views.map((view) => [lang, view])));
      assert.equal(await waitForCharts(page, { timeout: 60_000 }), charts.length);
      const summaries = await page.$$eval('#previews figure', (figures) => figures.map((f) => [
        f.querySelector('plan-progress').summary, f.querySelector('.summary span')?.textContent ?? '']));
      for (const [summary, shown] of summaries) {
        assert.ok(summary.length > 20, `a preview without a summary: ${summary}`);
        assert.equal(shown, summary, 'the summary shown is the chart\'s');
      }
      await screenshot(page, 'check-valid-en-1000.png');
      const { own, others } = split(requests);
      assert.deepEqual(others, [], 'a file is read in the page');
      assert.deepEqual(own.filter((p) => !OWN_FILE.test(p)), [], 'the page asks for its own files only');
    });
  });

  test('at an address of another site, in Arabic: the builder for it; requests only for that address', async () => {
    await withChecker({ ui: 'ar', viewport: NARROW, axe: true }, async ({ page, requests }) => {
      await page.fill('#url', ELSEWHERE);
      const report = await checked(page, () => page.click('#url-form button[type="submit"]'));
      assert.equal(report.state, 'valid', report.verdict);
      assert.match(report.verdict, /مجموعة بيانات plan-progress صالحة/);
      const link = await page.$eval('#builder a', (a) => a.getAttribute('href'));
      assert.equal(link, `builder.html?src=${encodeURIComponent(ELSEWHERE)}&ui=ar`);
      assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
      assert.equal(await page.$eval('#counts', (dl) => getComputedStyle(dl).direction), 'rtl');
      await page.locator('#previews plan-progress').first().scrollIntoViewIfNeeded();
      await page.waitForFunction(() => document.querySelector('#previews plan-progress').dataset.state === 'ready');
      await assertNoAxeViolation(page, 'valid, Arabic, 360 px');
      await screenshot(page, 'check-valid-ar-360.png');
      const { own, others } = split(requests);
      assert.ok(others.length >= 1 && others.every((url) => url === ELSEWHERE), others.join(', '));
      assert.deepEqual(own.filter((p) => !OWN_FILE.test(p)), []);
    });
  });
});

describe('invalid datasets', () => {
  test('each file of tests/datasets/invalid shows its one problem, at its path, in English', async () => {
    const expectations = JSON.parse(await readFile(new URL('expectations.json', INVALID), 'utf8'));
    const files = (await readdir(INVALID)).filter((f) => f.endsWith('.json') && f !== 'expectations.json').sort();
    assert.equal(files.length, Object.keys(expectations).length);
    await withChecker({}, async ({ page }) => {
      const failures = [];
      for (const file of files) {
        const { path, message } = expectations[file];
        const report = await openFile(page, new URL(file, INVALID).pathname);
        const [problem] = report.problems;
        const ok = report.problems.length === 1 && problem.path === path && problem.message.includes(message)
          && problem.spot && /^Line \d+, column \d+ · /.test(problem.where);
        if (!ok) failures.push(`${file}: expected ${path}: …${message}…, got ${JSON.stringify(report.problems)}`);
      }
      assert.deepEqual(failures, []);
    });
  });

  test('selecting a problem selects its place in the text', async () => {
    await withChecker({ axe: true }, async ({ page }) => {
      const cases = [
        ['05-unknown-member-valeu.json', '"valeu": 12'],
        ['13-unknown-source-key.json', '"source": "report-c"'],
        ['01-syntax-trailing-comma.json', '}'],
        ['10-date-month-13.json', '"updated": "2023-13-01"'],
      ];
      for (const [file, spot] of cases) {
        const report = await openFile(page, new URL(file, INVALID).pathname);
        assert.equal(report.problems.length, 1, file);
        const line = Number(report.problems[0].where.match(/Line (\d+)/)[1]);
        const selection = await selectProblem(page);
        assert.ok(selection.focused, `${file}: the text box has the focus`);
        assert.ok(selection.selected.startsWith(spot), `${file}: selected ${JSON.stringify(selection.selected)}`);
        const before = await page.$eval('#text', (t) => t.value.slice(0, t.selectionStart).split('\n').length);
        assert.equal(before, line, `${file}: the selection is on the problem's line`);
        const visible = await page.$eval('#text', (t) => {
          const lineHeight = parseFloat(getComputedStyle(t).lineHeight);
          const top = (t.value.slice(0, t.selectionStart).split('\n').length - 1) * lineHeight;
          return top >= t.scrollTop && top + lineHeight <= t.scrollTop + t.clientHeight;
        });
        assert.ok(visible, `${file}: the selected line is scrolled into view`);
      }
      await assertNoAxeViolation(page, 'problems, English, 1000 px');
      await screenshot(page, 'check-problems-en-1000.png');
    });
  });

  test('in Arabic: the message in Arabic, the page right to left, the path and values left to right', async () => {
    await withChecker({ ui: 'ar', viewport: NARROW, axe: true }, async ({ page }) => {
      const report = await openFile(page, new URL('13-unknown-source-key.json', INVALID).pathname);
      assert.equal(report.state, 'invalid');
      const [problem] = report.problems;
      assert.equal(problem.path, 'indicators[0].points[2].source');
      assert.equal(problem.message, '"report-c" ليس مفتاحًا من مفاتيح sources');
      assert.match(problem.where, /^السطر \d+، العمود \d+ · /);
      assert.match(report.verdict, /ليست مجموعة بيانات plan-progress صالحة/);
      const directions = await page.evaluate(() => ({
        page: document.documentElement.dir,
        item: getComputedStyle(document.querySelector('#problems li')).direction,
        codes: [...document.querySelectorAll('#problems code')].map((c) => getComputedStyle(c).direction),
      }));
      assert.deepEqual(directions, { page: 'rtl', item: 'rtl', codes: ['ltr', 'ltr', 'ltr'] });
      assert.ok((await selectProblem(page)).selected.startsWith('"source": "report-c"'));
      // on a phone the line is longer than the box: the box scrolls sideways to the selection
      const shown = await page.$eval('#text', (t) => {
        const context = document.createElement('canvas').getContext('2d');
        context.font = getComputedStyle(t).font;
        const lineStart = t.value.lastIndexOf('\n', t.selectionStart - 1) + 1;
        const x = context.measureText(t.value.slice(lineStart, t.selectionStart)).width;
        return { x, left: t.scrollLeft, width: t.clientWidth };
      });
      assert.ok(shown.x >= shown.left && shown.x < shown.left + shown.width, JSON.stringify(shown));
      await assertNoAxeViolation(page, 'problems, Arabic, 360 px');
      await screenshot(page, 'check-problems-ar-360.png');
      // switching the interface's language says the same problems in its words
      await page.selectOption('#ui', 'fr');
      const fr = await page.$eval('#problems .message', (m) => m.textContent);
      assert.equal(fr, '"report-c" n\'est pas une clé de sources');
    });
  });
});

describe('files that are not datasets', () => {
  test('not JSON, binary junk, empty, oversized: each its message; the text box shows none of the last three', async () => {
    await withChecker({ allow: /404/ }, async ({ page }) => {
      const file = (name, buffer) => ({ name, mimeType: 'application/octet-stream', buffer });
      const cases = [
        [file('table.csv', Buffer.from('year,value\n2020,12\n')), 'syntax', 'table.csv is not valid JSON',
          'not valid JSON: line 1, column 1: unexpected character, expected a JSON value'],
        [file('photo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0xff, 0xfe, 0x80])),
          'not-text', 'photo.png is not a text file', 'the file is not UTF-8 text'],
        [file('empty.json', Buffer.alloc(0)), 'empty', 'empty.json is empty', 'the file is empty'],
        [file('huge.json', Buffer.alloc(600_000, 0x20)), 'too-large', 'huge.json is too large',
          'the file is 600000 bytes, more than the 524288 bytes a dataset may have'],
      ];
      for (const [input, state, verdict, message] of cases) {
        const report = await openFile(page, input);
        assert.equal(report.state, state, report.verdict);
        assert.ok(report.verdict.startsWith(verdict), report.verdict);
        assert.equal(report.problems.length, 1, JSON.stringify(report.problems));
        assert.ok(report.problems[0].message.startsWith(message), report.problems[0].message);
        if (state !== 'syntax') assert.equal(report.text, '', `${state}: the text box is empty`);
      }
      // the widget's messages for an address that cannot be read
      await page.fill('#url', 'data/no-such-file.json');
      const missing = await checked(page, () => page.click('#url-form button[type="submit"]'));
      assert.equal(missing.state, 'failed');
      assert.match(missing.verdict, /data\/no-such-file\.json could not be read: The server answered 404/);
      // in another interface language, the same failure in its words (not an earlier report)
      await page.selectOption('#ui', 'fr');
      const fr = await page.$eval('#verdict', (p) => p.textContent.replace(/[\u2066-\u2069]/g, ''));
      assert.match(fr, /^data\/no-such-file\.json n’a pas pu être lu : Le serveur a répondu 404/);
      assert.equal(await page.$$eval('#problems li', (items) => items.length), 0);
    });
  });

  test('pasted text is checked as it is, and the page at 360 px does not scroll sideways', async () => {
    await withChecker({ viewport: NARROW }, async ({ page }) => {
      const text = (await readFile(new URL('07-negative-value.json', INVALID), 'utf8'));
      await page.fill('#text', text);
      const report = await checked(page, () => page.click('#text-form button[type="submit"]'));
      assert.equal(report.state, 'invalid');
      assert.match(report.verdict, /^The text is not a valid plan-progress dataset\. Problems found: 1\.$/);
      assert.match(report.problems[0].message, /-3 is negative/);
      assert.equal(report.text, text, 'the text box keeps what was pasted');
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= NARROW.width, `the page is ${width} px wide`);
      await screenshot(page, 'check-problems-en-360.png');
    });
  });
});

test('the page in Arabic, 1000 px, before and after a check: right to left, no axe violation', async () => {
  await withChecker({ ui: 'ar', axe: true }, async ({ page }) => {
    assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
    assert.match(await page.$eval('h1', (h) => h.textContent), /التحقق من مجموعة بيانات/);
    await assertNoAxeViolation(page, 'empty, Arabic');
    const report = await openFile(page, MOROCCO.pathname);
    assert.equal(report.state, 'valid');
    await page.locator('#previews plan-progress').first().scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelector('#previews plan-progress').dataset.state === 'ready');
    await screenshot(page, 'check-valid-ar-1000.png');
    const problems = await openFile(page, new URL('26-milestones-out-of-order.json', INVALID).pathname);
    assert.equal(problems.state, 'invalid');
    await screenshot(page, 'check-problems-ar-1000.png');
  });
});
