// Copies Pyodide's files from node_modules/pyodide into the build's `pyodide/` folder and
// serves them in dev: the app loads Python from its own origin, never a CDN.
//
// The build also ships Pyodide's memory snapshot with the synapse package and the bridge
// imported (src/python/browser.ts takeSnapshot, made here in Node): every engine worker
// restores it instead of starting Python from scratch, so the first Python run does not
// wait for a full start in the browser. A snapshot holds the wasm memory and the
// interpreter's state and is checked against Pyodide's build id only; nothing in it is
// particular to Node (the file system and the streams are set up again on restore; the
// bridge holds no JavaScript object). Its name carries its hash: the folder is cached for
// good (scripts/headers.ts), and the snapshot changes with our synapse package.
// `virtual:python-snapshot` is that file's path under the app (null in dev and tests:
// the sandbox frame then makes the snapshot in the browser, as before).
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Plugin } from "vite";
import { PYODIDE_FILES, PYODIDE_FOLDER } from "./assets.ts";

const TYPES: Record<string, string> = { mjs: "text/javascript", wasm: "application/wasm", zip: "application/zip", json: "application/json" };
const VIRTUAL = "virtual:python-snapshot";

/** The memory snapshot a browser engine worker restores (Node's Pyodide, the same files). */
export async function makeSnapshot(): Promise<Uint8Array> {
  const { loadPyodide } = await import("pyodide");
  const { PYODIDE_ENV, importBridge } = await import("./host.ts");
  const py = await loadPyodide({ env: PYODIDE_ENV, _makeSnapshot: true } as never);
  importBridge(py as never);
  return (py as unknown as { makeMemorySnapshot(): Uint8Array }).makeMemorySnapshot();
}

export function pyodideAssets(): Plugin {
  const dir = dirname(createRequire(import.meta.url).resolve("pyodide/package.json"));
  const names: string[] = Object.values(PYODIDE_FILES);
  let build = false;
  let snapshot: Promise<{ file: string; bytes: Uint8Array }> | null = null;
  return {
    name: "pyodide-assets",
    configResolved(config) {
      build = config.command === "build" && !config.build.ssr;
    },
    resolveId(id) {
      return id === VIRTUAL ? "\0" + VIRTUAL : null;
    },
    async load(id) {
      if (id !== "\0" + VIRTUAL) return null;
      if (!build) return "export default null;";
      snapshot ??= makeSnapshot().then((bytes) => ({ bytes, file: `${PYODIDE_FOLDER}synapse-${createHash("sha256").update(bytes).digest("hex").slice(0, 12)}.snapshot` }));
      return `export default ${JSON.stringify((await snapshot).file)};`;
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = req.url?.split("?")[0] ?? "";
        const name = names.find((n) => path.endsWith(`/${PYODIDE_FOLDER}${n}`));
        if (!name) return next();
        res.setHeader("content-type", TYPES[name.split(".").pop()!] ?? "application/octet-stream");
        res.end(readFileSync(join(dir, name)));
      });
    },
    async generateBundle() {
      for (const name of names) this.emitFile({ type: "asset", fileName: PYODIDE_FOLDER + name, source: readFileSync(join(dir, name)) });
      if (snapshot) {
        const { file, bytes } = await snapshot;
        this.emitFile({ type: "asset", fileName: file, source: bytes });
      }
    },
  };
}
