// The engine's parts can be loaded and tested alone: no runtime import cycle in
// src/engine (type-only imports are erased and do not count). The same check as
// `npx madge --circular` with skipTypeImports, without the dependency.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ENGINE = join(import.meta.dirname, "..", "..", "src", "engine");

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : d.name.endsWith(".ts") ? [join(dir, d.name)] : []));
}

/** Relative runtime imports of a file: `import type …` and all-`type` specifier lists skipped. */
function runtimeImports(source: string): string[] {
  const out: string[] = [];
  const re = /^\s*(import|export)\s+(type\s+)?([^;]*?)\s*from\s*"(\.[^"]+)";/gms;
  for (const m of source.matchAll(re)) {
    if (m[2]) continue;
    const names = /^\{([^}]*)\}$/.exec(m[3].trim());
    if (names && names[1].split(",").map((x) => x.trim()).filter(Boolean).every((x) => x.startsWith("type "))) continue;
    out.push(m[4]);
  }
  return out;
}

function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const visit = (f: string) => {
    state.set(f, 1);
    stack.push(f);
    for (const g of graph.get(f) ?? []) {
      if (state.get(g) === 1) found.push([...stack.slice(stack.indexOf(g)), g]);
      else if (!state.has(g)) visit(g);
    }
    stack.pop();
    state.set(f, 2);
  };
  for (const f of graph.keys()) if (!state.has(f)) visit(f);
  return found;
}

describe("engine module graph", () => {
  it("the import parser skips type-only imports", () => {
    expect(runtimeImports('import type { A } from "./a.ts";\nimport { type B, type C } from "./b.ts";\nimport { d, type E } from "./d.ts";\nexport { f } from "./f.ts";')).toEqual(["./d.ts", "./f.ts"]);
  });
  it("has no runtime import cycle (handler → fanout → federation → inbound → handler was one)", () => {
    const graph = new Map<string, string[]>();
    for (const f of files(ENGINE)) {
      const deps = runtimeImports(readFileSync(f, "utf8")).map((d) => resolve(dirname(f), d)).filter((d) => d.startsWith(ENGINE));
      graph.set(f, deps);
    }
    expect(graph.size).toBeGreaterThan(20);
    expect(cycles(graph).map((c) => c.map((f) => relative(ENGINE, f)).join(" → "))).toEqual([]);
  });
});
