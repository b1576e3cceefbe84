// Maps a runtime error thrown by module code back to the user's TypeScript source.
// The sandbox evaluates each bundle with a `//# sourceURL=module:<entry>` comment, so
// stack frames that point into a bundle are recognisable; their positions go back
// through the bundle's sourcemap (trace-mapping) to the file/line/column the user wrote.
import { GREATEST_LOWER_BOUND, LEAST_UPPER_BOUND, TraceMap, originalPositionFor } from "@jridgewell/trace-mapping";
import type { ModuleErrorInfo } from "../trace/types.ts";
import type { Bundle } from "./types.ts";

export const MODULE_URL_PREFIX = "module:";

export interface LocateOptions {
  /**
   * Lines the evaluator adds before the bundle's first line (V8's `new Function`
   * adds 2: "function anonymous(...\n) {\n"). Frame line minus this = bundle line.
   */
  lineOffset?: number;
}

interface Frame {
  fn: string | null;
  entry: string;
  line: number;
  column: number;
}

// V8:      "    at get_users_for_states (module:router.ts:12:5)" / "    at module:router.ts:3:1"
// Firefox: "get_users_for_states@module:router.ts:12:5"
const V8_FRAME = /^\s*at (?:(.+?) \()?module:(.+?):(\d+):(\d+)\)?\s*$/;
const GECKO_FRAME = /^(.*?)@module:(.+?):(\d+):(\d+)\s*$/;

function parseFrames(stack: string): Frame[] {
  const frames: Frame[] = [];
  for (const text of stack.split("\n")) {
    const m = V8_FRAME.exec(text) ?? GECKO_FRAME.exec(text);
    if (!m) continue;
    const fn = m[1] && m[1] !== "eval" ? m[1].replace(/^async /, "") : null;
    frames.push({ fn, entry: m[2], line: Number(m[3]), column: Number(m[4]) });
  }
  return frames;
}

/** "TypeError: x is not a function"; a thrown non-Error is described as such. */
export function describeThrown(err: unknown): string {
  if (err instanceof Error || (typeof err === "object" && err !== null && "message" in err)) {
    const e = err as { name?: unknown; message?: unknown };
    const name = typeof e.name === "string" && e.name ? e.name : "Error";
    return `${name}: ${String(e.message)}`;
  }
  let text: string;
  try {
    text = typeof err === "string" ? JSON.stringify(err) : String(err);
  } catch {
    text = Object.prototype.toString.call(err);
  }
  return `non-Error value thrown: ${text}`;
}

const maps = new WeakMap<Bundle, TraceMap>();
function traceMapOf(b: Bundle): TraceMap {
  let m = maps.get(b);
  if (!m) {
    m = new TraceMap(b.map);
    maps.set(b, m);
  }
  return m;
}

export interface SourcePosition {
  file: string;
  line: number;
  /** 1-based UTF-16 column. */
  column: number;
}

/** Maps a 1-based line / 1-based column inside a bundle to the user's source. */
export function mapBundlePosition(bundle: Bundle, line: number, column: number): SourcePosition | null {
  if (line < 1) return null;
  const tm = traceMapOf(bundle);
  for (const bias of [GREATEST_LOWER_BOUND, LEAST_UPPER_BOUND] as const) {
    const p = originalPositionFor(tm, { line, column: Math.max(0, column - 1), bias });
    if (p.source !== null && p.line !== null && p.column !== null) return { file: p.source, line: p.line, column: p.column + 1 };
  }
  return null;
}

/**
 * Locates `err` in the user's source: the first stack frame inside a bundle that maps
 * through its sourcemap. `stack` is rewritten to the module frames only, in user terms
 * ("at get_users_for_states (router.ts:12:5)"), so traces carry no host paths.
 */
export function locateRuntimeError(err: unknown, bundles: Record<string, Bundle>, opts: LocateOptions = {}): ModuleErrorInfo {
  const info: ModuleErrorInfo = { message: describeThrown(err) };
  const stack = typeof (err as { stack?: unknown })?.stack === "string" ? (err as { stack: string }).stack : "";
  const lines: string[] = [];
  for (const f of parseFrames(stack)) {
    const bundle = Object.prototype.hasOwnProperty.call(bundles, f.entry) ? bundles[f.entry] : undefined;
    if (!bundle) continue;
    const pos = mapBundlePosition(bundle, f.line - (opts.lineOffset ?? 0), f.column);
    if (!pos) continue;
    if (info.file === undefined) {
      info.file = pos.file;
      info.line = pos.line;
      info.column = pos.column;
    }
    const where = `${pos.file}:${pos.line}:${pos.column}`;
    lines.push(f.fn ? `    at ${f.fn} (${where})` : `    at ${where}`);
  }
  if (lines.length) info.stack = `${info.message}\n${lines.join("\n")}`;
  return info;
}
