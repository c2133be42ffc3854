// plan-progress side by side with Chart.js and uPlot, in headless Chromium (Debian's, driven by
// playwright-core; never a downloaded browser). Run by `cargo xtask bench`, which builds dist/,
// snapshots it, serves it with these pages and sets:
//   BASE_URL     the server (dist/ at /, bench/pages/ at /bench/, the libraries at /vendor/,
//                BENCH_OUT/data at /bench-data/)
//   BENCH_SITE   the dist/ snapshot being served (sizes are measured on it)
//   BENCH_OUT    where results.json and results.md go (target/bench)
//   CHROMIUM     the browser (default /usr/bin/chromium)
//   BENCH_QUICK  "1": fewer runs and moves
//
// Timings are medians over runs that alternate between the libraries (the order rotates every
// run), each run in a fresh browser context (empty cache). They are printed, never asserted:
// this machine is shared and noisy.

import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { planDataset, synthSeries } from './pages/data.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const BASE = required('BASE_URL').replace(/\/+$/, '');
const SITE = required('BENCH_SITE');
const OUT = required('BENCH_OUT');
const QUICK = process.env.BENCH_QUICK === '1';

const LIBS = ['plan-progress', 'chartjs', 'uplot'];
const OTHERS = ['chartjs', 'uplot'];
/** Runs per timing (each a fresh context); the million-point renders take seconds, so fewer. */
const RUNS = QUICK ? { nav: 3, render: 3, million: 1 } : { nav: 11, render: 7, million: 3 };
/** Hover: moves measured per chart (after WARMUP moves that are not), in ROUNDS alternating
 * between the libraries. */
const MOVES = QUICK ? 200 : 500;
const WARMUP = 10;
const ROUNDS = 5;
/** plan-progress's format: at most 201 points per series (docs/format.md#limits). */
const FORMAT_LIMIT = 201;
const REFUSED = `refused: format limit (${FORMAT_LIMIT} points/series)`;
const DEMO_SERIES = 'tip-investigations,tip-prosecutions,tip-convictions';

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

const fmt = {
  ms: (v) => (v == null ? '–' : v >= 100 ? `${Math.round(v)} ms` : `${v.toFixed(1)} ms`),
  kb: (v) => (v == null ? '–' : `${(v / 1000).toFixed(1)} kB`),
  mb: (v) => (v == null ? '–' : `${(v / 1e6).toFixed(2)} MB`),
};

function ratio(a, b) {
  if (typeof a !== 'number' || typeof b !== 'number' || b <= 0) return '–';
  return `${(a / b).toFixed(2)}×`;
}

// ---------------------------------------------------------------------------------------------
// 1. Bytes: the files each library needs to draw, compressed as a server would send them.

async function libraryFiles() {
  const pkg = await readdir(path.join(SITE, 'pkg'));
  const wasm = pkg.filter((f) => /^plan_progress_bg\.[0-9a-f]+\.wasm$/.test(f));
  if (wasm.length !== 1) throw new Error(`expected one hashed wasm in ${SITE}/pkg, found: ${pkg.join(', ')}`);
  const mods = path.join(HERE, 'node_modules');
  return {
    'plan-progress': [
      ['plan-progress.js', path.join(SITE, 'plan-progress.js')],
      ['pkg/plan_progress.js', path.join(SITE, 'pkg/plan_progress.js')],
      [`pkg/${wasm[0]}`, path.join(SITE, 'pkg', wasm[0])],
    ],
    chartjs: [['chart.umd.min.js', path.join(mods, 'chart.js/dist/chart.umd.min.js')]],
    uplot: [
      ['uPlot.iife.min.js', path.join(mods, 'uplot/dist/uPlot.iife.min.js')],
      ['uPlot.min.css', path.join(mods, 'uplot/dist/uPlot.min.css')],
    ],
    wasmName: wasm[0],
  };
}

function compressedSizes(bytes) {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }).length,
  };
}

