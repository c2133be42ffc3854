// French, Arabic and English in the browser (issue: "Arabic done right"), on widget.html:
//   - every number and date case of tests/formats.json comes out of the widget's wasm (which
//     formats with the browser's Intl) exactly as the native renderer writes it (ICU4X, checked
//     by src/i18n/format.rs against the same file);
//   - every view renders in fr, ar and en;
//   - in Arabic the widget is laid out right to left: the frame is dir="rtl", the legend and the
//     title sit against the right edge, the value axis's labels are drawn on the right of the
//     canvas (ink measured in the canvas's side strips);
//   - mixed text keeps its visual order: in an Arabic table cell "19 شتنبر 2002" the day is
//     right of the year, in English left of it (Range rectangles of the laid-out text);
//   - digits="arab" writes Arabic-Indic digits; x-direction="rtl" puts the latest year on the left;
//   - the language switch (languages="fr,ar,en") re-renders in place, by mouse and keyboard;
//   - with no lang attribute, the nearest ancestor's lang decides.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import {
  assertNoErrors,
  fixtureUrl,
  launch,
  openPage,
  screenshotElement,
  waitForState,
} from './browser.mjs';

const VIEWS = ['series', 'rating', 'status', 'progress', 'timeline', 'overview'];
const LANGS = ['fr', 'ar', 'en'];

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Opens widget.html with one widget per attribute set and waits until all are ready. */
async function open(widgets, { width = 1000, height = 900 } = {}) {
  const opened = await openPage(browser, fixtureUrl('widget.html', { widgets }), { width, height });
  for (let i = 0; i < widgets.length; i++) await waitForState(opened.page, `#w${i}`);
  return opened;
}

async function withPage(widgets, check, size) {
  const { page, context, errors } = await open(widgets, size);
  try {
    await check(page);
    assertNoErrors(errors);
  } finally {
    await context.close();
  }
}

test('numbers and dates from the wasm (Intl) equal tests/formats.json (the native output)', async () => {
  const fixture = JSON.parse(await readFile(new URL('../formats.json', import.meta.url), 'utf8'));
  const cases = fixture.cases.filter((c) => c.kind === 'number' || c.kind === 'date');
  assert.ok(cases.length > 80, `only ${cases.length} cases`);
  await withPage([{ view: 'rating' }], async (page) => {
    const got = await page.evaluate(async (cases) => {
      // the bindings of the wasm the widgets use, already initialised
      const wasm = await customElements.get('plan-progress').load();
      return cases.map((c) => (c.kind === 'number'
        ? wasm.formatNumber(c.value, c.locale, c.decimals)
        : wasm.formatDate(c.date, c.locale, c.abbreviate)));
    }, cases);
    const wrong = cases
      .map((c, i) => ({ ...c, got: got[i] }))
      .filter((c) => c.got !== c.text)
      .map((c) => JSON.stringify(c));
    assert.deepEqual(wrong, [], `${wrong.length} of ${cases.length} differ`);
  });
});

test('figures with more digits than the quick reader takes are read as natively (parseFloat)', async () => {
  // src/decimal.rs reads short numbers itself and hands longer ones to the browser's parseFloat
  // (natively to Rust's parser): both must give the nearest double, which CSV writes shortest
  const text = (await readFile(new URL('../datasets/valid/gaps.json', import.meta.url), 'utf8'))
    .replace('"value": 23,', '"value": 123456789012.34567,') // 17 digits: parseFloat
    .replace('"value": 31,', '"value": 0.1000000000000000055511151231257827,') // parseFloat
    .replace('"value": 4,', '"value": 4.0000000000000000000000001e0,') // parseFloat
    .replace('"year": 2016, "value": null', '"year": 2016, "value": 2.5e-3, "source": "rapport-2016"'); // quick path
  await withPage([{ view: 'rating' }], async (page) => {
    const csv = await page.evaluate(async (text) => {
      // the full module: the first one has no CSV
      const wasm = await customElements.get('plan-progress').load('full');
      const data = new wasm.Data(text, 'en');
      const chart = new wasm.Chart(data);
      const canvas = document.createElement('canvas');
      chart.layout(canvas, { view: 'series', series: 'victimes,condamnations', lang: 'en', width: 600, height: 300 });
      const csv = chart.csvAll();
      chart.free();
      data.free();
      return csv;
    }, text);
    const rows = Object.fromEntries(csv.trim().split('\r\n').slice(1).map((r) => [r.split(',')[0], r.split(',').slice(1)]));
    assert.deepEqual(rows['2015'], ['123456789012.34567', ''], csv);
    assert.deepEqual(rows['2016'], ['0.0025', ''], csv);
    assert.deepEqual(rows['2021'], ['0.1', '4'], csv);
  });
});

