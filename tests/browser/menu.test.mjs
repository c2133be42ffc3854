// The widget's menu (issue #6): downloads (PNG, SVG, CSV), the sources panel, the embed code,
// print, on the fixture page widget.html under its strict CSP, with real clicks and keys:
//   - PNG: twice the chart's CSS size, title and source line drawn in (ink at the top and the
//     bottom of the decoded picture), the text alternative offered beside it;
//   - SVG: an <svg> document with the title, the source line and the data's date;
//   - CSV: a byte order mark, and exactly the dataset's figures (the Arabic tier placements
//     per year, the English series' values per year), as shown or all of them;
//   - sources: exactly the sources of the data shown, links only to http(s) addresses;
//   - embed: the snippet pasted into a fresh page draws the same chart; the builder link;
//   - keyboard (Enter, arrows, Home/End, Escape, Tab), `menu="none"`, axe-core with the menu
//     and each panel open, and print media.
// Screenshots (SCREENSHOT_DIR): the menu open in English and Arabic, the sources panel and the
// downloaded PNGs.

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import {
  assertChartsNotBlank,
  assertNoErrors,
  baseUrl,
  fixtureUrl,
  formatViolations,
  launch,
  openPage,
  runAxe,
  screenshotElement,
  waitForCharts,
  waitForState,
} from './browser.mjs';
import { readCsv } from './csv.mjs';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const W0 = '#w0';
const VIEWPORT = { width: 1000, height: 900 };
const ARABIC_RATING = { view: 'rating', lang: 'ar', from: 2016 };
const ENGLISH_SERIES = { view: 'series', lang: 'en', series: 'tip-investigations,tip-prosecutions,tip-convictions', from: 2018 };

let browser;
let dataset;
before(async () => {
  browser = await launch();
  dataset = JSON.parse(await readFile(path.join(DIST, 'data/morocco.json'), 'utf8'));
});
after(async () => {
  await browser?.close();
});

// ---------------------------------------------------------------------------------------------
// Helpers.

/** Opens widget.html with one widget of `attrs`, waits for it, runs `check`, closes. */
async function withWidget(attrs, check, options = {}) {
  const opened = await openPage(browser, fixtureUrl('widget.html', attrs), { ...VIEWPORT, ...options });
  try {
    await waitForState(opened.page, W0);
    await check(opened);
  } finally {
    await opened.context.close();
  }
}

const menuButton = (page) => page.locator(`${W0} .menu-button`);
const menuItem = (page, action) => page.locator(`${W0} .menu [data-action="${action}"]`);

/** Clicks the menu button (the menu opens) and then the item `action`. */
async function choose(page, action) {
  await menuButton(page).click();
  await menuItem(page, action).waitFor({ state: 'visible' });
  await menuItem(page, action).click();
}

/** Chooses a download item and returns { name, bytes } of the file the browser received. */
async function download(page, action) {
  const [file] = await Promise.all([page.waitForEvent('download'), choose(page, action)]);
  const where = await file.path();
  return { name: file.suggestedFilename(), bytes: await readFile(where), path: where };
}

/** What has the focus inside the widget: a menu item's action, or the element's class. */
function focused(page) {
  return page.$eval(W0, (el) => {
    const inner = el.shadowRoot.activeElement;
    if (!inner) return document.activeElement?.tagName.toLowerCase() ?? null;
    return inner.dataset.action ? `item:${inner.dataset.action}` : inner.className || inner.tagName.toLowerCase();
  });
}

/** The widget's state that a copy of it must reproduce. */
function chartState(target) {
  return target.$eval('plan-progress', (el) => ({
    points: el.points,
    summary: el.summary,
    title: el.shadowRoot.querySelector('.title').textContent,
    dir: el.shadowRoot.querySelector('.pp').getAttribute('dir'),
  }));
}

/** Saves a copy of a downloaded file in SCREENSHOT_DIR (when set). */
async function keep(file, name) {
  const dir = process.env.SCREENSHOT_DIR;
  if (!dir) return;
  await mkdir(dir, { recursive: true });
  await copyFile(file, path.join(dir, name));
}

