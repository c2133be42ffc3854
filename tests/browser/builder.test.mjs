// The chart builder (dist/builder.html, www/builder.js): a journalist picks a chart with the
// form, the live preview follows, and the code it gives works when pasted into another page:
//   - the web component snippet (its SRI hash is sha384 of dist/plan-progress.js, the widget it
//     loads reaches data-state="ready" with the same chart as the preview, its fallback
//     paragraph is what a reader without JavaScript sees);
//   - the iframe snippet (embed.html renders the same chart; resizer.js fits the frame);
//   - the permalink (the builder's address restores every field and the preview).
// Also: keyboard use, the copy buttons, hostile dataset text, axe-core in English and Arabic,
// 360 px screens, and the npm package made from dist/ (dist/package.json).
//
// Pasted pages are served from the test server's own origin through a playwright route (a
// path that does not exist on the server, answered by the test), so that they load the widget
// like a host page on the same site would.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import {
  assertChartsNotBlank,
  assertNoErrors,
  baseUrl,
  formatViolations,
  launch,
  openPage,
  runAxe,
  screenshot,
  waitForCharts,
  waitForState,
} from './browser.mjs';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WIDE = { width: 1000, height: 900 };
const NARROW = { width: 360, height: 800 };

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Opens the builder (with `query`), waits for its dataset, its preview and its SRI hash. */
async function openBuilder(query = '', viewport = WIDE, options = {}) {
  const opened = await openPage(browser, `${baseUrl()}/builder.html${query ? `?${query}` : ''}`, { ...viewport, ...options });
  await settle(opened.page);
  return opened;
}

/**
 * Waits until the builder has read its dataset, the preview is drawn, and the code shows the
 * preview's current attributes, title and integrity hash.
 */
async function settle(page) {
  await page.waitForFunction(() => ['loaded', 'failed'].includes(document.getElementById('dataset-status').dataset.state), undefined, { timeout: 20_000 });
  const status = await page.$eval('#dataset-status', (p) => ({ state: p.dataset.state, text: p.textContent }));
  assert.equal(status.state, 'loaded', `the builder did not read its dataset: ${status.text}`);
  await waitForState(page, '#preview');
  await page.waitForFunction(
    () => {
      const preview = document.getElementById('preview');
      if (preview.dataset.state !== 'ready') return false;
      const code = document.getElementById('code-component').value;
      const esc = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;').replace(/'/g, '&#39;');
      const attrs = ['view', 'series', 'lang', 'theme', 'from', 'to', 'height']
        .filter((name) => preview.hasAttribute(name))
        .every((name) => code.includes(` ${name}="${esc(preview.getAttribute(name))}"`));
      const title = preview.shadowRoot.querySelector('.title').textContent;
      const summary = preview.shadowRoot.querySelector('.summary').textContent;
      // the still picture's text alternative: the title and the summary
      return attrs && code.includes('integrity="sha384-') && code.includes(`alt="${esc(`${title}. ${summary}`)}"`);
    },
    undefined,
    { timeout: 10_000, polling: 50 },
  );
}

/** What the preview shows: its attributes, number of data, direction, title and summary. */
function chartState(target) {
  return target.$eval('plan-progress', (el) => ({
    view: el.getAttribute('view'),
    series: el.getAttribute('series'),
    lang: el.getAttribute('lang'),
    from: el.getAttribute('from'),
    to: el.getAttribute('to'),
    theme: el.getAttribute('theme'),
    points: el.points,
    dir: el.shadowRoot.querySelector('.pp').getAttribute('dir'),
    title: el.shadowRoot.querySelector('.title').textContent,
    summary: el.shadowRoot.querySelector('.summary').textContent,
  }));
}

/** Picks the Arabic chart of the TIP tier placement, 2005-2024, with the form's controls. */
async function chooseArabicRating(page) {
  await page.selectOption('#view', 'rating');
  await page.waitForSelector('#series-select');
  await page.selectOption('#series-select', 'tip-tier');
  // the chart's language by the keyboard: from English, Home goes to the first, Français;
  // ArrowDown to العربية
  await page.focus('#lang');
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.$eval('#lang', (s) => s.value), 'ar', 'the keyboard did not choose Arabic');
  await page.focus('#from');
  await page.keyboard.type('2005');
  await page.focus('#to');
  await page.keyboard.type('2024');
  await settle(page);
}

