// Writes the reader pages whose chart comes with its still picture: the template
// (pages/still-plan-progress.html) with its `<!-- embed code -->` replaced by the code the
// builder gives for the reader pages' chart, as a journalist would paste it: as it comes, and,
// in top-plan-progress.html, with "This chart is at the top of the article" ticked (loaded at
// once, the wasm and the data preloaded). Run by
// `cargo xtask bench` once the bench's server is up (the builder makes the still pictures with
// the wasm in a browser), before the pages are compressed. Environment: BASE_URL (the bench's
// server), BENCH_PAGES (the served snapshot of bench/pages/), CHROMIUM.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';

const PAGE = 'still-plan-progress.html';
const TOP_PAGE = 'top-plan-progress.html';
const MARKER = '<!-- embed code -->';
/** The reader pages' chart (xtask/src/bench.rs READER_SRC and READER_SERIES). */
const CHART = { src: '/data/morocco.json', view: 'series', series: 'tip-investigations,tip-prosecutions,tip-convictions', lang: 'en' };

/** The builder's embed code for CHART (and the builder's `extra` settings), once its still
 * pictures are in it. */
async function embedCode(base, extra = {}) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${base}/builder.html?${new URLSearchParams({ ...CHART, ...extra })}`);
    await page.waitForFunction(() => document.getElementById('code-component')?.value.includes('<picture'), null,
      { timeout: 60_000 });
    if (errors.length) throw new Error(`the builder reported errors: ${errors.join('; ')}`);
    return await page.$eval('#code-component', (box) => box.value);
  } finally {
    await browser.close();
  }
}

const base = process.env.BASE_URL.replace(/\/+$/, '');
const file = path.join(process.env.BENCH_PAGES, PAGE);
const template = await readFile(file, 'utf8');
if (template.split(MARKER).length !== 2) throw new Error(`${PAGE}: expected ${MARKER} once`);
const PARTS = [`src="${base}${CHART.src}"`, `series="${CHART.series}"`, '<picture', `src="${base}/plan-progress.js"`];
for (const [name, extra, parts] of [
  [PAGE, {}, PARTS],
  [TOP_PAGE, { top: '1' }, [...PARTS, 'loading="eager"', `<link rel="preload" href="${base}${CHART.src}"`, 'as="fetch" type="application/wasm"']],
]) {
  const code = await embedCode(base, extra);
  for (const part of parts) {
    if (!code.includes(part)) throw new Error(`the builder's embed code lacks ${part}:\n${code}`);
  }
  await writeFile(path.join(process.env.BENCH_PAGES, name), template.replace(MARKER, code));
  console.log(`    ${name}: the builder's embed code, ${Buffer.byteLength(code)} bytes`);
}
