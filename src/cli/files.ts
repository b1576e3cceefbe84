// A scenario's module files on disk (the collection itself is the pipeline's, src/pipeline/modules.ts).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Scenario } from "../scenario/types.ts";
import { collectModuleFiles as collect, type CollectedFiles } from "../pipeline/index.ts";

export type ModuleFiles = CollectedFiles;

/** A file's text by its scenario-relative name, from disk under `dir` (null: unreadable). */
export function diskReader(dir: string): (name: string) => string | null {
  return (name) => {
    try {
      return readFileSync(join(dir, name), "utf8");
    } catch {
      return null;
    }
  };
}

/** `read` gives a file's text by its scenario-relative name (default: from disk under `dir`). */
export function collectModuleFiles(scenario: Scenario, dir: string, read: (name: string) => string | null = diskReader(dir)): ModuleFiles {
  return collect(scenario, read);
}