const escapeHtml = (text) => String(text)
  .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/**
 * Opens a page holding `html` at a path of the test server's origin that only this route
 * answers. Returns openPage's { page, context, errors }.
 */
async function openPasted(html, name, contextOptions = {}) {
  const url = `${baseUrl()}/__builder-test__/${name}.html`;
  const page = `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>A host page</title>\n</head>\n<body>\n<h1>An article</h1>\n${html}\n<p>The end of the article.</p>\n</body>\n</html>\n`;
  return openPage(browser, url, {
    ...WIDE,
    ...contextOptions,
    setup: (p, context) => context.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: page })),
  });
}

const sha384 = async (file) => `sha384-${createHash('sha384').update(await readFile(file)).digest('base64')}`;

// ---------------------------------------------------------------------------------------------

/**
 * The downloads of the pasted widget open: its PNG is a PNG twice the chart's CSS width, its
 * CSV starts with a BOM and has one row per tier placement drawn (20 for 2005-2024).
 */
async function checkDownloads(page) {
  const take = async (action) => {
    const [file] = await Promise.all([page.waitForEvent('download'), (async () => {
      await page.locator('plan-progress .menu-button').click();
      await page.locator(`plan-progress .menu [data-action="${action}"]`).click();
    })()]);
    return readFile(await file.path());
  };
  const png = await take('png');
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG', 'the PNG download is not a PNG');
  const cssWidth = await page.$eval('plan-progress', (el) => el.shadowRoot.querySelector('canvas.chart').clientWidth);
  assert.equal(png.readUInt32BE(16), 2 * cssWidth, 'the PNG is not twice the chart\'s width');
  const csv = (await take('csv-shown')).toString('utf8');
  assert.ok(csv.startsWith('\ufeff'), 'the CSV has no BOM');
  const rows = csv.trim().split(/\r?\n/).slice(1);
  assert.equal(rows.length, 20, `the CSV does not have the 20 placements drawn:\n${csv}`);
}

