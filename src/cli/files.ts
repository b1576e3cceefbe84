// Finding a scenario's module files on disk: the files its servers name
// (servers.*.modules[].module, presence.presence_router.module), plus every local file
// they import, transitively. Keys are paths relative to the scenario's folder, which is
// how the scenario and the compiler name them.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ModuleEntry, Scenario } from "../scenario/types.ts";
import { candidatePaths, normalizePath, relativeImports } from "../compile/paths.ts";

export function moduleEntries(scenario: Scenario): ModuleEntry[] {
  const out: ModuleEntry[] = [];
  for (const s of scenario.servers) {
    out.push(...s.modules);
    if (s.presence.presence_router) out.push(s.presence.presence_router);
  }
  return out;
}

function tryRead(path: string): string | null {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return null;
  }
}

export interface ModuleFiles {
  /** Source by file name (relative to the scenario folder, POSIX separators). */
  files: Record<string, string>;
  /** Entries as the scenario writes them (the compiler's and host's keys). */
  entries: string[];
  /** Entries whose file does not exist. */
  missing: ModuleEntry[];
}

/** `read` gives a file's text by its scenario-relative name (default: from disk under `dir`). */
export function collectModuleFiles(scenario: Scenario, dir: string, read: (name: string) => string | null = (n) => tryRead(join(dir, n))): ModuleFiles {
  const files: Record<string, string> = {};
  const entries: string[] = [];
  const missing: ModuleEntry[] = [];
  const queue: string[] = [];
  for (const e of moduleEntries(scenario)) {
    if (entries.includes(e.file)) continue;
    const name = normalizePath(e.file);
    const text = Object.prototype.hasOwnProperty.call(files, name) ? files[name] : read(name);
    if (text === null) {
      missing.push(e);
      continue;
    }
    entries.push(e.file);
    if (!Object.prototype.hasOwnProperty.call(files, name)) {
      files[name] = text;
      queue.push(name);
    }
  }
  // Imports: the first candidate that exists on disk, as the compiler would pick it.
  while (queue.length) {
    const importer = queue.shift()!;
    for (const spec of relativeImports(files[importer])) {
      for (const c of candidatePaths(importer, spec)) {
        if (Object.prototype.hasOwnProperty.call(files, c)) break;
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
