// Keyboard only: every view, in English, French and Arabic, on a fixture page with a link before
// and a link after the chart (www/test-fixtures/a11y.html, which takes its language from the
// query and lets the widget take it from the page). Only real key presses (playwright's
// keyboard), never element.focus() or synthetic events: what a reader without a mouse can do.
//
// For each view and language, one page and these steps, each its own subtest:
//   - Tab order: from the start of the page, Tab reaches the legend buttons, the menu button,
//     the table toggle and the chart (one stop), in that order, then leaves the widget (no trap); Shift+Tab goes
//     back the same way. On its first focus the chart says the keyboard help, in the page's
//     language.
//   - Keys: every move key (arrows, Home, End, PageDown, PageUp) moves the focus to another
//     datum, in the key's direction; the live region says that datum's sentence, which gives
//     its value; the tooltip shows it; the focus ring is drawn on the overlay canvas.
//   - Enter and Space select the focused datum (plan-progress:select), Escape closes the
//     tooltip, a second Escape leaves the chart.
//   - Tab with a tooltip open does not lose the focus.
//   - The table toggle works with Enter and Space and shows a real table, with every datum
//     that the chart draws.
//   - Known data: the rating of 2013, the prosecutions of 2024, and (series view) the table's
//     figures against the chart's.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  assertNoErrors,
  canvasPixels,
  events,
  findPoint,
  fixtureUrl,
  focusedElement,
  launch,
  liveText,
  openPage,
  recordEvents,
  spokenDatum,
  tipState,
  waitForState,
} from './browser.mjs';

const VIEWS = ['series', 'rating', 'status', 'progress', 'timeline', 'overview'];
/** Words the keyboard help and the table's gaps say in each language (from src/i18n). */
const LANGS = {
  en: { help: 'arrows', noData: 'no data' },
  fr: { help: 'Flèches', noData: 'pas de données' },
  ar: { help: 'السهمان', noData: 'لا توجد بيانات' },
};
const W0 = '#w0';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** The Tab stops the widget should have, in order: legend buttons, menu button (its items are
 * reached with the arrow keys: menu.test.mjs), table toggle, chart. */
async function expectedStops(page) {
  return page.$eval(W0, (el) => [
    ...[...el.shadowRoot.querySelectorAll('.legend button')].map((b) => `w0>legend:${b.dataset.id}`),
    'w0>button.menu-button',
    'w0>toggle',
    'w0>stage',
  ]);
}

/**
 * Presses Tab (or Shift+Tab) until the focus reaches `until`, at most `max` times; returns
 * every element focused on the way (the last one is not `until` when the focus never got there).
 * `onStop(now)` runs after each press.
 */
async function tabUntil(page, until, { back = false, max = 30, onStop } = {}) {
  const seen = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const now = await focusedElement(page);
    seen.push(now);
    if (onStop) await onStop(now);
    if (now === until) break;
  }
  return seen;
}

/** Puts the keyboard focus on the chart: from the link after it, Shift+Tab (table closed). */
async function focusChart(page) {
  await page.focus('#end');
  await page.keyboard.press('Shift+Tab');
  assert.equal(await focusedElement(page), 'w0>stage', 'Shift+Tab from the link after the chart did not reach the chart');
}

/** The focused datum after `key`, once the live region has changed (or 1 s has passed). */
async function press(page, key) {
  const before = await liveText(page, W0);
  await page.keyboard.press(key);
  await page
    .waitForFunction(
      (text) => document.querySelector('#w0').shadowRoot.querySelector('[aria-live]').textContent !== text,
      before,
      { timeout: 1_000, polling: 20 },
    )
    .catch(() => {}); // a key that does not move leaves the text as it was: the caller says so
  return spokenDatum(page, W0);
}

/** The datum the live region speaks of, checked: one of the chart's, with its value. */
function checkSpoken(spoken, what) {
  assert.ok(
    spoken.index >= 0,
    `${what}: the live region does not say a datum's sentence (pointDetails(i).sentence): ${JSON.stringify(spoken.text)}`,
  );
  assert.ok(
    spoken.text.includes(spoken.details.value),
    `${what}: the live region does not give the datum's value ${JSON.stringify(spoken.details.value)}: ${spoken.text}`,
  );
}

