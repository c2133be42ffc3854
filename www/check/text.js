// The text box that shows the dataset checked, and the place of a problem in it: Rust gives a
// line and columns counted in characters (Unicode scalar values, from 1); the text box counts
// UTF-16 code units from 0, with every line break one "\n".

const area = () => document.getElementById('text');

/** Shows `text` in the text box, from its start. */
export function showText(text) {
  const box = area();
  box.value = text;
  box.scrollTop = 0;
  box.scrollLeft = 0;
}

/** The offset in `text` of column `column` (from 1, in characters) of the line that starts at
 * `start`, stopping at the line's end. */
function columnOffset(text, start, column) {
  let at = start;
  for (let c = 1; c < column && at < text.length && text[at] !== '\n'; c++) {
    const unit = text.charCodeAt(at);
    at += unit >= 0xd800 && unit < 0xdc00 ? 2 : 1;
  }
  return at;
}

/** The offsets [start, end] of line `line`, columns `from` to `to` (end excluded) in `text`;
 * null when the text has fewer lines. */
export function spotOffsets(text, { line, column, endColumn }) {
  let start = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', start);
    if (next < 0) return null;
    start = next + 1;
  }
  const from = columnOffset(text, start, column);
  const to = columnOffset(text, start, Math.max(endColumn ?? column, column));
  return [from, to];
}

let measurer = null;
/** The width of `text` in `font`, as a canvas draws it (the text box's font is monospace, but
 * a line may hold Arabic). */
function textWidth(text, font) {
  measurer ??= document.createElement('canvas').getContext('2d');
  measurer.font = font;
  return measurer.measureText(text).width;
}

/**
 * Selects the place of `problem` ({line, column, endColumn}) in the text box and scrolls it
 * into view, in the box and in the page. Returns whether the text has that place.
 */
export function selectSpot(problem) {
  const box = area();
  const offsets = spotOffsets(box.value, problem);
  if (!offsets) return false;
  box.scrollIntoView({ block: 'nearest' });
  box.focus({ preventScroll: true });
  // its line a third of the way down and its start a quarter of the way in: the box does not
  // wrap (wrap="off"), so line n is n - 1 line heights down
  box.setSelectionRange(offsets[0], offsets[1], 'forward');
  const style = getComputedStyle(box);
  const lineHeight = parseFloat(style.lineHeight) || 18;
  box.scrollTop = Math.max(0, (problem.line - 1) * lineHeight - box.clientHeight / 3);
  const lineStart = box.value.lastIndexOf('\n', offsets[0] - 1) + 1;
  const left = textWidth(box.value.slice(lineStart, offsets[0]), style.font);
  box.scrollLeft = Math.max(0, left - box.clientWidth / 4);
  return true;
}
