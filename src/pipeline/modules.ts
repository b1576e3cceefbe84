// Stage 2: the module files of a scenario: the files its servers name
// (servers.*.modules[].module, presence.presence_router.module), plus, when files come
// from a reader, every local file they import, transitively (.py files: Python's
// imports, src/python/imports.ts). A named file that is not
// there is an error at the scenario's `module:` value.
import type { ModuleEntry, Scenario } from "../scenario/types.ts";
import { createLocator } from "../scenario/pathpos.ts";
import { candidatePaths, normalizePath, relativeImports } from "../compile/paths.ts";
import { pythonImportCandidates } from "../python/imports.ts";
import type { GatheredModules, ModuleFiles, Problem, ValidScenario } from "./types.ts";

const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

export function moduleEntries(scenario: Scenario): ModuleEntry[] {
  const out: ModuleEntry[] = [];
  for (const s of scenario.servers) {
    out.push(...s.modules);
    if (s.presence.presence_router) out.push(s.presence.presence_router);
  }
  return out;
}

export interface CollectedFiles {
  /** Source by file name (relative to the scenario folder, POSIX separators). */
  files: Record<string, string>;
  /** Entries as the scenario writes them (the compiler's and host's keys). */
  entries: string[];
  /** Entries whose file does not exist. */
  missing: ModuleEntry[];
}

/** The named files and their imports, read through `read` (a file's text by name, or null). */
export function collectModuleFiles(scenario: Scenario, read: (name: string) => string | null): CollectedFiles {
  const files: Record<string, string> = {};
  const entries: string[] = [];
  const missing: ModuleEntry[] = [];
  const queue: string[] = [];
  for (const e of moduleEntries(scenario)) {
    if (entries.includes(e.file)) continue;
    const name = normalizePath(e.file);
    const text = own(files, name) ? files[name] : read(name);
    if (text === null) {
      missing.push(e);
      continue;
    }
    entries.push(e.file);
    if (!own(files, name)) {
      files[name] = text;
      queue.push(name);
    }
  }
  // Imports: the first candidate that exists, as the compiler would pick it.
  while (queue.length) {
    const importer = queue.shift()!;
    if (importer.endsWith(".py")) {
      // Python: every candidate that exists (a package and its module are both files).
      for (const c of pythonImportCandidates(importer, files[importer])) {
        if (own(files, c)) continue;
        const text = read(c);
        if (text === null) continue;
        files[c] = text;
        queue.push(c);
      }
      continue;
    }
    for (const spec of relativeImports(files[importer])) {
      for (const c of candidatePaths(importer, spec)) {
        if (own(files, c)) break;
        const text = read(c);
        if (text === null) continue;
        files[c] = text;
        queue.push(c);
        break;
      }
    }
  }
  return { files, entries, missing };
}

/**
 * The files to compile and the entries the scenario names. A file map is compiled
 * whole (a module may import any of its files); a reader is asked only for what is
 * reachable from the named files.
 */
export function gatherModules(parsed: ValidScenario, source: ModuleFiles, moduleLabel: (file: string) => string = (f) => f): GatheredModules {
  const read = typeof source === "function" ? source : (n: string) => (own(source, n) ? source[n] : null);
  const c = collectModuleFiles(parsed.scenario, read);
  const locate = createLocator(parsed.input.text);
  const problems = c.missing.map((m): Problem => {
    const path = `${m.path}.module`;
    const p = locate(path);
    return { file: parsed.input.path, line: p?.line, column: p?.column, path, message: `module file '${m.file}' not found (looked for ${moduleLabel(m.file)})`, severity: "error" };
  });
  return { files: typeof source === "function" ? c.files : source, entries: c.entries, problems };
}
