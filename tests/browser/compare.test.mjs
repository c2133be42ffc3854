// The compare view in the browser (issue 18): Morocco and six neighbours on the TIP tier scale,
// from dist/data/neighbours.json.
//   - It becomes ready in French, Arabic and English at 360 and 1000 px: every cell of 7
//     countries x 25 years is a datum, the canvas is drawn, nothing sticks out, and the grid is
//     turned on the phone (years as rows: a country's cells in one column) and not at 1000 px.
//     Screenshots in Arabic and English, light and dark, at both widths (SCREENSHOT_DIR).
//   - Real key presses walk across countries and years, wherever the grid puts them; every step
//     announces the datum in the live region with its year, its tier and its source; Libya 2020
//     is announced as a special case, Egypt 2025 as no data (and without a source).
//   - axe-core finds no violation, light and dark, at 360 and 1000 px, with the chart, with its
//     table open and with a tooltip open.
//   - The CSV of the data shown writes "special case" and "not ranked" out and leaves only the
//     gap (Egypt 2025) empty.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import {
  assertChartsNotBlank,
  assertFits,
  assertNoErrors,
  findPoint,
  fixtureUrl,
  formatViolations,
  launch,
  liveText,
  openPage,
  runAxe,
  screenshotElement,
  spokenDatum,
  waitForState,
  waitForTip,
} from './browser.mjs';
import { readCsv } from './csv.mjs';

const SRC = '/data/neighbours.json';
const W0 = '#w0';
/** What the widget says in each language (src/i18n): a special case, a gap, a source. */
const WORDS = {
  en: { special: 'special case', gap: 'no data', source: 'Source:', libya: 'Libya', egypt: 'Egypt' },
  fr: { special: 'cas particulier', gap: 'pas de données', source: 'Source :', libya: 'Libye', egypt: 'Égypte' },
  ar: { special: 'حالة خاصة', gap: 'لا توجد بيانات', source: 'المصدر:', libya: 'ليبيا', egypt: 'مصر' },
};

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Opens widget.html with compare widgets of `attrs` at `width`, all ready. */
async function open(widgets, width) {
  const all = widgets.map((attrs) => ({ src: SRC, view: 'compare', ...attrs }));
  const opened = await openPage(browser, fixtureUrl('widget.html', { widgets: all }), { width, height: 900 });
  for (let i = 0; i < all.length; i++) await waitForState(opened.page, `#w${i}`);
  return opened;
}

/** The boxes of the first two data (Morocco 2001 and 2002): whether the grid is turned. */
async function turned(page, selector) {
  return page.$eval(selector, (el) => {
    const [a, b] = [el.pointDetails(0).box, el.pointDetails(1).box];
    return Math.abs(a[0] - b[0]) < 0.5 && b[1] > a[1];
  });
}

for (const width of [360, 1000]) {
  test(`the comparison is drawn in fr, ar and en at ${width} px, light and dark`, async () => {
    for (const lang of ['fr', 'ar', 'en']) {
      const { page, context, errors } = await open([{ lang }, { lang, theme: 'dark' }], width);
      try {
        for (const id of ['#w0', '#w1']) {
          assert.equal(await page.$eval(id, (el) => el.points), 7 * 25, `${lang} ${width} ${id}: every cell is a datum`);
          assert.equal(await turned(page, id), width < 600, `${lang} ${width} ${id}: years as rows only on the phone`);
        }
        const first = await page.$eval(W0, (el) => el.pointDetails(0).data);
        assert.deepEqual([first.subject, first.year], ['MA', 2001], `${lang}: Morocco leads`);
        const dir = await page.$eval(W0, (el) => el.shadowRoot.querySelector('.pp').getAttribute('dir'));
        assert.equal(dir, lang === 'ar' ? 'rtl' : 'ltr');
        await assertChartsNotBlank(page);
        await assertFits(page);
        if (lang !== 'fr') {
          await screenshotElement(page, '#w0', `compare-${lang}-light-${width}.png`);
          await screenshotElement(page, '#w1', `compare-${lang}-dark-${width}.png`);
        }
        assertNoErrors(errors);
      } finally {
        await context.close();
      }
    }
  });
}

/**
 * Walks the keyboard focus to the datum whose data has every member of `match`, with arrow keys
 * only: Up or Down while the target is above or below, else Left or Right. Each press must move
 * to another datum and announce it: `onStep(spoken)` checks each announcement. Returns the last.
 */
async function walkTo(page, match, onStep) {
  const target = await findPoint(page, W0, match);
  for (let step = 0; step < 60; step++) {
    const here = await spokenDatum(page, W0);
    if (here.index === target.index) return here;
    const [hx, hy] = here.details.box;
    const [tx, ty] = target.details.box;
    const key = Math.abs(ty - hy) > 1 ? (ty > hy ? 'ArrowDown' : 'ArrowUp') : (tx > hx ? 'ArrowRight' : 'ArrowLeft');
    const before = await liveText(page, W0);
    await page.keyboard.press(key);
    await page.waitForFunction(
      (text) => document.querySelector('#w0').shadowRoot.querySelector('[aria-live]').textContent !== text,
      before,
      { timeout: 2_000, polling: 20 },
    );
    onStep(await spokenDatum(page, W0), key);
  }
  assert.fail(`the arrows did not reach ${JSON.stringify(match)} in 60 presses`);
}

