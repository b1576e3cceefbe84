// Completion and hover for the `synapse` package in .py files, as plain functions of the
// text (no Monaco here: ./pythonProviders.ts adapts them; tests call them directly).
// Everything shown comes from src/python/synapseApi.ts, the table a test keeps equal to
// the Python package. Python has no type checker in the editor, so a receiver's class is
// guessed from the text: annotations (`api: ModuleApi`, `state: UserPresenceState`),
// assignments (`self.api = api`), the names Synapse's docs use (`module_api`, `api`),
// loops over the callback's states and, inside a router callback, `state`/`update`/`s`.
import { PY_CLASSES, PY_MODULES, PY_NAMES, pySignature, type PyClass, type PyMember, type PyMemberKind } from "../../python/synapseApi.ts";

export type PyItemKind = PyMemberKind | "module" | "class" | "name";

export interface PyCompletion {
  label: string;
  kind: PyItemKind;
  /** The signature or module path, shown next to the label. */
  detail: string;
  /** Markdown. */
  doc: string;
}

export interface PyCompletions {
  items: PyCompletion[];
  /** 1-based column where the replaced text starts (it ends at the cursor). */
  startColumn: number;
}

export interface PyHover {
  /** Markdown. */
  contents: string;
  startColumn: number;
  endColumn: number;
}

// The names Synapse's documentation and examples give the ModuleApi.
const API_NAME = /^_?(module_)?api$/;
// Loop variables and parameters named like presence records, inside a router callback.
const STATE_NAMES = new Set(["state", "update", "s", "new_state", "old_state", "prev_state", "state_update"]);
const STATES_ITERABLES = /^(self\.)?(state_updates|states|updates)$/;

/** The module a class is imported from: where it is defined, else the first that exports it. */
function publicModule(cls: string): string {
  const home = PY_CLASSES[cls]?.module;
  if (home && PY_MODULES[home]) return home;
  return Object.entries(PY_MODULES).find(([, m]) => m.names.includes(cls))?.[0] ?? PY_CLASSES[cls]?.module ?? "synapse";
}

function classItem(name: string): PyCompletion {
  const doc = PY_CLASSES[name]?.doc ?? PY_NAMES[name] ?? "";
  return { label: name, kind: PY_CLASSES[name] ? "class" : "name", detail: `${publicModule(name)}.${name}`, doc };
}

function memberItem(cls: string, m: PyMember): PyCompletion {
  return { label: m.name, kind: m.kind, detail: pySignature(m), doc: `${m.doc}\n\n*${cls}* (${publicModule(cls)})` };
}

interface Receiver {
  cls: string;
  /** Accessed on the class itself (PresenceRouter.ALL_USERS), not an instance. */
  static: boolean;
}