describe('the web component snippet', () => {
  test('the Arabic rating chart picked with the form: SRI hash of dist/plan-progress.js, and the pasted widget draws the same chart', async () => {
    const { page, context, errors } = await openBuilder();
    try {
      await chooseArabicRating(page);
      const preview = await chartState(page);
      assert.deepEqual(
        { view: preview.view, series: preview.series, lang: preview.lang, from: preview.from, to: preview.to, dir: preview.dir },
        { view: 'rating', series: 'tip-tier', lang: 'ar', from: '2005', to: '2024', dir: 'rtl' },
      );
      assert.ok(preview.points > 0, 'the preview draws nothing');
      // the years limit the chart: 2005-2024 is 20 tier placements
      assert.equal(preview.points, 20, 'the preview does not draw the years 2005-2024 alone');

      const code = await page.$eval('#code-component', (t) => t.value);
      const integrity = code.match(/integrity="(sha384-[A-Za-z0-9+/=]+)"/)?.[1];
      assert.ok(integrity, `no sha384 integrity attribute in:\n${code}`);
      assert.equal(integrity, await sha384(`${DIST}plan-progress.js`), 'the integrity hash is not sha384 of dist/plan-progress.js');
      assert.match(code, /crossorigin="anonymous"/);
      // absolute addresses: the code works on another site
      assert.ok(code.includes(`src="${baseUrl()}/plan-progress.js"`), `the script's address is not absolute:\n${code}`);
      assert.ok(code.includes(`src="${baseUrl()}/data/morocco.json"`), `the dataset's address is not absolute:\n${code}`);
      // the fallback: the title and the summary the widget gives, and a link to the data
      assert.ok(code.includes(`alt="${escapeHtml(`${preview.title}. ${preview.summary}`)}"`), `no title and summary as the still's text:\n${code}`);
      assert.ok(preview.summary.length > 20 && code.includes(escapeHtml(preview.summary)), `no summary in the fallback:\n${code}`);
      assert.match(code, /<picture lang="ar" dir="rtl">/);
      const note = await page.$eval('#sri-note', (p) => p.textContent);
      assert.match(note, /plan-progress\.js/, 'no note on what the integrity hash covers');

      const pasted = await openPasted(code, 'component');
      try {
        await waitForCharts(pasted.page);
        await assertChartsNotBlank(pasted.page);
        const there = await chartState(pasted.page);
        assert.deepEqual(there, preview, 'the pasted widget does not draw the preview\'s chart');
        await checkDownloads(pasted.page);
        assertNoErrors(pasted.errors);
      } finally {
        await pasted.context.close();
      }
      await screenshot(page, 'builder-ar-rating.png');
      assertNoErrors(errors);
    } finally {
      await context.close();
    }
  });

  test('a wrong integrity hash stops the script (the hash is really checked)', async () => {
    const { page, context } = await openBuilder('view=rating&lang=ar');
    try {
      const code = await page.$eval('#code-component', (t) => t.value);
      const integrity = code.match(/integrity="sha384-([A-Za-z0-9+/=]+)"/)[1];
      const wrong = (integrity[0] === 'A' ? 'B' : 'A') + integrity.slice(1);
      const pasted = await openPasted(code.replace(integrity, wrong), 'tampered');
      try {
        await pasted.page.waitForTimeout(1500);
        const state = await pasted.page.evaluate(() => ({
          defined: !!customElements.get('plan-progress'),
          state: document.querySelector('plan-progress').getAttribute('data-state'),
        }));
        assert.deepEqual(state, { defined: false, state: null }, 'the script ran with a wrong integrity hash');
        assert.ok(pasted.errors.some((e) => /integrity/i.test(e)), `no integrity error reported: ${pasted.errors.join('; ')}`);
      } finally {
        await pasted.context.close();
      }
    } finally {
      await context.close();
    }
  });

  test('without JavaScript, the pasted code shows the still picture, with the title and summary as its text, and a link to the data', async () => {
    const { page, context } = await openBuilder('view=series&series=tip-prosecutions,tip-convictions&lang=fr');
    try {
      const code = await page.$eval('#code-component', (t) => t.value);
      const preview = await chartState(page);
      const pasted = await openPasted(code, 'nojs', { javaScriptEnabled: false });
      try {
        const fallback = await pasted.page.$eval('plan-progress', (el) => {
          const img = el.querySelector('picture img');
          const rect = img.getBoundingClientRect();
          return { text: img.alt, visible: rect.width > 0 && rect.height > 0 && img.naturalWidth > 0, link: el.querySelector('a')?.href };
        });
        assert.ok(fallback.visible, 'the still picture is not shown');
        assert.ok(fallback.text.includes(preview.title), `the fallback lacks the title: ${fallback.text}`);
        assert.ok(fallback.text.includes(preview.summary), `the fallback lacks the summary: ${fallback.text}`);
        assert.equal(fallback.link, `${baseUrl()}/data/morocco.json`);
      } finally {
        await pasted.context.close();
      }
    } finally {
      await context.close();
    }
  });
});

test('the iframe snippet renders the same chart, and resizer.js fits the frame to it', async () => {
  const { page, context, errors } = await openBuilder();
  try {
    await chooseArabicRating(page);
    const preview = await chartState(page);
    const code = await page.$eval('#code-iframe', (t) => t.value);
    assert.ok(code.includes(`src="${baseUrl()}/embed.html?`), `the iframe's address is not absolute:\n${code}`);
    assert.ok(code.includes(`<script src="${baseUrl()}/resizer.js" async></script>`), `no resizer script:\n${code}`);
    assert.ok(code.includes(`title="${escapeHtml(preview.title)}"`), `the iframe's title is not the chart's:\n${code}`);
    const pasted = await openPasted(code, 'iframe');
    try {
      const handle = await pasted.page.waitForSelector('iframe');
      const frame = await handle.contentFrame();
      await frame.waitForFunction(() => document.querySelector('plan-progress')?.dataset.state === 'ready', undefined, { timeout: 20_000 });
      const there = await chartState(frame);
      assert.deepEqual(there, preview, 'the iframe does not draw the preview\'s chart');
      // resizer.js set the frame's height to its content's
      await pasted.page.waitForFunction(() => /^\d+px$/.test(document.querySelector('iframe').style.height), undefined, { timeout: 5_000 });
      const heights = {
        frame: await pasted.page.$eval('iframe', (f) => f.getBoundingClientRect().height),
        content: await frame.evaluate(() => document.documentElement.getBoundingClientRect().height),
      };
      assert.ok(Math.abs(heights.frame - heights.content) <= 2, `the iframe is ${heights.frame} px high for ${heights.content} px of chart`);
      assertNoErrors(pasted.errors);
    } finally {
      await pasted.context.close();
    }
    assertNoErrors(errors);
  } finally {
    await context.close();
  }
});