/** Width, height and RGBA-or-RGB pixels of an 8-bit, non-interlaced PNG (what canvases make). */
function readPng(bytes) {
  assert.deepEqual([...bytes.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], 'not a PNG');
  let header;
  const idat = [];
  for (let at = 8; at < bytes.length;) {
    const length = bytes.readUInt32BE(at);
    const kind = bytes.toString('ascii', at + 4, at + 8);
    const data = bytes.subarray(at + 8, at + 8 + length);
    if (kind === 'IHDR') header = { width: data.readUInt32BE(0), height: data.readUInt32BE(4), depth: data[8], type: data[9], interlace: data[12] };
    if (kind === 'IDAT') idat.push(data);
    if (kind === 'IEND') break;
    at += 12 + length;
  }
  assert.ok(header && header.depth === 8 && header.interlace === 0 && [2, 6].includes(header.type), `unexpected PNG ${JSON.stringify(header)}`);
  const channels = header.type === 6 ? 4 : 3;
  const stride = header.width * channels;
  const raw = inflateSync(Buffer.concat(idat));
  const data = Buffer.alloc(header.height * stride);
  const paeth = (a, b, c) => {
    const p = a + b - c;
    const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
    return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
  };
  for (let y = 0; y < header.height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? data[y * stride + x - channels] : 0;
      const b = y > 0 ? data[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? data[(y - 1) * stride + x - channels] : 0;
      const add = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter];
      data[y * stride + x] = (line[x] + add) & 255;
    }
  }
  return { ...header, channels, data };
}

/** Pixels of rows [top, bottom) that differ clearly from the picture's top-left pixel. */
function ink(png, top, bottom) {
  const { width, channels, data } = png;
  let count = 0;
  for (let y = Math.max(0, top); y < Math.min(png.height, bottom); y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * channels;
      const diff = Math.abs(data[i] - data[0]) + Math.abs(data[i + 1] - data[1]) + Math.abs(data[i + 2] - data[2]);
      if (diff > 90) count++;
    }
  }
  return count;
}

/** The text of an SVG document's <text> elements, joined, entities and isolates undone. */
function svgText(svg) {
  const texts = [...svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)].map((m) => m[1].trim());
  return texts.join(' ')
    .replace(/[\u2066-\u2069]/g, '')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

const local = (text, lang) => (typeof text === 'string' ? text : text[lang] ?? text[dataset.plan.default_language]);
const inYears = (year, { from, to }) => (from == null || year >= from) && (to == null || year <= to);

/** The CSV rows the dataset gives for the TIP tier placement (year, level label) in `lang`. */
function expectedRating(lang, years) {
  const rating = dataset.ratings.find((r) => r.id === 'tip-tier');
  return rating.points.filter((p) => inYears(p.year, years)).map((p) => {
    const level = rating.scale.find((l) => l.id === p.value);
    return [String(p.year), level ? local(level.label, lang) : ''];
  });
}

/** The CSV rows the dataset gives for `ids` (year, then each value or ''), years with a point. */
function expectedSeries(ids, years) {
  const series = ids.map((id) => dataset.indicators.find((i) => i.id === id));
  const all = [...new Set(series.flatMap((s) => s.points.map((p) => p.year)))].filter((y) => inYears(y, years)).sort((a, b) => a - b);
  return all.map((year) => [String(year), ...series.map((s) => {
    const value = s.points.find((p) => p.year === year)?.value;
    return value == null ? '' : String(value);
  })]);
}

/** The source keys of the data a view draws: points with a value (or a level) in its years. */
function shownSources(points, years) {
  return [...new Set(points.filter((p) => p.value != null && p.source && inYears(p.year, years)).map((p) => p.source))];
}