/** Moves the keyboard focus to the datum whose data has every member of `match`. */
async function goTo(page, match, { max = 80 } = {}) {
  const target = await findPoint(page, W0, match);
  const [tx, ty] = target.details.box;
  let now = await spokenDatum(page, W0);
  const path = [];
  for (let n = 0; n < max && !now.indices.includes(target.index); n++) {
    let key = 'Home';
    if (now.index >= 0) {
      const [x, y] = now.details.box;
      const sameSeries = now.details.data.series === target.details.data.series;
      if (sameSeries && Math.abs(tx - x) > 0.5) key = tx > x ? 'ArrowRight' : 'ArrowLeft';
      else key = ty > y ? 'ArrowDown' : 'ArrowUp';
    }
    path.push(key);
    now = await press(page, key);
  }
  assert.ok(
    now.indices.includes(target.index),
    `the keys ${path.join(' ')} did not reach the datum ${JSON.stringify(match)} (index ${target.index}); ` +
      `the focus is on ${JSON.stringify(now.details?.data)}`,
  );
  return now;
}

/** The table of the widget as the page shows it: caption, headers, cells. */
async function readTable(page) {
  return page.$eval(W0, (el) => {
    const wrap = el.shadowRoot.querySelector('.table');
    const table = wrap.querySelector('table');
    const own = (node) =>
      [...node.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('').trim();
    if (!table) return { shown: !wrap.hidden, table: false };
    return {
      shown: !wrap.hidden && wrap.getBoundingClientRect().height > 0,
      table: true,
      caption: table.querySelector('caption')?.textContent.trim() ?? null,
      colHeaders: [...table.querySelectorAll('thead th')].map((th) => ({ scope: th.getAttribute('scope'), label: own(th), text: th.textContent })),
      rows: [...table.querySelectorAll('tbody tr')].map((tr) => {
        const th = tr.querySelector('th');
        return {
          header: th ? { scope: th.getAttribute('scope'), text: th.textContent.trim(), first: tr.firstElementChild === th } : null,
          cells: [...tr.querySelectorAll('td')].map((td) => ({ text: own(td), missing: td.classList.contains('missing') })),
        };
      }),
    };
  });
}

/** The toggle's state: { expanded, text, controls (the id it points to exists and is the table) }. */
async function toggleState(page) {
  return page.$eval(W0, (el) => {
    const toggle = el.shadowRoot.querySelector('.toggle');
    const id = toggle.getAttribute('aria-controls');
    return {
      expanded: toggle.getAttribute('aria-expanded'),
      text: toggle.textContent,
      controls: !!id && el.shadowRoot.getElementById(id)?.classList.contains('table'),
      stageShown: !el.shadowRoot.querySelector('.stage').hidden,
    };
  });
}

for (const view of VIEWS) {
  for (const [lang, words] of Object.entries(LANGS)) {
    test(`keyboard only: ${view} view in ${lang}`, async (t) => {
      const opened = await openPage(browser, fixtureUrl('a11y.html', { view, lang }), {
        width: 1000,
        height: 800,
        setup: (page) => recordEvents(page),
      });
      const { page, errors } = opened;
      try {
        await waitForState(page, W0);
        assert.ok((await page.$eval(W0, (el) => el.points)) > 1, `${view} has fewer than two data`);

        await t.test('Tab goes through the legend, the table toggle and the chart once, then leaves; the chart says the keys', async () => {
          const stops = await expectedStops(page);
          let help = null;
          const seen = await tabUntil(page, 'a#end', {
            onStop: async (now) => {
              if (now === 'w0>stage' && help === null) {
                help = await liveText(page, W0);
                assert.equal((await tipState(page, W0)).visible, false, 'a tooltip opened on focus alone');
              }
            },
          });
          assert.deepEqual(seen, ['a#start', ...stops, 'a#end'], 'the Tab stops from the start of the page');
          assert.ok(
            help?.includes(words.help),
            `on its first focus the chart's live region does not say the keyboard help in ${lang} ` +
              `(expected it to contain ${JSON.stringify(words.help)}): ${JSON.stringify(help)}`,
          );
          const back = await tabUntil(page, 'a#start', { back: true });
          assert.deepEqual(back, [...stops].reverse().concat('a#start'), 'the Shift+Tab stops from the end of the page');
        });

        await t.test('every move key moves the focus to another datum, says it and rings it', async () => {
          await focusChart(page);
          let now = await press(page, 'ArrowRight');
          checkSpoken(now, 'ArrowRight on the focused chart');
          assert.equal((await tipState(page, W0)).visible, true, 'the focused datum has no tooltip');
          let ring = await canvasPixels(page, W0, 'overlay');
          assert.ok(ring.opaque > 0, 'no focus ring is drawn on the overlay canvas');
          // Moves are spatial (src/chart/hit.rs): each key goes to a datum that way, if there is
          // one. Each pair of opposite keys is pressed in the order in which the first one has
          // somewhere to go from where the focus is (a right-to-left board starts on the right).
          const boxes = await page.$eval(W0, (el) => Array.from({ length: el.points }, (_, i) => el.pointDetails(i).box));
          const room = (from, axis, sign) => boxes.some((b) => sign * (b[axis] - from.details.box[axis]) > 0.5);
          // in a single column (the progress list), Left/Right, Home/End and PageUp/PageDown go
          // to the previous and next data, which lie up and down
          const column = boxes.every((b) => Math.abs(b[0] - boxes[0][0]) < 0.5);
          const across = column ? 1 : 0;
          const pairs = [
            [['ArrowRight', across, 1], ['ArrowLeft', across, -1]],
            [['ArrowDown', 1, 1], ['ArrowUp', 1, -1]],
            [['End', across, 1], ['Home', across, -1]],
            [['PageDown', across, 1], ['PageUp', across, -1]],
          ];
          const problems = [];
          for (const pair of pairs) {
            const [first] = pair;
            const ordered = first[0] === 'End' || room(now, first[1], first[2]) ? pair : [...pair].reverse();
            for (const [key, axis, sign] of ordered) {
              const from = now;
              now = await press(page, key);
              checkSpoken(now, key);
              const label = `${key} from #${from.index} ${JSON.stringify(from.details.data)}`;
              if (now.indices.includes(from.index)) {
                const why = room(from, axis, sign) ? 'though there are data that way' : 'there is no datum that way';
                problems.push(`${label}: the focus did not move (${why})`);
                continue;
              }
              const along = sign * (now.details.box[axis] - from.details.box[axis]);
              const strict = key.startsWith('Arrow');
              if (strict ? !(along > 0.5) : along < -0.5) {
                problems.push(`${label}: went the wrong way, to #${now.index} (box ${JSON.stringify(now.details.box)} from ${JSON.stringify(from.details.box)})`);
              }
              const tip = await tipState(page, W0);
              if (!tip.visible || !tip.text.includes(now.details.value)) {
                problems.push(`${label}: the tooltip does not show ${JSON.stringify(now.details.value)}: ${tip.text}`);
              }
              const next = await canvasPixels(page, W0, 'overlay');
              if (next.opaque === 0 || next.hash === ring.hash) problems.push(`${label}: the focus ring did not move on the overlay`);
              ring = next;
            }
          }
          assert.ok(problems.length === 0, `move keys in the ${view} view (${lang}):\n  ${problems.join('\n  ')}`);
        });

        await t.test('Enter and Space select the focused datum; Escape closes the tooltip, then leaves', async () => {
          await focusChart(page);
          const now = await press(page, 'ArrowDown');
          checkSpoken(now, 'ArrowDown');
          const before = (await events(page, 'plan-progress:select')).length;
          const scroll = await page.evaluate(() => scrollY);
          await page.keyboard.press('Enter');
          await page.keyboard.press(' ');
          await page.waitForFunction((n) => window.__ppEvents.filter((e) => e.type === 'plan-progress:select').length >= n + 2, before, { timeout: 2_000 }).catch(() => {});
          const selects = (await events(page, 'plan-progress:select')).slice(before);
          assert.equal(selects.length, 2, `Enter then Space: ${selects.length} plan-progress:select event(s)`);
          for (const [i, key] of ['Enter', 'Space'].entries()) {
            assert.equal(selects[i].id, 'w0');
            assert.deepEqual(selects[i].detail, now.details.data, `${key} selected another datum than the focused one`);
          }
          assert.equal(await page.evaluate(() => scrollY), scroll, 'Space on the chart scrolled the page');

          assert.equal((await tipState(page, W0)).visible, true);
          await page.keyboard.press('Escape');
          assert.equal((await tipState(page, W0)).visible, false, 'Escape did not close the tooltip');
          assert.equal(await focusedElement(page), 'w0>stage', 'the first Escape moved the focus');
          assert.ok((await canvasPixels(page, W0, 'overlay')).opaque > 0, 'the focus ring went with the tooltip');
          await page.keyboard.press('Escape');
          const left = await focusedElement(page);
          assert.notEqual(left, 'w0>stage', 'a second Escape left the focus on the chart');
          await page.keyboard.press('Tab');
          assert.equal(await focusedElement(page), 'a#end', 'after Escape, Tab does not go on to the link after the chart');
        });

        // (the same in every language: checked once per view)
        if (lang === 'en') await t.test('Tab from a datum with its tooltip open does not lose the focus', async () => {
          await focusChart(page);
          const now = await press(page, 'ArrowRight');
          checkSpoken(now, 'ArrowRight');
          const tip = await page.$eval(W0, (el) => el.shadowRoot.querySelectorAll('.tip a[href], .tip button').length);
          await page.keyboard.press('Tab');
          const to = await focusedElement(page);
          const state = await page.evaluate(() => {
            const host = document.activeElement;
            const inner = host?.shadowRoot?.activeElement ?? host;
            const r = inner?.getBoundingClientRect();
            return { visible: !!r && r.width > 0 && r.height > 0 && !inner.closest?.('[hidden]') };
          });
          assert.ok(
            to !== 'body' && state.visible,
            `Tab with the tooltip of datum #${now.index} open (${tip} focusable element(s) in it) put the focus on ` +
              `${to}${state.visible ? '' : ' (hidden)'}: the focus is lost (WCAG 2.4.3, 2.4.7)`,
          );
        });

        await t.test('the table toggle works with Enter and Space and shows a real table', async () => {
          await page.focus('#end');
          await page.keyboard.press('Shift+Tab');
          await page.keyboard.press('Shift+Tab');
          assert.equal(await focusedElement(page), 'w0>toggle', 'Shift+Tab twice from the link after the chart');
          const closed = await toggleState(page);
          assert.deepEqual({ ...closed, text: undefined }, { expanded: 'false', controls: true, stageShown: true, text: undefined });

          await page.keyboard.press('Enter');
          const open = await toggleState(page);
          assert.equal(open.expanded, 'true', 'Enter on the toggle did not open the table');
          assert.equal(open.stageShown, false, 'the chart is still shown with the table');
          assert.notEqual(open.text, closed.text, 'the toggle says the same thing open and closed');
          assert.equal(await focusedElement(page), 'w0>toggle', 'the toggle lost the focus');
          const table = await readTable(page);
          assert.ok(table.table && table.shown, 'no <table> is shown');
          assert.ok(table.caption, 'the table has no <caption>');
          assert.ok(table.colHeaders.length >= 2, 'the table has fewer than two column headers');
          for (const th of table.colHeaders) assert.equal(th.scope, 'col', `column header ${th.text} without scope="col"`);
          assert.ok(table.rows.length >= 1, 'the table has no rows');
          for (const row of table.rows) {
            assert.ok(row.header?.first && row.header.scope === 'row', `a row does not start with a th[scope=row]: ${JSON.stringify(row)}`);
            assert.equal(row.cells.length, table.colHeaders.length - 1, `row ${row.header.text} has ${row.cells.length} cells`);
          }

          await page.keyboard.press(' ');
          const again = await toggleState(page);
          assert.equal(again.expanded, 'false', 'Space on the toggle did not close the table');
          assert.equal(again.stageShown, true, 'the chart did not come back');
          assert.equal(again.text, closed.text);
          assert.equal((await readTable(page)).shown, false, 'the table is still shown');
          assert.equal(await focusedElement(page), 'w0>toggle', 'the toggle lost the focus');
        });

        await t.test('the table lists every datum the chart draws', async () => {
          await page.focus('#end');
          await page.keyboard.press('Shift+Tab');
          await page.keyboard.press('Shift+Tab');
          await page.keyboard.press('Enter');
          assert.equal((await toggleState(page)).expanded, 'true', 'Enter on the toggle did not open the table');
          const result = await page.$eval(W0, (el) => {
            const own = (node) =>
              [...node.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('').trim();
            const rows = [...el.shadowRoot.querySelectorAll('.table tbody tr')].map((tr) => ({
              head: tr.firstElementChild.textContent.trim(),
              text: tr.textContent,
              cells: [...tr.children].map(own),
            }));
            const digits = (s) => String(s).replace(/\D/g, '');
            const missing = [];
            for (let i = 0; i < el.points; i++) {
              const d = el.pointDetails(i);
              // a figure: its number in the row of its year; anything else: a row that says its
              // value (a tier, a status, a milestone) and its year
              // (the overview's table has one row per datum: its value and year in the row)
              const found = d.data.kind === 'figure'
                ? rows.some((r) => r.head === d.when && r.cells.slice(1).some((c) => c && digits(c) === digits(d.data.value)))
                  || rows.some((r) => r.text.includes(d.value) && r.text.includes(d.when))
                : rows.some((r) => r.text.includes(d.value) && (!d.when || r.text.includes(d.when) || r.text.includes(d.when.slice(0, 4))));
              if (!found) missing.push(`#${i} ${d.data.kind} ${d.heading}: ${d.when ?? ''} ${d.value}`);
            }
            return { points: el.points, kinds: [...new Set(Array.from({ length: el.points }, (_, i) => el.pointDetails(i).data.kind))], missing };
          });
          await page.keyboard.press('Enter'); // close it again
          assert.ok(
            result.missing.length === 0,
            `the ${view} chart draws ${result.points} data (${result.kinds.join(', ')}), and its table leaves out ` +
              `${result.missing.length} of them (WCAG 1.1.1: the table is the chart's text alternative):\n  ` +
              `${result.missing.slice(0, 8).join('\n  ')}${result.missing.length > 8 ? '\n  …' : ''}`,
          );
        });

        if (view === 'rating') {
          await t.test('the rating of 2013 is spoken and shown', async () => {
            await focusChart(page);
            const now = await goTo(page, { year: 2013 });
            checkSpoken(now, 'rating 2013');
            const tip = await page.$eval(W0, (el) => el.shadowRoot.querySelector('.tip .value').textContent);
            if (lang === 'en') {
              assert.equal(now.details.value, 'Tier 2 Watch List');
              assert.ok(now.text.includes('Tier 2 Watch List'), `live region: ${now.text}`);
              assert.equal(tip, '2013 · Tier 2 Watch List');
            }
            assert.ok(tip.includes(now.details.value), `tooltip: ${tip}`);
          });
        }

        if (view === 'series') {
          await t.test('the prosecutions of 2024 are spoken and shown', async () => {
            await focusChart(page);
            const now = await goTo(page, { series: 'tip-prosecutions', year: 2024 });
            checkSpoken(now, 'tip-prosecutions 2024');
            assert.match(now.details.value, /\b213\b/);
            assert.match(now.text, /\b213\b/, `live region: ${now.text}`);
            assert.match((await tipState(page, W0)).text, /\b213\b/);
          });

          await t.test("the table gives the chart's figures, and says where there are none", async () => {
            await page.focus('#end');
            await page.keyboard.press('Shift+Tab');
            await page.keyboard.press('Shift+Tab');
            await page.keyboard.press('Enter');
            const table = await readTable(page);
            const data = await page.$eval(W0, (el) => Array.from({ length: el.points }, (_, i) => el.pointDetails(i)));
            // the series view draws every series: the chart must show them all here
            const columns = table.colHeaders.slice(1).map((c) => c.label);
            const problems = [];
            const charted = new Set();
            for (const [i, d] of data.entries()) {
              const col = columns.indexOf(d.heading);
              const row = table.rows.findIndex((r) => r.header.text === d.when);
              if (col < 0 || row < 0) {
                problems.push(`datum #${i} (${d.heading}, ${d.when}) has no cell (columns ${JSON.stringify(columns)})`);
                continue;
              }
              charted.add(`${row},${col}`);
              const cell = table.rows[row].cells[col];
              const digits = (s) => String(s).replace(/\D/g, '');
              if (cell.missing) problems.push(`${d.heading} ${d.when}: the chart shows ${d.value}, the table says ${cell.text}`);
              else if (!d.value.startsWith(cell.text) || digits(cell.text) !== digits(d.data.value)) {
                problems.push(`${d.heading} ${d.when}: the chart shows ${d.value} (${d.data.value}), the table ${cell.text}`);
              }
            }
            let gaps = 0;
            for (const [r, row] of table.rows.entries()) {
              for (const [c, cell] of row.cells.entries()) {
                if (charted.has(`${r},${c}`)) continue;
                gaps++;
                if (!cell.missing || !cell.text.startsWith(words.noData)) {
                  problems.push(`${columns[c]} ${row.header.text}: no datum in the chart, but the table says ${JSON.stringify(cell.text)} (missing: ${cell.missing})`);
                }
              }
            }
            assert.ok(gaps > 0, 'the series view has gaps (years without a figure): the table shows none');
            assert.ok(problems.length === 0, `table against chart:\n  ${problems.join('\n  ')}`);
            await page.keyboard.press('Enter'); // close it again
          });
        }

        assertNoErrors(errors);
      } finally {
        await opened.context.close();
      }
    });
  }
}
