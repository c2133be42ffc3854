// plan-progress side by side with Chart.js and uPlot, in headless Chromium (Debian's, driven by
// playwright-core; never a downloaded browser), measured the way readers live. Run by
// `cargo xtask bench`, which builds dist/, snapshots what it serves into target/bench/ with the
// .br and .gz siblings a CDN would send, serves it, and sets:
//   BASE_URL      the server: dist/ at /, bench/pages/ at /bench/, the libraries' files at
//                 /vendor/<npm package>/, BENCH_OUT/data at /bench-data/
//   BENCH_SITE    the dist/ snapshot being served (sizes are read from it)
//   BENCH_VENDOR  the libraries' files being served, one folder per npm package
//   BENCH_OUT     where results.json and results.md go (target/bench); its data/ holds
//                 largest.json, the largest dataset the format accepts
//   CHROMIUM      the browser (default /usr/bin/chromium)
//   BENCH_QUICK   "1": fewer runs and moves
//   BENCH_FREEZE_ONLY  "1": only the freezes (section 5)
//
// Sections: 1. the files each library needs, as the server sends them; 2. readers' pages under
// two profiles emulated through the DevTools protocol, a phone and desktop broadband (first
// chart, bytes, blocking time, layout shift, and plan-progress's still); 3. plan-progress alone
// under the same profiles: the demo article, fifty widgets on one page; 4. loopback: cold
// renders, hover, memory; 5. loopback: freezes.
//
// Timings are medians over runs that alternate between the pages (the order rotates every run),
// each run in a fresh browser context (empty cache). They are printed, never asserted: this
// machine is shared and noisy.

import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const BASE = required('BASE_URL').replace(/\/+$/, '');
const SITE = required('BENCH_SITE');
const VENDOR = required('BENCH_VENDOR');
const OUT = required('BENCH_OUT');
const QUICK = process.env.BENCH_QUICK === '1';
const FREEZE_ONLY = process.env.BENCH_FREEZE_ONLY === '1';

const LIBS = ['plan-progress', 'chartjs', 'uplot'];
/** Runs per measure (each a fresh context). */
const RUNS = QUICK ? { reader: 3, demo: 3, many: 1, render: 3 } : { reader: 5, demo: 5, many: 3, render: 7 };
/** Hover: moves measured per chart (after WARMUP moves that are not), in ROUNDS alternating
 * between the libraries. */
const MOVES = QUICK ? 200 : 500;
const WARMUP = 10;
const ROUNDS = 5;
/** plan-progress's format: at most 201 points per series, one per year 1900-2100
 * (docs/format.md#limits); the loopback renders and hovers draw that many. */
const FORMAT_LIMIT = 201;
/** The Long Tasks API reports only tasks longer than this; blocking time is what goes beyond. */
const LONG_TASK_MS = 50;
/** How long after the first chart layout shifts (and, for freezes, tasks) still count: the
 * layout and paint it queued. */
const SETTLE_MS = 500;

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the bench with \`cargo xtask bench\``);
  return value;
}

function log(message) {
  console.log(`    ${message}`);
}

// ---------------------------------------------------------------------------------------------
// Statistics and formatting