/** The sources panel as the reader sees it. */
function sourcesPanel(page) {
  return page.$eval(W0, (el) => {
    const panel = el.shadowRoot.querySelector('.panel');
    return {
      visible: !panel.hidden && panel.getBoundingClientRect().height > 0,
      keys: [...panel.querySelectorAll('li[data-key]')].map((li) => li.dataset.key),
      links: [...panel.querySelectorAll('a')].map((a) => ({ href: a.getAttribute('href'), rel: a.rel, target: a.target, key: a.closest('li')?.dataset.key })),
      conflicts: panel.querySelectorAll('ul.conflicts li').length,
      notes: panel.querySelectorAll('ul.notes li').length,
      text: panel.textContent,
    };
  });
}

/** The conflicts of the dataset that name a source of `keys` or one of the `series`. */
function expectedConflicts(keys, series) {
  return dataset.conflicts.filter((c) => (c.sources ?? []).some((s) => keys.includes(s)) || (c.indicators ?? []).some((i) => series.includes(i)));
}

/** Checks the PNG: 2x the SVG's size (the CSS size), as wide as the chart, ink top and bottom. */
async function checkPng(page, png, svgSize) {
  const canvasWidth = await page.$eval(W0, (el) => el.shadowRoot.querySelector('canvas.chart').clientWidth);
  const picture = readPng(png.bytes);
  assert.equal(picture.width, 2 * svgSize.width, 'the PNG is not twice the CSS width');
  assert.equal(picture.height, 2 * svgSize.height, 'the PNG is not twice the CSS height');
  assert.ok(Math.abs(svgSize.width - canvasWidth) <= 1, `the image (${svgSize.width}) is not as wide as the chart (${canvasWidth})`);
  // the title sits in the top 34 CSS pixels, the source line in the bottom 40
  const title = ink(picture, 0, 2 * 34);
  const source = ink(picture, picture.height - 2 * 40, picture.height);
  assert.ok(title > 400, `no title drawn at the top of the PNG (${title} pixels of ink)`);
  assert.ok(source > 400, `no source line drawn at the bottom of the PNG (${source} pixels of ink)`);
  return picture;
}

/** The <svg> size in CSS pixels, its text checked for title, source line and date. */
async function checkSvg(page, svg, words) {
  const text = svg.bytes.toString('utf8');
  assert.match(text, /<svg\b/);
  const width = Number(text.match(/<svg[^>]*\bwidth="(\d+)"/)?.[1]);
  const height = Number(text.match(/<svg[^>]*\bheight="(\d+)"/)?.[1]);
  const drawn = svgText(text).replace(/\s+/g, ' ');
  const title = await page.$eval(W0, (el) => el.shadowRoot.querySelector('.title').textContent);
  assert.ok(drawn.includes(title), `the SVG does not hold the title ${JSON.stringify(title)}: ${drawn.slice(0, 300)}`);
  assert.ok(drawn.includes(words.sources), `the SVG has no source line (${words.sources})`);
  assert.ok(drawn.includes(words.date), `the SVG does not give the data's date (${words.date}): …${drawn.slice(-300)}`);
  return { width, height };
}

// ---------------------------------------------------------------------------------------------

