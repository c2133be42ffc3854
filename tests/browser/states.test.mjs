// The widget's state as a reader and a host page meet it: an error in Arabic is all Arabic and
// right to left; `points` is 0 in every state but ready; changing `view` with a `series` of
// another view takes the new view's default (README, "Embedding"); Latin words inside Arabic
// dataset text keep their order when the tooltip wraps them.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { assertNoErrors, findPoint, fixtureUrl, launch, openPage, waitForState, waitForTip } from './browser.mjs';

const W0 = '#w0';
const MINIMAL = JSON.parse(await readFile(new URL('../datasets/valid/minimal.json', import.meta.url), 'utf8'));

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Opens widget.html with one widget of `attrs`; `setup` as openPage's. */
async function open(attrs, { width = 900, setup } = {}) {
  return openPage(browser, fixtureUrl('widget.html', { widgets: [attrs] }), { width, height: 900, setup });
}

/** What the error box shows and how: its texts, direction, language and fonts. */
async function errorBox(page) {
  return page.$eval(W0, (el) => {
    const box = el.shadowRoot.querySelector('.message');
    const detail = box.querySelector('.detail');
    return {
      title: box.querySelector('strong')?.textContent ?? '',
      detail: detail?.textContent ?? '',
      retry: box.querySelector('button')?.textContent ?? '',
      direction: getComputedStyle(box).direction,
      lang: box.closest('[lang]')?.getAttribute('lang'),
      detailFont: detail ? getComputedStyle(detail).fontFamily : '',
      problems: box.querySelector('pre')?.textContent ?? null,
    };
  });
}

/** Latin letters, outside the series id a reader wrote (quoted in the message). */
const latin = (text, quoted) => text.replace(quoted, '').match(/[A-Za-z]+/g) ?? [];

