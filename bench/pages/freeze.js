// Freezes: one <plan-progress src view lang> as a host page would write it, with the attributes
// taken from the query (?src=&view=&lang=). run.mjs watches the main thread's long tasks until
// the element's data-state is "ready" or "error".
'use strict';

const params = new URLSearchParams(location.search);
const widget = document.createElement('plan-progress');
for (const name of ['src', 'view', 'lang']) widget.setAttribute(name, params.get(name) ?? '');
document.getElementById('host').append(widget);
