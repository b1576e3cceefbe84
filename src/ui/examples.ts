// Every example shipped with the build (loaded after the first run or on use, with the
// lessons: content.ts): every examples/<name>/ folder, its files imported as raw text
// (Vite `?raw`), so the examples work offline and without a fetch of their own.
// examples-generated/<name>/ holds a README and modules whose world is too big to ship
// as text (1.1 MB of YAML for 10,000 users): its scenario is generated from a seeded shape
// (src/scenario/generate.ts) the first time something reads it.
import { generateWorld, SCALE_WORLD, type WorldShape } from "../scenario/generate.ts";
import { collectExamples, DEFAULT_EXAMPLE, type Example } from "./exampleSet.ts";
import { defaultExample } from "./defaultExample.ts";

export { DEFAULT_EXAMPLE, type Example } from "./exampleSet.ts";

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

function collect(): Example[] {
  const byName = collectExamples({ ...raw, ...rawGenerated });
  byName.set(DEFAULT_EXAMPLE, defaultExample); // one object for it, whichever chunk asks
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