function median(values) {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Nearest-rank percentile (p in 0..100). */
function percentile(values, p) {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

/** The median of each numeric field of `samples` (null where no sample has a number). */
function medians(samples) {
  const fields = new Set(samples.flatMap((s) => Object.keys(s).filter((k) => typeof s[k] === 'number')));
  return Object.fromEntries([...fields].map((k) => [k, median(samples.map((s) => s[k]))]));
}

const sum = (values) => values.reduce((s, v) => s + v, 0);

const fmt = {
  ms: (v) => (v == null ? '–' : v >= 100 ? `${Math.round(v)} ms` : `${v.toFixed(1)} ms`),
  kb: (v) => (v == null ? '–' : `${(v / 1000).toFixed(1)} kB`),
  mb: (v) => (v == null ? '–' : `${(v / 1e6).toFixed(2)} MB`),
  cls: (v) => (v == null ? '–' : v.toFixed(3)),
};

function ratio(a, b) {
  if (typeof a !== 'number' || typeof b !== 'number' || b <= 0) return '–';
  return `${(a / b).toFixed(2)}×`;
}

/** `list` in the order of run `run`: the first entry changes every run. */
function rotated(list, run) {
  return list.map((_, i) => list[(i + run) % list.length]);
}

// ---------------------------------------------------------------------------------------------
// 1. Bytes: the files each library needs to draw (data excluded), as the server sends them:
// the .br and .gz siblings `cargo xtask bench` wrote next to them (the plain file when a sibling
// would not be smaller).

async function libraryFiles() {
  const pkg = await readdir(path.join(SITE, 'pkg'));
  // the first wasm module: what the first chart needs (the full one follows once it is drawn)
  const wasm = pkg.filter((f) => /^plan_progress_first_bg\.[0-9a-f]+\.wasm$/.test(f));
  if (wasm.length !== 1) throw new Error(`expected one hashed wasm in ${SITE}/pkg, found: ${pkg.join(', ')}`);
  const vendored = async (pkgName) => {
    const dir = path.join(VENDOR, pkgName);
    return (await readdir(dir)).filter((f) => !/\.(br|gz)$/.test(f)).sort().map((f) => [f, path.join(dir, f)]);
  };
  return {
    'plan-progress': [
      ['plan-progress.js', path.join(SITE, 'plan-progress.js')],
      [`pkg/${wasm[0]}`, path.join(SITE, 'pkg', wasm[0])],
    ],
    chartjs: await vendored('chart.js'),
    uplot: await vendored('uplot'),
    wasmName: wasm[0],
  };
}

/** The size of `file`, or of its sibling with `extension` when there is one. */
async function sentSize(file, extension) {
  const sibling = await stat(`${file}.${extension}`).catch(() => null);
  return sibling ? sibling.size : (await stat(file)).size;
}

async function measureBytes(files) {
  const out = {};
  for (const lib of LIBS) {
    const each = [];
    for (const [name, file] of files[lib]) {
      each.push({ name, raw: (await stat(file)).size, gzip: await sentSize(file, 'gz'), brotli: await sentSize(file, 'br') });
    }
    const total = (k) => sum(each.map((f) => f[k]));
    out[lib] = { files: each, raw: total('raw'), gzip: total('gzip'), brotli: total('brotli') };
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The browser

async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The loopback sections' window: no throttling. */
const LOOPBACK = { viewport: { width: 1000, height: 700 }, deviceScaleFactor: 1 };

/**
 * A fresh context (empty cache) and page at `url`; the page's uncaught errors are collected.
 * The page first loads an empty page of the same site, so that the renderer process is started
 * before the measured navigation (its start-up, 100-800 ms here, is not the libraries' doing).
 * `context`: playwright's context options (viewport, DPR), or `profile` (section 2), whose
 * throttling is then switched on after the empty page. `watch(cdp)`, if given, is called with
 * the profile's DevTools session just before the navigation. `init`, if given, runs in the
 * measured page before any of its scripts (page.addInitScript).
 */
async function openPage(browser, url, { context: options = LOOPBACK, profile, watch, init } = {}) {
  const context = await browser.newContext(profile ? profile.context : options);
  const page = await context.newPage();
  await page.goto(`${BASE}/bench/blank.html`, { waitUntil: 'load' });
  const cdp = profile ? await throttle(context, page, profile) : null;
  if (watch) watch(cdp);
  if (init) await page.addInitScript(init);
  const errors = [];
  page.on('pageerror', (err) => errors.push(err.stack || err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !/favicon\.ico/.test(msg.location().url)) errors.push(msg.text());
    // the glue warns when it cannot compile the wasm while downloading it (wrong Content-Type)
    if (msg.type() === 'warning' && /instantiateStreaming/.test(msg.text())) errors.push(msg.text());
  });
  await page.goto(url, { waitUntil: 'commit', timeout: 60_000 });
  return { context, page, errors, cdp };
}

function check(errors, what) {
  if (errors.length) throw new Error(`${what}: the page reported errors:\n  ${errors.join('\n  ')}`);
}

/** The lab page of `lib`, with its library loaded and (plan-progress) the wasm compiled. */
async function openLab(browser, lib, dpr) {
  const opened = await openPage(browser, `${BASE}/bench/lab-${lib}.html`,
    { context: { ...LOOPBACK, deviceScaleFactor: dpr } });
  await opened.page.waitForFunction(() => window.bench, null, { timeout: 30_000 });
  await opened.page.evaluate(() => window.bench.ready);
  check(opened.errors, `lab-${lib}`);
  return opened;
}

// ---------------------------------------------------------------------------------------------
// 2. Readers' pages under two profiles, emulated through the DevTools protocol: the network
// (Network.emulateNetworkConditions: a latency added to every request, and throughputs) and the
// CPU (Emulation.setCPUThrottlingRate), plus playwright's viewport, DPR, isMobile and hasTouch.
// The phone is Lighthouse's mobile default (its "slow 4G" figures, a 412 px wide screen).

/** kbit/s (1 kbit = 1,024 bits, as Lighthouse counts) in bytes/s, CDP's unit. */
const kbps = (k) => (k * 1024) / 8;

const PROFILES = [
  {
    id: 'phone',
    label: 'phone: CPU slowed 4×, 1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip, 412×823 CSS px at DPR 2 (mobile, touch)',
    cpu: 4,
    network: { latency: 150, downloadThroughput: kbps(1.6 * 1024), uploadThroughput: kbps(750) },
    context: { viewport: { width: 412, height: 823 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  },
  {
    id: 'desktop',
    label: 'desktop broadband: CPU not slowed, 10 Mbit/s both ways, 40 ms round trip, 1350×940 CSS px at DPR 1',
    cpu: 1,
    network: { latency: 40, downloadThroughput: kbps(10 * 1024), uploadThroughput: kbps(10 * 1024) },
    context: { viewport: { width: 1350, height: 940 }, deviceScaleFactor: 1 },
  },
];

/** Switches `profile`'s throttling on for `page`; returns the DevTools session (kept open: the
 * emulation lasts as long as it). */
async function throttle(context, page, profile) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...profile.network });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  return cdp;
}

/** The reader pages: the same chart (the three TIP series of data/morocco.json) in an article's
 * column. `still`: plan-progress's element holding a still picture of the chart (the builder's
 * embed code); `top`: the same code for a chart at the top of its article (loaded at once, its
 * wasm and data preloaded). */
const READER_PAGES = [
  { id: 'plan-progress', path: '/bench/reader-plan-progress.html' },
  { id: 'still', path: '/bench/still-plan-progress.html' },
  { id: 'top', path: '/bench/top-plan-progress.html' },
  { id: 'chartjs', path: '/bench/reader-chartjs.html' },
  { id: 'uplot', path: '/bench/reader-uplot.html' },
];
/** The bench's own modules in the Chart.js and uPlot pages (fetching the dataset and drawing
 * it): not counted in their bytes, since a host's code for this would be its own. */
const HARNESS = /^\/bench\/[^/]+\.js$/;
const READER_TIMEOUT = 90_000;

/**
 * Runs in each measured page before its own scripts (page.addInitScript): records the long
 * tasks, the layout shifts (those not caused by input) and the first contentful paint from the
 * start of the navigation (buffered observers), and the first chart: the first animation frame
 * after plan-progress's `plan-progress:ready` event, or after the page calls
 * `window.__reader.drawn()` (Chart.js, uPlot). `summary(until, shiftsUntil)` adds them up, with
 * the page's files (Resource Timing) finished by `until`.
 */
function recordReader() {
  const tasks = [];
  const shifts = [];
  const reader = { fcp: null, drawnAt: null, chart: null, error: null };
  const observers = [];
  const observe = (type, take) => {
    const observer = new PerformanceObserver((list) => list.getEntries().forEach(take));
    observer.observe({ type, buffered: true });
    observers.push([observer, take]);
  };
  observe('longtask', (e) => tasks.push({ start: e.startTime, duration: e.duration }));
  observe('layout-shift', (e) => { if (!e.hadRecentInput) shifts.push({ at: e.startTime, value: e.value }); });
  observe('paint', (e) => { if (e.name === 'first-contentful-paint') reader.fcp = e.startTime; });
  reader.drawn = () => {
    if (reader.drawnAt != null) return;
    reader.drawnAt = performance.now();
    requestAnimationFrame(() => { reader.chart = performance.now(); });
  };
  reader.failed = (message) => { reader.error ??= message; };
  addEventListener('plan-progress:ready', () => reader.drawn(), { capture: true });
  addEventListener('plan-progress:error', (e) => reader.failed(e.detail?.message ?? 'plan-progress:error'), { capture: true });
  reader.summary = (until, shiftsUntil) => {
    for (const [observer, take] of observers) observer.takeRecords().forEach(take);
    const before = tasks.filter((t) => t.start < until);
    const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
    return {
      fcp: reader.fcp,
      chart: reader.chart,
      longest: Math.max(0, ...before.map((t) => t.duration)),
      blocking: before.reduce((s, t) => s + Math.max(0, t.duration - 50), 0),
      cls: shifts.filter((s) => s.at <= shiftsUntil).reduce((s, x) => s + x.value, 0),
      files: entries.filter((e) => e.responseEnd <= until)
        .map((e) => ({ path: new URL(e.name).pathname, bytes: e.transferSize, end: Math.round(e.responseEnd) })),
    };
  };
  window.__reader = reader;
}

/** One reader page under `profile`, in a fresh context: until its first chart, plus SETTLE_MS
 * for the layout shifts. */
async function readerOnce(browser, profile, entry) {
  const what = `${entry.id} (${profile.id})`;
  const { context, page, errors } = await openPage(browser, `${BASE}${entry.path}`, { profile, init: recordReader });
  try {
    await page.waitForFunction(() => window.__reader?.chart != null || window.__reader?.error,
      null, { timeout: READER_TIMEOUT, polling: 100 });
    const error = await page.evaluate(() => window.__reader.error);
    if (error) throw new Error(`${what}: ${error}`);
    await page.waitForTimeout(SETTLE_MS);
    const r = await page.evaluate((settle) => {
      const reader = window.__reader;
      return reader.summary(reader.chart, reader.chart + settle);
    }, SETTLE_MS);
    check(errors, what);
    const counted = r.files.filter((f) => !HARNESS.test(f.path));
    return {
      chart: r.chart,
      fcp: r.fcp,
      bytes: sum(counted.map((f) => f.bytes)),
      blocking: r.blocking,
      cls: r.cls,
      harnessBytes: sum(r.files.filter((f) => HARNESS.test(f.path)).map((f) => f.bytes)),
      pageBytes: r.files.find((f) => f.path === entry.path)?.bytes ?? null,
      files: r.files,
    };
  } finally {
    await context.close();
  }
}

async function measureReaders(browser, profile) {
  const samples = Object.fromEntries(READER_PAGES.map((p) => [p.id, []]));
  for (let run = 0; run < RUNS.reader; run++) {
    for (const entry of rotated(READER_PAGES, run)) samples[entry.id].push(await readerOnce(browser, profile, entry));
  }
  const med = Object.fromEntries(READER_PAGES.map((p) => [p.id, medians(samples[p.id])]));
  log(`${profile.id}: first chart ${LIBS.map((l) => `${l} ${fmt.ms(med[l].chart)}`).join(', ')}; ` +
    `still on screen ${fmt.ms(med.still.fcp)}; at the top of the article ${fmt.ms(med.top.chart)}; ` +
    `bytes ${LIBS.map((l) => fmt.kb(med[l].bytes)).join(', ')}`);
  return { runs: RUNS.reader, samples, median: med };
}

// ---------------------------------------------------------------------------------------------
// 3. plan-progress alone under the same profiles.
//
// The demo article (dist/index.html) opened at its top, not scrolled: the bytes it transfers
// until the network is quiet, counted from the DevTools protocol's Network events.

const QUIET_MS = 2_000;
const DEMO_CAP_MS = 90_000;

/** Follows the page's http(s) requests on `cdp`: their number, those of the dataset, and the
 * bytes received (`Network.loadingFinished.encodedDataLength`: headers and compressed body). */
function networkLog(cdp) {
  const net = { start: Date.now(), last: Date.now(), inflight: new Set(), requests: 0, data: 0, failed: 0, bytes: 0 };
  const active = () => { net.last = Date.now(); };
  cdp.on('Network.requestWillBeSent', (e) => {
    if (!/^https?:/.test(e.request.url)) return;
    if (!net.inflight.has(e.requestId)) {
      net.requests++;
      if (new URL(e.request.url).pathname === '/data/morocco.json') net.data++;
    }
    net.inflight.add(e.requestId);
    active();
  });
  cdp.on('Network.dataReceived', active);
  cdp.on('Network.loadingFinished', (e) => {
    if (net.inflight.delete(e.requestId)) net.bytes += e.encodedDataLength;
    active();
  });
  cdp.on('Network.loadingFailed', (e) => {
    if (net.inflight.delete(e.requestId)) net.failed++;
    active();
  });
  return net;
}

async function demoOnce(browser, profile) {
  let net;
  const { context, errors } = await openPage(browser, `${BASE}/`, { profile, watch: (cdp) => { net = networkLog(cdp); } });
  try {
    let capped = false;
    for (;;) {
      await sleep(100);
      const now = Date.now();
      if (net.requests > 0 && net.inflight.size === 0 && now - net.last >= QUIET_MS) break;
      if (now - net.start > DEMO_CAP_MS) {
        capped = true;
        break;
      }
    }
    check(errors, `demo article (${profile.id})`);
    return { bytes: net.bytes, requests: net.requests, dataRequests: net.data, failed: net.failed,
      quietFrom: net.last - net.start, capped: capped ? 1 : 0 };
  } finally {
    await context.close();
  }
}

async function measureDemo(browser, profile) {
  const samples = [];
  for (let run = 0; run < RUNS.demo; run++) samples.push(await demoOnce(browser, profile));
  const med = medians(samples);
  log(`${profile.id}: demo article, ${fmt.kb(med.bytes)} in ${med.requests} requests (${med.dataRequests} of the dataset)` +
    `${med.capped ? `, not quiet after ${DEMO_CAP_MS / 1000} s` : ''}`);
  return { runs: RUNS.demo, quietMs: QUIET_MS, capMs: DEMO_CAP_MS, samples, median: med };
}

// Fifty widgets of data/morocco.json on one page (bench/pages/many.html): the longest task and
// the total blocking time until every widget has drawn (or failed), desktop profile.

const MANY_CAP_MS = 120_000;

async function manyOnce(browser, profile) {
  const { context, page, errors } = await openPage(browser, `${BASE}/bench/many.html`, { profile, init: recordReader });
  try {
    const done = await page.waitForFunction(() => window.__many?.allAt != null, null, { timeout: MANY_CAP_MS, polling: 250 })
      .then(() => true, (error) => {
        if (error.name === 'TimeoutError') return false;
        throw error;
      });
    const r = await page.evaluate(() => {
      const many = window.__many;
      const until = many.allAt ?? performance.now();
      return { ...many, ...window.__reader.summary(until, until) };
    });
    check(errors, `50 widgets (${profile.id})`);
    return { allReady: done ? r.allAt : null, ready: r.ready, errors: r.errors, longest: r.longest, blocking: r.blocking,
      dataRequests: r.files.filter((f) => f.path === '/data/morocco.json').length, capped: done ? 0 : 1 };
  } finally {
    await context.close();
  }
}

async function measureMany(browser, profile) {
  const samples = [];
  for (let run = 0; run < RUNS.many; run++) samples.push(await manyOnce(browser, profile));
  const med = medians(samples);
  log(`${profile.id}: 50 widgets, all ready at ${fmt.ms(med.allReady)}, longest task ${fmt.ms(med.longest)}, ` +
    `blocking ${fmt.ms(med.blocking)}${med.capped ? ` (capped at ${MANY_CAP_MS / 1000} s in some runs)` : ''}`);
  return { runs: RUNS.many, capMs: MANY_CAP_MS, samples, median: med };
}

async function measureProfile(browser, profile) {
  log(`profile ${profile.label}`);
  const readers = await measureReaders(browser, profile);
  const demo = await measureDemo(browser, profile);
  const many = profile.id === 'desktop' ? await measureMany(browser, profile) : null;
  const { context, ...settings } = profile;
  return { profile: { ...settings, ...context }, readers, demo, many };
}

// ---------------------------------------------------------------------------------------------
// 4. Loopback (no throttling): cold renders, a fresh page per run, library loaded, data in memory.

const RENDER_DPRS = [1, 2];

async function renderOnce(browser, lib, n, dpr) {
  const { context, page, errors } = await openLab(browser, lib, dpr);
  try {
    const result = await page.evaluate((count) => window.bench.render(count), n);
    check(errors, `render ${lib} ${n}`);
    return result;
  } finally {
    await context.close();
  }
}

async function measureRenders(browser) {
  const rows = [];
  for (const dpr of RENDER_DPRS) {
    const samples = Object.fromEntries(LIBS.map((l) => [l, { drawn: [], painted: [] }]));
    for (let run = 0; run < RUNS.render; run++) {
      for (const lib of rotated(LIBS, run)) {
        const r = await renderOnce(browser, lib, FORMAT_LIMIT, dpr);
        samples[lib].drawn.push(r.drawn);
        samples[lib].painted.push(r.painted);
      }
    }
    const label = `cold render, ${FORMAT_LIMIT} points${dpr === 1 ? '' : `, DPR ${dpr}`}`;
    const row = { id: `render-${FORMAT_LIMIT}-dpr${dpr}`, label, n: FORMAT_LIMIT, dpr, runs: RUNS.render, samples, median: {} };
    for (const lib of LIBS) row.median[lib] = { drawn: median(samples[lib].drawn), painted: median(samples[lib].painted) };
    log(`${label}: ${LIBS.map((l) => `${l} ${fmt.ms(row.median[l].painted)}`).join(', ')}`);
    rows.push(row);
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Loopback: hover latency, real mouse moves; page-side timestamps (pointermove in capture phase →
// tooltip updated).

async function measureHover(browser) {
  const n = FORMAT_LIMIT;
  const pages = {};
  try {
    for (const lib of LIBS) {
      const opened = await openLab(browser, lib, 1);
      const targets = await opened.page.evaluate(([count, total]) => window.bench.hoverPrepare(count, total), [n, MOVES + WARMUP]);
      if (targets.length < MOVES + WARMUP) throw new Error(`hover ${lib} ${n}: only ${targets.length} targets`);
      pages[lib] = { ...opened, targets, next: 0, misses: 0, missed: [] };
    }
    const perRound = Math.ceil((MOVES + WARMUP) / ROUNDS);
    for (let round = 0; round < ROUNDS; round++) {
      for (const lib of rotated(LIBS, round)) await hoverRound(pages[lib], perRound);
    }
    const samples = {};
    const row = { id: `hover-${n}`, label: `hover → tooltip updated, ${n} points`, n, p50: {}, p95: {}, misses: {}, missed: {}, samples };
    for (const lib of LIBS) {
      const { latencies } = await pages[lib].page.evaluate(() => window.bench.hoverState());
      check(pages[lib].errors, `hover ${lib} ${n}`);
      samples[lib] = latencies.slice(WARMUP);
      row.p50[lib] = percentile(samples[lib], 50);
      row.p95[lib] = percentile(samples[lib], 95);
      row.misses[lib] = pages[lib].misses;
      row.missed[lib] = pages[lib].missed;
    }
    log(`${row.label}: ${LIBS.map((l) => `${l} p50 ${fmt.ms(row.p50[l])} p95 ${fmt.ms(row.p95[l])}` +
      (row.misses[l] ? ` (${row.misses[l]} moves without update)` : '')).join(', ')}`);
    return row;
  } finally {
    for (const p of Object.values(pages)) await p.context.close();
  }
}

/** `count` moves on one page, each to the next target, waiting for its tooltip update. */
async function hoverRound(state, count) {
  const { page, targets } = state;
  for (let i = 0; i < count && state.next < targets.length; i++) {
    const { x, y } = targets[state.next++];
    const before = await page.evaluate(() => window.bench.hoverState().updates);
    await page.mouse.move(x, y);
    const updated = await page.evaluate((k) => window.bench.waitUpdates(k, 1_000), before + 1);
    if (!updated) {
      state.misses++;
      state.missed.push({ move: state.next - 1, x, y });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Loopback: memory, JS heap (CDP Runtime.getHeapUsage after two forced collections) and, for
// plan-progress, the wasm linear memory (not part of the JS heap).

async function heapUsage(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  return cdp.send('Runtime.getHeapUsage');
}

async function memoryCase(browser, lib, action) {
  const { context, page, errors } = await openLab(browser, lib, 1);
  const cdp = await context.newCDPSession(page);
  try {
    const before = await heapUsage(cdp);
    const wasmBefore = await page.evaluate(() => window.bench.wasmBytes());
    const ms = await action(page);
    const after = await heapUsage(cdp);
    const wasmAfter = await page.evaluate(() => window.bench.wasmBytes());
    check(errors, `memory ${lib}`);
    return {
      ms,
      heapBefore: before.usedSize,
      heapAfter: after.usedSize,
      heapGrowth: after.usedSize - before.usedSize,
      backingStoreBefore: before.backingStorageSize ?? null,
      backingStoreAfter: after.backingStorageSize ?? null,
      wasmBefore,
      wasmAfter,
      wasmGrowth: wasmAfter == null ? null : wasmAfter - wasmBefore,
    };
  } finally {
    await cdp.detach().catch(() => {});
    await context.close();
  }
}

async function measureMemory(browser) {
  const cycles = {};
  const many = {};
  for (const lib of LIBS) {
    cycles[lib] = await memoryCase(browser, lib, (page) =>
      page.evaluate(() => window.bench.cycles(1_000, 30, 1995)));
    many[lib] = await memoryCase(browser, lib, (page) =>
      page.evaluate(() => window.bench.many(20, 30, 1995)));
    log(`memory ${lib}: 1,000 cycles in ${fmt.ms(cycles[lib].ms)}, JS heap ${fmt.mb(cycles[lib].heapGrowth)} more` +
      (cycles[lib].wasmAfter == null ? '' : `, wasm memory ${fmt.mb(cycles[lib].wasmBefore)} → ${fmt.mb(cycles[lib].wasmAfter)}`) +
      `; 20 charts: JS heap +${fmt.mb(many[lib].heapGrowth)}` +
      (many[lib].wasmAfter == null ? '' : `, wasm memory ${fmt.mb(many[lib].wasmBefore)} → ${fmt.mb(many[lib].wasmAfter)}`));
  }
  return { cycles, many };
}

// ---------------------------------------------------------------------------------------------
// 5. Loopback: freezes, the longest main-thread task while a widget loads and draws its first
// chart, the demo's dataset and the largest one the format accepts, every view, both scripts'
// languages.
// plan-progress only: the issue's goal is its own, "no input freezes the tab for more than
// 200 ms" (FREEZE_GOAL).
//
// A benchmark, not a test: these are timings on a shared, noisy 2-core machine, and the project's
// rule is "tests assert behaviour, benchmarks print milliseconds". tests/robustness.rs asserts
// what can be counted instead (the text measured and the marks built for the same dataset).

const FREEZE_GOAL = 200;
const FREEZE_RUNS = QUICK ? 2 : 5;
const FREEZE_VIEWS = ['series', 'rating', 'status', 'progress', 'timeline', 'overview'];
const FREEZE_LANGS = ['ar', 'en'];
const FREEZE_DATASETS = [
  { id: 'morocco', name: 'data/morocco.json', src: '/data/morocco.json', file: path.join(SITE, 'data/morocco.json') },
  { id: 'largest', name: 'largest accepted', src: '/bench-data/largest.json', file: path.join(OUT, 'data/largest.json') },
];
const FREEZE_VIEWPORT = { width: 1200, height: 900 };

/** A fresh context: the longest task from the navigation until the widget's data-state is
 * "ready" or "error", plus SETTLE_MS. 0: no task over LONG_TASK_MS. */
async function freezeOnce(browser, dataset, view, lang) {
  const query = new URLSearchParams({ src: dataset.src, view, lang });
  const opened = await openPage(browser, `${BASE}/bench/freeze.html?${query}`,
    { context: { viewport: FREEZE_VIEWPORT, deviceScaleFactor: 1 }, init: recordReader });
  const { context, page, errors } = opened;
  try {
    const settled = await page.waitForFunction(() => {
      const state = document.querySelector('plan-progress')?.dataset.state;
      return (state === 'ready' || state === 'error') && state;
    }, null, { timeout: 60_000 });
    const state = await settled.jsonValue();
    await page.waitForTimeout(SETTLE_MS);
    const longest = await page.evaluate(() => window.__reader.summary(Infinity, Infinity).longest);
    check(errors, `freeze ${dataset.id} ${view} ${lang}`);
    return { longest, state };
  } finally {
    await context.close();
  }
}

/** One row per dataset and view, one cell per language; runs go round all the cells in turn so
 * that a busy moment of the machine spreads over them rather than spoiling one. */
async function measureFreezes(browser) {
  const datasets = [];
  for (const { id, name, src, file } of FREEZE_DATASETS) datasets.push({ id, name, src, bytes: (await stat(file)).size });
  const rows = datasets.flatMap((dataset) => FREEZE_VIEWS.map((view) => ({
    dataset: dataset.id, view, cells: Object.fromEntries(FREEZE_LANGS.map((l) => [l, { samples: [], states: [] }])),
  })));
  for (let run = 0; run < FREEZE_RUNS; run++) {
    for (const row of rows) {
      const dataset = datasets.find((d) => d.id === row.dataset);
      for (const lang of FREEZE_LANGS) {
        const { longest, state } = await freezeOnce(browser, dataset, row.view, lang);
        row.cells[lang].samples.push(longest);
        row.cells[lang].states.push(state);
      }
    }
    log(`freezes: run ${run + 1} of ${FREEZE_RUNS} done`);
  }
  for (const row of rows) {
    for (const cell of Object.values(row.cells)) {
      cell.median = median(cell.samples);
      cell.max = Math.max(...cell.samples);
    }
    log(`${row.dataset} ${row.view}: ${FREEZE_LANGS.map((l) => `${l} ${freezeCell(row.cells[l])}`).join(', ')}`);
  }
  return { goal: FREEZE_GOAL, runs: FREEZE_RUNS, viewport: FREEZE_VIEWPORT, settleMs: SETTLE_MS, datasets, rows };
}

/** `median / max` in ms, "< 50" for no long task, bold when the median misses the goal. */
function freezeCell({ median: mid, max, states }) {
  const ms = (v) => (v < LONG_TASK_MS ? `< ${LONG_TASK_MS}` : String(Math.round(v)));
  const text = `${ms(mid)} / ${ms(max)}`;
  const errors = states.filter((s) => s === 'error').length;
  return `${mid > FREEZE_GOAL ? `**${text}**` : text}${errors ? ` (error in ${errors} runs)` : ''}`;
}

function freezeMarkdown(freeze) {
  const name = (id) => {
    const d = freeze.datasets.find((x) => x.id === id);
    return `${d.name} (${fmt.kb(d.bytes)})`;
  };
  const lines = [
    `### Loopback: longest main-thread task while loading and drawing the first chart (ms, median of ${freeze.runs} / max)`,
    '',
    `| dataset | view | ${FREEZE_LANGS.join(' | ')} |`,
    `|---|---|${FREEZE_LANGS.map(() => '---:').join('|')}|`,
    ...freeze.rows.map((r) => `| ${name(r.dataset)} | ${r.view} | ${FREEZE_LANGS.map((l) => freezeCell(r.cells[l])).join(' | ')} |`),
    '',
    `- The goal is ${freeze.goal} ms (the issue: "no input freezes the tab for more than ${freeze.goal} ms"); bold: ` +
      'a median above it.',
    '- Measured on loopback (no throttling): a `PerformanceObserver` of `longtask` entries (buffered), installed ' +
      'by `page.addInitScript` before the navigation, from the navigation until the element\'s `data-state` is `ready` (or `error`) plus ' +
      `${freeze.settleMs} ms; the page is bench/pages/freeze.html, \`<plan-progress src view lang>\` after ` +
      '`<script type="module" src="/plan-progress.js">`, fresh context each run (cold cache), ' +
      `${freeze.viewport.width}×${freeze.viewport.height} CSS px, DPR 1. "< ${LONG_TASK_MS}": no task longer than ` +
      `${LONG_TASK_MS} ms (the Long Tasks API reports none shorter).`,
    '- "largest accepted": the largest dataset the format accepts (500 items per list, 201 points per series, texts at their length ' +
      'limits), written by `cargo test --test robustness -- --ignored write_largest_dataset`.',
  ];
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// Report

async function versions(browser) {
  const pkg = async (name) => JSON.parse(await readFile(path.join(HERE, 'node_modules', name, 'package.json'), 'utf8')).version;
  return {
    chromium: browser.version(),
    node: process.version,
    chartjs: await pkg('chart.js'),
    uplot: await pkg('uplot'),
    playwright: await pkg('playwright-core'),
    cpus: os.cpus().length,
    loadAverageAtStart: os.loadavg().map((l) => Math.round(l * 10) / 10),
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memory: os.totalmem(),
  };
}

/** The machine and the run, under the tables: the timings mean little without them. */
function machineNote(meta) {
  return `Machine: ${meta.versions.cpus} cores (${meta.versions.cpuModel}), no GPU, headless Chromium ` +
    `${meta.versions.chromium} (Debian, \`--disable-gpu\`), Node ${meta.versions.node}, ` +
    `playwright-core ${meta.versions.playwright}; ${meta.date}${meta.quick ? '; `--quick`' : ''}; ` +
    `${meta.seconds} s. Other builds shared the machine (load average ${meta.versions.loadAverageAtStart[0]} at the ` +
    `start, ${meta.versions.loadAverageAtEnd[0]} at the end, on ${meta.versions.cpus} cores): timings are noisy, ` +
    'read them as orders of magnitude.';
}

/** A Markdown table of the three libraries, with plan-progress's ratios to the others. `row`
 * takes per library a number (shown with `format`) or a text; the ratios divide plan-progress's
 * value by the others' in `against` (by default, the row's own). */
function libraryTable(firstColumn, meta) {
  const head = [firstColumn, 'plan-progress', `Chart.js ${meta.versions.chartjs}`, `uPlot ${meta.versions.uplot}`,
    'plan-progress / Chart.js', 'plan-progress / uPlot'];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`];
  const row = (label, values, format, against = values) => {
    const cell = (v) => (typeof v === 'string' ? v : format(v));
    const pp = values['plan-progress'];
    lines.push(`| ${label} | ${cell(pp)} | ${cell(values.chartjs)} | ${cell(values.uplot)} | ` +
      `${ratio(pp, against.chartjs)} | ${ratio(pp, against.uplot)} |`);
  };
  return { lines, row };
}

/** The cells of a row that only plan-progress has. */
const alone = (value) => ({ 'plan-progress': value, chartjs: '–', uplot: '–' });

function profileMarkdown({ profile, readers, demo, many }, meta) {
  const m = readers.median;
  const { lines, row } = libraryTable(`${profile.id}, median of ${readers.runs}`, meta);
  const of = (key) => Object.fromEntries(LIBS.map((l) => [l, m[l][key]]));
  row('navigation → first interactive chart', of('chart'), fmt.ms);
  row('bytes transferred before it', of('bytes'), fmt.kb);
  row('total blocking time until it', of('blocking'), fmt.ms);
  // no ratio: a shift score of 0.007 against 0 or 0.3 says more than their quotient
  const noRatio = { chartjs: null, uplot: null };
  row(`cumulative layout shift until it + ${SETTLE_MS} ms`, of('cls'), fmt.cls, noRatio);
  row('still in the element: navigation → still on screen (first contentful paint; ratios to the others\' first chart)',
    alone(m.still.fcp), fmt.ms, of('chart'));
  row('still in the element: navigation → first interactive chart', alone(m.still.chart), fmt.ms, of('chart'));
  row(`still in the element: cumulative layout shift until the chart + ${SETTLE_MS} ms`, alone(m.still.cls), fmt.cls);
  row('at the top of the article (the builder\'s box ticked: loaded at once, wasm and data preloaded): navigation → first interactive chart',
    alone(m.top.chart), fmt.ms, of('chart'));
  row('at the top of the article: bytes transferred before it', alone(m.top.bytes), fmt.kb, of('bytes'));
  const d = demo.median;
  const quiet = `${demo.quietMs / 1000} s`;
  row(`demo article (dist/index.html) at its top: bytes transferred until the network is quiet for ${quiet} (median of ${demo.runs})`,
    alone(`${fmt.kb(d.bytes)}: ${d.requests} requests, ${d.dataRequests} of data/morocco.json` +
      (d.capped ? `; not quiet after ${demo.capMs / 1000} s` : '')), fmt.kb);
  if (many) {
    const w = many.median;
    const capped = many.samples.filter((s) => s.capped).length;
    const label = `50 widgets of data/morocco.json (5 views × 3 languages, \`loading="eager"\`; median of ${many.runs})`;
    row(`${label}: navigation → all ready`,
      alone(capped ? `not all ready after ${many.capMs / 1000} s in ${capped} of ${many.runs} runs` : w.allReady), fmt.ms);
    row(`${label}: longest task until then`, alone(w.longest), fmt.ms);
    row(`${label}: total blocking time until then`, alone(w.blocking), fmt.ms);
  }
  return [`### ${profile.label}`, '', ...lines].join('\n');
}

/** What the profile tables measure, with figures taken from this run (the harness's and the
 * still's bytes). */
function profileNotes(results) {
  const first = results.profiles[0].readers;
  const harness = median(first.samples.chartjs.map((s) => s.harnessBytes));
  const still = median(first.samples.still.map((s) => s.pageBytes)) - median(first.samples['plan-progress'].map((s) => s.pageBytes));
  return [
    '- Profiles: emulated through the DevTools protocol, opened with playwright\'s `context.newCDPSession(page)` once ' +
      'an empty page of the site has started the renderer: `Network.emulateNetworkConditions` (its `latency` is added ' +
      'to every request: the round trip; throughputs in bytes/s, with 1 kbit = 1,024 bits as Lighthouse counts) and ' +
      '`Emulation.setCPUThrottlingRate`; playwright sets the viewport, the DPR, `isMobile` and `hasTouch`. The ' +
      'phone\'s figures are Lighthouse\'s mobile defaults, applied per request as DevTools applies them, without the ' +
      'factors Lighthouse\'s own DevTools mode adds for connection set-up (3.75× the latency, 0.9× the throughput). ' +
      'The server speaks HTTP/1.1 without TLS, one request per connection, and sends every text and wasm file with ' +
      'its precompressed brotli sibling (quality 11; gzip -9 to clients without brotli) as a CDN would, ' +
      '`Cache-Control: no-cache` and no validators.',
    '- Pages (bench/pages/reader-*.html): the chart alone in an article\'s column (744 px, the whole width on the ' +
      'phone), the three TIP series of data/morocco.json; fresh context each run (cold cache), the pages\' order ' +
      'rotating every run. plan-progress: the plain element as a host writes it, after ' +
      '`<script type="module" src="/plan-progress.js">`. Chart.js and uPlot: the library in the page\'s head, then the ' +
      'bench\'s module fetches the dataset, reads the three series out of it and draws them on the canvas ' +
      'plan-progress gets in the same column, in a box of that height the page keeps from its first paint, as a ' +
      'careful host does with CSS (uPlot\'s legend, under its canvas, is outside it). A grey block under the chart ' +
      'stands for the article\'s text that follows: what moves it is a layout shift.',
    '- First interactive chart: the first animation frame after plan-progress\'s `plan-progress:ready` event, ' +
      'Chart.js\'s constructor returned, uPlot\'s `draw` hook; from the navigation\'s start.',
    '- Bytes transferred: the page\'s Resource Timing, `transferSize` (response headers and compressed body) of the ' +
      'document and of every file whose `responseEnd` precedes the first chart; without the bench\'s own modules ' +
      `in the Chart.js and uPlot pages (bench/pages/reader.js, adapters.js, data.js: ${fmt.kb(harness)}), which a ` +
      'host would write its own way.',
    `- Total blocking time: for each long task (\`PerformanceObserver\`, \`longtask\`, buffered) begun before the ` +
      `first chart, its time beyond ${LONG_TASK_MS} ms, from the navigation's start (Lighthouse counts from the ` +
      'first contentful paint). Cumulative layout shift: the sum of every `layout-shift` entry without recent ' +
      `input until the first chart + ${SETTLE_MS} ms (not Lighthouse's session windows).`,
    '- Still in the element: bench/pages/still-plan-progress.html, the builder\'s embed code for the same chart ' +
      'pasted into the same column (bench/still-page.mjs): its script, and the element holding the still pictures ' +
      '(`<picture>`: a narrow SVG for viewports under 600 px, a wide one otherwise, as `data:` URLs, the alt text ' +
      `the chart's title and summary) and the link to the data: ${fmt.kb(still)} more transferred for the page. ` +
      'First contentful paint: the `paint` entry `first-contentful-paint`.',
    '- At the top of the article: bench/pages/top-plan-progress.html, the builder\'s embed code with "This chart is ' +
      'at the top of the article" ticked: the element has `loading="eager"`, and before the script two ' +
      '`<link rel="preload" as="fetch" crossorigin="anonymous">`, for the first wasm module and the ' +
      'dataset, which the widget\'s own fetches then take over, so that both download while the script does.',
    `- Demo article: dist/index.html at its top, not scrolled; the bytes received (\`Network.loadingFinished\`'s ` +
      '`encodedDataLength`: headers and compressed body) of every http request from the navigation until none has ' +
      'been in flight for the quiet time.',
    '- 50 widgets: bench/pages/many.html, `<plan-progress src="/data/morocco.json" view lang loading="eager">` ' +
      'in turn series, rating, status, progress and timeline, in English, French and Arabic, one under the other, ' +
      'desktop profile; from the navigation until each has sent `plan-progress:ready` (or `plan-progress:error`), ' +
      `capped at ${MANY_CAP_MS / 1000} s. Longest task and total blocking time as above, until then.`,
  ];
}

function loopbackMarkdown(results) {
  const { meta, bytes, render, hover, memory } = results;
  const { lines, row } = libraryTable('measure', meta);
  const pick = (obj, f) => Object.fromEntries(LIBS.map((l) => [l, obj[l] == null ? null : f(obj[l])]));
  row('bytes to draw, as sent with brotli (data excluded)', pick(bytes, (b) => b.brotli), fmt.kb);
  row('bytes to draw, as sent with gzip', pick(bytes, (b) => b.gzip), fmt.kb);
  row('bytes to draw, uncompressed', pick(bytes, (b) => b.raw), fmt.kb);
  for (const r of render) row(`${r.label} (median of ${r.runs})`, pick(r.median, (m) => m.painted), fmt.ms);
  row(`${hover.label}, p50`, hover.p50, fmt.ms);
  row(`${hover.label}, p95`, hover.p95, fmt.ms);
  const mem = (set, f) => Object.fromEntries(LIBS.map((l) => [l, f(memory[set][l])]));
  row('JS heap growth after 1,000 create/remove cycles (30 points)', mem('cycles', (m) => m.heapGrowth), fmt.mb);
  row('wasm memory growth over those cycles', mem('cycles', (m) => m.wasmGrowth ?? 'n/a'), fmt.mb);
  row('20 charts on one page: JS heap above the empty page', mem('many', (m) => m.heapGrowth), fmt.mb);
  row('20 charts on one page: wasm memory growth', mem('many', (m) => m.wasmGrowth ?? 'n/a'), fmt.mb);
  row('20 charts on one page: JS heap + wasm growth', mem('many', (m) => m.heapGrowth + (m.wasmGrowth ?? 0)), fmt.mb);

  const pp = memory.many['plan-progress'];
  const notes = [
    `- Bytes: plan-progress.js (the wasm's bindings bundled in) + pkg/${results.files.wasmName} (the first wasm module; the full one follows once the chart is drawn); Chart.js ` +
      `${results.files.chartjs.join(' + ')}; uPlot ${results.files.uplot.join(' + ')}; the sizes of the .br and .gz ` +
      'siblings the server sends (brotli quality 11 with node\'s zlib, gzip -9 with flate2).',
    '- Loopback: no network or CPU throttling, 1000×700 CSS px. Cold render: a fresh page with the library loaded ' +
      '(plan-progress: wasm compiled) and the data in memory (plan-progress: its dataset JSON text, which it parses ' +
      'and validates as part of the render; the others: arrays), from creating the chart until it has drawn and its ' +
      `canvas is rasterised (1-pixel read-back). ${FORMAT_LIMIT} points: a synthetic series, one point per year ` +
      `1900-2100, the most plan-progress's format accepts (docs/format.md#limits).`,
    `- Hover: ${meta.moves} real \`page.mouse.move\` moves per chart (after ${WARMUP} unmeasured ones), each to ` +
      'another datum, from a pointermove listener (window, capture phase) to the tooltip updated: plan-progress, ' +
      'its shadow-root tooltip changed (MutationObserver); Chart.js, the canvas redrawn after its external tooltip ' +
      'callback ran (Chart.js handles pointer events in the next animation frame); uPlot, its `setCursor` hook (cursor ' +
      'and live legend updated).',
    '- Chart.js runs with its documented performance settings: `animation: false`, `parsing: false`, ' +
      '`normalized: true` and the decimation plugin (min-max; it only acts above 4 samples per pixel). uPlot and ' +
      'plan-progress run with their defaults.',
    '- Memory: `Runtime.getHeapUsage` (used JS heap) after two forced collections, before and after. The wasm ' +
      'memory is the plan-progress modules\' linear memories, the first\'s and the full one\'s (`memory.buffer.byteLength`, ' +
      `each shared by every widget of the page; ${fmt.mb(pp.wasmBefore)} once both are compiled, they never shrink); ` +
      'canvas bitmaps and DOM are counted by neither.',
  ];
  return ['### Files, and loopback: drawing, hover, memory', '', ...lines, '', ...notes].join('\n');
}

function markdown(results) {
  const tables = results.profiles.map((p) => profileMarkdown(p, results.meta));
  return [
    ...tables.flatMap((t) => [t, '']),
    machineNote(results.meta),
    '',
    '- Ratios are plan-progress / other: below 1 means plan-progress is smaller or faster.',
    ...profileNotes(results),
    '',
    loopbackMarkdown(results),
    '',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------

/** Sections 1 to 4: plan-progress side by side with Chart.js and uPlot. */
async function compare(browser) {
  const files = await libraryFiles();
  log('measuring bytes');
  const bytes = await measureBytes(files);
  for (const lib of LIBS) log(`${lib}: ${fmt.kb(bytes[lib].brotli)} brotli, ${fmt.kb(bytes[lib].gzip)} gzip`);
  const profiles = [];
  for (const profile of PROFILES) profiles.push(await measureProfile(browser, profile));
  log('loopback: cold renders');
  const render = await measureRenders(browser);
  log('loopback: hover');
  const hover = await measureHover(browser);
  log('loopback: memory');
  const memory = await measureMemory(browser);
  const names = { wasmName: files.wasmName, ...Object.fromEntries(LIBS.map((l) => [l, files[l].map(([n]) => n)])) };
  return { files: names, bytes, profiles, render, hover, memory };
}

/** results.md: the comparison (unless freezes only), then the freezes. */
function report(results) {
  const freezes = freezeMarkdown(results.freeze);
  return FREEZE_ONLY ? `${freezes}\n${machineNote(results.meta)}\n` : `${markdown(results)}\n${freezes}`;
}

async function main() {
  const started = Date.now();
  await mkdir(OUT, { recursive: true });
  const browser = await launch();
  try {
    const meta = { date: new Date().toISOString(), quick: QUICK, freezeOnly: FREEZE_ONLY, runs: RUNS, moves: MOVES, versions: await versions(browser) };
    log(`Chromium ${meta.versions.chromium}, ${meta.versions.cpus} cores${QUICK ? ', --quick' : ''}${FREEZE_ONLY ? ', freezes only' : ''}`);
    const results = { meta, ...(FREEZE_ONLY ? {} : await compare(browser)) };
    log('loopback: freezes');
    results.freeze = await measureFreezes(browser);
    meta.seconds = Math.round((Date.now() - started) / 1000);
    meta.versions.loadAverageAtEnd = os.loadavg().map((l) => Math.round(l * 10) / 10);
    const md = report(results);
    await writeFile(path.join(OUT, 'results.json'), `${JSON.stringify(results, null, 1)}\n`);
    await writeFile(path.join(OUT, 'results.md'), md);
    console.log(`\n${md}`);
    log(`${meta.seconds} s; written ${path.join(OUT, 'results.json')} and results.md`);
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(`bench failed: ${error?.stack || error}`);
  process.exitCode = 1;
});