test('the permalink restores every field and the preview', async () => {
  const { page, context, errors } = await openBuilder('ui=fr');
  let link;
  let before;
  const fields = (p) => p.evaluate(() => {
    const value = (id) => document.getElementById(id)?.value ?? null;
    return {
      ui: value('ui'), src: value('src'), view: value('view'), series: value('series-select'), from: value('from'),
      to: value('to'), lang: value('lang'), theme: value('theme'), height: value('height'),
      htmlLang: document.documentElement.lang, dir: document.documentElement.dir,
    };
  });
  try {
    await chooseArabicRating(page);
    await page.selectOption('#theme', 'dark');
    await page.fill('#height', '340');
    await page.selectOption('#ui', 'ar');
    await settle(page);
    link = await page.$eval('#code-permalink', (t) => t.value);
    assert.equal(link, page.url(), 'the permalink is not the page\'s address');
    before = { fields: await fields(page), chart: await chartState(page) };
    assert.deepEqual(before.fields, {
      ui: 'ar', src: 'data/morocco.json', view: 'rating', series: 'tip-tier', from: '2005', to: '2024', lang: 'ar',
      theme: 'dark', height: '340', htmlLang: 'ar', dir: 'rtl',
    });
    assertNoErrors(errors);
  } finally {
    await context.close();
  }
  const again = await openPage(browser, link, WIDE);
  try {
    await settle(again.page);
    assert.deepEqual(await fields(again.page), before.fields, 'the permalink did not restore the form');
    assert.deepEqual(await chartState(again.page), before.chart, 'the permalink did not restore the preview');
    assert.equal(await again.page.$eval('#preview', (el) => el.getAttribute('height')), '340');
    assertNoErrors(again.errors);
  } finally {
    await again.context.close();
  }
});

test('the indicators of the series view are ticked in the form and drawn in the preview', async () => {
  const { page, context, errors } = await openBuilder('view=series&ui=en');
  try {
    // the default: the first indicator's group, explicit in the code
    const ticked = () => page.$$eval('#series-field input:checked', (boxes) => boxes.map((b) => b.value));
    assert.deepEqual(await ticked(), ['tip-investigations', 'tip-prosecutions', 'tip-convictions']);
    const box = page.locator('#series-field input[value="pmp-court-cases"]');
    await box.focus();
    await page.keyboard.press('Space');
    await page.locator('#series-field input[value="tip-investigations"]').uncheck();
    await settle(page);
    assert.deepEqual(await ticked(), ['tip-prosecutions', 'tip-convictions', 'pmp-court-cases']);
    const chart = await chartState(page);
    assert.equal(chart.series, 'tip-prosecutions,tip-convictions,pmp-court-cases');
    const legend = await page.$eval('#preview', (el) => [...el.shadowRoot.querySelectorAll('.legend button')].map((b) => b.dataset.id));
    assert.deepEqual(legend, ['tip-prosecutions', 'tip-convictions', 'pmp-court-cases']);
    assert.match(page.url(), /series=tip-prosecutions,tip-convictions,pmp-court-cases/);
    // the status view offers the commitments and each list of recommendations
    await page.selectOption('#view', 'status');
    const options = await page.$$eval('#series-select option', (os) => os.map((o) => o.value));
    assert.deepEqual(options, ['commitments', 'recommendations', 'tip-2024', 'tip-2025']);
    await page.selectOption('#series-select', 'tip-2024');
    await settle(page);
    assert.equal((await chartState(page)).series, 'tip-2024');
    assert.equal(await page.$eval('#years', (f) => f.hidden), true, 'the years are offered for a view that ignores them');
    assertNoErrors(errors);
  } finally {
    await context.close();
  }
});

