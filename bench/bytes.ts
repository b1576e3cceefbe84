// Bytes (issue "Speed" §4): raw, gzip and brotli size of every file emitted into dist/.
// Sizes come from the precompressed NAME.gz / NAME.br written at build time
// (src/build/plugins.ts, precompress); files without them are compressed here the same way.
import { existsSync, readFileSync, statSync } from "node:fs";
import { relative } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { SKIP, walk } from "../src/build/plugins.ts";

export interface FileBytes {
  file: string;
  raw: number;
  gzip: number;
  brotli: number;
}

export interface BytesReport {
  files: FileBytes[];
  total: { raw: number; gzip: number; brotli: number };
}

function sizeOf(path: string, ext: ".gz" | ".br", compress: (b: Buffer) => Buffer): number {
  if (existsSync(path + ext)) return statSync(path + ext).size;
  return compress(readFileSync(path)).length;
}

export function measureBytes(dir = "dist"): BytesReport {
  const files: FileBytes[] = [];
  for (const p of walk(dir).sort()) {
    if (SKIP.test(p)) continue;
    const raw = statSync(p).size;
    files.push({
      file: relative(dir, p),
      raw,
      gzip: sizeOf(p, ".gz", (b) => gzipSync(b, { level: 9 })),
      brotli: sizeOf(p, ".br", (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: b.length > 256 * 1024 ? 9 : 11 } })),
    });
  }
  files.sort((a, b) => b.gzip - a.gzip);
  const total = files.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  return { files, total };
}

/** gzip size of a dist file by its URL path (/assets/x.js), for the bytes-before-graph count. */
export function gzipOf(report: BytesReport, urlPath: string): number | undefined {
  const f = report.files.find((x) => "/" + x.file === urlPath);
  return f?.gzip;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(measureBytes(process.argv[2] ?? "dist"), null, 2));