describe('the Arabic tier placement chart (rating, from 2016)', () => {
  test('PNG, SVG, CSV and sources are the chart and the dataset', async () => {
    await withWidget(ARABIC_RATING, async ({ page, errors }) => {
      await screenshotElement(page, W0, 'menu-closed-ar.png');
      await menuButton(page).click();
      await menuItem(page, 'png').waitFor({ state: 'visible' });
      await screenshotElement(page, W0, 'menu-open-ar.png');
      await page.keyboard.press('Escape');

      const svg = await download(page, 'svg');
      assert.match(svg.name, /^rating-ar\.svg$/);
      const size = await checkSvg(page, svg, { sources: 'المصادر:', date: 'تاريخ تحديث البيانات: 6 دجنبر 2026' });

      const png = await download(page, 'png');
      assert.equal(png.name, 'rating-ar.png');
      await checkPng(page, png, size);
      await keep(png.path, 'menu-download-ar.png');
      // the text alternative is offered beside the download
      const alt = await page.$eval(W0, (el) => ({ text: el.shadowRoot.querySelector('.panel textarea')?.value, summary: el.summary }));
      assert.equal(alt.text, alt.summary, 'the PNG comes without its text alternative');

      const shown = readCsv((await download(page, 'csv-shown')).bytes);
      assert.deepEqual(shown[0], ['السنة', 'تصنيف تقرير الاتجار بالأشخاص (وزارة الخارجية الأمريكية)']);
      assert.deepEqual(shown.slice(1), expectedRating('ar', { from: ARABIC_RATING.from }), 'the CSV of the chart is not the dataset\'s tiers');
      const all = readCsv((await download(page, 'csv-all')).bytes);
      assert.deepEqual(all.slice(1), expectedRating('ar', {}), 'the CSV of all the data is not every tier of the dataset');
      assert.ok(all.length > shown.length, 'the CSV of all the data has no more years than the chart');

      await choose(page, 'sources');
      const panel = await sourcesPanel(page);
      assert.ok(panel.visible, 'the sources panel did not open');
      assert.equal(await focused(page), 'panel-title', 'the focus did not go to the panel');
      const rating = dataset.ratings.find((r) => r.id === 'tip-tier');
      const keys = shownSources(rating.points, { from: ARABIC_RATING.from });
      assert.deepEqual(panel.keys, keys, 'the panel does not list the sources of the tiers shown');
      // Heiss & Kelley's dataset gives the tiers up to 2015 only
      assert.ok(!panel.keys.includes('heiss'), 'a source of the years before the chart\'s is listed');
      checkLinks(panel);
      assert.equal(panel.conflicts, expectedConflicts(keys, []).length);
      await screenshotElement(page, W0, 'menu-sources-ar.png');
      assertNoErrors(errors);
    });
  });

  test('the embed code pasted into a new page draws the same chart', async () => {
    await withWidget(ARABIC_RATING, async ({ page, errors }) => {
      await choose(page, 'embed');
      await page.waitForFunction(() => document.querySelector('#w0').shadowRoot.querySelector('.panel textarea.code')?.value, undefined, { timeout: 10_000 });
      const code = await page.$eval(W0, (el) => el.shadowRoot.querySelector('.panel textarea.code').value);
      const integrity = code.match(/integrity="(sha384-[A-Za-z0-9+/=]+)"/)?.[1];
      const expected = `sha384-${createHash('sha384').update(await readFile(path.join(DIST, 'plan-progress.js'))).digest('base64')}`;
      assert.equal(integrity, expected, `the integrity hash is not sha384 of plan-progress.js:\n${code}`);
      assert.ok(code.includes(`src="${baseUrl()}/plan-progress.js"`), `the script's address is not absolute:\n${code}`);
      assert.ok(code.includes(`src="${baseUrl()}/data/morocco.json"`), `the data's address is not absolute:\n${code}`);
      for (const [name, value] of Object.entries(ARABIC_RATING)) assert.ok(code.includes(` ${name}="${value}"`), `no ${name} in:\n${code}`);
      const note = await page.$eval(W0, (el) => el.shadowRoot.querySelector('.panel p.meta').textContent);
      assert.match(note, /plan-progress\.js/, 'no note on what the hash covers');
      // the Copy button puts the code on the clipboard and says so
      await page.locator(`${W0} .panel button.copy`).click();
      await page.waitForFunction(() => document.querySelector('#w0').shadowRoot.querySelector('.panel .status').textContent);
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), code, 'Copy did not copy the code');
      assert.equal(await page.$eval(W0, (el) => el.shadowRoot.querySelector('.panel .status').textContent), 'تم النسخ إلى الحافظة.');

      const here = await chartState(page);
      const url = `${baseUrl()}/__menu-test__/pasted.html`;
      const html = `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>A host page</title>\n</head>\n<body>\n<h1>An article</h1>\n${code}\n</body>\n</html>\n`;
      const pasted = await openPage(browser, url, {
        ...VIEWPORT,
        setup: (p, context) => context.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })),
      });
      try {
        await waitForCharts(pasted.page);
        await assertChartsNotBlank(pasted.page);
        assert.deepEqual(await chartState(pasted.page), here, 'the pasted code does not draw the same chart');
        assertNoErrors(pasted.errors);
      } finally {
        await pasted.context.close();
      }
      await screenshotElement(page, W0, 'menu-embed-ar.png');
      assertNoErrors(errors);
    }, { permissions: ['clipboard-read', 'clipboard-write'] });
  });
});

