// Mutation testing (issue 9). Run through `npm run mutate [-- FOLDER|FILE ...]`
// (scripts/mutate.mjs), which sets MUTATE_TARGETS and prints scores and survivors.
// Not run in CI: a whole run takes tens of minutes on 2 cores (DEVELOPERS.md).

import { readdirSync } from "node:fs";
import { mutateSlug } from "./scripts/mutate-slug.mjs";

/** The *.test.ts files of a folder (recursively), minus some by name. */
function testsIn(dir, except = []) {
  return readdirSync(dir, { recursive: true })
    .filter((f) => f.endsWith(".test.ts") && !except.includes(f.split("/").pop()))
    .map((f) => `${dir}/${f}`)
    .sort();
}

/**
 * Every target `npm run mutate` knows: the files it mutates (a folder means its .ts
 * files, not sub-folders) and the test files that must kill those mutants: the folder's
 * own unit tests. (Every other test that happens to parse a scenario would also run for
 * each scenario mutant, and make a run hours long on 2 cores.) `--all-tests` lifts this.
 */
export const TARGETS = {
  "src/engine": { mutate: ["src/engine/*.ts"], tests: ["tests/engine/**/*.test.ts", "tests/rules/**/*.test.ts"] },
  "src/engine/modules": { mutate: ["src/engine/modules/*.ts"], tests: ["tests/engine/**/*.test.ts", "tests/rules/**/*.test.ts"] },
  // fuzz.test.ts takes ~30 s and asserts only "never throws": left out, it would run for
  // nearly every surviving mutant.
  "src/scenario": { mutate: ["src/scenario/*.ts"], tests: testsIn("tests/scenario", ["fuzz.test.ts"]) },
  // tests/links/{schema,drafts}.test.ts are src/share's unit tests too (schema.ts is
  // only tested there); limits.test.ts runs the CLI and esbuild: left out.
  "src/share": { mutate: ["src/share/*.ts"], tests: ["tests/share/**/*.test.ts", "tests/links/schema.test.ts", "tests/links/drafts.test.ts"] },
  "sandbox-validation": {
    mutate: ["src/sandbox/reply.ts", "src/sandbox/budget.ts", "src/engine/modules/validate.ts"],
    tests: ["tests/sandbox/**/*.test.ts", "tests/engine/modules.*.test.ts"],
  },
  // The watchdog's feed inside the engine worker (batched span ends).
  "sandbox-feed": { mutate: ["src/sandbox/spans.ts"], tests: ["tests/sandbox/spans.test.ts"] },
  // The watchdog's shared-memory feed (both sides: the engine's writer, the frame's reader).
  "sandbox-shared-feed": { mutate: ["src/sandbox/sharedSpans.ts"], tests: ["tests/sandbox/sharedSpans.test.ts"] },
  // The engine's real macrotask turn per host (setImmediate, scheduler.postTask, MessageChannel, setTimeout).
  "engine-macrotask": { mutate: ["src/engine/macrotask.ts"], tests: ["tests/engine/macrotask.mutants.test.ts"] },
  "graph-ring": { mutate: ["src/ui/graph/layout.ts:36-69"], tests: ["tests/ui/graphLayout.test.ts", "tests/ui/graphModel.test.ts"] },
  "drafts-same-content": { mutate: ["src/share/drafts.ts:62-75", "src/share/drafts.ts:132-136", "src/share/drafts.ts:165-175", "src/share/drafts.ts:244-252"], tests: ["tests/links/drafts.test.ts"] },
  "analysis-room-mates": { mutate: ["src/analysis/rooms.ts:90-178", "src/analysis/restrict.ts:174-200"], tests: ["tests/analysis/roomTimeline.test.ts", "tests/analysis/restrict.test.ts"] },
  "ui-run-key": { mutate: ["src/ui/runKey.ts"], tests: ["tests/ui/runKey.test.ts", "tests/ui/playground.test.ts"] },
  "sandbox-typing-gate": { mutate: ["src/sandbox/typingGate.ts"], tests: ["tests/sandbox/typingGate.test.ts"] },
  "sandbox-shared-snapshot": { mutate: ["src/sandbox/sharedSnapshot.ts"], tests: ["tests/sandbox/sharedSnapshot.test.ts"] },
  "python-asm-factory": { mutate: ["src/python/browser.ts:31-58"], tests: ["tests/python/asmFactory.test.ts"] },
  // The trace's columns as the app checks them (src/trace/columns.ts itself is pinned by
  // tests/trace/golden.test.ts, too slow to run per mutant).
  "trace-columns": { mutate: ["src/sandbox/columnsCheck.ts"], tests: ["tests/sandbox/columns.test.ts", "tests/sandbox/reply.test.ts"] },
  // A big result's arrival: events built in slices, replies kept in order, the graph's data built ahead.
  "result-arrival": { mutate: ["src/trace/materialise.ts", "src/sandbox/inOrder.ts", "src/ui/graph/warm.ts"], tests: ["tests/trace/materialise.test.ts", "tests/sandbox/inOrder.test.ts", "tests/ui/graphWarm.test.ts", "tests/ui/playground.test.ts"] },
  // The final states as rows (storeFinal / final) and the growable column under every row.
  "trace-columns-final": { mutate: ["src/trace/columns.ts:314-360", "src/trace/column.ts"], tests: ["tests/sandbox/columns.test.ts", "tests/trace/column.test.ts"] },
  // Router calls, syncs and EDUs as rows: stored and materialised (nestedRows.ts), checked on arrival (nestedCheck.ts).
  // What the router decided per pair (the graph's and the checks' input).
  "analysis-decisions": { mutate: ["src/analysis/decisions.ts", "src/analysis/pairMap.ts"], tests: ["tests/analysis/decisions.test.ts", "tests/analysis/examples.test.ts", "tests/analysis/pairMap.test.ts"] },
  // The service worker's update offer, its navigation headers, and the HTTP caching that
  // lets the engine sandbox load offline (registerServiceWorker itself runs in production builds only).
  "service-worker": {
    mutate: ["src/ui/boot/serviceWorker.ts:36-72", "src/sw/headers.ts", "scripts/headers.ts:1-57"],
    tests: ["tests/ui/serviceWorkerUpdate.test.ts", "tests/build/swHeaders.test.ts", "tests/build/caching.test.ts", "tests/build/sandboxRev.test.ts", "tests/python/assets.test.ts"],
  },
  "trace-nested": { mutate: ["src/trace/nestedRows.ts", "src/sandbox/nestedCheck.ts"], tests: ["tests/sandbox/nestedRows.test.ts", "tests/sandbox/columns.test.ts"] },
  // The engine bench's summary of its runs (medians, the worst heap, the budgets).
  "bench-engine-runs": { mutate: ["bench/engine.ts:51-62", "bench/engine.ts:148-177"], tests: ["tests/bench/engineRuns.test.ts"] },
};

