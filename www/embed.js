// The iframe embed page: embed.html?src=…&view=…&series=…&from=…&to=…&lang=…&theme=…&height=…
// builds one <plan-progress> from its query and tells the parent page its height, so that
// CMSs that strip scripts from articles can still show the chart (with resizer.js on the
// parent, or a fixed iframe height).
const ATTRIBUTES = ['src', 'view', 'series', 'from', 'to', 'lang', 'theme', 'height'];
const params = new URLSearchParams(location.search);
const chart = document.createElement('plan-progress');
for (const name of ATTRIBUTES) {
  const value = params.get(name);
  if (value) chart.setAttribute(name, value);
}
if (!params.get('src')) chart.setAttribute('src', 'data/morocco.json');
// only http(s) or relative data addresses
try {
  const url = new URL(chart.getAttribute('src'), location.href);
  if (!/^https?:$/.test(url.protocol)) chart.setAttribute('src', 'data/morocco.json');
} catch {
  chart.setAttribute('src', 'data/morocco.json');
}
if (params.get('lang')) document.documentElement.lang = params.get('lang');
document.querySelector('main').append(chart);
// the page's heading is the chart's title, for screen readers
chart.addEventListener('plan-progress:ready', () => {
  const title = chart.shadowRoot?.querySelector('.title')?.textContent;
  if (title) {
    document.getElementById('heading').textContent = title;
    document.title = title;
  }
});

// The message carries nothing but the height; `id` lets a page with several iframes tell
// them apart (resizer.js matches iframes by their window instead).
let last = 0;
const post = () => {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height === last || window.parent === window) return;
  last = height;
  window.parent.postMessage({ type: 'plan-progress:height', height, id: params.get('id') || null }, '*');
};
new ResizeObserver(post).observe(document.documentElement);
chart.addEventListener('plan-progress:ready', post);
chart.addEventListener('plan-progress:error', post);