/** The header text of the `def` enclosing line `lineNo` (1-based), or null at top level. */
function enclosingDef(lines: string[], lineNo: number): string | null {
  const here = lines[lineNo - 1] ?? "";
  let indent = here.length - here.trimStart().length;
  for (let i = lineNo - 2; i >= 0; i--) {
    const l = lines[i]!;
    if (!l.trim()) continue;
    const ind = l.length - l.trimStart().length;
    if (ind >= indent) continue;
    if (/^\s*(async\s+)?def\s/.test(l)) {
      // A header may span lines: up to the line that ends with ':'.
      let header = l;
      for (let j = i + 1; j < lines.length && j < i + 12 && !/\)\s*(->[^:]*)?:\s*(#.*)?$/.test(header); j++) header += " " + lines[j]!.trim();
      return header;
    }
    indent = ind;
  }
  return null;
}

/** The class of the Python expression `expr` (a dotted name), guessed from the source. */
function receiverOf(expr: string, source: string, lineNo: number): Receiver | null {
  if (PY_CLASSES[expr]) return { cls: expr, static: true };
  const last = expr.split(".").pop()!;
  const annotated = annotations(source);
  const known = annotated.get(expr) ?? annotated.get(last);
  if (known) return { cls: known, static: false };
  if (API_NAME.test(last)) return { cls: "ModuleApi", static: false };
  if (!expr.includes(".")) {
    const lines = source.split("\n");
    const def = enclosingDef(lines, lineNo);
    if (def && STATE_NAMES.has(expr) && /get_users_for_states|get_interested_users|UserPresenceState|state_updates|\bstates\b/.test(def)) {
      return { cls: "UserPresenceState", static: false };
    }
  }
  return null;
}

/** name → class from annotations, `self.x = name` assignments and loops over states. */
function annotations(source: string): Map<string, string> {
  const out = new Map<string, string>();
  const classes = Object.keys(PY_CLASSES).join("|");
  for (const m of source.matchAll(new RegExp(`((?:self\\.)?\\w+)\\s*:\\s*["']?(?:\\w+\\.)*(${classes})\\b`, "g"))) out.set(m[1]!, m[2]!);
  // Iterables of records: `state_updates: Iterable[UserPresenceState]` and the usual names.
  const iterables = new Set<string>();
  for (const m of source.matchAll(/((?:self\.)?\w+)\s*:\s*\w+\[\s*["']?UserPresenceState["']?\s*\]/g)) iterables.add(m[1]!);
  for (const m of source.matchAll(/\bfor\s+(\w+)\s+in\s+([\w.]+)\s*:/g)) {
    if (iterables.has(m[2]!) || STATES_ITERABLES.test(m[2]!)) out.set(m[1]!, "UserPresenceState");
  }
  for (const m of source.matchAll(/\b(self\.\w+)\s*=\s*(\w+)\s*$/gm)) {
    const cls = out.get(m[2]!) ?? (API_NAME.test(m[2]!) ? "ModuleApi" : undefined);
    if (cls && !out.has(m[1]!)) out.set(m[1]!, cls);
  }
  return out;
}

function membersOf(r: Receiver): PyCompletion[] {
  const cls: PyClass = PY_CLASSES[r.cls]!;
  const members = r.static ? cls.members.filter((m) => m.kind === "constant" || m.kind === "classmethod") : cls.members;
  return members.map((m) => memberItem(r.cls, m));
}

/** Completions at (line, column), both 1-based; null where we have nothing to offer. */
export function pythonCompletions(source: string, lineNo: number, column: number): PyCompletions | null {
  const before = (source.split("\n")[lineNo - 1] ?? "").slice(0, column - 1);

  // `from synapse.` / `import synapse.ha`: every module path (Monaco filters them).
  const mod = /^\s*(?:from|import)\s+([\w.]*)$/.exec(before);
  if (mod) {
    const typed = mod[1]!;
    if (!("synapse".startsWith(typed) || typed.startsWith("synapse"))) return null;
    const items = Object.entries(PY_MODULES).map(([path, m]) => ({ label: path, kind: "module" as const, detail: m.names.join(", ") || "package", doc: m.doc }));
    return { items, startColumn: column - typed.length };
  }

  // `from synapse.module_api import Mod`, `..., Us`, `(`: the module's names.
  const names = /^\s*from\s+([\w.]+)\s+import\s+(?:.*[,(]\s*)?(\w*)$/.exec(before);
  if (names) {
    const m = PY_MODULES[names[1]!];
    return m ? { items: m.names.map(classItem), startColumn: column - names[2]!.length } : null;
  }

  // `receiver.partial`: the receiver's members.
  const access = /([A-Za-z_][\w.]*)\.(\w*)$/.exec(before);
  if (access) {
    const r = receiverOf(access[1]!, source, lineNo);
    return r ? { items: membersOf(r), startColumn: column - access[2]!.length } : null;
  }
  return null;
}

function fence(code: string, doc: string): string {
  return "```python\n" + code + "\n```\n\n" + doc;
}

/** Hover text for the name at (line, column), both 1-based. */
export function pythonHover(source: string, lineNo: number, column: number): PyHover | null {
  const line = source.split("\n")[lineNo - 1] ?? "";
  const at = column - 1;
  let a = at;
  let b = at;
  while (a > 0 && /\w/.test(line[a - 1]!)) a--;
  while (b < line.length && /\w/.test(line[b]!)) b++;
  if (a === b) return null;
  const word = line.slice(a, b);
  let chainStart = a;
  while (chainStart > 0 && /[\w.]/.test(line[chainStart - 1]!)) chainStart--;
  const chain = line.slice(chainStart, b);
  const range = { startColumn: a + 1, endColumn: b + 1 };

  // A module path on an import line: its prefix up to this word.
  if (/^\s*(from|import)\s/.test(line) && chain.startsWith("synapse") && /^\s*(from|import)\s+$/.test(line.slice(0, chainStart))) {
    const m = PY_MODULES[chain];
    return m ? { contents: fence(`module ${chain}`, m.doc), ...range } : null;
  }
  const imported = /^\s*from\s+([\w.]+)\s+import\s/.exec(line);
  if (imported && chain === word && a >= imported[0].length && !PY_MODULES[imported[1]!]?.names.includes(word)) return null;

  if (chain === word) {
    if (PY_CLASSES[word]) return { contents: fence(`class ${word}  # ${publicModule(word)}`, PY_CLASSES[word].doc), ...range };
    if (PY_NAMES[word]) return { contents: fence(`class ${word}  # ${publicModule(word)}`, PY_NAMES[word]), ...range };
    return null;
  }
  const receiver = chain.slice(0, chain.length - word.length - 1);
  const r = receiverOf(receiver, source, lineNo);
  let owner: string | null = null;
  let member: PyMember | undefined;
  if (r) {
    owner = r.cls;
    member = PY_CLASSES[r.cls]!.members.find((m) => m.name === word);
  } else {
    // An unknown receiver: a name only one class has is still that class's member.
    const found = Object.entries(PY_CLASSES).flatMap(([c, cls]) => cls.members.filter((m) => m.name === word).map((m) => [c, m] as const));
    if (found.length === 1) [owner, member] = found[0]!;
  }
  if (!owner || !member) return null;
  return { contents: fence(`${owner}.${pySignature(member)}`, member.doc), ...range };
}