async function measureBytes(files) {
  const out = {};
  for (const lib of LIBS) {
    const each = [];
    for (const [name, file] of files[lib]) each.push({ name, ...compressedSizes(await readFile(file)) });
    const sum = (k) => each.reduce((s, f) => s + f[k], 0);
    out[lib] = { files: each, raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli') };
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

/**
 * A fresh context (empty cache) and page at `url`; the page's uncaught errors are collected.
 * The page first loads an empty page of the same site, so that the renderer process is started
 * before the measured navigation (its start-up, 100-800 ms here, is not the libraries' doing).
 */
async function openPage(browser, url, dpr) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 700 }, deviceScaleFactor: dpr });
  const page = await context.newPage();
  await page.goto(`${BASE}/bench/blank.html`, { waitUntil: 'load' });
  const errors = [];
  page.on('pageerror', (err) => errors.push(err.stack || err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !/favicon\.ico/.test(msg.location().url)) errors.push(msg.text());
    // the glue warns when it cannot compile the wasm while downloading it (wrong Content-Type)
    if (msg.type() === 'warning' && /instantiateStreaming/.test(msg.text())) errors.push(msg.text());
  });
  await page.goto(url, { waitUntil: 'commit' });
  return { context, page, errors };
}

function check(errors, what) {
  if (errors.length) throw new Error(`${what}: the page reported errors:\n  ${errors.join('\n  ')}`);
}

/** The lab page of `lib`, with its library loaded and (plan-progress) the wasm compiled. */
async function openLab(browser, lib, dpr, wasmName) {
  const opened = await openPage(browser, `${BASE}/bench/lab-${lib}.html?wasm=/pkg/${wasmName}`, dpr);
  await opened.page.waitForFunction(() => window.bench, null, { timeout: 30_000 });
  await opened.page.evaluate(() => window.bench.ready);
  check(opened.errors, `lab-${lib}`);
  return opened;
}

/** `lib` in the order of run `run`: the first library changes every run. */
function rotated(run) {
  return LIBS.map((_, i) => LIBS[(i + run) % LIBS.length]);
}

// ---------------------------------------------------------------------------------------------
// 2. Navigation to the first chart drawn

const NAV_SCENARIOS = [
  { id: 'nav-30', label: 'navigation → first chart, 30 points', src: '/bench-data/series-30.json', series: 'synthetic' },
  { id: 'nav-demo', label: "navigation → first chart, demo's series view", src: '/data/morocco.json', series: DEMO_SERIES },
];

async function navOnce(browser, lib, scenario, dpr) {
  const query = new URLSearchParams({ src: scenario.src, series: scenario.series });
  const { context, page, errors } = await openPage(browser, `${BASE}/bench/nav-${lib}.html?${query}`, dpr);
  try {
    await page.waitForFunction(() => window.__bench?.done, null, { timeout: 30_000, polling: 20 });
    const result = await page.evaluate(() => window.__bench);
    if (result.error) throw new Error(`nav-${lib} ${scenario.id}: ${result.error}`);
    check(errors, `nav-${lib} ${scenario.id}`);
    return result;
  } finally {
    await context.close();
  }
}

