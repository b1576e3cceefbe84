// The text edit of one router fix: given the module's source, the callback to change and
// what to change, the edit that does it. When the callback leaves through one final
// `return` (locate.ts), the edit is exact: the returned value is kept in a variable and
// the fix is applied to it (a copy, never the module's own Set or Map, which may be shared
// between calls). Otherwise a commented snippet that says what to add goes at the top of
// the callback's body, and the title says so.
import { finalReturn, locateCallback, type FinalReturn, type FunctionAt, type Lang } from "./locate.ts";
import { REGISTER_TITLE, registerEdit } from "./registerFix.ts";

export type Callback = "get_users_for_states" | "get_interested_users";

export type RouterFix =
  /** get_interested_users(viewer) also lists source (R64, S6). */
  | { kind: "let_see"; viewer: string; source: string }
  /** get_users_for_states routes source's updates to viewer too (R31, R64). */
  | { kind: "route_to"; viewer: string; source: string }
  /** get_users_for_states maps viewer (given ALL_USERS) to every update; `server` only for a remote viewer (R51, S8, R34). */
  | { kind: "map_all"; viewer: string; server: string | null }
  /** The callback handed to register_presence_router_callbacks becomes async (R60). */
  | { kind: "make_async"; callback: Callback }
  /** get_interested_users returns a Set, not a list (R62). */
  | { kind: "interest_set" }
  /** get_users_for_states's values become Sets, not lists (R61, S17). */
  | { kind: "mapping_sets" }
  /** The module's methods get registered in its constructor (R56; registerFix.ts). */
  | { kind: "register_methods" };

export interface OffsetEdit {
  start: number;
  end: number;
  text: string;
}

export interface RouterEdit {
  title: string;
  edits: OffsetEdit[];
  /** False: a commented snippet to adapt by hand. */
  exact: boolean;
}

export function callbackOf(fix: RouterFix): Callback {
  switch (fix.kind) {
    case "let_see":
    case "interest_set":
      return "get_interested_users";
    case "make_async":
      return fix.callback;
    default: // register_methods registers both; its edit is in registerFix.ts
      return "get_users_for_states";
  }
}

export function titleOf(fix: RouterFix): string {
  switch (fix.kind) {
    case "let_see":
      return `Let ${fix.viewer} see ${fix.source}`;
    case "route_to":
      return `Route ${fix.source}'s updates to ${fix.viewer}`;
    case "map_all":
      return `Map ${fix.viewer} to every update (they get ALL_USERS)`;
    case "make_async":
      return `Make ${fix.callback} async`;
    case "interest_set":
      return "Return a set from get_interested_users";
    case "mapping_sets":
      return "Make get_users_for_states's values sets";
    case "register_methods":
      return REGISTER_TITLE;
  }
}

const q = (s: string) => JSON.stringify(s);

/** A name the module does not use yet. */
function freshName(src: string, base: string): string {
  for (let i = 0; ; i++) {
    const name = i === 0 ? base : `${base}${i + 1}`;
    if (!new RegExp(`\\b${name}\\b`).test(src)) return name;
  }
}

