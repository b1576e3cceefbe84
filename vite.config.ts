import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";
import tailwindcss from "@tailwindcss/vite";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { defaultRun, precompress } from "./src/build/plugins.ts";
import { buildEngineWorker } from "./src/build/engineWorker.ts";
import { sandboxPage } from "./src/sandbox/vite-plugin.ts";
import { pyodideAssets } from "./src/python/vite-plugin.ts";
import { pageHeadersPlugin } from "./scripts/headers.ts";
import { VitePWA } from "vite-plugin-pwa";

/**
 * The service worker (src/sw/sw.ts) and its precache manifest: every file of the build
 * except Pyodide's (cached when a Python module first loads them), the precompressed
 * copies and sandbox.html. Vite's hashed names are their own revision; index.html gets
 * one from its content. Registered by src/ui/boot/serviceWorker.ts.
 */
const serviceWorker = VitePWA({
  strategies: "injectManifest",
  srcDir: "src/sw",
  filename: "sw.ts",
  injectRegister: false,
  manifest: false,
  injectManifest: {
    globPatterns: ["**/*.{html,js,css,wasm,ttf,json,svg}"],
    // sandbox.html: the engine's opaque-origin frame is never served by a service worker
    // (it loads from the HTTP cache offline, scripts/headers.ts).
    globIgnores: ["pyodide/**", "sw.js", "sandbox.html"],
    dontCacheBustURLsMatching: /^assets\/[^/]+-[\w-]{8}\.\w+$/,
    maximumFileSizeToCacheInBytes: 16 * 1024 * 1024, // esbuild.wasm is 14 MB
    rollupFormat: "iife",
  },
});

/**
 * `import source from "virtual:engine-worker"` gives the engine worker
 * (src/worker/engine.worker.ts) as ONE self-contained IIFE script, as a string
 * (src/build/engineWorker.ts). The sandbox iframe starts it from a Blob URL (an
 * opaque-origin iframe cannot load same-origin worker files), see src/sandbox/iframe-runtime.ts.
 */
function engineWorkerSource(): Plugin {
  const ID = "virtual:engine-worker";
  const RESOLVED = "\0" + ID;
  let minify = false;
  return {
    name: "engine-worker-source",
    configResolved(c) {
      minify = c.command === "build";
    },
    resolveId(id) {
      return id === ID ? RESOLVED : null;
    },
    async load(id) {
      if (id !== RESOLVED) return null;
      let r;
      try {
        r = await buildEngineWorker(fileURLToPath(new URL(".", import.meta.url)), minify);
      } catch (e) {
        // ENGINE_OPTIONAL=1 (UI work while the engine is incomplete): build anyway, and
        // let every run report why the engine worker could not be bundled.
        if (!process.env.ENGINE_OPTIONAL) throw e;
        const msg = `The engine worker could not be bundled: ${(e as Error).message}`;
        const src = `self.onmessage=(e)=>self.postMessage({type:"run-failed",id:e.data.id,error:{kind:"config",message:${JSON.stringify(msg)}}});`;
        return `export default ${JSON.stringify(src)};`;
      }
      for (const input of r.inputs) this.addWatchFile(resolve(input));
      return `export default ${JSON.stringify(r.code)};`;
    },
  };
}

export default defineConfig({
  plugins: [react(), tailwindcss(), engineWorkerSource(), sandboxPage(), pyodideAssets(), defaultRun(), precompress(), pageHeadersPlugin(), serviceWorker],
  server: { host: "127.0.0.1" },
  preview: { host: "127.0.0.1" },
  worker: { format: "es" },
  build: { target: "es2022", sourcemap: false, chunkSizeWarningLimit: 8000 },
  optimizeDeps: { exclude: ["esbuild-wasm"] },
  resolve: {
    alias: [
      // monaco-yaml's worker (through monaco-worker-manager) imports Monaco's worker by its
      // pre-0.55 deep path, which monaco-editor 0.57's exports map no longer resolves.
      {
        find: /^monaco-editor\/esm\/vs\/editor\/editor\.worker(\.js)?$/,
        replacement: fileURLToPath(new URL("./node_modules/monaco-editor/esm/vs/editor/editor.worker.js", import.meta.url)),
      },
    ],
  },
});
