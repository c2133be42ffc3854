// Fifty <plan-progress> widgets of data/morocco.json, five views in three languages, one under
// the other, all with loading="eager" (so that widgets below the fold load at once, once the
// widget loads lazily). window.__many says when every one has drawn its first chart or failed.
'use strict';

(() => {
  const COUNT = 50;
  const VIEWS = ['series', 'rating', 'status', 'progress', 'timeline'];
  const LANGS = ['en', 'fr', 'ar'];
  const host = document.getElementById('widgets');
  const many = { count: COUNT, ready: 0, errors: 0, allAt: null };
  window.__many = many;
  const settled = (event) => {
    if (event.type === 'plan-progress:ready') many.ready++;
    else many.errors++;
    if (many.ready + many.errors === COUNT) many.allAt = performance.now();
  };
  host.addEventListener('plan-progress:ready', settled);
  host.addEventListener('plan-progress:error', settled);
  for (let i = 0; i < COUNT; i++) {
    const widget = document.createElement('plan-progress');
    widget.setAttribute('src', '/data/morocco.json');
    widget.setAttribute('view', VIEWS[i % VIEWS.length]);
    widget.setAttribute('lang', LANGS[Math.floor(i / VIEWS.length) % LANGS.length]);
    widget.setAttribute('loading', 'eager');
    host.append(widget);
  }
})();