/** Every link of the panel goes to an http(s) address, in a new tab, without referrer. */
function checkLinks(panel) {
  assert.ok(panel.links.length > 0, 'the panel has no link');
  for (const link of panel.links) {
    assert.match(link.href, /^https?:\/\//, `a link that is not http(s): ${link.href}`);
    assert.equal(link.rel, 'noopener noreferrer');
    assert.equal(link.target, '_blank');
    assert.equal(local(dataset.sources[link.key].url, 'en'), link.href, `the link of ${link.key} is not its source's address`);
  }
  const withUrl = panel.keys.filter((k) => /^https?:\/\//.test(dataset.sources[k].url ?? ''));
  assert.equal(panel.links.length, withUrl.length, 'not every source with a web address is a link');
}

describe('an English series chart (from 2018, one series hidden in the legend)', () => {
  test('PNG, SVG, CSV and sources follow the series shown', async () => {
    await withWidget(ENGLISH_SERIES, async ({ page, errors }) => {
      await menuButton(page).click();
      await menuItem(page, 'png').waitFor({ state: 'visible' });
      await screenshotElement(page, W0, 'menu-open-en.png');
      await page.keyboard.press('Escape');
      // the reader hides the investigations
      await page.locator(`${W0} .legend button[data-id="tip-investigations"]`).click();
      await page.waitForFunction(() => document.querySelector('#w0').shadowRoot.querySelector('.legend button[data-id="tip-investigations"]').getAttribute('aria-pressed') === 'false');

      const svg = await download(page, 'svg');
      const size = await checkSvg(page, svg, { sources: 'Sources:', date: 'Data updated: 6 December 2026' });
      const drawn = svgText(svg.bytes.toString('utf8'));
      const png = await download(page, 'png');
      assert.equal(png.name, 'series-tip-investigations-tip-prosecutions-tip-convictions-en.png');
      await checkPng(page, png, size);
      await keep(png.path, 'menu-download-en.png');
      // the legend is drawn in, with the hidden series too (as the widget's legend shows it)
      assert.ok(drawn.includes('Investigations'), 'the legend is not drawn in the SVG');

      const visible = ['tip-prosecutions', 'tip-convictions'];
      const shown = readCsv((await download(page, 'csv-shown')).bytes);
      const label = (id) => {
        const ind = dataset.indicators.find((i) => i.id === id);
        return `${local(ind.label, 'en')} [${local(ind.unit, 'en')}]`;
      };
      assert.deepEqual(shown[0], ['Year', ...visible.map(label)]);
      assert.deepEqual(shown.slice(1), expectedSeries(visible, { from: 2018 }), 'the CSV of the chart is not the dataset\'s figures');
      const everything = ENGLISH_SERIES.series.split(',');
      const all = readCsv((await download(page, 'csv-all')).bytes);
      assert.deepEqual(all[0], ['Year', ...everything.map(label)]);
      assert.deepEqual(all.slice(1), expectedSeries(everything, {}), 'the CSV of all the data is not every figure of the series');

      await choose(page, 'sources');
      const panel = await sourcesPanel(page);
      const keys = [...new Set(visible.flatMap((id) => shownSources(dataset.indicators.find((i) => i.id === id).points, { from: 2018 })))];
      assert.deepEqual([...panel.keys].sort(), [...keys].sort(), 'the panel does not list the sources of the figures shown');
      checkLinks(panel);
      assert.equal(panel.conflicts, expectedConflicts(keys, visible).length, 'conflicts');
      await screenshotElement(page, W0, 'menu-sources-en.png');
      assertNoErrors(errors);
    });
  });

  test('the builder link carries the chart\'s settings', async () => {
    await withWidget(ENGLISH_SERIES, async ({ page, errors }) => {
      await choose(page, 'embed');
      const href = await page.$eval(W0, (el) => el.shadowRoot.querySelector('.panel a[href*="builder.html"]').href);
      const url = new URL(href);
      assert.equal(url.origin + url.pathname, `${baseUrl()}/builder.html`);
      const q = Object.fromEntries(url.searchParams);
      assert.deepEqual(q, { src: `${baseUrl()}/data/morocco.json`, view: 'series', series: ENGLISH_SERIES.series, from: '2018', lang: 'en', ui: 'en' });
      assertNoErrors(errors);
      // the builder reads them: its preview is this chart
      const here = await chartState(page);
      const builder = await openPage(browser, href, VIEWPORT);
      try {
        await waitForState(builder.page, '#preview');
        await builder.page.waitForFunction(() => document.getElementById('preview').points > 0);
        const there = await chartState(builder.page);
        assert.deepEqual({ points: there.points, title: there.title }, { points: here.points, title: here.title });
      } finally {
        await builder.context.close();
      }
    });
  });
});

// ---------------------------------------------------------------------------------------------

test('hostile dataset text stays text: in the sources panel, the SVG and the embed code', async () => {
  // hostile.html has no CSP on purpose: a CSP would hide an injection
  const opened = await openPage(browser, fixtureUrl('hostile.html', {}), VIEWPORT);
  const { page, errors } = opened;
  const H = '#h';
  try {
    await waitForState(page, H);
    await page.locator(`${H} .menu-button`).click();
    await page.locator(`${H} .menu [data-action="sources"]`).click();
    const panel = await page.$eval(H, (el) => {
      const root = el.shadowRoot.querySelector('.panel');
      const OWN = new Set(['DIV', 'P', 'BUTTON', 'SPAN', 'OL', 'UL', 'LI', 'BDI', 'A']);
      return {
        foreign: [...root.querySelectorAll('*')].map((n) => n.tagName).filter((t) => !OWN.has(t)),
        links: [...root.querySelectorAll('a')].map((a) => ({ protocol: a.protocol, rel: a.rel, target: a.target })),
        text: root.textContent,
      };
    });
    assert.deepEqual(panel.foreign, [], 'elements made from the data in the sources panel');
    assert.ok(panel.links.length > 0);
    for (const link of panel.links) assert.deepEqual(link, { protocol: link.protocol, rel: 'noopener noreferrer', target: '_blank' });
    assert.ok(panel.links.every((l) => /^https?:$/.test(l.protocol)), JSON.stringify(panel.links));
    assert.ok(panel.text.includes('<img src=x onerror=window.__pwned=1>'), 'a hostile publisher is not shown as text');

    const [file] = await Promise.all([page.waitForEvent('download'), (async () => {
      await page.locator(`${H} .menu-button`).click();
      await page.locator(`${H} .menu [data-action="svg"]`).click();
    })()]);
    const svg = (await readFile(await file.path())).toString('utf8');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const elements = [...doc.querySelectorAll('*')];
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        tags: [...new Set(elements.map((n) => n.localName))].sort(),
        handlers: elements.flatMap((n) => [...n.attributes].map((a) => a.name)).filter((a) => /^on/i.test(a)),
      };
    }, svg);
    assert.equal(parsed.error, null, 'the SVG is not well-formed');
    assert.deepEqual(parsed.handlers, [], 'event handler attributes in the SVG');
    assert.ok(parsed.tags.every((t) => ['svg', 'rect', 'text', 'line', 'polyline', 'circle', 'polygon', 'path'].includes(t)), `SVG elements: ${parsed.tags}`);

    await page.locator(`${H} .menu-button`).click();
    await page.locator(`${H} .menu [data-action="embed"]`).click();
    await page.waitForFunction(() => document.querySelector('#h').shadowRoot.querySelector('.panel textarea.code')?.value);
    const code = await page.$eval(H, (el) => el.shadowRoot.querySelector('.panel textarea.code').value);
    const tags = await page.evaluate((html) => {
      const doc = new DOMParser().parseFromString(html, 'text/html');
      return [...doc.body.querySelectorAll('*')].map((n) => n.localName).concat([...doc.head.querySelectorAll('*')].map((n) => n.localName)).sort();
    }, code);
    // the element, its script, and the still picture with the link to the data
    assert.deepEqual(tags, ['a', 'div', 'img', 'picture', 'plan-progress', 'script', 'source'], `the embed code makes other elements:\n${code}`);
    assert.equal(await page.evaluate(() => typeof window.__pwned), 'undefined', 'a payload ran');
    assertNoErrors(errors);
  } finally {
    await opened.context.close();
  }
});

