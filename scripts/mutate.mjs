#!/usr/bin/env node
// `npm run mutate [-- TARGET ...]`: Stryker mutation testing, then the score per folder
// and every surviving mutant (file:line, mutator, original → mutated).
//   TARGET: src/engine | src/engine/modules | src/scenario | src/share | sandbox-validation
//           (src/sandbox/reply.ts, src/sandbox/budget.ts, src/engine/modules/validate.ts)
//           or any folder / .ts file. No target: all of them (slow: see DEVELOPERS.md).
//   --report-only  print the last report of these targets without running Stryker.
//   --all-tests    let every related test kill mutants, not only the folder's own tests
//                  (stryker.config.mjs TARGETS); much slower.
//   --merged       print, without running Stryker, the score of every file from the newest
//                  report in reports/mutation/ that holds it (per-file runs add up to the
//                  folder's score). Reports are gitignored: docs/mutation.md keeps the last.
// Incremental: reports/mutation/<targets>.incremental.json remembers the results, so a
// re-run only tests mutants whose code or covering tests changed.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { relative } from "node:path";
import { mutateSlug } from "./mutate-slug.mjs";

const args = process.argv.slice(2);
const merged = args.includes("--merged");
const reportOnly = args.includes("--report-only") || merged;
const targets = args.filter((a) => !a.startsWith("--")).map((a) => a.replace(/\/+$/, ""));
const slug = mutateSlug(targets);
const reportFile = `reports/mutation/${slug}.json`;

if (!reportOnly) {
  const t0 = Date.now();
  const r = spawnSync("npx", ["stryker", "run"], { stdio: "inherit", env: { ...process.env, MUTATE_TARGETS: targets.join(","), MUTATE_ALL_TESTS: args.includes("--all-tests") ? "1" : "" } });
  console.log(`\nStryker took ${((Date.now() - t0) / 1000 / 60).toFixed(1)} min`);
  if (r.status !== 0) process.exit(r.status ?? 1);
}
/** The newest report's entry for every file (a file's mutants all come from one run). */
function mergedReport() {
  const dir = "reports/mutation";
  const newest = new Map();
  for (const f of existsSync(dir) ? readdirSync(dir) : []) {
    if (!f.endsWith(".json") || f.endsWith(".incremental.json")) continue;
    const at = statSync(`${dir}/${f}`).mtimeMs;
    const { files } = JSON.parse(readFileSync(`${dir}/${f}`, "utf8"));
    for (const [file, entry] of Object.entries(files)) {
      const key = relative(process.cwd(), file) || file;
      // A run over a line range (file.ts:30-41) does not hold the whole file's mutants.
      const partial = /:\d+-\d+/.test(f.replace(/_(\d+)-(\d+)/g, ":$1-$2"));
      const prev = newest.get(key);
      if (!partial && (!prev || prev.at < at)) newest.set(key, { at, entry });
    }
  }
  const want = (file) => !targets.length || targets.some((t) => file === t || file.startsWith(t + "/"));
  return { files: Object.fromEntries([...newest].filter(([k]) => want(k)).map(([k, v]) => [k, v.entry])) };
}

if (!merged && !existsSync(reportFile)) {
  console.error(`no report at ${reportFile}: run without --report-only first`);
  process.exit(1);
}

const report = merged ? mergedReport() : JSON.parse(readFileSync(reportFile, "utf8"));
const KILLED = new Set(["Killed", "Timeout"]);
const SCORED = new Set(["Killed", "Timeout", "Survived", "NoCoverage"]);

/** Folders the lead asked to see, plus the sandbox's validation files as one group. */
const GROUPS = [
  ["sandbox-validation", (f) => ["src/sandbox/reply.ts", "src/sandbox/budget.ts", "src/engine/modules/validate.ts"].includes(f)],
  ["src/engine/modules", (f) => f.startsWith("src/engine/modules/")],
  ["src/engine", (f) => /^src\/engine\/[^/]+$/.test(f)],
  ["src/scenario", (f) => f.startsWith("src/scenario/")],
  ["src/share", (f) => f.startsWith("src/share/")],
];

const rows = new Map();
const survivors = [];
const files = Object.entries(report.files).map(([f, v]) => [relative(process.cwd(), f) || f, v]);
for (const [file, { source, mutants }] of files) {
  const lines = source.split("\n");
  const perFile = { killed: 0, scored: 0 };
  for (const m of mutants) {
    // Reports made before ignoreStatic: a surviving static mutant was never activated.
    if (m.static && m.status !== "Killed") m.status = "Ignored";
    if (!SCORED.has(m.status)) continue;
    perFile.scored++;
    if (KILLED.has(m.status)) perFile.killed++;
    else survivors.push({ file, m, lines });
  }
  // A file can be in two groups (validate.ts: src/engine/modules and sandbox-validation).
  const groups = GROUPS.filter(([, test]) => test(file)).map(([g]) => g);
  for (const g of groups.length ? groups : [file.replace(/\/[^/]+$/, "")]) {
    const row = rows.get(g) ?? { killed: 0, scored: 0, files: new Map() };
    row.killed += perFile.killed;
    row.scored += perFile.scored;
    row.files.set(file, perFile);
    rows.set(g, row);
  }
}

const pct = (k, n) => (n ? ((100 * k) / n).toFixed(1).padStart(5) + " %" : "   — ");
console.log("\nMutation score (killed + timed out) / (all but ignored, compile errors):\n");
for (const [g, row] of [...rows].sort(([a], [b]) => a.localeCompare(b))) {
  console.log(`${pct(row.killed, row.scored)}  ${g}  (${row.killed}/${row.scored})`);
  for (const [f, r] of row.files) console.log(`          ${pct(r.killed, r.scored)}  ${f}  (${r.killed}/${r.scored})`);
}

const one = (s) => (s.length > 70 ? s.slice(0, 67) + "..." : s).replace(/\s+/g, " ");
console.log(`\nSurvivors (${survivors.length}):`);
for (const { file, m, lines } of survivors.sort((a, b) => a.file.localeCompare(b.file) || a.m.location.start.line - b.m.location.start.line)) {
  const { start, end } = m.location;
  const orig =
    start.line === end.line
      ? lines[start.line - 1].slice(start.column - 1, end.column - 1)
      : [lines[start.line - 1].slice(start.column - 1), ...lines.slice(start.line, end.line - 1), lines[end.line - 1].slice(0, end.column - 1)].join(" ");
  const tag = m.status === "NoCoverage" ? " [no test reaches it]" : "";
  console.log(`  ${file}:${start.line}:${start.column}  ${m.mutatorName}${tag}\n      ${one(orig)}  →  ${one(m.replacement ?? "")}`);
}
