// Exports of the playground's state as files: the project as a .zip (module files +
// scenario.yaml + README.txt, runnable with the headless runner), and a homeserver.yaml
// snippet in the real Synapse config shape for one server of the scenario. Pure: no DOM,
// so Node tests run it too. Everything written comes from a scenario that may come from
// a stranger's link: YAML is emitted by the yaml library (values and comments), module
// references are checked by the scenario's own validator, zip entry names by the link
// schema's file-name rule.
import { strToU8, zipSync } from "fflate";
import { Document, parse as parseYaml } from "yaml";
import { parseModuleRef } from "../scenario/moduleRef.ts";
import { FILE_NAME } from "./schema.ts";

export const SCENARIO_NAME = "scenario.yaml";

export function readmeText(files: string[]): string {
  return [
    "Presence Router Playground export",
    "=================================",
    "",
    "Files:",
    ...files.map((f) => `  ${f}`),
    `  ${SCENARIO_NAME}   the scenario: homeservers, users, rooms, steps, expectations`,
    "",
    "Before you run it: the module files are code. If this zip came from someone else,",
    "read them first, as you would any program from a stranger. The playground's headless",
    "runner treats them as untrusted (a separate Node process under Node's permission",
    "model: no file reads or writes, no child processes, no network APIs, a time budget),",
    "but it cannot vouch for what the code is meant to do, and the results are only as",
    "honest as the modules. `npm run sim -- --help` says what it does and does not protect.",
    "",
    "Run it with the playground's headless runner (from a checkout of the playground):",
    "",
    `  npm run sim -- path/to/this/folder/${SCENARIO_NAME}`,
    `  npm run --silent sim -- path/to/this/folder/${SCENARIO_NAME} --format json > trace.json`,
    "",
    "The runner prints the same run trace the playground shows (--format json gives the",
    "exact trace JSON, the same as the playground's \"Download run trace (JSON)\").",
    "Exit code: 0 all expectations pass, 1 one fails, 2 bad input.",
    "",
    "Module paths in scenario.yaml (`module: router.ts`) are relative to scenario.yaml.",
    "",
  ].join("\n");
}

/** The whole project as a zip: every module file, scenario.yaml and README.txt. */
export function buildZip(files: Array<[string, string]>, scenario: string): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const [name, text] of files) {
    // No folders, no "..", no line breaks: an entry name can never land outside the folder.
    if (!FILE_NAME.test(name)) throw new Error(`cannot export a module file named ${JSON.stringify(name)}`);
    entries[name] = strToU8(text);
  }
  entries[SCENARIO_NAME] = strToU8(scenario);
  entries["README.txt"] = strToU8(readmeText(files.map(([n]) => n)));
  // Fixed mtime: the same state always gives the same bytes.
  return zipSync(entries, { level: 6, mtime: new Date("2026-01-01T00:00:00Z") });
}

/** Server names in scenario order, or an error message when the YAML does not parse. */
export function scenarioServers(scenario: string): { servers: string[]; error: string | null } {
  try {
    const doc = parseYaml(scenario) as unknown;
    const servers = isObj(doc) && isObj(doc.servers) ? Object.keys(doc.servers) : [];
    return { servers, error: servers.length ? null : "The scenario defines no servers." };
  } catch (e) {
    return { servers: [], error: `scenario.yaml does not parse: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}` };
  }
}

export function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * A Python-ish module path for a TS module reference: `router.ts` + its default export
 * class `TeamRouter` → `router.TeamRouter`; `my-mod.ts#Other` → `my_mod.Other`.
 */
/** A reference to a Python module (`router.Cls`, `router.py#Cls`): Synapse loads it as it is. */
export function isPythonRef(ref: string): boolean {
  const parsed = parseModuleRef(ref);
  return parsed.ok && parsed.ref.file.endsWith(".py");
}

