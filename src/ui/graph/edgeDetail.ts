// Pure data for the edge panel: what is behind an edge of the delivery graph (the router
// calls that decided the pair, the wake-ups, the deliveries), up to a time, and where in
// the module each call's callback is written (for jump-to-line).
import type { RouterCallEvent, Trace } from "../../trace/types.ts";
import { decisionOf, type PairDecision } from "../../analysis/decisions.ts";
import { serverOf } from "../../analysis/ids.ts";
import { parseModuleRef } from "../../scenario/moduleRef.ts";

export interface EdgeCallRow {
  /** Index into trace.events. */
  event: number;
  e: RouterCallEvent;
  /** Where to jump in the module: the error's location, else the callback's first mention. */
  loc: { file: string; line: number; column: number } | null;
}

export interface EdgeDetail {
  from: string;
  to: string;
  decision: PairDecision | null;
  calls: EdgeCallRow[];
  /** Indexes into trace.deliveries, at or before time. */
  deliveries: number[];
  /** Indexes into trace.events of `to`'s router wake-ups at or before time. */
  wakes: number[];
}

/** Parses an edge key of the graph model into its two ends; null for keys that are not user pairs. */
export function edgeEnds(key: string): { from: string; to: string } | null {
  const parts = key.split("\t");
  // "<transport>\t<from>\t<to>\t<kind>" | "decision\t<from>\t<to>" | "removed\t<from>\t<to>"
  if (parts.length < 3) return null;
  return { from: parts[1]!, to: parts[2]! };
}

/**
 * Line (1-based) of `callback` in `source`: in a Python file its `def` (the registration's
 * `get_interested_users=self.get_interested_users` names it, the def is where it is
 * written), else its first mention as a call or a property (a TypeScript registration
 * object holds the callback itself).
 */
export function callbackLine(source: string, callback: string, file = ""): { line: number; column: number } | null {
  const lines = source.split("\n");
  const patterns = [new RegExp(`\\b${callback}\\b\\s*[:(=]`)];
  if (file.endsWith(".py")) patterns.unshift(new RegExp(`^\\s*(?:async\\s+)?def\\s+(${callback})\\b`));
  for (const re of patterns) {
    for (let i = 0; i < lines.length; i++) {
      const m = re.exec(lines[i]!);
      if (m) return { line: i + 1, column: (m[1] ? m.index + m[0].length - m[1].length : m.index) + 1 };
    }
  }
  return null;
}

/**
 * The editor file of a module name as the trace writes it: "router.ts#TeamRouter" →
 * router.ts, homeserver.yaml's "my_router.ExamplePresenceRouter" → my_router.py,
 * "pkg.mod.Router" → pkg/mod.py (scenario/moduleRef.ts).
 */
export function moduleFile(module: string): string {
  const r = parseModuleRef(module);
  if (r.ok) return r.ref.file.replace(/^\.\//, "");
  const i = module.indexOf("#");
  return i < 0 ? module : module.slice(0, i);
}

const MAX_CALLS = 200;

export function edgeDetail(trace: Trace, key: string, time: number, files: Readonly<Record<string, string>>): EdgeDetail | null {
  const ends = edgeEnds(key);
  if (!ends) return null;
  const { from, to } = ends;
  // Hub ends (federation edges) are "hs:<server>": match deliveries to that server.
  const toServer = to.startsWith("hs:") ? to.slice(3) : null;
  const fromServer = from.startsWith("hs:") ? from.slice(3) : null;
  const decision = toServer || fromServer ? null : decisionOf(trace, from, to);
  const calls: EdgeCallRow[] = [];
  for (const i of decision?.events ?? []) {
    const e = trace.events[i] as RouterCallEvent;
    if (e.at > time || calls.length >= MAX_CALLS) break;
    calls.push({ event: i, e, loc: locate(e, files) });
  }
  const deliveries: number[] = [];
  trace.deliveries.forEach((d, i) => {
    if (d.at > time) return;
    if (toServer) {
      if (d.transport === "federation" && d.viewer === toServer && (fromServer ? serverOf(d.source) === fromServer : d.source === from)) deliveries.push(i);
    } else if (d.transport === "sync" && d.source === from && d.viewer === to) deliveries.push(i);
  });
  const wakes = (decision?.wakes ?? []).filter((i) => trace.events[i]!.at <= time);
  return { from, to, decision, calls, deliveries, wakes };
}

function locate(e: RouterCallEvent, files: Readonly<Record<string, string>>): EdgeCallRow["loc"] {
  if (e.error?.file && e.error.line) return { file: e.error.file, line: e.error.line, column: e.error.column ?? 1 };
  const file = moduleFile(e.module);
  const src = files[file];
  if (src === undefined) return null;
  const at = callbackLine(src, e.callback, file);
  return at ? { file, ...at } : null;
}

/** Where a consistency finding points in the module: its cause's line, else the line of the callback it is about. */
export function findingLine(f: { cause?: { file?: string; line?: number; column?: number }; module?: string; callback?: string }, files: Readonly<Record<string, string>>): { file: string; line: number; column: number } | null {
  if (f.cause?.file && f.cause.line && f.cause.file in files) return { file: f.cause.file, line: f.cause.line, column: f.cause.column ?? 1 };
  if (!f.callback || !f.module) return null;
  const file = moduleFile(f.module);
  const src = files[file];
  if (src === undefined) return null;
  const at = callbackLine(src, f.callback, file);
  return at ? { file, ...at } : null;
}
