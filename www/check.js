// The dataset checker (check.html): a publisher opens a file, drops it, pastes its text or gives
// its address, and sees what Rust makes of it, in the interface's language: every problem with
// its JSON path, line and column (each selects its place in the text), or the dataset's counts
// and a preview of its charts. Its parts (check/): where the dataset comes from (input.js), the
// text box (text.js), the report (report.js) and the page's words (strings.js).
//
// `cargo xtask dist` bundles this file with the element (plan-progress.js and its parts) into
// dist/check.js: the previews and the checker share the element's loader, so one wasm serves the
// page, and the checker reads a file with the same code as the widget. Nothing is uploaded.

import './plan-progress.js';
import { LANGUAGES } from './generated/defaults.js';
import { LoadFailure, loadWasm, wasm } from './element/loader.js';
import { browserLanguage, httpUrl } from './page/words.js';
import { acceptDrops, fromFile, fromText, fromUrl, textOf } from './check/input.js';
import { showFailure, showReading, showReport } from './check/report.js';
import { applyStrings, t, ui } from './check/strings.js';
import { showText } from './check/text.js';

const $ = (id) => document.getElementById(id);
const CODES = LANGUAGES.map((l) => l.code);

/** The source last read ({name, bytes, size, url, text, id}), or why the last one could not be
 * read ({name, why(ui)}), and the number of reads begun (a read superseded by a newer one says
 * nothing). */
let source = null;
let failure = null;
let reads = 0;

/** Reads a source with `get` (named `name` meanwhile), then checks it. */
async function read(name, get) {
  const id = ++reads;
  // the file picker names the file it last read: only while that file is the one checked
  if (get !== readPicked) $('file').value = '';
  showReading(name);
  let got;
  try {
    [got] = await Promise.all([get(), loadWasm('full')]);
  } catch (error) {
    await loadWasm('full').catch(() => {}); // the widget's words for a failed download
    if (id === reads) fail(name, (lang) => reason(error, lang));
    return;
  }
  if (id !== reads) return;
  source = { ...got, id: String(id) };
  failure = null;
  check(true);
}

/** Says that `name` could not be read, `why(ui)` in the interface's language (again after a
 * change of language). */
function fail(name, why) {
  source = null;
  failure = { name, why };
  showFailure(name, why(ui()));
}

/** Why a read failed, in `lang`: the widget's words for a failed download. */
function reason(error, lang) {
  if (!(error instanceof LoadFailure)) return error instanceof Error ? error.message : String(error);
  return error.said(lang) ?? error.key;
}

/** Checks the source in the interface's language (again after a change of language); `fresh`:
 * a new source, whose text the text box shows. */
function check(fresh) {
  if (failure) showFailure(failure.name, failure.why(ui()));
  if (!source) return;
  const report = wasm('full').check(source.bytes, source.size, ui());
  if (fresh) {
    // a file that is not text, or too large, is not shown: its characters would mean nothing
    const shown = ['not-text', 'too-large'].includes(report.verdict) ? '' : textOf(source);
    source.text ??= shown;
    if (source.name !== null) showText(shown);
  }
  showReport(source, report);
}

/** Keeps `ui` (and the address checked) in the page's address. */
function remember() {
  const q = new URLSearchParams();
  if (source?.url) q.set('src', source.name);
  q.set('ui', ui());
  history.replaceState(null, '', `?${q}`);
}

// ---------------------------------------------------------------------------------------------
// Events.

/** Reads the file of the picker. */
const readPicked = () => fromFile($('file').files[0]);
$('file').addEventListener('change', () => {
  const file = $('file').files?.[0];
  if (file) read(file.name, readPicked);
});
acceptDrops($('input'), (file) => read(file.name, () => fromFile(file)));

$('url-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const address = $('url').value.trim();
  const url = httpUrl(address);
  $('url').setAttribute('aria-invalid', String(!url));
  if (!url) {
    reads++; // a read under way says nothing after this
    fail(address, () => t('badUrl'));
    return;
  }
  read(address, () => fromUrl(url, address)).then(remember);
});

$('text-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const text = $('text').value;
  read(null, async () => fromText(text));
});

$('ui').addEventListener('change', () => {
  applyStrings($('ui').value);
  check(false);
  remember();
});

// ---------------------------------------------------------------------------------------------
// Start.

const query = new URLSearchParams(location.search);
const start = CODES.includes(query.get('ui')) ? query.get('ui') : browserLanguage(CODES);
for (const language of LANGUAGES) {
  const option = new Option(language.name, language.code);
  option.lang = language.code;
  $('ui').append(option);
}
$('ui').value = start;
applyStrings(start);
if (query.get('src')) {
  $('url').value = query.get('src');
  $('url-form').requestSubmit();
}
