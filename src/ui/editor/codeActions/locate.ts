// Where a router callback is written in a module's source (TypeScript or Python), for the
// code actions: its definition, whether it is async, its parameters, its body and, when
// the body leaves through one final `return`, that statement. Text scanning over the
// masked source (mask.ts); anything it cannot read with certainty gives null, and the
// caller falls back to a commented snippet.
import { maskPy, maskTs, matchBracket } from "./mask.ts";

export type Lang = "ts" | "py";

export interface FunctionAt {
  /** Offset of the definition (for its line). */
  start: number;
  /** Where `async ` goes to make it async. */
  asyncAt: number;
  isAsync: boolean;
  /** Parameter names, without Python's self/cls. */
  params: string[];
  /** A block `{…}` (TS), an arrow's expression (TS), or an indented suite (Python). */
  body: { kind: "block"; open: number; close: number } | { kind: "expr"; start: number; end: number } | { kind: "suite"; start: number; end: number; indent: string; oneLine: boolean };
  /** A property of an object literal: the function handed to register_presence_router_callbacks. */
  property: boolean;
  /** An arrow that only calls this.<same name>(…). */
  forwarding: boolean;
}

export interface FinalReturn {
  /** The whole statement (or expression body) to replace. */
  start: number;
  end: number;
  expr: string;
  /** Indentation of the statement's line. */
  indent: string;
  /** True for an arrow's expression body: the replacement must be a block. */
  exprBody: boolean;
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function paramNames(inner: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = "";
  for (const c of inner + ",") {
    if ("([{<".includes(c)) depth++;
    else if (")]}>".includes(c)) depth--;
    if (c === "," && depth === 0) {
      const m = /^\s*(?:(?:public|private|protected|readonly|override)\s+)*(?:\.\.\.|\*{1,2})?([A-Za-z_$][\w$]*)/.exec(cur);
      if (m && m[1] !== "self" && m[1] !== "cls") out.push(m[1]!);
      cur = "";
    } else cur += c;
  }
  return out;
}

/** Skips whitespace from `i`. */
function skipWs(s: string, i: number): number {
  while (i < s.length && /\s/.test(s[i]!)) i++;
  return i;
}

/** From just after a parameter list: an optional `: Type`, then the first `{` or `=>` at depth 0. */
function afterParams(m: string, i: number): { at: number; token: "{" | "=>" } | null {
  let depth = 0;
  for (let k = i; k < m.length; k++) {
    const c = m[k]!;
    if (depth === 0 && c === "=" && m[k + 1] === ">") return { at: k, token: "=>" };
    if (depth === 0 && c === "{") {
      // `: { … }` object return types are rare; a `{` after `:` would be mistaken for the body.
      return { at: k, token: "{" };
    }
    if (depth === 0 && (c === ";" || c === "," || c === ")" || c === "}")) return null;
    if ("([<".includes(c)) depth++;
    else if ((c === ">" && m[k - 1] !== "=") || c === ")" || c === "]") depth--;
  }
  return null;
}

/** End (exclusive) of an arrow's expression body starting at `i`: the first , ; ) ] } at depth 0. */
function exprEnd(m: string, i: number): number {
  let depth = 0;
  let k = i;
  for (; k < m.length; k++) {
    const c = m[k]!;
    if ("([{".includes(c)) depth++;
    else if (")]}".includes(c)) {
      if (depth === 0) break;
      depth--;
    } else if (depth === 0 && (c === "," || c === ";")) break;
  }
  while (k > i && /\s/.test(m[k - 1]!)) k--;
  return k;
}

function tsCandidates(src: string, name: string): FunctionAt[] {
  const m = maskTs(src);
  const out: FunctionAt[] = [];
  const n = esc(name);
  // Methods and function declarations: `async get_users_for_states(states) {`.
  const def = new RegExp(`(?<![.\\w$])((?:(?:public|private|protected|static|override|async)\\s+)*)(function\\s*\\*?\\s*)?${n}\\s*(?:<[^>()]*>)?\\s*\\(`, "g");
  for (const x of m.matchAll(def)) {
    const open = x.index + x[0].length - 1;
    const close = matchBracket(m, open);
    if (close < 0) continue;
    const next = afterParams(m, close + 1);
    if (!next || next.token !== "{") continue;
    const bodyClose = matchBracket(m, next.at);
    if (bodyClose < 0) continue;
    const nameAt = x.index + x[0].indexOf(name, x[1]!.length + (x[2]?.length ?? 0));
    out.push({
      start: x.index + x[1]!.length,
      asyncAt: x[2] ? x.index + x[1]!.length : nameAt,
      isAsync: /\basync\b/.test(x[1]!),
      params: paramNames(src.slice(open + 1, close)),
      body: { kind: "block", open: next.at, close: bodyClose },
      property: false,
      forwarding: false,
    });
  }
  // Properties and variables holding a function: `get_users_for_states: async (states) => …`.
  const prop = new RegExp(`(?<![.\\w$])${n}\\s*[:=]\\s*(async\\s+)?(?:(function\\s*\\*?\\s*[\\w$]*\\s*\\()|(\\()|([A-Za-z_$][\\w$]*)\\s*=>)`, "g");
  for (const x of m.matchAll(prop)) {
    const valueAt = x.index + x[0].search(/[:=]/) + 1;
    const fnAt = skipWs(m, valueAt);
    let params: string[];
    let bodyFrom: number;
    let isArrow = true;
    if (x[4]) {
      params = [x[4]];
      bodyFrom = x.index + x[0].length;
    } else {
      const open = x.index + x[0].length - 1;
      const close = matchBracket(m, open);
      if (close < 0) continue;
      params = paramNames(src.slice(open + 1, close));
      const next = afterParams(m, close + 1);
      if (!next) continue;
      isArrow = next.token === "=>";
      if (x[2] && isArrow) continue;
      bodyFrom = isArrow ? next.at + 2 : next.at;
    }
    const b = skipWs(m, bodyFrom);
    let body: FunctionAt["body"];
    if (m[b] === "{") {
      const close = matchBracket(m, b);
      if (close < 0) continue;
      body = { kind: "block", open: b, close };
    } else if (isArrow) body = { kind: "expr", start: b, end: exprEnd(m, b) };
    else continue;
    const forwarding = body.kind === "expr" && new RegExp(`^(?:await\\s+)?this\\.${n}\\s*\\(`).test(m.slice(body.start, body.end));
    out.push({ start: x.index, asyncAt: fnAt, isAsync: !!x[1], params, body, property: m[valueAt - 1] === ":", forwarding });
  }
  return out.sort((a, b) => a.start - b.start);
}

function pyCandidates(src: string, name: string): FunctionAt[] {
  const m = maskPy(src);
  const out: FunctionAt[] = [];
  const def = new RegExp(`^([ \\t]*)(async[ \\t]+)?def[ \\t]+${esc(name)}[ \\t]*\\(`, "gm");
  for (const x of m.matchAll(def)) {
    const open = x.index + x[0].length - 1;
    const close = matchBracket(m, open);
    if (close < 0) continue;
    // `-> Type:`: the first colon at depth 0 after the parameters.
    let colon = -1;
    let depth = 0;
    for (let k = close + 1; k < m.length; k++) {
      const c = m[k]!;
      if ("([{".includes(c)) depth++;
      else if (")]}".includes(c)) depth--;
      else if (c === ":" && depth === 0) {
        colon = k;
        break;
      }
    }
    if (colon < 0) continue;
    const lineEnd = m.indexOf("\n", colon) < 0 ? m.length : m.indexOf("\n", colon);
    const oneLine = m.slice(colon + 1, lineEnd).trim() !== "";
    const defIndent = x[1]!.length;
    let end = lineEnd;
    let indent = "";
    if (!oneLine) {
      // The suite: following lines indented deeper than `def` (blank lines and lines
      // inside open brackets do not end it).
      let k = lineEnd + 1;
      let d = 0;
      while (k < m.length) {
        const e = m.indexOf("\n", k) < 0 ? m.length : m.indexOf("\n", k);
        const line = m.slice(k, e);
        if (line.trim() !== "") {
          const ind = /^[ \t]*/.exec(line)![0];
          if (d === 0 && ind.length <= defIndent) break;
          if (!indent) indent = ind;
          end = e;
          for (const c of line) d += "([{".includes(c) ? 1 : ")]}".includes(c) ? -1 : 0;
        }
        k = e + 1;
      }
      if (!indent) continue;
    }
    out.push({
      start: x.index + defIndent,
      asyncAt: x.index + defIndent + (x[2]?.length ?? 0),
      isAsync: !!x[2],
      params: paramNames(src.slice(open + 1, close)),
      body: { kind: "suite", start: oneLine ? colon + 1 : lineEnd + 1, end, indent, oneLine },
      property: false,
      forwarding: false,
    });
  }
  return out;
}

/**
 * The callback `name` in `src`. `prefer: "definition"` skips arrows that only forward to a
 * method of the same name; `"registered"` takes the function literal handed to the
 * registration when there is one (what Synapse awaits, R60).
 */
export function locateCallback(src: string, lang: Lang, name: string, prefer: "definition" | "registered" = "definition"): FunctionAt | null {
  const all = lang === "py" ? pyCandidates(src, name) : tsCandidates(src, name);
  if (prefer === "registered") return all.find((f) => f.property) ?? all[0] ?? null;
  return all.find((f) => !f.forwarding) ?? all[0] ?? null;
}

/** The statement the function always leaves through, when it has exactly one `return`, last. */
export function finalReturn(src: string, lang: Lang, fn: FunctionAt): FinalReturn | null {
  const lineStart = (i: number) => src.lastIndexOf("\n", i - 1) + 1;
  const indentAt = (i: number) => /^[ \t]*/.exec(src.slice(lineStart(i)))![0];
  if (fn.body.kind === "expr") {
    const { start, end } = fn.body;
    if (end <= start) return null;
    return { start, end, expr: src.slice(start, end), indent: indentAt(start), exprBody: true };
  }
  const m = lang === "py" ? maskPy(src) : maskTs(src);
  if (fn.body.kind === "suite") {
    if (fn.body.oneLine) return null;
    const { start, end, indent } = fn.body;
    const rets = [...m.slice(start, end).matchAll(/\breturn\b/g)];
    if (rets.length !== 1) return null;
    const at = start + rets[0]!.index;
    if (src.slice(lineStart(at), at) !== indent) return null; // at the suite's own level
    // Everything after it must be its own continuation (inside brackets).
    let d = 0;
    let k = at + 6;
    for (; k < end; k++) {
      const c = m[k]!;
      if ("([{".includes(c)) d++;
      else if (")]}".includes(c)) d--;
      else if (c === "\n" && d === 0 && m.slice(k, end).trim() !== "") return null;
    }
    const expr = src.slice(at + 6, end).replace(/\s*(#[^\n]*)?$/, "").trim();
    return expr ? { start: at, end: at + 6 + src.slice(at + 6, end).trimEnd().length, expr, indent, exprBody: false } : null;
  }
  const { open, close } = fn.body;
  const inner = m.slice(open + 1, close);
  const rets = [...inner.matchAll(/\breturn\b/g)];
  if (rets.length !== 1) return null;
  const at = open + 1 + rets[0]!.index;
  let depth = 0;
  for (const c of m.slice(open + 1, at)) depth += "([{".includes(c) ? 1 : ")]}".includes(c) ? -1 : 0;
  if (depth !== 0) return null;
  // A statement of its own (not the body of a brace-less `if`/`else`).
  const before = m.slice(open, at).trimEnd();
  if (!/[;{}]$/.test(before)) return null;
  let k = at + 6;
  let d = 0;
  for (; k < close; k++) {
    const c = m[k]!;
    if ("([{".includes(c)) d++;
    else if (")]}".includes(c)) d--;
    else if (c === ";" && d === 0) break;
  }
  const exprText = src.slice(at + 6, k).trim();
  const end = k < close ? k + 1 : at + 6 + src.slice(at + 6, close).trimEnd().length;
  if (!exprText || m.slice(end, close).trim() !== "") return null;
  return { start: at, end, expr: exprText, indent: indentAt(at), exprBody: false };
}