/** The comment and the statements that end the callback, after `v = <the old value>`. */
function tail(fix: RouterFix, lang: Lang, v: string, p: string, fresh: (base: string) => string): string[] | null {
  const py = lang === "py";
  const unit = py ? "    " : "  ";
  switch (fix.kind) {
    case "let_see": {
      const note = `Playground fix (R64, S6): get_users_for_states routes ${fix.source} to ${fix.viewer}.`;
      return py
        ? [`# ${note}`, `return ${v} | {${q(fix.source)}} if ${p} == ${q(fix.viewer)} and isinstance(${v}, set) else ${v}`]
        : [`// ${note}`, `return ${p} === ${q(fix.viewer)} && ${v} instanceof Set ? new Set([...${v}, ${q(fix.source)}]) : ${v};`];
    }
    case "route_to": {
      const note = `Playground fix (R31, R64): get_interested_users lets ${fix.viewer} see ${fix.source}.`;
      const extra = fresh("extra");
      return py
        ? [
            `# ${note}`,
            `${extra} = [s for s in ${p} if s.user_id == ${q(fix.source)}]`,
            `if ${extra} and isinstance(${v}, dict):`,
            `${unit}${v} = {**${v}, ${q(fix.viewer)}: set(${v}.get(${q(fix.viewer)}, set())) | set(${extra})}`,
            `return ${v}`,
          ]
        : [
            `// ${note}`,
            `const ${extra} = [...${p}].filter((s) => s.user_id === ${q(fix.source)});`,
            `return ${extra}.length && ${v} instanceof Map ? new Map([...${v}, [${q(fix.viewer)}, new Set([...(${v}.get(${q(fix.viewer)}) ?? []), ...${extra}])]]) : ${v};`,
          ];
    }
    case "map_all": {
      const note = `Playground fix (R51, S8): get_interested_users returns ALL_USERS for ${fix.viewer}.`;
      // A remote viewer gets only this server's users' records (R34).
      const all = fix.server
        ? py
          ? `{s for s in ${p} if s.user_id.endswith(${q(":" + fix.server)})}`
          : `new Set([...${p}].filter((s) => s.user_id.endsWith(${q(":" + fix.server)})))`
        : py
          ? `set(${p})`
          : `new Set(${p})`;
      return py
        ? [`# ${note}`, `return {**${v}, ${q(fix.viewer)}: ${all}} if isinstance(${v}, dict) else ${v}`]
        : [`// ${note}`, `return ${v} instanceof Map ? new Map([...${v}, [${q(fix.viewer)}, ${all}]]) : ${v};`];
    }
    case "interest_set":
      return py
        ? [`# Playground fix (R62): Synapse skips a list; return a set.`, `return set(${v}) if isinstance(${v}, (list, tuple, frozenset)) else ${v}`]
        : [`// Playground fix (R62): Synapse skips an array; return a Set.`, `return Array.isArray(${v}) ? new Set(${v}) : ${v};`];
    case "mapping_sets":
      return py
        ? [
            `# Playground fix (R61, S17): Synapse stops at the first value that is not a set.`,
            `return {k: set(x) if isinstance(x, (list, tuple, frozenset)) else x for k, x in ${v}.items()} if isinstance(${v}, dict) else ${v}`,
          ]
        : [
            `// Playground fix (R61, S17): Synapse stops at the first value that is not a Set.`,
            `return ${v} instanceof Map ? new Map([...${v}].map(([k, x]) => [k, Array.isArray(x) ? new Set(x) : x] as const)) : ${v};`,
          ];
    case "make_async":
    case "register_methods":
      return null;
  }
}

/** What to add, as comment lines, when the callback cannot be edited with certainty. */
function snippet(fix: RouterFix, lang: Lang, p: string): string[] {
  const c = lang === "py" ? "#" : "//";
  const eq = lang === "py" ? "==" : "===";
  switch (fix.kind) {
    case "let_see":
      return [
        `${c} Playground fix (R64, S6): get_users_for_states routes ${fix.source}'s updates to ${fix.viewer},`,
        `${c} so include ${fix.source} in the set returned for ${fix.viewer}, e.g.:`,
        `${c}   if ${lang === "py" ? "" : "("}${p} ${eq} ${q(fix.viewer)}${lang === "py" ? ":" : ")"} <the set>.add(${q(fix.source)})`,
      ];
    case "route_to":
      return [
        `${c} Playground fix (R31, R64): get_interested_users lets ${fix.viewer} see ${fix.source},`,
        `${c} so map each of ${fix.source}'s states in ${p} to ${q(fix.viewer)} in the result too.`,
      ];
    case "map_all":
      return [
        `${c} Playground fix (R51, S8): get_interested_users returns ALL_USERS for ${fix.viewer},`,
        `${c} so the result needs the key ${q(fix.viewer)} with every ${fix.server ? `${fix.server} ` : ""}state of ${p}.`,
      ];
    case "interest_set":
      return [`${c} Playground fix (R62): return a set of user ids (or ALL_USERS): Synapse skips a list.`];
    default:
      return [`${c} Playground fix (R61, S17): every value of the result must be a set of states.`];
  }
}

