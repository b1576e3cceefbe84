// Which consistency findings (src/analysis/consistency.ts) have an obvious fix, and where
// their marker goes: the line of the callback the fix edits, in the module that made the
// decision. Pure: the checker already knows the kind, viewer, source and module; nothing
// here re-reads the run.
import type { Finding } from "../../../analysis/consistency.ts";
import { isLocal } from "../../../analysis/ids.ts";
import { callbackLine, moduleFile } from "../../graph/edgeDetail.ts";
import { locateCallback, type Lang } from "./locate.ts";
import { callbackOf, type RouterFix } from "./routerFix.ts";

export interface FixSite {
  file: string;
  lang: Lang;
  /** 1-based, where the marker goes. */
  line: number;
  column: number;
  message: string;
  severity: "error" | "warning";
  fixes: RouterFix[];
}

/** The editor file of a module name as the trace writes it ("router.ts#R" → router.ts, "router.R" → router.py). */
export const fileOfModule = moduleFile;

export function langOf(file: string): Lang | null {
  return file.endsWith(".py") ? "py" : /\.[cm]?[jt]sx?$/.test(file) ? "ts" : null;
}

/** What the engine calls a list: a JS array or a Python sequence that is not a set. */
const LIST = /(an array|a Python (?:list|tuple|frozenset))/;

/** The fixes for one finding (empty: no obvious fix). */
export function fixesOf(f: Finding): RouterFix[] {
  // A callback that raised or returned the wrong type is the thing to fix first (its own
  // callback_failed finding); the disagreement it causes is not the module's intent.
  if (f.kind !== "callback_failed" && f.cause && f.cause.kind !== "missing_all_mapping") return [];
  switch (f.kind) {
    case "all_without_mapping":
      return [{ kind: "map_all", viewer: f.viewer, server: isLocal(f.viewer, f.server) ? null : f.server }];
    case "woken_not_visible":
      return [{ kind: "let_see", viewer: f.viewer, source: f.source }];
    case "visible_not_woken":
      return [{ kind: "route_to", viewer: f.viewer, source: f.source }];
    case "callback_failed": {
      const c = f.cause;
      if (c?.kind !== "wrong_type") return [];
      if (/instead of a Promise/.test(c.message)) return [{ kind: "make_async", callback: c.callback }];
      // R62: "expected a Set, got an array"; R61: "returned an array for "@bob"; expected a Set".
      if (c.callback === "get_interested_users" && new RegExp(`expected a Set, got ${LIST.source}`).test(c.message)) return [{ kind: "interest_set" }];
      if (c.callback === "get_users_for_states" && new RegExp(`returned ${LIST.source} for .*expected a Set`).test(c.message)) return [{ kind: "mapping_sets" }];
      return [];
    }
    default:
      return [];
  }
}

/** The module a finding's fix belongs in. */
function moduleOf(f: Finding): string | undefined {
  return f.module ?? f.cause?.module;
}

/** At most this many markers on one line (a large scenario can have hundreds of findings). */
export const MAX_PER_LINE = 5;

/** Marker sites for the findings that have a fix, one per (file, line, message). */
export function fixSites(findings: readonly Finding[], files: Readonly<Record<string, string>>): FixSite[] {
  const out = new Map<string, FixSite>();
  const perLine = new Map<string, number>();
  // One scan per (file, callback), however many findings point there.
  const located = new Map<string, ReturnType<typeof locateCallback>>();
  const locate = (file: string, src: string, lang: Lang, callback: string, prefer: "definition" | "registered") => {
    const k = `${file}\t${callback}\t${prefer}`;
    if (!located.has(k)) located.set(k, locateCallback(src, lang, callback, prefer));
    return located.get(k)!;
  };
  for (const f of findings) {
    const fixes = fixesOf(f);
    const module = moduleOf(f);
    if (!fixes.length || !module) continue;
    const file = fileOfModule(module);
    const src = files[file];
    const lang = langOf(file);
    if (src === undefined || !lang) continue;
    const callback = callbackOf(fixes[0]!);
    const fn = locate(file, src, lang, callback, fixes[0]!.kind === "make_async" ? "registered" : "definition");
    const found = fn ? lineCol(src, fn.start) : callbackLine(src, callback, file);
    if (!found) continue;
    // Underline the line from its first word: the cursor at the line's start is on it.
    const lineText = src.split("\n")[found.line - 1] ?? "";
    const at = { line: found.line, column: lineText.length - lineText.trimStart().length + 1 };
    const message = f.cause && f.kind !== "callback_failed" ? `${f.message} Cause: ${f.cause.message}` : f.message;
    const key = `${file}\t${at.line}\t${message}`;
    const lineKey = `${file}\t${at.line}`;
    if (out.has(key) || (perLine.get(lineKey) ?? 0) >= MAX_PER_LINE) continue;
    perLine.set(lineKey, (perLine.get(lineKey) ?? 0) + 1);
    out.set(key, { file, lang, line: at.line, column: at.column, message, severity: f.severity, fixes });
  }
  return [...out.values()];
}

function lineCol(src: string, offset: number): { line: number; column: number } {
  const before = src.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}
