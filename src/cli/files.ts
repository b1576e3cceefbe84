// Reading a scenario's module files from disk (which files: src/pipeline/modules.ts).
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";

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

/** How messages name a module file: relative to the working directory, like the scenario path. */
export function cwdLabel(dir: string): (file: string) => string {
  return (file) => relative(process.cwd(), join(dir, file)) || file;
}