test('every view renders in French, Arabic and English', async () => {
  const widgets = LANGS.flatMap((lang) => VIEWS.map((view) => ({ view, lang })));
  await withPage(widgets, async (page) => {
    const states = await page.$$eval('plan-progress', (els) => els.map((el) => ({
      view: el.getAttribute('view'),
      lang: el.getAttribute('lang'),
      points: el.points,
      dir: el.shadowRoot.querySelector('.pp').getAttribute('dir'),
      frameLang: el.shadowRoot.querySelector('.pp').getAttribute('lang'),
    })));
    for (const s of states) {
      assert.ok(s.points > 0, `${s.view}/${s.lang} drew nothing`);
      assert.equal(s.dir, s.lang === 'ar' ? 'rtl' : 'ltr', `${s.view}/${s.lang}`);
      assert.equal(s.frameLang, s.lang, `${s.view}/${s.lang}`);
    }
  }, { width: 1000, height: 1200 });
});

/** Where the title, the legend and the value axis's labels are, for the widget `sel`. */
function layout(page, sel) {
  return page.$eval(sel, (el) => {
    const root = el.shadowRoot;
    const frame = root.querySelector('.pp').getBoundingClientRect();
    const text = (node) => {
      const range = document.createRange();
      range.selectNodeContents(node);
      const rects = [...range.getClientRects()];
      return { left: Math.min(...rects.map((r) => r.left)), right: Math.max(...rects.map((r) => r.right)) };
    };
    const buttons = [...root.querySelectorAll('.legend button')].map((b) => b.getBoundingClientRect());
    // ink in the canvas's outer strips, in the plot's height: the value axis labels
    const canvas = root.querySelector('canvas.chart');
    const scratch = document.createElement('canvas');
    scratch.width = canvas.width;
    scratch.height = canvas.height;
    const ctx = scratch.getContext('2d');
    ctx.drawImage(canvas, 0, 0);
    const strip = Math.round(canvas.width * 0.06);
    const ink = (x0) => {
      const data = ctx.getImageData(x0, 0, strip, Math.round(canvas.height * 0.8)).data;
      let n = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] + data[i + 1] + data[i + 2] < 600) n++;
      return n;
    };
    return {
      frame: { left: frame.left, right: frame.right },
      title: text(root.querySelector('.title')),
      legend: buttons.length ? { left: Math.min(...buttons.map((b) => b.left)), right: Math.max(...buttons.map((b) => b.right)) } : null,
      inkLeft: ink(0),
      inkRight: ink(canvas.width - strip),
    };
  });
}