test('keyboard: Enter opens the menu, arrows move, Escape closes it on its button, Tab leaves', async () => {
  await withWidget({ view: 'rating', lang: 'en' }, async ({ page, errors }) => {
    await menuButton(page).focus();
    await page.keyboard.press('Enter');
    assert.equal(await focused(page), 'item:png', 'Enter did not open the menu on its first item');
    assert.equal(await menuButton(page).getAttribute('aria-expanded'), 'true');
    await page.keyboard.press('ArrowDown');
    assert.equal(await focused(page), 'item:svg');
    await page.keyboard.press('End');
    assert.equal(await focused(page), 'item:embed');
    await page.keyboard.press('ArrowDown');
    assert.equal(await focused(page), 'item:png', 'ArrowDown on the last item does not wrap');
    await page.keyboard.press('ArrowUp');
    assert.equal(await focused(page), 'item:embed', 'ArrowUp on the first item does not wrap');
    await page.keyboard.press('Home');
    assert.equal(await focused(page), 'item:png');
    await page.keyboard.press('Escape');
    assert.equal(await focused(page), 'menu-button', 'Escape did not give the focus back to the menu button');
    assert.equal(await menuButton(page).getAttribute('aria-expanded'), 'false');
    assert.equal(await menuItem(page, 'png').isVisible(), false, 'Escape did not close the menu');

    // ArrowUp opens on the last item; Tab closes the menu and goes on to the next stop
    await page.keyboard.press('ArrowUp');
    assert.equal(await focused(page), 'item:embed');
    await page.keyboard.press('Tab');
    assert.equal(await menuItem(page, 'png').isVisible(), false, 'Tab did not close the menu');
    assert.equal(await focused(page), 'toggle', 'Tab from the menu did not go on to the next control');

    // a panel: Enter opens it on its title, Escape closes it on the menu button
    await menuButton(page).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    assert.equal(await focused(page), 'item:sources');
    await page.keyboard.press('Enter');
    assert.equal(await focused(page), 'panel-title');
    assert.ok((await sourcesPanel(page)).keys.length > 0);
    await page.keyboard.press('Tab');
    assert.equal(await focused(page), 'close');
    await page.keyboard.press('Escape');
    assert.equal(await focused(page), 'menu-button', 'Escape in the panel did not go back to the menu button');
    assert.equal((await sourcesPanel(page)).visible, false, 'Escape did not close the panel');
    assertNoErrors(errors);
  });
});