// ---------------------------------------------------------------------------------------------

test('keyboard: every control in a logical order, with a visible focus', async () => {
  const { page, context, errors } = await openBuilder('view=rating&ui=en');
  try {
    const stops = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const stop = await page.evaluate(() => {
        const el = document.activeElement;
        if (el.localName === 'plan-progress') return { id: 'preview' };
        const style = getComputedStyle(el);
        return {
          id: el.id || `${el.localName}${el.dataset.copy ? `[copy=${el.dataset.copy}]` : ''}`,
          visible: el.matches(':focus-visible') && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
        };
      });
      if (stops.at(-1)?.id === 'preview' && stop.id === 'preview') continue; // the widget's own stops
      stops.push(stop);
      if (stop.id === 'button[copy=code-permalink]') break;
    }
    assert.deepEqual(stops.map((s) => s.id), [
      'a', 'ui', 'src', 'load', 'view', 'series-select', 'from', 'to', 'lang', 'theme', 'height', 'preview', 'top',
      'code-component', 'button[copy=code-component]', 'code-iframe', 'button[copy=code-iframe]',
      'code-permalink', 'button[copy=code-permalink]',
    ]);
    const hidden = stops.filter((s) => s.id !== 'preview' && !s.visible).map((s) => s.id);
    assert.deepEqual(hidden, [], 'focused without a visible focus indicator');
    assertNoErrors(errors);
  } finally {
    await context.close();
  }
});

test('the copy buttons copy the code and say so in a live region', async () => {
  const { page, context, errors } = await openBuilder('view=rating&lang=ar');
  try {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl() });
    assert.equal(await page.$eval('#announce', (el) => el.getAttribute('aria-live')), 'polite');
    for (const id of ['code-component', 'code-iframe', 'code-permalink']) {
      await page.$eval('#announce', (el) => { el.textContent = ''; });
      await page.focus(`button[data-copy="${id}"]`);
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.getElementById('announce').textContent !== '', undefined, { timeout: 5_000 });
      assert.equal(await page.$eval('#announce', (el) => el.textContent), 'Copied to the clipboard.');
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      assert.equal(copied, await page.$eval(`#${id}`, (t) => t.value), `${id}: the clipboard holds something else`);
    }
    // The fallback, when the Clipboard API refuses: the text is selected (and copied by
    // execCommand when the browser allows it), and the live region says which.
    await page.evaluate(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException('refused', 'NotAllowedError'));
    });
    await page.$eval('#announce', (el) => { el.textContent = ''; });
    await page.click('button[data-copy="code-iframe"]');
    await page.waitForFunction(() => document.getElementById('announce').textContent !== '', undefined, { timeout: 5_000 });
    const after = await page.evaluate(() => {
      const area = document.getElementById('code-iframe');
      return {
        focused: document.activeElement === area,
        selected: area.selectionStart === 0 && area.selectionEnd === area.value.length,
        said: document.getElementById('announce').textContent,
      };
    });
    assert.ok(after.focused && after.selected, `the fallback did not select the text: ${JSON.stringify(after)}`);
    assert.ok(['Copied to the clipboard.', 'The text is selected: press Ctrl+C (⌘C on a Mac) to copy it.'].includes(after.said), after.said);
    assertNoErrors(errors);
  } finally {
    await context.close();
  }
});