test('in Arabic the title, legend and value axis are on the right; in English on the left', async () => {
  await withPage([{ view: 'series', lang: 'ar' }, { view: 'series', lang: 'en' }], async (page) => {
    const ar = await layout(page, '#w0');
    const en = await layout(page, '#w1');
    const near = (a, b) => Math.abs(a - b) < 40;
    assert.ok(near(ar.title.right, ar.frame.right), `ar title ends at ${ar.title.right}, frame at ${ar.frame.right}`);
    assert.ok(near(en.title.left, en.frame.left), `en title starts at ${en.title.left}, frame at ${en.frame.left}`);
    assert.ok(near(ar.legend.right, ar.frame.right), `ar legend ${JSON.stringify(ar.legend)}`);
    assert.ok(near(en.legend.left, en.frame.left), `en legend ${JSON.stringify(en.legend)}`);
    assert.ok(ar.inkRight > 3 * ar.inkLeft, `ar value labels: ink left ${ar.inkLeft}, right ${ar.inkRight}`);
    assert.ok(en.inkLeft > 3 * en.inkRight, `en value labels: ink left ${en.inkLeft}, right ${en.inkRight}`);
    await screenshotElement(page, '#w0', 'i18n-series-ar.png');
  });
});

/** Where `first` and `second` are ({left, top}) in the first table cell of `sel` with both. */
function textOrder(page, sel, first, second) {
  return page.$eval(sel, (el, [a, b]) => {
    const cells = [...el.shadowRoot.querySelectorAll('td, th')];
    const cell = cells.find((c) => c.textContent.includes(a) && c.textContent.includes(b));
    if (!cell) return null;
    cell.style.whiteSpace = 'nowrap'; // one line, so that left and right say the order
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    const at = (needle) => {
      for (let node = walker.currentNode; node; node = walker.nextNode()) {
        const i = node.nodeValue?.indexOf(needle) ?? -1;
        if (i >= 0) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + needle.length);
          const r = range.getBoundingClientRect();
          return { left: r.left, top: Math.round(r.top) };
        }
      }
      return null;
    };
    const x = at(a);
    walker.currentNode = cell;
    return { text: cell.textContent, first: x, second: at(b) };
  }, [first, second]);
}

test('dates inside Arabic text keep their visual order; digits="arab" writes Arabic-Indic digits', async () => {
  const widgets = [
    { view: 'timeline', lang: 'ar' },
    { view: 'timeline', lang: 'en' },
    { view: 'timeline', lang: 'ar', digits: 'arab' },
  ];
  await withPage(widgets, async (page) => {
    for (const sel of ['#w0', '#w1', '#w2']) {
      await page.$eval(sel, (el) => el.shadowRoot.querySelector('button.toggle').click());
    }
    const ar = await textOrder(page, '#w0', '19', '2002');
    const en = await textOrder(page, '#w1', '19', '2002');
    assert.ok(ar && en, `no cell with the 2002 ratification: ${JSON.stringify({ ar, en })}`);
    assert.match(ar.text, /19 شتنبر 2002/);
    // on one line the day is right of the year in Arabic, left of it in English; a wrapped
    // cell must put the day's line first
    const before = (x, y, rtl) => x.top < y.top || (x.top === y.top && (rtl ? x.left > y.left : x.left < y.left));
    for (const t of [ar, en]) assert.equal(t.first.top, t.second.top, `wrapped: ${JSON.stringify(t)}`);
    assert.ok(before(ar.first, ar.second, true), `Arabic: the day must be right of the year: ${JSON.stringify(ar)}`);
    assert.ok(before(en.first, en.second, false), `English: the day must come before the year: ${JSON.stringify(en)}`);
    const arab = await textOrder(page, '#w2', '١٩', '٢٠٠٢');
    assert.ok(arab, 'no Arabic-Indic date in the table with digits="arab"');
    assert.ok(before(arab.first, arab.second, true), JSON.stringify(arab));
    const latinDigits = await page.$eval('#w2', (el) => /[0-9]/.test(el.shadowRoot.querySelector('table caption')?.textContent ?? ''));
    assert.equal(latinDigits, false, 'the caption of the Arabic-Indic table has Western digits');
  });
});