test('an error in Arabic is all Arabic, right to left, in the text font', async () => {
  const { page, context, errors } = await open({ view: 'rating', series: 'zzz', lang: 'ar' });
  await waitForState(page, W0, 'error');
  const box = await errorBox(page);
  assert.equal(box.direction, 'rtl');
  assert.equal(box.lang, 'ar');
  assert.match(box.title, /[\u0600-\u06ff]/, box.title);
  assert.match(box.detail, /«zzz»/, box.detail);
  assert.deepEqual(latin(`${box.title} ${box.detail} ${box.retry}`, 'zzz'), [], JSON.stringify(box));
  assert.doesNotMatch(box.detailFont, /mono/, 'the message is not set in a code font');
  assert.equal(box.problems, null);
  // and in French, in French
  await page.$eval(W0, (el) => el.setAttribute('lang', 'fr'));
  await page.waitForFunction((sel) => /Ce graphique/.test(document.querySelector(sel).shadowRoot.querySelector('.message').textContent), W0);
  const fr = await errorBox(page);
  assert.equal(fr.direction, 'ltr');
  assert.match(fr.detail, /les données n'ont pas de série « zzz »/, fr.detail);
  assertNoErrors(errors);
  await context.close();
});

test('points is 0 in every state but ready', async () => {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  const { page, context, errors } = await open({ view: 'series' }, {
    setup: (p) => p.route('**/data/morocco.json', async (route) => {
      await held;
      await route.continue();
    }),
  });
  const state = () => page.$eval(W0, (el) => ({ state: el.dataset.state, points: el.points, first: el.pointDetails(0) }));
  assert.deepEqual(await state(), { state: 'loading', points: 0, first: null });
  release();
  await waitForState(page, W0, 'ready');
  const ready = await state();
  assert.ok(ready.points > 0 && ready.first, JSON.stringify(ready));
  // a view that cannot be drawn: error, and nothing is left drawn
  await page.$eval(W0, (el) => el.setAttribute('series', 'zzz'));
  await waitForState(page, W0, 'error');
  assert.deepEqual(await state(), { state: 'error', points: 0, first: null });
  // back to a good one: ready again
  await page.$eval(W0, (el) => el.setAttribute('series', 'tip-convictions'));
  await page.waitForFunction((sel) => document.querySelector(sel).dataset.state === 'ready', W0);
  const again = await state();
  assert.ok(again.points > 0 && again.first, JSON.stringify(again));
  assertNoErrors(errors);
  await context.close();
});

test('a view change with a series of another view takes the new view\'s default', async () => {
  const { page, context, errors } = await open({ view: 'series', series: 'tip-investigations' });
  await waitForState(page, W0, 'ready');
  await page.$eval(W0, (el) => el.setAttribute('view', 'rating'));
  await page.waitForFunction((sel) => document.querySelector(sel).points === 25, W0);
  const title = await page.$eval(W0, (el) => el.shadowRoot.querySelector('.title').textContent);
  assert.match(title, /tier/i, title);
  assert.equal(await page.$eval(W0, (el) => el.dataset.state), 'ready');
  // an id that no view of the dataset knows is still an error
  await page.$eval(W0, (el) => el.setAttribute('series', 'tip-investigations,nope'));
  await waitForState(page, W0, 'error');
  assert.match(await page.$eval(W0, (el) => el.shadowRoot.querySelector('.message').textContent), /nope/);
  assertNoErrors(errors);
  await context.close();
});

/** A Latin run with hyphens, longer than a tooltip's line. */
const RUN = 'pmp-persons-prosecuted-by-the-public-prosecution-service-of-morocco';

/** A dataset whose Arabic note holds a Latin run with hyphens and brackets. */
function bidiDataset() {
  const note = `عدد الأشخاص المتابعين كما ورد في سلسلة النيابة العامة (${RUN}) حسب تقرير المجلس الأعلى للسلطة القضائية لسنة 2024.`;
  return JSON.stringify({
    ...MINIMAL,
    plan: { ...MINIMAL.plan, languages: ['ar'], default_language: 'ar' },
    indicators: [{
      id: 'persons', label: 'الأشخاص المتابعون', unit: 'شخص',
      points: [
        { year: 2022, value: 153, source: 'plan-text', note },
        { year: 2023, value: 171, source: 'plan-text' },
      ],
    }],
  });
}

test('Latin runs in Arabic dataset text keep their order in a wrapped tooltip', async () => {
  const { page, context, errors } = await open({ src: '/test-fixtures/bidi.json', view: 'series', lang: 'ar' }, {
    width: 360,
    setup: (p) => p.route('**/test-fixtures/bidi.json', (route) => route.fulfill({ contentType: 'application/json', body: bidiDataset() })),
  });
  await waitForState(page, W0, 'ready');
  const point = await findPoint(page, W0, { year: 2022 });
  await page.mouse.move(point.x, point.y, { steps: 3 });
  await waitForTip(page, W0, true);
  // each letter of the Latin run on screen, in the text's order: within a line its letters go
  // left to right, and a line break inside it leaves the start of the run on the upper line
  const letters = await page.$eval(W0, (el, word) => {
    const note = el.shadowRoot.querySelector('.tip .note');
    const node = [...note.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.data.includes(word));
    const start = node.data.indexOf(word);
    const range = document.createRange();
    return [...word].map((c, i) => {
      range.setStart(node, start + i);
      range.setEnd(node, start + i + 1);
      const r = range.getClientRects()[0];
      return { c, x: r.left, top: Math.round(r.top), lines: note.getClientRects().length };
    });
  }, RUN);
  assert.ok(new Set(letters.map((l) => l.top)).size > 1, `the run did not wrap: the test would prove nothing: ${JSON.stringify(letters)}`);
  for (let i = 1; i < letters.length; i++) {
    const [a, b] = [letters[i - 1], letters[i]];
    if (a.top === b.top) assert.ok(b.x > a.x, `"${a.c}" then "${b.c}" are not left to right: ${JSON.stringify(letters)}`);
    else assert.ok(b.top > a.top, `"${b.c}" went up a line: ${JSON.stringify(letters)}`);
  }
  // the brackets stay outside the run, on its sides: "(" to its right, ")" to its left in RTL
  const text = await page.$eval(W0, (el) => el.pointDetails(0).note);
  assert.ok(text.includes(`(\u2066${RUN}\u2069)`), JSON.stringify(text));
  assertNoErrors(errors);
  await context.close();
});