const targets = (process.env.MUTATE_TARGETS ?? "").split(",").filter(Boolean);
const slug = mutateSlug(targets);
/** A known target, or a folder / file: mutated with the tests of the known folder holding it. */
function target(t) {
  if (TARGETS[t]) return TARGETS[t];
  const file = t.replace(/:[\d-]+$/, ""); // src/share/drafts.ts:30-41 (Stryker's line ranges)
  const home = Object.entries(TARGETS).find(([k]) => k.startsWith("src/") && file.startsWith(k + "/") && !file.slice(k.length + 1).includes("/"));
  return { mutate: [file.endsWith(".ts") ? t : `${t}/*.ts`], tests: home ? home[1].tests : null };
}
const chosen = targets.length ? targets.map(target) : Object.values(TARGETS);
const mutate = [...new Set(chosen.flatMap((t) => t.mutate))];
const allTests = process.env.MUTATE_ALL_TESTS === "1" || chosen.some((t) => !t.tests);
const testFiles = allTests ? undefined : [...new Set(chosen.flatMap((t) => t.tests))];

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  plugins: ["@stryker-mutator/vitest-runner"],
  vitest: { configFile: "vitest.stryker.config.ts", related: true },
  coverageAnalysis: "perTest",
  // Static mutants (module-level constants such as MAX_PAYLOAD_BYTES or PREFIX) are not
  // activated by the vitest runner 9.6.1 with Vitest 4.1 here: they survive even when a
  // test fails on the same change made by hand (src/scenario/limits.ts `7 * 24` → `7 / 24`
  // fails tests/scenario/limits.boundaries.test.ts, yet "survived"). Left out of the score.
  ignoreStatic: true,
  incremental: true,
  // One incremental file and one report per target set: a run on src/share must not drop
  // the remembered results of src/scenario.
  incrementalFile: `reports/mutation/${slug}.incremental.json`,
  jsonReporter: { fileName: `reports/mutation/${slug}.json` },
  reporters: ["json", "progress-append-only"],
  // MUTATE_CONCURRENCY=1 when several runs share the 2 cores.
  concurrency: Number(process.env.MUTATE_CONCURRENCY || 2),
  timeoutMS: 10000,
  // What is copied into the sandbox: what the tests import, nothing built or documented
  // (of bench/, only what tests/bench imports).
  ignorePatterns: ["dist", "docs", "reports", "coverage", ".vite", "test-results", "tests/browser", "bench/*", "!bench/engine.ts", "!bench/generate.ts", ".stryker-tmp"],
  mutate,
  ...(testFiles ? { testFiles } : {}),
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
};
