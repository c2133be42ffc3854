// Test fixture for a11y.html: sets the page's language from the query, then builds
// <plan-progress> elements like widget.js does.
//   ?lang=fr|ar|en              the language of the page (<html lang>, and dir="rtl" for ar);
//                               the widgets take it from the page, not from an attribute
//   ?view=series&theme=dark&…   one widget with these attributes (src defaults to the Morocco
//                               dataset)
//   ?w=<query>&w=<query>…       one widget per `w`, each with the attributes of its own query
// The widgets get the ids w0, w1, …
'use strict';

import { buildWidgets } from './build-widgets.js';

const ATTRIBUTES = ['src', 'view', 'series', 'from', 'to', 'theme', 'height', 'timeout'];
const params = new URLSearchParams(location.search);
const lang = params.get('lang');
if (lang) {
  document.documentElement.lang = lang;
  document.documentElement.dir = /^(ar|fa|he|ur)\b/.test(lang) ? 'rtl' : 'ltr';
}

const box = document.getElementById('box');
buildWidgets(params, box, ATTRIBUTES);