test('hostile dataset text is shown as text and escaped in the code', async () => {
  const { page, context, errors } = await openBuilder('src=%2Ftest-fixtures%2Fhostile.json&view=series');
  try {
    const report = await page.evaluate(() => ({
      pwned: window.__pwned ?? null,
      injected: document.querySelectorAll('form img, form svg, form script:not([src]), form style').length,
      labels: [...document.querySelectorAll('#series-field label')].map((l) => l.textContent),
      status: document.getElementById('dataset-status').textContent,
    }));
    assert.equal(report.pwned, null);
    assert.equal(report.injected, 0, 'markup from the dataset became elements');
    assert.ok(report.labels.some((l) => l.includes('<img src=x onerror=window.__pwned=1>')), `labels: ${report.labels.join(' | ')}`);
    assert.ok(report.status.includes('<img src=x onerror=window.__pwned=1>'), `status: ${report.status}`);
    const component = await page.$eval('#code-component', (t) => t.value);
    const iframe = await page.$eval('#code-iframe', (t) => t.value);
    // the code's own markup: the script, and the still's picture (its attributes are escaped)
    const own = component.replace(/<script type="module" src="[^"]*"[^>]*><\/script>/, '')
      .replace(/<img src="data:image\/svg\+xml,[^"]*" width="100%" alt="[^"]*">/, '');
    assert.ok(!/<img|<svg|<\/style|<script>/i.test(own),
      `unescaped markup in the code:\n${component}`);
    assert.ok(!/<img|<svg/i.test(iframe), `unescaped markup in the iframe code:\n${iframe}`);
    // pasted into a page without CSP, the fallback stays text, and nothing runs
    const pasted = await openPasted(component, 'hostile', { javaScriptEnabled: false });
    try {
      const fallback = await pasted.page.$eval('plan-progress', (el) => ({
        text: el.querySelector('picture img').alt,
        elements: [...el.querySelectorAll('*')].map((e) => e.tagName).join(' '),
      }));
      assert.equal(fallback.elements, 'PICTURE SOURCE IMG DIV A', `the still has other elements than its own: ${fallback.elements}`);
      assert.ok(fallback.text.includes('<img src=x onerror=window.__pwned=1>'), fallback.text);
    } finally {
      await pasted.context.close();
    }
    // an address that is not http(s) is refused: the chart and the code keep the dataset's
    await page.fill('#src', 'javascript:window.__pwned=1');
    await page.press('#src', 'Enter');
    await page.waitForFunction(() => document.getElementById('dataset-status').dataset.state === 'failed', undefined, { timeout: 5_000 });
    assert.equal(await page.$eval('#src', (i) => i.getAttribute('aria-invalid')), 'true');
    assert.equal(await page.$eval('#preview', (el) => el.getAttribute('src')), `${baseUrl()}/test-fixtures/hostile.json`);
    assert.ok(!(await page.$eval('#code-component', (t) => t.value)).includes('javascript:'), 'the refused address is in the code');
    assert.ok(!page.url().includes('javascript'), 'the refused address is in the permalink');
    const live = await openPasted(component, 'hostile-js');
    try {
      await waitForCharts(live.page);
      assert.equal(await live.page.evaluate(() => window.__pwned ?? null), null);
      assertNoErrors(live.errors);
    } finally {
      await live.context.close();
    }
    assertNoErrors(errors);
  } finally {
    await context.close();
  }
});

test('the interface speaks French and Arabic: every string is translated, Arabic is right to left', async () => {
  const { page, context, errors } = await openBuilder('ui=en');
  try {
    const words = () => page.$$eval('[data-t]', (nodes) => nodes.map((n) => [n.dataset.t, n.textContent]));
    const english = new Map(await words());
    for (const ui of ['fr', 'ar']) {
      await page.selectOption('#ui', ui);
      const here = await words();
      const same = here.filter(([key, text]) => key !== 'home' && text === english.get(key)).map(([key]) => key);
      assert.deepEqual(same, [], `${ui}: strings left in English`);
      assert.equal(await page.evaluate(() => document.documentElement.lang), ui);
      assert.equal(await page.evaluate(() => document.documentElement.dir), ui === 'ar' ? 'rtl' : 'ltr');
      assert.match(page.url(), new RegExp(`[?&]ui=${ui}(&|$)`));
      // the code stays left to right in every language
      assert.equal(await page.$eval('#code-component', (t) => getComputedStyle(t).direction), 'ltr');
    }
    assertNoErrors(errors);
  } finally {
    await context.close();
  }
});