test('menu="none" hides the menu, as set in the page or later', async () => {
  await withWidget({ view: 'rating', lang: 'fr', menu: 'none' }, async ({ page, errors }) => {
    assert.equal(await menuButton(page).isVisible(), false, 'menu="none" shows the menu');
    assert.equal(await page.$eval(W0, (el) => el.shadowRoot.querySelector('.toggle').checkVisibility()), true, 'the table toggle went too');
    await page.$eval(W0, (el) => el.removeAttribute('menu'));
    await menuButton(page).waitFor({ state: 'visible' });
    assert.equal(await menuButton(page).textContent(), 'Menu du graphique');
    await choose(page, 'sources');
    await page.$eval(W0, (el) => el.setAttribute('menu', 'none'));
    await menuButton(page).waitFor({ state: 'hidden' });
    assert.equal((await sourcesPanel(page)).visible, false, 'the open panel stayed');
    assertNoErrors(errors);
  });
});

for (const lang of ['en', 'ar']) {
  test(`axe-core finds nothing with the menu and each panel open (${lang})`, async () => {
    await withWidget({ view: 'series', lang, theme: lang === 'ar' ? 'dark' : 'light' }, async ({ page }) => {
      const check = async (label) => {
        const results = await runAxe(page, { context: { include: [[W0]] } });
        assert.equal(results.violations.length, 0, `axe (${label}):\n${formatViolations(results.violations, label)}`);
      };
      await menuButton(page).click();
      await menuItem(page, 'png').waitFor({ state: 'visible' });
      await check('menu open');
      await page.keyboard.press('Escape');
      for (const action of ['sources', 'embed']) {
        await choose(page, action);
        await page.waitForFunction(() => !document.querySelector('#w0').shadowRoot.querySelector('[aria-busy="true"]'));
        await check(`${action} panel`);
      }
      await download(page, 'png');
      await check('text alternative panel');
    }, { bypassCSP: true });
  });
}