/** The .py file a Python reference names (`router.Cls` → router.py). */
export function pythonFile(ref: string): string {
  const parsed = parseModuleRef(ref);
  return parsed.ok ? parsed.ref.file.replace(/^\.\//, "") : ref;
}

export function pythonModulePath(ref: string, files: Record<string, string>): string {
  const parsed = parseModuleRef(ref);
  if (parsed.ok && parsed.ref.file.endsWith(".py")) {
    return `${parsed.ref.file.replace(/^\.\//, "").replace(/\.py$/, "").split("/").join(".")}.${parsed.ref.export}`;
  }
  const [file = "", exp] = ref.split("#");
  const base = file.replace(/^.*\//, "").replace(/\.(ts|js)$/, "");
  let mod = base.replace(/[^A-Za-z0-9_]/g, "_");
  if (!/^[A-Za-z_]/.test(mod)) mod = "_" + mod;
  let cls = exp && exp !== "default" ? exp : null;
  if (!cls) {
    const src = Object.hasOwn(files, file) ? files[file] : (Object.hasOwn(files, file.replace(/^\.\//, "")) ? files[file.replace(/^\.\//, "")] : "");
    const m = /export\s+default\s+class\s+([A-Za-z_$][\w$]*)/.exec(src) ?? /export\s+default\s+([A-Za-z_$][\w$]*)\s*;/.exec(src);
    cls = m?.[1] ?? "PresenceRouter";
  }
  return `${mod}.${cls}`;
}

const TIMERS = ["last_active_granularity", "sync_online_timeout", "idle_timeout"] as const;
/** Settings that exist in Synapse's homeserver.yaml, copied as given. */
const PASSTHROUGH = ["exclude_rooms_from_presence", "rc_presence", "experimental_features", "federation_domain_whitelist"] as const;

/** A value shown in a comment, always on one line (YAML also breaks lines at \r, U+0085, U+2028/9). */
function oneLine(v: unknown): string {
  const t = String(v);
  if (/^[\x20-\x7e]*$/.test(t)) return t;
  return JSON.stringify(t).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** A scenario `module:` value, checked by the scenario's own validator (moduleRef.ts). */
function moduleRef(value: unknown, path: string): string | null {
  if (typeof value !== "string") return null;
  const r = parseModuleRef(value);
  if (!r.ok) throw new Error(`scenario.yaml: ${r.message} (${path})`);
  return value;
}

/** What the header says about each module: Python ones are ready, TypeScript ones need a port. */
function moduleNotes(refs: string[], files: Record<string, string>): string[] {
  if (!refs.length) return ["  (this server loads no modules)"];
  const py = refs.filter(isPythonRef);
  const ts = refs.filter((r) => !isPythonRef(r));
  const out: string[] = [];
  if (py.length) {
    out.push("Python modules, loaded by Synapse as they are: put each file on Synapse's", "PYTHONPATH (or pip install the package from Export > Python module as a pip package):");
    out.push(...py.map((m) => `  ${pythonModulePath(m, files)}  (${oneLine(pythonFile(m))})`));
  }
  if (ts.length) {
    if (out.length) out.push("");
    out.push("The playground runs TypeScript; Synapse loads Python. Port each module below to a", "Python class with the same name, on Synapse's PYTHONPATH, before using this config:");
    out.push(...ts.map((m) => `  ${oneLine(m)}  ->  ${pythonModulePath(m, files)}`));
  }
  return out;
}

/**
 * The homeserver.yaml snippet for one server: the `presence:` block (enabled,
 * include_offline_users_on_sync, presence_router) and the `modules:` list, in Synapse's
 * shape. Throws an Error with a plain message when the scenario or server is unusable.
 */
export function homeserverYaml(scenario: string, server: string, files: Record<string, string>): string {
  let doc: unknown;
  try {
    doc = parseYaml(scenario);
  } catch (e) {
    throw new Error(`scenario.yaml does not parse: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`);
  }
  if (!isObj(doc) || !isObj(doc.servers)) throw new Error("scenario.yaml has no `servers:` map.");
  if (!Object.hasOwn(doc.servers, server)) throw new Error(`scenario.yaml has no server '${oneLine(server)}'.`);
  const s = isObj(doc.servers[server]) ? doc.servers[server] : {};
  const p = isObj(s.presence) ? s.presence : {};
  const at = `servers.${oneLine(server)}`;

  const presence: Record<string, unknown> = {
    enabled: p.enabled ?? true,
    include_offline_users_on_sync: p.include_offline_users_on_sync ?? false,
  };
  const ported: string[] = [];
  const router = isObj(p.presence_router) ? moduleRef(p.presence_router.module, `${at}.presence.presence_router.module`) : null;
  if (router !== null && isObj(p.presence_router)) {
    ported.push(router);
    presence.presence_router = { module: pythonModulePath(router, files), config: p.presence_router.config ?? {} };
  }
  const modules: Array<Record<string, unknown>> = [];
  if (Array.isArray(s.modules)) {
    s.modules.forEach((m: unknown, i) => {
      const ref = isObj(m) ? moduleRef(m.module, `${at}.modules[${i}].module`) : null;
      if (ref === null || !isObj(m)) return;
      ported.push(ref);
      modules.push({ module: pythonModulePath(ref, files), config: m.config ?? {} });
    });
  }
  const out: Record<string, unknown> = { presence };
  if (modules.length) out.modules = modules;
  for (const k of PASSTHROUGH) if (Object.hasOwn(s, k)) out[k] = s[k];

  const timers = TIMERS.filter((k) => Object.hasOwn(p, k)).map((k) => `  ${k}: ${oneLine(p[k])}`);
  const header = [
    `homeserver.yaml snippet for ${oneLine(server)}, exported from the Presence Router Playground.`,
    "",
    ...moduleNotes([...new Set(ported)], files),
    ...(timers.length
      ? ["", "Presence timers given in the scenario (Synapse hard-codes these in", "synapse/handlers/presence.py; they are not homeserver.yaml settings):", ...timers]
      : []),
  ];
  // The yaml library writes the comment (every line prefixed with #) and every value. A
  // blank comment line must be " ": the library writes "" as an empty line, not "#", and
  // the header is one comment block when pasted into an existing homeserver.yaml.
  const yamlDoc = new Document(out);
  yamlDoc.commentBefore = header.map((l) => ` ${l}`).join("\n");
  return yamlDoc.toString({ lineWidth: 0 });
}