test('x-direction="rtl" puts the latest year on the left; the default keeps time left to right', async () => {
  const widgets = [
    { view: 'rating', lang: 'ar' },
    { view: 'rating', lang: 'ar', 'x-direction': 'rtl' },
    { view: 'series', lang: 'en', 'x-direction': 'rtl' },
  ];
  await withPage(widgets, async (page) => {
    const ends = (sel) => page.$eval(sel, (el) => {
      const boxes = [];
      for (let i = 0; i < el.points; i++) {
        const d = el.pointDetails(i);
        if (d?.data?.year) boxes.push({ year: d.data.year, x: d.box[0] });
      }
      boxes.sort((a, b) => a.year - b.year);
      return { first: boxes[0], last: boxes[boxes.length - 1] };
    });
    const ltr = await ends('#w0');
    const rtl = await ends('#w1');
    const en = await ends('#w2');
    assert.ok(ltr.first.x < ltr.last.x, `default: ${JSON.stringify(ltr)}`);
    assert.ok(rtl.first.x > rtl.last.x, `x-direction=rtl: ${JSON.stringify(rtl)}`);
    assert.ok(en.first.x > en.last.x, `x-direction=rtl in English: ${JSON.stringify(en)}`);
    await screenshotElement(page, '#w1', 'i18n-rating-ar-xrtl.png');
  });
});

test('the language switch re-renders in place, by mouse and by keyboard', async () => {
  await withPage([{ view: 'rating', lang: 'fr', languages: 'fr,ar,en' }, { view: 'rating', lang: 'fr' }], async (page) => {
    const state = () => page.$eval('#w0', (el) => {
      const root = el.shadowRoot;
      return {
        dir: root.querySelector('.pp').getAttribute('dir'),
        title: root.querySelector('.title').textContent,
        pressed: [...root.querySelectorAll('.langs button')].map((b) => `${b.dataset.lang}:${b.getAttribute('aria-pressed')}`),
        group: root.querySelector('.langs').getAttribute('aria-label'),
      };
    });
    const before = await state();
    assert.deepEqual(before.pressed, ['fr:true', 'ar:false', 'en:false']);
    assert.equal(before.group, 'Langue');
    assert.equal(before.dir, 'ltr');
    const noSwitch = await page.$eval('#w1', (el) => el.shadowRoot.querySelector('.langs').hidden);
    assert.equal(noSwitch, true, 'a widget without `languages` shows no switch');

    await page.locator('#w0').locator('.langs button[data-lang="ar"]').click();
    const arabic = await state();
    assert.equal(arabic.dir, 'rtl');
    assert.deepEqual(arabic.pressed, ['fr:false', 'ar:true', 'en:false']);
    assert.notEqual(arabic.title, before.title);
    assert.match(arabic.title, /[\u0600-\u06ff]/);
    assert.equal(arabic.group, 'اللغة');
    // the focus stays on the switch; the keyboard picks English
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const english = await state();
    assert.deepEqual(english.pressed, ['fr:false', 'ar:false', 'en:true']);
    assert.equal(english.dir, 'ltr');
    assert.match(english.title, /Tier|tier|TIP/);
    await screenshotElement(page, '#w0', 'i18n-switch.png');
  });
});

test('without a lang attribute the nearest ancestor with one decides', async () => {
  await withPage([{ view: 'rating' }], async (page) => {
    await page.evaluate(() => {
      const box = document.createElement('section');
      box.lang = 'ar';
      const chart = document.createElement('plan-progress');
      chart.id = 'nested';
      chart.setAttribute('view', 'rating');
      chart.setAttribute('src', '/data/morocco.json');
      box.append(chart);
      document.body.append(box);
    });
    await waitForState(page, '#nested');
    const dir = await page.$eval('#nested', (el) => el.shadowRoot.querySelector('.pp').getAttribute('dir'));
    assert.equal(dir, 'rtl');
    const pageLang = await page.$eval('#w0', (el) => el.shadowRoot.querySelector('.pp').getAttribute('dir'));
    assert.equal(pageLang, 'ltr', 'the page is in English');
  });
});
