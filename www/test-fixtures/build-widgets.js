// Shared by the fixture pages (widget.js, a11y.js): builds <plan-progress> elements from a query.
//   ?view=series&theme=dark&…   one widget with these attributes (src defaults to the Morocco
//                               dataset; src= with an empty value leaves it unset)
//   ?w=<query>&w=<query>…       one widget per `w`, each with the attributes of its own query
//                               string (URL-encoded), e.g. w=view%3Drating%26theme%3Ddark
// Only the names in `attributes` are copied; the widgets get the ids w0, w1, … inside `box`.

export function buildWidgets(params, box, attributes) {
  const specs = params.getAll('w').map((w) => new URLSearchParams(w));
  if (specs.length === 0) specs.push(params);
  specs.forEach((spec, i) => {
    const chart = document.createElement('plan-progress');
    chart.id = `w${i}`;
    for (const name of attributes) {
      const value = spec.get(name);
      if (value) chart.setAttribute(name, value);
    }
    if (!spec.has('src')) chart.setAttribute('src', '/data/morocco.json');
    box.append(chart);
  });
}