test('print: no menu, button or tooltip; the chart, its legend and source line, light', async () => {
  const widgets = [{ view: 'series', lang: 'en', theme: 'dark' }, { view: 'rating', lang: 'ar' }];
  const opened = await openPage(browser, fixtureUrl('widget.html', { widgets }), VIEWPORT);
  const { page, errors } = opened;
  try {
    await waitForCharts(page);
    await choose(page, 'sources');
    const look = () => page.$$eval('plan-progress', (els) => els.map((el) => {
      const root = el.shadowRoot;
      const shown = (sel) => [...root.querySelectorAll(sel)].some((n) => n.checkVisibility());
      const canvas = root.querySelector('canvas.chart');
      const scratch = document.createElement('canvas');
      scratch.width = canvas.width;
      scratch.height = canvas.height;
      const ctx = scratch.getContext('2d');
      ctx.drawImage(canvas, 0, 0);
      const [r, g, b] = ctx.getImageData(1, 1, 1, 1).data;
      return {
        menu: shown('.menu-button'), buttons: shown('.tools button'), panel: shown('.panel'), tip: shown('.tip'),
        canvas: canvas.checkVisibility() && canvas.getBoundingClientRect().height > 100,
        legend: shown('.legend button'), source: shown('.source') && root.querySelector('.source').textContent.length > 10,
        background: getComputedStyle(root.querySelector('.pp')).backgroundColor, corner: r + g + b,
      };
    }));
    const screen = await look();
    assert.equal(screen[0].menu, true);
    assert.equal(screen[0].panel, true);
    assert.ok(screen[0].corner < 200, 'the dark chart is not dark on screen');
    await page.emulateMedia({ media: 'print' });
    await page.waitForFunction(() => !document.querySelector('#w0').shadowRoot.querySelector('.pp').classList.contains('dark'));
    const printed = await look();
    for (const [i, p] of printed.entries()) {
      assert.deepEqual(
        { menu: p.menu, buttons: p.buttons, panel: p.panel, tip: p.tip, canvas: p.canvas, source: p.source },
        { menu: false, buttons: false, panel: false, tip: false, canvas: true, source: true },
        `widget ${i} in print`,
      );
      assert.equal(p.background, 'rgb(255, 255, 255)', `widget ${i} prints on a coloured background`);
      assert.ok(p.corner > 700, `widget ${i}: the chart prints dark (${p.corner})`);
    }
    assert.equal(printed[0].legend, true, 'the legend is not printed');
    await page.emulateMedia({ media: 'screen' });
    await page.waitForFunction(() => document.querySelector('#w0').shadowRoot.querySelector('.pp').classList.contains('dark'));
    assert.equal((await look())[0].menu, true, 'the menu did not come back after print');
    assertNoErrors(errors);
  } finally {
    await opened.context.close();
  }
});
