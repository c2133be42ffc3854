// <plan-progress>: the custom element that draws a national action plan's progress from one
// published JSON dataset (see the README, "Embedding").
//
//   <script type="module" src=".../plan-progress.js"></script>
//   <plan-progress src=".../morocco.json" view="series" lang="fr"></plan-progress>
//
// `cargo xtask dist` bundles this file, the element's parts (element/) and the wasm's bindings
// into dist/plan-progress.js; the wasm itself is downloaded beside it, and checked against the
// hash this bundle carries (see element/loader.js).

import { PlanProgressElement } from './element/element.js';
import { warmIntl, whenIdle } from './element/loader.js';

const TAG = 'plan-progress';

// The copy of this script that defines the element (a second copy, included by another part of
// the page, stays idle) warms Intl when the page is idle; the wasm is downloaded by the first
// widget that comes near the viewport, so a page whose charts are all far below pays nothing.
if (!customElements.get(TAG)) {
  warmIntl(document.documentElement.lang || navigator.language || 'en', whenIdle);
  customElements.define(TAG, PlanProgressElement);
}
