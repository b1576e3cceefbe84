// The "Cold load" section of docs/performance.md (issue 14, item 1): where the time goes
// between navigation, the first graph, the editor and the first live compile. Measured
// by hand (bench/coldProfile.ts, bench/coldLoad.ts), so it is kept here as text and
// report.ts puts it into every regenerated docs/performance.md.
export const COLD_LOAD_SECTION = `## Cold load: where the time goes (issue 14)

Profiled on 2026-12-06 with \`npx tsx bench/coldProfile.ts DIST [--trace FILE]\` (marks,
every resource's fetch window, main-thread long tasks, optional Chrome trace) on the build
before this work, machine load average about 9 on 2 cores (times are about 3× a quiet
run; read the shares, not the absolute values):

| span | ms | what runs |
|---|---|---|
| navigation → main chunk evaluated (\`app-start\`) | 1,066 | index.js (1.4 MB, 375 KB gzip) fetched in 0.1 s, then parsed and evaluated |
| → graph drawn | 1,415 | React's first render, the shipped trace, sigma's first frame (one 1.7 s long task in the trace) |
| → editor usable | 5,439 | Monaco's chunks (3.6 MB) fetched in 0.8 s; the rest is main-thread work: evaluating editor.api (≈1.4 s), one 3.5 s task (graph commit + Monaco), editor creation, tsMode/yaml chunks, the yaml worker |
| → first live compile | 10,900 after the editor | the compile worker: see below |

esbuild-wasm alone (a blank page, nothing else running in it, same load): the wasm
(14 MB) fetched and compiled by \`compileStreaming\` in 1.1–1.6 s, \`initialize\` 0.3 s, the
first transform 1.5–3 s, every later one ≈ 40 ms. The first transform is slow because V8
compiles wasm functions lazily (Liftoff) on first call: with lazy compilation off
(\`--no-wasm-lazy-compilation\`) the compile takes 2.2–2.9 s and the first transform 0.2 s;
the total is the same. So a *first* visit cannot get below roughly one full Liftoff
compile of esbuild (≈ 1 s on a quiet core) plus its start, whatever the order; in the
app it took far longer because the main thread, Monaco's TypeScript and YAML workers and
the engine sandbox all want the same 2 cores at that moment.

What changed (this build):

- The compile worker starts before React's first render (\`src/ui/browserDeps.ts\`) and
  compiles the wasm with \`WebAssembly.compileStreaming\` the moment it starts, handing the
  module to \`initialize({ wasmModule })\` (\`src/worker/compile.worker.ts\`).
- Every hashed file under \`/assets/\` (the wasm included, \`application/wasm\`) is served
  \`Cache-Control: public, max-age=31536000, immutable\`; pages and \`sw.js\` \`no-cache\`
  (\`scripts/headers.ts\`). Chrome can keep the compiled code of a cacheable wasm
  response fed to \`compileStreaming\` for the next visit (not measured apart here).
- A service worker (\`src/sw/sw.ts\`, workbox precaching through vite-plugin-pwa) precaches
  the build (≈ 27 MB in 22 files, Pyodide excluded and cached on first use) once the first
  visit has compiled and shown the editor; repeat visits load from Cache Storage and the
  app works offline (tests/browser/offline.test.ts). The engine sandbox's frame has an
  opaque origin, which no service worker serves: it is opened as
  \`sandbox.html?v=<content hash>\` and cached for good instead.
- Tried and reverted: starting Monaco's TypeScript worker next to the Monaco import. In
  three interleaved rounds it made both the editor and the first compile later (the
  worker's 6.9 MB script competes for the same 2 cores); Monaco starts it when the first
  model is checked, as before.
- Monaco: not trimmed further. It was already the slim entry (\`monaco-editor/editor\`
  plus the contributions listed in \`src/ui/editor/monaco.ts\`, 866 KB next to the 2.7 MB
  editor core, which no contribution choice shrinks); the ones without a browser test
  (move/copy lines, multi-cursor, word delete, rename, smart select) are everyday editing
  commands, and their share was not measured.

Reproduce the A/B: \`npm run build\`, build the baseline elsewhere, then
\`npm run bench -- --only coldload --baseline OTHER/dist [--quick]\` (cold loads in fresh
profiles and repeat loads in the same profile, interleaved, with the load average).
`;