function lineStartOf(src: string, i: number): number {
  return src.lastIndexOf("\n", i - 1) + 1;
}

function exactEdit(src: string, lang: Lang, fn: FunctionAt, r: FinalReturn, fix: RouterFix): OffsetEdit | null {
  const p = fix.kind === "interest_set" || fix.kind === "mapping_sets" ? "" : (fn.params[0] ?? "");
  if (!p && fix.kind !== "interest_set" && fix.kind !== "mapping_sets") return null;
  // A plain name is used as it is; any other value is kept in a new variable first.
  const named = /^[A-Za-z_$][\w$]*$/.test(r.expr) && r.expr !== "this" && r.expr !== "self";
  const v = named ? r.expr : freshName(src, callbackOf(fix) === "get_interested_users" ? "visible" : "routed");
  const ind = r.exprBody ? r.indent + "  " : r.indent;
  const lines = tail(fix, lang, v, p, (base) => freshName(src, base));
  if (!lines) return null;
  // `await` only where the value may be a promise (not a `new …` or a literal); parenthesised
  // so it applies to the whole expression.
  const plain = /^(new\s|[[{"'`])/.test(r.expr);
  const value = lang === "ts" && fn.isAsync && !plain ? `await (${r.expr})` : r.expr;
  const first = lang === "py" ? `${v} = ${value}` : `const ${v} = ${value};`;
  const body = (named ? lines : [first, ...lines]).join("\n" + ind);
  return { start: r.start, end: r.end, text: r.exprBody ? `{\n${ind}${body}\n${r.indent}}` : body };
}

/** The edit for `fix` in `src`, or null when the callback is not found. */
export function routerEdit(src: string, lang: Lang, fix: RouterFix): RouterEdit | null {
  const callback = callbackOf(fix);
  const title = titleOf(fix);
  if (fix.kind === "register_methods") {
    const edits = registerEdit(src, lang);
    return edits ? { title, edits, exact: true } : null;
  }
  if (fix.kind === "make_async") {
    const fn = locateCallback(src, lang, callback, "registered");
    if (!fn || fn.isAsync) return null;
    return { title, edits: [{ start: fn.asyncAt, end: fn.asyncAt, text: "async " }], exact: true };
  }
  const fn = locateCallback(src, lang, callback);
  if (!fn) return null;
  const r = finalReturn(src, lang, fn);
  const exact = r && exactEdit(src, lang, fn, r, fix);
  if (exact) return { title, edits: [exact], exact: true };
  // A commented snippet at the top of the body (above the line, for an arrow's expression).
  const p = fn.params[0] ?? (callback === "get_users_for_states" ? "states" : "user_id");
  const b = fn.body;
  let at: number;
  let indent: string;
  if (b.kind === "suite" && !b.oneLine) {
    at = b.start;
    indent = b.indent;
  } else if (b.kind === "block") {
    const firstLine = src.slice(b.open + 1).match(/^[^\n]*\n([ \t]*)\S/);
    at = src.indexOf("\n", b.open) + 1 || src.length;
    indent = firstLine?.[1] ?? /^[ \t]*/.exec(src.slice(lineStartOf(src, fn.start)))![0] + "  ";
    if (at > b.close) return null; // a one-line body: nowhere tidy to put it
  } else {
    at = lineStartOf(src, fn.start);
    indent = /^[ \t]*/.exec(src.slice(at))![0];
  }
  const text = snippet(fix, lang, p).map((l) => indent + l + "\n").join("");
  return { title: `${title} (a commented snippet to adapt)`, edits: [{ start: at, end: at, text }], exact: false };
}
