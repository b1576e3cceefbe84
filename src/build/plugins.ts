// Build plugins for load speed (issue "Speed"), used by vite.config.ts:
//
//   defaultRun()   `import run from "virtual:default-run"`: the default example's
//                  compiled module and run trace, precomputed in Node at build time
//                  (src/build/defaultRun.ts), as a JSON string parsed once at startup.
//   precompress()  writes NAME.gz and NAME.br next to every emitted file, for static
//                  hosts that serve precompressed assets (zlib from Node).
import type { Plugin } from "vite";
import { readdirSync, statSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { promisify } from "node:util";
import { join, resolve } from "node:path";
import { brotliCompress, constants, gzip } from "node:zlib";

export const DEFAULT_EXAMPLE_DIR = "examples/buddy-list-router";

export function defaultRun(exampleDir = DEFAULT_EXAMPLE_DIR): Plugin {
  const ID = "virtual:default-run";
  const RESOLVED = "\0" + ID;
  return {
    name: "default-run",
    resolveId(id) {
      return id === ID ? RESOLVED : null;
    },
    async load(id) {
      if (id !== RESOLVED) return null;
      const dir = resolve(exampleDir);
      for (const f of readdirSync(dir)) this.addWatchFile(join(dir, f));
      try {
        const esbuild = await import("esbuild");
        const { precomputeRun, readExample } = await import("./defaultRun.ts");
        const { files, scenario } = readExample(dir);
        const run = await precomputeRun(esbuild, exampleDir.split("/").pop()!, files, scenario);
        // JSON.parse of a string literal is faster to start than an object literal.
        return `export default JSON.parse(${JSON.stringify(JSON.stringify(run))});`;
      } catch (e) {
        // Never fail the build over it: the app then waits for the live run.
        this.warn(`default-run: no precomputed run (${(e as Error).message})`);
        return "export default null;";
      }
    },
  };
}

/** Already compressed (or our own output). */
export const SKIP = /\.(gz|br|png|jpe?g|gif|webp|avif|woff2?)$/;

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/**
 * Writes PATH.gz (level 9) and PATH.br next to a file. Brotli quality 11 costs ~14 s
 * on the 2.7 MB Monaco chunk on 2 cores, so files above 256 KB get quality 9 (~10 %
 * larger). zlib's async API runs on the libuv pool: files compress in parallel.
 */
export async function precompressFile(path: string): Promise<{ raw: number; gzip: number; brotli: number }> {
  const body = await readFile(path);
  const quality = body.length > 256 * 1024 ? 9 : 11;
  const [gz, br] = await Promise.all([
    gzipAsync(body, { level: 9 }),
    brotliAsync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
  ]);
  await Promise.all([writeFile(path + ".gz", gz), writeFile(path + ".br", br)]);
  return { raw: body.length, gzip: gz.length, brotli: br.length };
}

export function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

export function precompress(): Plugin {
  let outDir = "dist";
  let enabled = false;
  return {
    name: "precompress",
    apply: "build",
    configResolved(c) {
      outDir = resolve(c.root, c.build.outDir);
      enabled = process.env.PRECOMPRESS !== "0";
    },
    async closeBundle() {
      if (!enabled) return;
      await Promise.all(walk(outDir).filter((f) => !SKIP.test(f)).map(precompressFile));
    },
  };
}
