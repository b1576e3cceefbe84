// The examples shipped with the build: every examples/<name>/ folder, its files imported
// as raw text (Vite `?raw`), so the default example works offline and without a fetch.
import { SCENARIO_FILE } from "./store.ts";

const raw = import.meta.glob("../../examples/*/*.{ts,py,yaml,md}", {
  query: "?raw",
  import: "default",
  eager: true,
}) as Record<string, string>;

export interface Example {
  name: string;
  /** The README's first line, without the leading '#'. */
  title: string;
  readme: string;
  files: Record<string, string>;
  scenario: string;
}

export const DEFAULT_EXAMPLE = "buddy-list-router";

function collect(): Example[] {
  const byName = new Map<string, Example>();
  for (const [path, text] of Object.entries(raw)) {
    const m = /examples\/([^/]+)\/([^/]+)$/.exec(path);
    if (!m) continue;
    const [, name, file] = m;
    let ex = byName.get(name!);
    if (!ex) {
      ex = { name: name!, title: name!, readme: "", files: {}, scenario: "" };
      byName.set(name!, ex);
    }
    if (file === SCENARIO_FILE) ex.scenario = text;
    else if (file === "README.md") {
      ex.readme = text;
      const first = text.split("\n").find((l) => l.trim() !== "");
      if (first) ex.title = first.replace(/^#+\s*/, "").trim();
    } else if (file!.endsWith(".ts") || file!.endsWith(".py")) ex.files[file!] = text;
  }
  return [...byName.values()]
    .filter((e) => e.scenario !== "")
    .sort((a, b) => (a.name === DEFAULT_EXAMPLE ? -1 : b.name === DEFAULT_EXAMPLE ? 1 : a.name.localeCompare(b.name)));
}

export const EXAMPLES: Example[] = collect();

export function findExample(name: string): Example | undefined {
  return EXAMPLES.find((e) => e.name === name);
}
