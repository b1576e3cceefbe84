// Engine traces of two examples (npm run sim -- examples/<name>/scenario.yaml --format json),
// frozen as fixtures: the checker must find exactly the bugs the buggy example teaches.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkConsistency } from "../../src/analysis/consistency.ts";
import type { Trace } from "../../src/trace/types.ts";

const load = (name: string): Trace => JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), "utf8"));

describe("consistency on engine traces", () => {
  it("R64/S6 buggy-disagreeing-router: Bob woken but not shown Alice, Carol shown but never woken", () => {
    const f = checkConsistency(load("buggy-disagreeing-router"));
    expect(f.map((x) => [x.severity, x.kind, x.viewer, x.source, x.module])).toEqual([
      ["warning", "woken_not_visible", "@bob:example.org", "@alice:example.org", "router.ts"],
      ["warning", "visible_not_woken", "@carol:example.org", "@alice:example.org", "router.ts"],
    ]);
  });

  it("R64 federated-routers: routers on both sides agree, no findings", () => {
    expect(checkConsistency(load("federated-routers"))).toEqual([]);
  });
});
