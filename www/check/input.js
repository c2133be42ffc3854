// Where the dataset to check comes from: a file (the picker, or dropped on the page), the text
// box, or an address. Each gives the same thing: `{name, bytes, size, url, text}`, its bytes
// as they are (Rust decides whether they are text, JSON, and not too large), at most one more
// than a dataset may have, with the full size beside them. Nothing is sent anywhere: a file is
// read here, an address is downloaded by the browser.

import { fetchText, loadWasm, wasm } from '../element/loader.js';

/** Seconds an address may take to download. */
const TIMEOUT = 30;

/** One more byte than a dataset may have (model::MAX_FILE_BYTES): enough to tell it is too large. */
async function cap() {
  await loadWasm('full');
  return wasm('full').maxFileBytes() + 1;
}

/** A file the reader picked or dropped. */
export async function fromFile(file) {
  const bytes = new Uint8Array(await file.slice(0, await cap()).arrayBuffer());
  return { name: file.name, bytes, size: file.size, url: null, text: null };
}

/** The text of the text box. */
export function fromText(text) {
  const bytes = new TextEncoder().encode(text);
  return { name: null, bytes, size: bytes.length, url: null, text };
}

/**
 * The file at `url` (absolute), as the page was given it (`address`). Fails with the loader's
 * LoadFailure (an HTTP error, a web page instead of data, a timeout, no network or no CORS).
 */
export async function fromUrl(url, address) {
  const most = await cap();
  const { bytes, size } = await fetchText(url, address, TIMEOUT, (response) => readAtMost(response, most));
  return { name: address, bytes, size, url, text: null };
}

/** The first `most` bytes of a response and its whole size (the rest is counted, not kept). */
async function readAtMost(response, most) {
  if (!response.body) {
    const all = new Uint8Array(await response.arrayBuffer());
    return { bytes: all.slice(0, most), size: all.length };
  }
  const reader = response.body.getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (size < most) chunks.push(value.subarray(0, most - size));
    size += value.length;
  }
  const bytes = new Uint8Array(Math.min(size, most));
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return { bytes, size };
}

/** The text of `source` as the text box shows it: the bytes read as UTF-8 (as the widget reads
 * them), or the text typed. */
export const textOf = (source) => source.text ?? new TextDecoder().decode(source.bytes);

/**
 * Calls `open(file)` for a file dropped on `zone` (outlined while one is over it). A file dropped
 * elsewhere on the page is ignored rather than opened by the browser in place of the page.
 */
export function acceptDrops(zone, open) {
  const hasFiles = (event) => [...(event.dataTransfer?.types ?? [])].includes('Files');
  for (const type of ['dragover', 'drop']) {
    window.addEventListener(type, (event) => {
      if (hasFiles(event)) event.preventDefault();
    });
  }
  zone.addEventListener('dragover', (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', (event) => {
    if (!zone.contains(event.relatedTarget)) zone.classList.remove('over');
  });
  zone.addEventListener('drop', (event) => {
    zone.classList.remove('over');
    const file = event.dataTransfer?.files?.[0];
    if (!file) return;
    event.preventDefault();
    open(file);
  });
}
