// Writes FILE.br next to each FILE given: brotli at quality 11 (the highest, as `brotli -q 11`),
// with node's built-in zlib, which is Google's brotli encoder. Run by xtask (src/compress.rs):
// node is already needed by `dist` (esbuild, wasm-opt), and a brotli crate would be compiled in
// every CI run for this one use.
import { readFileSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';

for (const file of process.argv.slice(2)) {
  const bytes = readFileSync(file);
  const packed = brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
  writeFileSync(`${file}.br`, packed);
}
