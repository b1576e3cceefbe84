// R56 vs R57: a module listed under `modules:` whose class has get_users_for_states and
// get_interested_users methods but never calls register_presence_router_callbacks is
// silently inactive (Synapse finds methods by name only for presence.presence_router).
// The engine logs a hint (src/engine/modules/load.ts); the fix is the one it names:
// register the two methods in the constructor (async, R60).
import type { Trace } from "../../../trace/types.ts";
import { fileOfModule, langOf, type FixSite } from "./findingFixes.ts";
import { locateCallback, type Lang } from "./locate.ts";
import { maskTs, matchBracket } from "./mask.ts";
import type { OffsetEdit } from "./routerFix.ts";

export const REGISTER_TITLE = "Register get_users_for_states and get_interested_users in the constructor";

const HINT = /registered no callbacks: a module in modules: must call api\.register_presence_router_callbacks/;

/** Marker sites for the engine's "registered no callbacks" hints: the constructor's line (else the class's). */
export function registerSites(trace: Trace, files: Readonly<Record<string, string>>): FixSite[] {
  const out: FixSite[] = [];
  for (const e of trace.events) {
    if (e.type !== "log" || e.level !== "warning" || !e.module || !HINT.test(e.message)) continue;
    const file = fileOfModule(e.module);
    const src = files[file];
    const lang = langOf(file);
    if (src === undefined || !lang || out.some((s) => s.file === file)) continue;
    const at = anchor(src, lang);
    if (at < 0) continue;
    const lines = src.slice(0, at).split("\n");
    const lineText = src.split("\n")[lines.length - 1]!;
    out.push({ file, lang, line: lines.length, column: lineText.length - lineText.trimStart().length + 1, message: e.message, severity: "warning", fixes: [{ kind: "register_methods" }] });
  }
  return out;
}

function anchor(src: string, lang: Lang): number {
  const ctor = locateCallback(src, lang, lang === "py" ? "__init__" : "constructor");
  if (ctor) return ctor.start;
  const cls = /^[ \t]*(?:export\s+(?:default\s+)?)?class\b/m.exec(src);
  return cls ? cls.index : -1;
}

/** The edit: the registration at the end of the constructor (a new constructor if there is none). */
export function registerEdit(src: string, lang: Lang): OffsetEdit[] | null {
  const edits: OffsetEdit[] = [];
  if (lang === "py") {
    const init = locateCallback(src, "py", "__init__");
    if (!init || init.body.kind !== "suite" || init.body.oneLine) return null;
    const api = init.params[1];
    if (!api) return null;
    const ind = init.body.indent;
    const text = `\n${ind}# Playground fix (R56): a module in modules: registers its callbacks itself.\n${ind}${api}.register_presence_router_callbacks(\n${ind}    get_users_for_states=self.get_users_for_states,\n${ind}    get_interested_users=self.get_interested_users,\n${ind})`;
    edits.push({ start: init.body.end, end: init.body.end, text });
    // Synapse awaits them (R60).
    for (const name of ["get_users_for_states", "get_interested_users"]) {
      const fn = locateCallback(src, "py", name);
      if (fn && !fn.isAsync) edits.push({ start: fn.asyncAt, end: fn.asyncAt, text: "async " });
    }
    return edits;
  }
  const registration = (api: string, ind: string) =>
    [
      `// Playground fix (R56): a module in modules: registers its callbacks itself (async, R60).`,
      `${api}.register_presence_router_callbacks({`,
      `  get_users_for_states: async (states) => this.get_users_for_states(states),`,
      `  get_interested_users: async (user_id) => this.get_interested_users(user_id),`,
      `});`,
    ].map((l) => ind + l);
  const ctor = locateCallback(src, "ts", "constructor");
  if (ctor && ctor.body.kind === "block") {
    const api = ctor.params[1];
    if (!api) return null;
    const { close } = ctor.body;
    const lineStart = src.lastIndexOf("\n", close - 1) + 1;
    const closeIndent = /^[ \t]*/.exec(src.slice(lineStart))![0];
    // The closing brace on a line of its own: insert above it; else before it.
    const own = src.slice(lineStart, close).trim() === "";
    const lines = registration(api, closeIndent + "  ");
    return own ? [{ start: lineStart, end: lineStart, text: lines.join("\n") + "\n" }] : [{ start: close, end: close, text: "\n" + lines.join("\n") + "\n" + closeIndent }];
  }
  // No constructor: one after the class's opening brace.
  const m = maskTs(src);
  const cls = /\bclass\b[^{]*\{/.exec(m);
  if (!cls) return null;
  const open = cls.index + cls[0].length - 1;
  if (matchBracket(m, open) < 0) return null;
  const classIndent = /^[ \t]*/.exec(src.slice(src.lastIndexOf("\n", cls.index - 1) + 1))![0];
  const ind = classIndent + "  ";
  const body = registration("api", ind + "  ").join("\n");
  return [{ start: open + 1, end: open + 1, text: `\n${ind}constructor(_config: unknown, api: import("synapse").ModuleApi) {\n${body}\n${ind}}\n` }];
}
