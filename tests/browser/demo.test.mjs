// The demo page (dist/index.html): every <plan-progress> chart becomes ready, draws something,
// and the page reports no error, on a desktop and on a phone-sized viewport.

import { after, before, test } from 'node:test';
import {
  assertChartsNotBlank,
  assertNoErrors,
  baseUrl,
  launch,
  openPage,
  screenshot,
  waitForCharts,
} from './browser.mjs';

const VIEWPORTS = [
  { width: 1000, height: 800, deviceScaleFactor: 1, shot: 'demo-1000.png' },
  // A phone: narrow, and a HiDPI screen, so the canvas backing store is 2× its CSS size.
  { width: 360, height: 740, deviceScaleFactor: 2, shot: 'demo-360.png' },
];

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

for (const vp of VIEWPORTS) {
  test(`demo page renders its charts at ${vp.width}×${vp.height}`, { timeout: 60_000 }, async () => {
    const { page, context, errors } = await openPage(browser, `${baseUrl()}/index.html`, vp);
    try {
      await waitForCharts(page, { timeout: 20_000 });
      await assertChartsNotBlank(page);
      assertNoErrors(errors);
    } finally {
      // Also on failure: the picture usually tells what went wrong.
      await screenshot(page, vp.shot).catch(() => {});
      await context.close();
    }
  });
}
