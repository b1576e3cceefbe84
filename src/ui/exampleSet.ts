// An example as the app uses it, and how one is assembled from its folder's files (pure:
// the callers pass Vite's raw globs). The first chunk holds only the default example
// (defaultExample.ts); every other one loads with the lessons (content.ts, lazy.ts).
import { SCENARIO_FILE } from "./store.ts";

export interface Example {
  name: string;
  /** The README's first line, without the leading '#'. */
  title: string;
  readme: string;
  files: Record<string, string>;
  scenario: string;
  /** Its scenario is generated (examples-generated/): the size of the world, for the card. */
  generated?: { users: number; servers: number };
}

/** The example a first visit opens; its run is shipped with the build (virtual:default-run). */
export const DEFAULT_EXAMPLE = "buddy-list-router";

/** Groups `…/examples/<name>/<file>` texts by folder: README title, module files, scenario. */
export function collectExamples(raw: Record<string, string>): Map<string, Example> {
  const byName = new Map<string, Example>();
  for (const [path, text] of Object.entries(raw)) {
    const m = /examples(?:-generated)?\/([^/]+)\/([^/]+)$/.exec(path);
    if (!m) continue;
    const [, name, file] = m as unknown as [string, string, string];
    let ex = byName.get(name);
    if (!ex) {
      ex = { name, title: name, readme: "", files: {}, scenario: "" };
      byName.set(name, ex);
    }
    if (file === SCENARIO_FILE) ex.scenario = text;
    else if (file === "README.md") {
      ex.readme = text;
      const first = text.split("\n").find((l) => l.trim() !== "");
      if (first) ex.title = first.replace(/^#+\s*/, "").trim();
    } else if (file.endsWith(".ts") || file.endsWith(".py")) ex.files[file] = text;
  }
  return byName;
}
