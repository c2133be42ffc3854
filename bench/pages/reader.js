// Chart.js or uPlot on a reader's page (reader-chartjs.html, reader-uplot.html), used as a host
// page would: fetch the dataset named by <main data-src>, read the indicators data-series out of
// it, draw them. The chart gets the canvas plan-progress gets in the same column (the element's
// width less its 12 px padding each side; the height its series view takes at that width, which
// the page keeps from the start: reader.css), so that the three libraries draw the same area.
// Then it tells the bench's init script (recordReader in run.mjs), which stamps the next
// animation frame as the first chart.
import { fromPlanDataset } from './data.js';
import { pageAdapter } from './adapters.js';

/** plan-progress's padding, each side of its canvas. */
const PADDING = 12;

async function main() {
  const host = document.getElementById('host');
  const { src, series } = host.dataset;
  const width = host.clientWidth - 2 * PADDING;
  // the box the page keeps for the chart (reader.css)
  const height = Math.round(parseFloat(getComputedStyle(host).minHeight));
  const response = await fetch(src);
  if (!response.ok) throw new Error(`${src}: HTTP ${response.status}`);
  const chart = fromPlanDataset(await response.json(), series.split(','));
  await pageAdapter().create(host, chart, { width, height });
  window.__reader.drawn();
}

main().catch((error) => window.__reader.failed(String(error?.stack || error)));
