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

- The compile worker compiles the wasm with \`WebAssembly.compileStreaming\` the moment it
  starts and hands the module to \`initialize({ wasmModule })\`
  (\`src/worker/compile.worker.ts\`). Alone on a page this is as fast as esbuild's own
  \`instantiateStreaming\` path (12 interleaved runs at load 15–24: 7.8–10.7 s vs
  4.8–11.8 s to the first compile, no difference beyond the noise).
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
- Tried and reverted: starting Monaco's TypeScript worker next to the Monaco import, and
  creating the compile worker before React's first render. With both, cold loads in
  three interleaved rounds were later than the baseline (below); the worker's 6.9 MB
  script competes for the same 2 cores. Monaco starts the TypeScript worker when the
  first model is checked and the runner creates the compile worker at start, as before.
- Monaco: not trimmed further. It was already the slim entry (\`monaco-editor/editor\`
  plus the contributions listed in \`src/ui/editor/monaco.ts\`, 866 KB next to the 2.7 MB
  editor core, which no contribution choice shrinks); the ones without a browser test
  (move/copy lines, multi-cursor, word delete, rename, smart select) are everyday editing
  commands, and their share was not measured.

Measured, this build against the build before (\`--only coldload\`, interleaved, machine
load average 12–25 on 2 cores from other jobs: absolute times about 10× a quiet run, and
too few rounds to call small differences; the lead re-measures quiet):

| | graph drawn | editor usable | first compile |
|---|---|---|---|
| cold, with both early starts above (3 rounds, medians) | 2.9 vs 3.8 s | 16.0 vs 11.7 s | 20.5 vs 18.7 s |
| repeat visit, same profile (3 rounds, medians; this build served by its service worker) | 1.7 vs 2.3 s | 6.9 vs 9.1 s | 11.8 vs 15.8 s |
| cold, final build (1 round each of two runs, then stopped for time) | — | 34.9 / 39.6 vs 13.0 / 13.1 s | 35.6 / 39.9 vs 28.9 / 25.9 s |

Not explained yet: in 3 of the 5 cold rounds of this build the editor became usable only
together with the first compile (within 0.7 s of it, 35–40 s in), which never happened to
the baseline; a single profiled cold load of the final build at load ≈ 24 did not show
it (editor 9.8 s, compile 14.9 s, against 7.9 s and 18.8 s for the baseline at load ≈ 9).
Neither budget (editor ≤ 1.5 s, first compile ≤ 2 s) is met on a cold load here; the
first compile cannot be, on a first visit, below one Liftoff compile of esbuild.

Reproduce the A/B: \`npm run build\`, build the baseline elsewhere, then
\`npm run bench -- --only coldload --baseline OTHER/dist [--quick]\` (cold loads in fresh
profiles and repeat loads in the same profile, interleaved, with the load average).
`;
