// Module references (`module: router.ts`, `module: lib/team.ts#TeamRouter`): one
// validator for the scenario parser (browser and CLI alike) and the exports. A
// reference is text from a stranger's link that ends up in file lookups and in an
// exported homeserver.yaml, so only plain relative file names are accepted: no line
// breaks or control characters, no `..`, no absolute paths or backslashes.

export interface ModuleRef {
  /** The file part as written ("./lib/team.ts"; names the same file as "lib/team.ts"). */
  file: string;
  /** The export after '#', or "default". */
  export: string;
}

const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
const EXPORT_NAME = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const MAX_REF = 200;

/** Shows a reference in a message on one line, whatever it contains. */
export function showRef(spec: string): string {
  return JSON.stringify(spec.length > 80 ? spec.slice(0, 80) + "…" : spec);
}

const PY_DOTTED = /^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*\.[A-Z]\w*$/;

/**
 * homeserver.yaml's form `my_router.ExamplePresenceRouter` (Python: module path, then
 * the class, capitalised as classes are): the file my_router.py, export
 * ExamplePresenceRouter. `pkg.mod.Class` is
 * pkg/mod.py. A name ending in .ts or .js is a file, as before.
 */
function pythonDotted(spec: string): { ok: true; ref: ModuleRef } | null {
  if (!PY_DOTTED.test(spec) || /\.(ts|js|py)$/.test(spec)) return null;
  const parts = spec.split(".");
  const cls = parts.pop()!;
  return { ok: true, ref: { file: `${parts.join("/")}.py`, export: cls } };
}

/** Parses a module reference, or says what is wrong with it (one sentence, no location). */
export function parseModuleRef(spec: string): { ok: true; ref: ModuleRef } | { ok: false; message: string } {
  const bad = (why: string) => ({ ok: false as const, message: `module ${showRef(spec)} ${why}` });
  if (/[\u0000-\u001f\u007f\u2028\u2029]/.test(spec)) return bad("contains a line break or control character; write the file name on one line, e.g. router.ts");
  if (spec.length > MAX_REF) return bad(`is longer than ${MAX_REF} characters`);
  const dotted = pythonDotted(spec.trim());
  if (dotted) return dotted;
  const hash = spec.indexOf("#");
  const file = (hash < 0 ? spec : spec.slice(0, hash)).trim();
  const exp = hash < 0 ? "default" : spec.slice(hash + 1).trim();
  if (!/\.(ts|js|py)$/.test(file) || file.length < 4) {
    return { ok: false, message: `module must name a .ts, .js or .py file, e.g. router.ts, router.ts#MyRouter or my_router.MyRouter (my_router.py), got ${showRef(spec)}` };
  }
  if (file.endsWith(".py") && hash < 0) {
    return bad("names a Python file but no class: write router.py#MyRouter, or router.MyRouter as in homeserver.yaml");
  }
  if (file.startsWith("/") || file.includes("\\")) return bad("must be a path relative to scenario.yaml with / between folders, e.g. lib/router.ts");
  const segments = file.replace(/^\.\//, "").split("/");
  if (segments.some((s) => s === "..")) return bad("leaves the scenario's folder (..): module files must be next to scenario.yaml or below it");
  if (!segments.every((s) => SEGMENT.test(s))) return bad("may only use letters, digits, _ . - in file and folder names");
  if (!EXPORT_NAME.test(exp)) return { ok: false, message: `${showRef(exp)} after # must be the name of an export, e.g. router.ts#MyRouter` };
  return { ok: true, ref: { file, export: exp } };
}