for (const width of [1000, 360]) {
  for (const lang of ['en', 'fr', 'ar']) {
    test(`${lang} ${width} px: the keyboard walks across countries and years and says each cell`, async () => {
      const words = WORDS[lang];
      const url = fixtureUrl('a11y.html', { lang, src: SRC, view: 'compare' });
      const { page, context, errors } = await openPage(browser, url, { width, height: 900 });
      try {
        await waitForState(page, W0);
        await page.focus('#end');
        await page.keyboard.press('Shift+Tab');
        await page.keyboard.press('ArrowRight');
        await waitForTip(page, W0, true);
        const seen = new Set();
        const check = (spoken, key) => {
          const what = `${key} -> ${spoken.text}`;
          assert.ok(spoken.index >= 0, `${what}: not a datum's sentence`);
          const { data, value, when } = spoken.details;
          seen.add(`${data.subject} ${data.year}`);
          assert.ok(spoken.text.includes(when) && spoken.text.includes(value), `${what}: no year or value`);
          if (data.value || data.placement) assert.ok(spoken.text.includes(words.source), `${what}: no source`);
        };
        check(await spokenDatum(page, W0), 'first');
        // a country's line, then across countries to Libya, then down to Egypt
        const libya = await walkTo(page, { subject: 'LY', year: 2020 }, check);
        assert.ok(libya.text.startsWith(`${words.libya}`), libya.text);
        assert.ok(libya.text.includes(words.special), `Libya 2020 is not said to be a special case: ${libya.text}`);
        assert.equal(libya.details.data.placement, 'special_case');
        const egypt = await walkTo(page, { subject: 'EG', year: 2025 }, check);
        assert.ok(egypt.text.startsWith(words.egypt), egypt.text);
        assert.ok(egypt.text.includes(words.gap), `Egypt 2025 is not said to have no data: ${egypt.text}`);
        assert.ok(!egypt.text.includes(words.source), `a gap has no source: ${egypt.text}`);
        const countries = new Set([...seen].map((s) => s.split(' ')[0]));
        const years = new Set([...seen].map((s) => s.split(' ')[1]));
        assert.ok(countries.size >= 3 && years.size >= 5, `the walk stayed put: ${[...seen].join(', ')}`);
        // the tooltip says the same
        const tip = await page.$eval(W0, (el) => el.shadowRoot.querySelector('.tip').textContent);
        assert.ok(tip.includes(words.gap), tip);
        assertNoErrors(errors);
      } finally {
        await context.close();
      }
    });
  }
}

test('axe finds no violation: light and dark, 360 and 1000 px, chart, table and tooltip', async () => {
  for (const lang of ['en', 'ar']) {
    const url = fixtureUrl('a11y.html', { lang, src: SRC, view: 'compare', theme: 'auto' });
    const opened = await openPage(browser, url, { width: 1000, height: 900, bypassCSP: true });
    const { page } = opened;
    const found = [];
    try {
      for (const scheme of ['light', 'dark']) {
        for (const width of [1000, 360]) {
          await page.emulateMedia({ colorScheme: scheme });
          await page.setViewportSize({ width, height: 900 });
          await waitForState(page, W0);
          await page.waitForFunction(() => {
            const el = document.querySelector('#w0');
            const canvas = el.shadowRoot.querySelector('canvas.chart');
            return Math.abs(canvas.clientWidth - (Math.round(el.clientWidth) - 24)) <= 1;
          });
          const at = `${lang} ${scheme} ${width}px`;
          const record = (state, results) => {
            if (results.violations.length) found.push(formatViolations(results.violations, `${at}, ${state}`));
          };
          record('chart', await runAxe(page));
          await page.$eval(W0, (el) => el.shadowRoot.querySelector('.toggle').click());
          await page.waitForFunction(() => !!document.querySelector('#w0').shadowRoot.querySelector('.table table'));
          record('table open', await runAxe(page));
          await page.$eval(W0, (el) => el.shadowRoot.querySelector('.toggle').click());
          await page.$eval(W0, (el) => el.shadowRoot.querySelector('.stage').focus());
          await page.keyboard.press('ArrowRight');
          await waitForTip(page, W0, true);
          record('tooltip open', await runAxe(page, { context: { include: [[W0]] } }));
          await page.keyboard.press('Escape');
          await page.$eval(W0, (el) => el.shadowRoot.querySelector('.stage').blur());
        }
      }
      assert.ok(found.length === 0, `axe violations:\n${found.join('\n')}`);
      assertNoErrors(opened.errors);
    } finally {
      await opened.context.close();
    }
  }
});

test('the CSV writes special cases and unranked years out and leaves only a gap empty', async () => {
  for (const [lang, words, notRanked] of [['en', WORDS.en, 'not ranked'], ['ar', WORDS.ar, 'غير مصنف']]) {
    const { page, context, errors } = await open([{ lang }], 1000);
    try {
      await page.locator(`${W0} .menu-button`).click();
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        page.locator(`${W0} .menu [data-action="csv-shown"]`).click(),
      ]);
      const rows = readCsv(await readFile(await file.path()));
      assert.equal(rows.length, 1 + 25);
      const column = (name) => rows[0].indexOf(name);
      const cell = (year, name) => rows.find((r) => r[0] === String(year))[column(name)];
      assert.equal(cell(2020, words.libya), words.special, `${lang}: Libya 2020`);
      assert.equal(cell(2025, words.egypt), '', `${lang}: Egypt 2025, a gap, is empty`);
      const algeria = lang === 'en' ? 'Algeria' : 'الجزائر';
      assert.equal(cell(2001, algeria), notRanked, `${lang}: Algeria 2001`);
      // every other cell has a value: the gap is the only empty one
      const empty = rows.slice(1).flatMap((r) => r.slice(1)).filter((c) => c === '');
      assert.equal(empty.length, 1, `${lang}: empty cells`);
      assertNoErrors(errors);
    } finally {
      await context.close();
    }
  }
});
