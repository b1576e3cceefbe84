// Every problem the playground knows about, in one list with editor locations: compile
// diagnostics (owner "esbuild"), module runtime errors mapped to the user's TypeScript
// (owner "runtime"), scenario issues (owner "scenario"), and the TypeScript checker's
// diagnostics from the editor (owner "typescript", editor/tsProblems.ts). The Problems
// tab lists them; the editor turns those with a file and line into Monaco markers
// (except TypeScript's, which Monaco sets itself).
import { useMemo } from "react";
import type { PlaygroundState } from "./store.ts";
import { SCENARIO_FILE, usePlayground } from "./store.ts";
import type { Trace } from "../trace/types.ts";
import { useTsProblems } from "./editor/tsProblems.ts";
import { formatOffset } from "../trace/time.ts";
import { withModule } from "./inspector/thrown.ts";
import { callbackLine, moduleFile } from "./graph/edgeDetail.ts";

export type ProblemOwner = "esbuild" | "runtime" | "scenario" | "typescript";

export interface Problem {
  owner: ProblemOwner;
  /** Editor tab the problem is in; "" when it has no location. */
  file: string;
  /** 1-based; 0 = no line known. */
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  message: string;
  severity: "error" | "warning";
  /** How many times it happened (runtime errors repeat per call). */
  count: number;
}

type Source = Pick<PlaygroundState, "files" | "compile" | "scenarioIssues" | "trace" | "stale" | "runFailure"> & {
  /** TypeScript diagnostics of the open files (editor/tsProblems.ts). */
  typescript?: Problem[];
};

const fmtAt = formatOffset;

/** The line where `name` first appears in `text` (watchdog errors know only the callback). */
function lineOf(text: string | undefined, name: string | undefined): number {
  if (!text || !name) return 0;
  const i = text.split("\n").findIndex((l) => l.includes(name));
  return i + 1;
}

function runtimeFromTrace(trace: Trace, files: Record<string, string>): Problem[] {
  const out: Problem[] = [];
  const push = (file: string | undefined, line: number | undefined, column: number | undefined, message: string, severity: "error" | "warning" = "error") =>
    out.push({
      owner: "runtime",
      file: file && Object.hasOwn(files, file) ? file : "",
      line: file && Object.hasOwn(files, file) ? (line ?? 0) : 0,
      column: column ?? 1,
      message,
      severity,
      count: 1,
    });
  for (const e of trace.events) {
    if (e.type === "router_call" && e.error) {
      push(e.error.file, e.error.line, e.error.column, `${e.module} ${e.callback} threw: ${e.error.message} (${e.server}, at ${fmtAt(e.at)})`);
    } else if (e.type === "error") {
      push(e.error?.file ?? (e.module ? moduleFile(e.module) : undefined), e.error?.line, e.error?.column, `${e.message} (${e.server}, at ${fmtAt(e.at)})`);
    } else if (e.type === "log" && e.module && (e.level === "warning" || e.level === "error")) {
      push(undefined, undefined, undefined, `${withModule(e.module, e.message)} (${e.server}, at ${fmtAt(e.at)})`, e.level === "error" ? "error" : "warning");
    }
  }
  for (const r of trace.errors) {
    if (r.kind === "module") push(r.file, r.line, r.column, r.message);
  }
  return out;
}

/** Merges repeats (same place, same message up to the time suffix) into one with a count. */
function merge(ps: Problem[]): Problem[] {
  const byKey = new Map<string, Problem>();
  for (const p of ps) {
    const key = JSON.stringify([p.owner, p.file, p.line, p.column, p.message.replace(/ \([^()]*, at [^()]*\)$/, "")]);
    const prev = byKey.get(key);
    if (prev) prev.count++;
    else byKey.set(key, { ...p });
  }
  return [...byKey.values()];
}

export function collectProblems(s: Source): Problem[] {
  const out: Problem[] = [];
  for (const d of s.compile.diagnostics) {
    out.push({ owner: "esbuild", file: d.file, line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn, message: d.message, severity: d.severity, count: 1 });
  }
  for (const d of s.scenarioIssues) {
    out.push({ owner: "scenario", file: SCENARIO_FILE, line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn, message: d.message, severity: d.severity, count: 1 });
  }
  if (s.trace && !s.stale) {
    for (const r of s.trace.errors) {
      if (r.kind === "module") continue;
      const inModule = r.file && Object.hasOwn(s.files, r.file);
      out.push({
        owner: inModule ? "runtime" : "scenario",
        file: inModule ? r.file! : SCENARIO_FILE,
        line: r.line ?? 0,
        column: r.column ?? 1,
        message: r.path && !r.message.includes(r.path) ? `${r.path}: ${r.message}` : r.message,
        severity: "error",
        count: 1,
      });
    }
    out.push(...runtimeFromTrace(s.trace, s.files));
  }
  // TypeScript's diagnostics, except where esbuild already reports an error at the same
  // spot (a syntax error both see): one problem per place, esbuild's message first.
  const esbuildAt = new Set(s.compile.diagnostics.map((d) => `${d.file}:${d.line}:${d.column}`));
  for (const p of s.typescript ?? []) {
    if (p.file in s.files && !esbuildAt.has(`${p.file}:${p.line}:${p.column}`)) out.push(p);
  }
  const f = s.runFailure;
  if (f) {
    // The watchdog names the module as the trace does: a Python module's is its
    // homeserver.yaml name (router.CustomPresenceRouter), whose file is router.py.
    const file = [f.file, f.file && moduleFile(f.file)].find((x) => x && Object.hasOwn(s.files, x)) || "";
    const line = f.line ?? (file ? (callbackLine(s.files[file]!, f.callback ?? "", file)?.line ?? lineOf(s.files[file], f.callback)) : 0);
    out.push({ owner: "runtime", file, line, column: f.column ?? 1, message: f.message, severity: "error", count: 1 });
  }
  return merge(out);
}

/** Every problem of the open example, for the Problems tab and the editor's markers. */
export function useProblems(): Problem[] {
  const files = usePlayground((s) => s.files);
  const compile = usePlayground((s) => s.compile);
  const scenarioIssues = usePlayground((s) => s.scenarioIssues);
  const trace = usePlayground((s) => s.trace);
  const stale = usePlayground((s) => s.stale);
  const runFailure = usePlayground((s) => s.runFailure);
  const typescript = useTsProblems((s) => s.problems);
  return useMemo(
    () => collectProblems({ files, compile, scenarioIssues, trace, stale, runFailure, typescript }),
    [files, compile, scenarioIssues, trace, stale, runFailure, typescript],
  );
}