// ---------------------------------------------------------------------------------------------

describe('axe-core and small screens', () => {
  for (const ui of ['en', 'ar']) {
    for (const viewport of [WIDE, NARROW]) {
      for (const scheme of ['light', 'dark']) {
        test(`${ui}, ${viewport.width} px, ${scheme}: no axe violation, no sideways scrolling`, async () => {
          // bypassCSP: the builder's CSP refuses axe's inline script
          const { page, context, errors } = await openBuilder(`ui=${ui}&lang=${ui}`, viewport, { bypassCSP: true, colorScheme: scheme });
          try {
            const results = await runAxe(page);
            assert.equal(results.violations.length, 0, `axe violations:\n${formatViolations(results.violations)}`);
            // with an error shown in the years, and the rating view's select
            await page.fill('#from', '3000');
            await page.selectOption('#view', 'rating');
            await settle(page);
            const again = await runAxe(page);
            assert.equal(again.violations.length, 0, `axe violations (rating view, a wrong year):\n${formatViolations(again.violations)}`);
            await page.fill('#from', '');
            await page.selectOption('#view', 'series');
            await settle(page);
            const width = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: innerWidth }));
            assert.ok(width.scroll <= width.inner, `the page scrolls sideways: ${width.scroll} > ${width.inner}`);
            if (scheme === 'light') await screenshot(page, `builder-${ui}-${viewport.width}.png`);
            assertNoErrors(errors);
          } finally {
            await context.close();
          }
        });
      }
    }
  }
});

// ---------------------------------------------------------------------------------------------

describe('the npm package made from dist/', () => {
  test('dist/package.json: name, version and licence of Cargo.toml, exports that exist', async () => {
    const pkg = JSON.parse(await readFile(`${DIST}package.json`, 'utf8'));
    const cargo = await readFile(`${ROOT}Cargo.toml`, 'utf8');
    const field = (name) => cargo.match(new RegExp(`^${name}\\s*=\\s*"([^"]*)"`, 'm'))[1];
    assert.equal(pkg.name, 'plan-progress');
    assert.equal(pkg.version, field('version'), 'the package version is not Cargo.toml\'s');
    assert.equal(pkg.license, field('license'), 'the package licence is not Cargo.toml\'s');
    assert.equal(pkg.type, 'module');
    assert.deepEqual(Object.keys(pkg.exports), ['.', './resizer.js', './package.json']);
    for (const target of Object.values(pkg.exports)) {
      await readFile(new URL(target, `file://${DIST}`)); // throws when missing
    }
  });

  test('npm pack --dry-run dist lists the widget, its pkg/ files, the embed, a README and the licences, not the demo nor the .br/.gz siblings', async () => {
    const { stdout } = await promisify(execFile)('npm', ['pack', '--dry-run', '--json', DIST], {
      cwd: DIST, env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' },
    });
    const [report] = JSON.parse(stdout);
    const files = report.files.map((f) => f.path).sort();
    // the .br and .gz siblings are for static servers, not for the package (npm's CDNs compress)
    const sibling = (f) => /\.(br|gz)$/.test(f);
    const pkgDir = (await readdir(`${DIST}pkg`)).map((name) => `pkg/${name}`).filter((f) => !sibling(f));
    assert.ok(pkgDir.some((f) => f.endsWith('.wasm')), `no wasm in dist/pkg: ${pkgDir}`);
    assert.deepEqual(files.filter(sibling), [], 'precompressed siblings are in the package');
    const docs = ['README.md', 'LICENSE-MIT', 'LICENSE-APACHE'];
    for (const file of ['plan-progress.js', 'resizer.js', 'embed.html', 'embed.js', 'embed.css', 'package.json', ...docs, ...pkgDir]) {
      assert.ok(files.includes(file), `${file} is not in the package: ${files.join(', ')}`);
    }
    for (const file of ['index.html', 'builder.html', 'builder.js', 'demo.css']) {
      assert.ok(!files.includes(file), `${file} is in the package`);
    }
    assert.equal(report.name, 'plan-progress');
  });
});
