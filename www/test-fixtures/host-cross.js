// Test fixture for host-cross.html. With ?remote=<origin> (the chart server), builds:
//   #chart   an iframe of <remote>/embed.html?view=rating&lang=ar: the trusted chart;
//   #other   an iframe of this page's own origin's /embed.html?view=series: a real embed,
//            posting real height messages, but from an origin the resizer does not trust;
//   and <script src="<remote>/resizer.js">, so the resizer trusts <remote> only.
// Loaded as http://localhost:PORT/… with remote=http://127.0.0.1:PORT, the two origins differ.
'use strict';

const remote = new URLSearchParams(location.search).get('remote') || location.origin;
const col = document.getElementById('col');

function frame(id, src, title) {
  const iframe = document.createElement('iframe');
  iframe.id = id;
  iframe.src = src;
  iframe.title = title;
  iframe.width = '100%';
  iframe.height = '480';
  col.append(iframe);
}

frame('chart', `${remote}/embed.html?view=rating&lang=ar`, "Morocco's TIP tier");
frame('other', `${location.origin}/embed.html?view=series`, 'A chart from an untrusted origin');
const script = document.createElement('script');
script.src = `${remote}/resizer.js`;
script.async = true;
document.body.append(script);
