// Resizes plan-progress iframes to their content. On the host page:
//   <iframe src="https://charts.example.org/plan-progress/embed.html?view=rating" title="…"
//           width="100%" height="480" frameborder="0"></iframe>
//   <script src="https://charts.example.org/plan-progress/resizer.js" async></script>
// Only messages from the origin this script was loaded from are trusted, only of the expected
// shape, and only for the iframe that sent them.
(function () {
  var script = document.currentScript;
  var origin = script ? new URL(script.src, location.href).origin : location.origin;
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (event.origin !== origin || !data || data.type !== 'plan-progress:height') return;
    var height = data.height;
    if (typeof height !== 'number' || !(height > 0 && height < 20000)) return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) frames[i].style.height = Math.ceil(height) + 'px';
    }
  });
})();