async function measureNavigation(browser) {
  const rows = [];
  for (const dpr of [1, 2]) {
    for (const scenario of NAV_SCENARIOS) {
      const samples = Object.fromEntries(LIBS.map((l) => [l, { drawn: [], frame: [], timings: [] }]));
      for (let run = 0; run < RUNS.nav; run++) {
        for (const lib of rotated(run)) {
          const r = await navOnce(browser, lib, scenario, dpr);
          samples[lib].drawn.push(r.drawn);
          samples[lib].frame.push(r.frame);
          samples[lib].timings.push({ page: r.page, resources: r.resources });
        }
      }
      const row = { id: `${scenario.id}-dpr${dpr}`, label: `${scenario.label}, DPR ${dpr}`, dpr, samples, median: {} };
      for (const lib of LIBS) row.median[lib] = { drawn: median(samples[lib].drawn), frame: median(samples[lib].frame) };
      log(`${row.label}: ${LIBS.map((l) => `${l} ${fmt.ms(row.median[l].frame)}`).join(', ')}`);
      rows.push(row);
    }
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// 3. Cold renders: a fresh page per run, library loaded, data in memory.

const RENDER_SIZES = [
  { n: FORMAT_LIMIT, dpr: 1 },
  { n: FORMAT_LIMIT, dpr: 2 },
  { n: 1_000, dpr: 1 },
  { n: 100_000, dpr: 1 },
  { n: 1_000_000, dpr: 1 },
];

async function renderOnce(browser, lib, n, dpr, wasmName) {
  const { context, page, errors } = await openLab(browser, lib, dpr, wasmName);
  try {
    const result = await page.evaluate((count) => window.bench.render(count), n);
    check(errors, `render ${lib} ${n}`);
    return result;
  } finally {
    await context.close();
  }
}

async function measureRenders(browser, wasmName) {
  const rows = [];
  for (const { n, dpr } of RENDER_SIZES) {
    const libs = n <= FORMAT_LIMIT ? LIBS : OTHERS;
    const runs = n >= 1_000_000 ? RUNS.million : RUNS.render;
    const samples = Object.fromEntries(libs.map((l) => [l, { drawn: [], painted: [] }]));
    for (let run = 0; run < runs; run++) {
      for (const lib of rotated(run).filter((l) => libs.includes(l))) {
        const r = await renderOnce(browser, lib, n, dpr, wasmName);
        samples[lib].drawn.push(r.drawn);
        samples[lib].painted.push(r.painted);
      }
    }
    const label = `cold render, ${n.toLocaleString('en')} points${dpr === 1 ? '' : `, DPR ${dpr}`}`;
    const row = { id: `render-${n}-dpr${dpr}`, label, n, dpr, runs, samples, median: {} };
    for (const lib of libs) row.median[lib] = { drawn: median(samples[lib].drawn), painted: median(samples[lib].painted) };
    if (n > FORMAT_LIMIT) row.median['plan-progress'] = REFUSED;
    log(`${label}: ${libs.map((l) => `${l} ${fmt.ms(row.median[l].painted)}`).join(', ')}`);
    rows.push(row);
  }
  return rows;
}

/** plan-progress must refuse a 1,000-point series with its message (the error event). */
async function checkRefusal(browser, wasmName) {
  const { context, page, errors } = await openLab(browser, 'plan-progress', 1, wasmName);
  try {
    const result = await page.evaluate(() => window.bench.refuse(1_000));
    check(errors, 'refusal');
    if (!result.refused) throw new Error('plan-progress drew a 1,000-point series: the format limit is not enforced');
    if (!/201/.test(result.message)) {
      throw new Error(`plan-progress refused the 1,000-point series without naming the limit: ${result.message}`);
    }
    log(`plan-progress refuses 1,000 points: ${JSON.stringify(result.message)}`);
    return result;
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------
// 4. Hover latency: real mouse moves; page-side timestamps (pointermove in capture phase →
// tooltip updated).

const HOVER_SIZES = [FORMAT_LIMIT, 1_000, 100_000];

async function measureHover(browser, wasmName) {
  const rows = [];
  for (const n of HOVER_SIZES) {
    const libs = n <= FORMAT_LIMIT ? LIBS : OTHERS;
    const pages = {};
    try {
      for (const lib of libs) {
        const opened = await openLab(browser, lib, 1, wasmName);
        const targets = await opened.page.evaluate(([count, total]) => window.bench.hoverPrepare(count, total), [n, MOVES + WARMUP]);
        if (targets.length < MOVES + WARMUP) throw new Error(`hover ${lib} ${n}: only ${targets.length} targets`);
        pages[lib] = { ...opened, targets, next: 0, misses: 0, missed: [] };
      }
      const perRound = Math.ceil((MOVES + WARMUP) / ROUNDS);
      for (let round = 0; round < ROUNDS; round++) {
        for (const lib of rotated(round).filter((l) => libs.includes(l))) await hoverRound(pages[lib], perRound);
      }
      const samples = {};
      const row = { id: `hover-${n}`, label: `hover → tooltip updated, ${n.toLocaleString('en')} points`, n, p50: {}, p95: {}, misses: {}, samples };
      for (const lib of libs) {
        const { latencies } = await pages[lib].page.evaluate(() => window.bench.hoverState());
        check(pages[lib].errors, `hover ${lib} ${n}`);
        samples[lib] = latencies.slice(WARMUP);
        row.p50[lib] = percentile(samples[lib], 50);
        row.p95[lib] = percentile(samples[lib], 95);
        row.misses[lib] = pages[lib].misses;
        row.missed = { ...row.missed, [lib]: pages[lib].missed };
      }
      if (n > FORMAT_LIMIT) row.p50['plan-progress'] = row.p95['plan-progress'] = REFUSED;
      log(`${row.label}: ${libs.map((l) => `${l} p50 ${fmt.ms(row.p50[l])} p95 ${fmt.ms(row.p95[l])}` +
        (row.misses[l] ? ` (${row.misses[l]} moves without update)` : '')).join(', ')}`);
      rows.push(row);
    } finally {
      for (const p of Object.values(pages)) await p.context.close();
    }
  }
  return rows;
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
// 5. Memory: JS heap (CDP Runtime.getHeapUsage after two forced collections) and, for
// plan-progress, the wasm linear memory (not part of the JS heap).

async function heapUsage(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  return cdp.send('Runtime.getHeapUsage');
}

async function memoryCase(browser, lib, wasmName, action) {
  const { context, page, errors } = await openLab(browser, lib, 1, wasmName);
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

async function measureMemory(browser, wasmName) {
  const cycles = {};
  const many = {};
  for (const lib of LIBS) {
    cycles[lib] = await memoryCase(browser, lib, wasmName, (page) =>
      page.evaluate(() => window.bench.cycles(1_000, 30, 1995)));
    many[lib] = await memoryCase(browser, lib, wasmName, (page) =>
      page.evaluate(() => window.bench.many(20, 30, 1995)));
    log(`memory ${lib}: 1,000 cycles in ${fmt.ms(cycles[lib].ms)}, JS heap ${fmt.mb(cycles[lib].heapGrowth)} more` +
      (cycles[lib].wasmAfter == null ? '' : `, wasm memory ${fmt.mb(cycles[lib].wasmBefore)} → ${fmt.mb(cycles[lib].wasmAfter)}`) +
      `; 20 charts: JS heap +${fmt.mb(many[lib].heapGrowth)}` +
      (many[lib].wasmAfter == null ? '' : `, wasm memory ${fmt.mb(many[lib].wasmBefore)} → ${fmt.mb(many[lib].wasmAfter)}`));
  }
  return { cycles, many };
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

function markdown(results) {
  const { meta, bytes, nav, render, hover, memory, refusal } = results;
  const head = ['measure', 'plan-progress', `Chart.js ${meta.versions.chartjs}`, `uPlot ${meta.versions.uplot}`,
    'plan-progress / Chart.js', 'plan-progress / uPlot'];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`];
  const row = (label, values, format) => {
    const cell = (v) => (typeof v === 'string' ? v : format(v));
    const pp = values['plan-progress'];
    lines.push(`| ${label} | ${cell(pp)} | ${cell(values.chartjs)} | ${cell(values.uplot)} | ` +
      `${ratio(pp, values.chartjs)} | ${ratio(pp, values.uplot)} |`);
  };
  const pick = (obj, f) => Object.fromEntries(LIBS.map((l) => [l, typeof obj[l] === 'string' ? obj[l] : obj[l] == null ? null : f(obj[l])]));

  row('bytes to draw, gzip -9 (data excluded)', pick(bytes, (b) => b.gzip), fmt.kb);
  row('bytes to draw, brotli 11', pick(bytes, (b) => b.brotli), fmt.kb);
  row('bytes to draw, uncompressed', pick(bytes, (b) => b.raw), fmt.kb);
  for (const r of nav) row(`${r.label} (median of ${r.samples.chartjs.frame.length})`, pick(r.median, (m) => m.frame), fmt.ms);
  for (const r of render) row(`${r.label} (median of ${r.runs})`, pick(r.median, (m) => m.painted), fmt.ms);
  for (const r of hover) {
    row(`${r.label}, p50`, pick(r.p50, (v) => v), fmt.ms);
    row(`${r.label}, p95`, pick(r.p95, (v) => v), fmt.ms);
  }
  const mem = (set, f) => Object.fromEntries(LIBS.map((l) => [l, f(memory[set][l])]));
  row('JS heap growth after 1,000 create/remove cycles (30 points)', mem('cycles', (m) => m.heapGrowth), fmt.mb);
  row('wasm memory growth over those cycles', mem('cycles', (m) => m.wasmGrowth ?? 'n/a'), fmt.mb);
  row('20 charts on one page: JS heap above the empty page', mem('many', (m) => m.heapGrowth), fmt.mb);
  row('20 charts on one page: wasm memory growth', mem('many', (m) => m.wasmGrowth ?? 'n/a'), fmt.mb);
  row('20 charts on one page: JS heap + wasm growth', mem('many', (m) => m.heapGrowth + (m.wasmGrowth ?? 0)), fmt.mb);

  const pp = memory.many['plan-progress'];
  const notes = [
    '',
    `Machine: ${meta.versions.cpus} cores (${meta.versions.cpuModel}), no GPU, headless Chromium ` +
      `${meta.versions.chromium} (Debian, \`--disable-gpu\`), Node ${meta.versions.node}, ` +
      `playwright-core ${meta.versions.playwright}; ${meta.date}${meta.quick ? '; `--quick`' : ''}; ` +
      `${meta.seconds} s. Other builds shared the machine (load average ${meta.versions.loadAverageAtStart[0]} at the ` +
      `start, ${meta.versions.loadAverageAtEnd[0]} at the end, on ${meta.versions.cpus} cores): timings are noisy, ` +
      'read them as orders of magnitude.',
    '',
    '- Ratios are plan-progress / other: below 1 means plan-progress is smaller or faster.',
    `- Bytes: plan-progress.js + pkg/plan_progress.js + pkg/${results.files.wasmName}; ` +
      'Chart.js chart.umd.min.js; uPlot uPlot.iife.min.js + uPlot.min.css; compressed by node:zlib.',
    '- Navigation: from navigationStart to the first animation frame after the library has drawn ' +
      '(plan-progress: its `plan-progress:ready` event; Chart.js: its constructor returned; uPlot: its `draw` hook), ' +
      'fresh context each run (cold cache), runs alternating between libraries. Every page fetches the same dataset ' +
      'file; Chart.js and uPlot read their arrays out of it. "30 points": a synthetic series 1995-2024 (generated, ' +
      "not real figures); \"demo's series view\": data/morocco.json, the three TIP series the demo shows first.",
    '- Cold render: a fresh page with the library loaded (plan-progress: wasm compiled) and the data in memory ' +
      '(plan-progress: its dataset JSON text, which it parses and validates as part of the render; the others: ' +
      'arrays), from creating the chart until it has drawn and its canvas is rasterised (1-pixel read-back). ' +
      `plan-progress's format accepts at most ${FORMAT_LIMIT} points per series (one per year 1900-2100, ` +
      'docs/format.md#limits); the bench checked that it refuses a 1,000-point file with this message: ' +
      `"${refusal.message.replace(/\s+/g, ' ')}".`,
    `- Hover: ${meta.moves} real \`page.mouse.move\` moves per chart (after ${WARMUP} unmeasured ones), each to ` +
      'another datum, from a pointermove listener (window, capture phase) to the tooltip updated: plan-progress, ' +
      'its shadow-root tooltip changed (MutationObserver); Chart.js, the canvas redrawn after its external tooltip ' +
      'callback ran (Chart.js handles pointer events in the next animation frame); uPlot, its `setCursor` hook (cursor ' +
      'and live legend updated).',
    '- Chart.js runs with its documented performance settings: `animation: false`, `parsing: false`, ' +
      '`normalized: true` and the decimation plugin (min-max; it only acts above 4 samples per pixel). uPlot and ' +
      'plan-progress run with their defaults (uPlot thins its points itself).',
    '- Memory: `Runtime.getHeapUsage` (used JS heap) after two forced collections, before and after. The wasm ' +
      'memory is the plan-progress module\'s linear memory (`memory.buffer.byteLength`, shared by every widget of ' +
      `the page; ${fmt.mb(pp.wasmBefore)} once compiled, it never shrinks); canvas bitmaps and DOM are counted by neither.`,
  ];
  return `${lines.join('\n')}\n${notes.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------

async function writeDatasets() {
  const dir = path.join(OUT, 'data');
  await mkdir(dir, { recursive: true });
  const s = synthSeries(30, 1995);
  await writeFile(path.join(dir, 'series-30.json'), JSON.stringify(planDataset(s.x, s.ys[0]), null, 1));
}

async function main() {
  const started = Date.now();
  await mkdir(OUT, { recursive: true });
  await writeDatasets();
  const files = await libraryFiles();
  log('measuring bytes');
  const bytes = await measureBytes(files);
  for (const lib of LIBS) log(`${lib}: ${fmt.kb(bytes[lib].gzip)} gzip, ${fmt.kb(bytes[lib].brotli)} brotli`);

  const browser = await launch();
  try {
    const meta = { date: new Date().toISOString(), quick: QUICK, runs: RUNS, moves: MOVES, versions: await versions(browser) };
    log(`Chromium ${meta.versions.chromium}, ${meta.versions.cpus} cores${QUICK ? ', --quick' : ''}`);
    log('navigation');
    const nav = await measureNavigation(browser);
    log('cold renders');
    const refusal = await checkRefusal(browser, files.wasmName);
    const render = await measureRenders(browser, files.wasmName);
    log('hover');
    const hover = await measureHover(browser, files.wasmName);
    log('memory');
    const memory = await measureMemory(browser, files.wasmName);
    meta.seconds = Math.round((Date.now() - started) / 1000);
    meta.versions.loadAverageAtEnd = os.loadavg().map((l) => Math.round(l * 10) / 10);
    const results = { meta, files: { wasmName: files.wasmName, ...Object.fromEntries(LIBS.map((l) => [l, files[l].map(([n]) => n)])) }, bytes, nav, render, refusal, hover, memory };
    const md = markdown(results);
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
