// The examples shipped with the build: every examples/<name>/ folder, its files imported
// as raw text (Vite `?raw`), so the default example works offline and without a fetch.
// examples-generated/<name>/ holds a README and modules whose world is too big to ship
// as text (1.1 MB of YAML for 10,000 users): its scenario is generated from a seeded shape
// (src/scenario/generate.ts) the first time something reads it.
import { SCENARIO_FILE } from "./store.ts";
import { generateWorld, SCALE_WORLD, type WorldShape } from "../scenario/generate.ts";

const raw = import.meta.glob("../../examples/*/*.{ts,py,yaml,md}", {
  query: "?raw",
  import: "default",
  eager: true,
}) as Record<string, string>;

const rawGenerated = import.meta.glob("../../examples-generated/*/*.{ts,py,md}", {
  query: "?raw",
  import: "default",
  eager: true,
}) as Record<string, string>;

/** The world of each examples-generated/<name>/ folder. */
const WORLDS: Record<string, WorldShape> = {
  "scale-10k-users": { ...SCALE_WORLD, routerConfig: (inbox) => `{ inbox: ${JSON.stringify(inbox)} }` },
};

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

export const DEFAULT_EXAMPLE = "buddy-list-router";

function collect(): Example[] {
  const byName = new Map<string, Example>();
  for (const [path, text] of [...Object.entries(raw), ...Object.entries(rawGenerated)]) {
    const m = /examples(?:-generated)?\/([^/]+)\/([^/]+)$/.exec(path);
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
  for (const [name, shape] of Object.entries(WORLDS)) {
    const ex = byName.get(name);
    if (ex) byName.set(name, withGeneratedScenario(ex, shape));
  }
  return [...byName.values()]
    .filter((e) => e.generated !== undefined || e.scenario !== "")
    .sort((a, b) => (a.name === DEFAULT_EXAMPLE ? -1 : b.name === DEFAULT_EXAMPLE ? 1 : a.name.localeCompare(b.name)));
}

export const EXAMPLES: Example[] = collect();

export function findExample(name: string): Example | undefined {
  return EXAMPLES.find((e) => e.name === name);
}

/** The example with its scenario generated from `shape` on first read (~60 ms), then kept. */
function withGeneratedScenario(ex: Example, shape: WorldShape): Example {
  let text: string | null = null;
  return {
    ...ex,
    generated: { users: shape.users, servers: shape.servers },
    get scenario() {
      return (text ??= generateWorld(shape));
    },
  };
}
