// Copies Pyodide's files from node_modules/pyodide into the build's `pyodide/` folder and
// serves them in dev: the app loads Python from its own origin, never a CDN.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Plugin } from "vite";
import { PYODIDE_FILES, PYODIDE_FOLDER } from "./assets.ts";

const TYPES: Record<string, string> = { mjs: "text/javascript", wasm: "application/wasm", zip: "application/zip", json: "application/json" };

export function pyodideAssets(): Plugin {
  const dir = dirname(createRequire(import.meta.url).resolve("pyodide/package.json"));
  const names: string[] = Object.values(PYODIDE_FILES);
  return {
    name: "pyodide-assets",
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = req.url?.split("?")[0] ?? "";
        const name = names.find((n) => path.endsWith(`/${PYODIDE_FOLDER}${n}`));
        if (!name) return next();
        res.setHeader("content-type", TYPES[name.split(".").pop()!] ?? "application/octet-stream");
        res.end(readFileSync(join(dir, name)));
      });
    },
    generateBundle() {
      for (const name of names) this.emitFile({ type: "asset", fileName: PYODIDE_FOLDER + name, source: readFileSync(join(dir, name)) });
    },
  };
}
