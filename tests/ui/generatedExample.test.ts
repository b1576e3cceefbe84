// The "10,000 users on 20 servers" example (issue 14 part 4): its README and router ship
// as files (examples-generated/), its 1.1 MB scenario is generated from a seeded shape on
// first read, and its router does what the README says on a smaller world of the same kind.
import * as esbuild from "esbuild";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { EXAMPLES, findExample } from "../../src/ui/examples.ts";
import { exampleCard } from "../../src/ui/gallery/cards.ts";
import { generateWorld, SCALE_WORLD } from "../../src/scenario/generate.ts";
import { run } from "../../src/pipeline/index.ts";
import { checkConsistency } from "../../src/analysis/consistency.ts";

const NAME = "scale-10k-users";

describe("the generated scale example", () => {
  it("is in the gallery with its size; ordinary examples are not marked generated", () => {
    const ex = findExample(NAME)!;
    expect(ex.generated).toEqual({ users: 10_000, servers: 20 });
    expect(exampleCard(ex).size).toBe("10,000 users on 20 servers");
    expect(Object.keys(ex.files)).toEqual(["router.ts"]);
    const plain = EXAMPLES.find((e) => e.name === "buddy-list-router")!;
    expect(plain.generated).toBeUndefined();
    expect(exampleCard(plain).size).toBeNull();
  });

  it("its scenario is the seeded world, generated once and then kept", () => {
    const ex = findExample(NAME)!;
    const first = ex.scenario;
    expect(first).toBe(generateWorld(findWorld()));
    expect(first).not.toBe(generateWorld(SCALE_WORLD)); // the bench's world configures a team router
    expect(first.length).toBeGreaterThan(1_000_000);
    expect(first).toMatch(/^users:\n {2}"@u0:hs0\.example": \{\}$/m);
    expect(ex.scenario).toBe(first);
  });

  it("the same shape gives the same YAML; another seed another world", () => {
    const small = { ...SCALE_WORLD, users: 100, rooms: 20, clients: 10, actions: 50 };
    expect(generateWorld(small)).toBe(generateWorld({ ...small }));
    expect(generateWorld({ ...small, seed: 43 })).not.toBe(generateWorld(small));
  });

  it("R51 R56: on a 400-user world of the same kind, the router sends every update to its server's inbox and never fails", { timeout: 60_000 }, async () => {
    const router = readFileSync(new URL("../../examples-generated/scale-10k-users/router.ts", import.meta.url), "utf8");
    const shape = { ...findWorld(), users: 400, rooms: 60, clients: 40, actions: 200, duration: 120_000 };
    const text = generateWorld(shape);
    expect(text).toContain('config: { inbox: "@u0:hs0.example" }');
    const r = await run({ scenario: { text, path: "scenario.yaml" }, files: { "router.ts": router } }, { esbuild });
    if (r.kind !== "ran") throw new Error(`did not run: ${r.kind}`);
    expect(r.trace.errors).toEqual([]);
    const calls = r.trace.events.filter((e) => e.type === "router_call");
    expect(calls.filter((e) => e.error || e.warnings.length)).toEqual([]);
    // hs0.example's router (inbox @u0): the inbox may see everyone, anyone else nobody extra.
    const on0 = calls.filter((e) => e.server === "hs0.example");
    const interest = on0.filter((e) => e.callback === "get_interested_users");
    expect(interest.find((e) => e.input === "@u0:hs0.example")?.output).toBe("ALL");
    const other = interest.find((e) => e.input !== "@u0:hs0.example")!;
    expect(other.output).toEqual([]);
    // Every update goes to the inbox, and only there.
    const routed = on0.filter((e) => e.callback === "get_users_for_states");
    expect(routed.length).toBeGreaterThan(0);
    for (const e of routed) expect(Object.keys(e.output as object)).toEqual(["@u0:hs0.example"]);
    expect(r.trace.deliveries.some((d) => d.viewer === "@u0:hs0.example" && d.via.includes("router"))).toBe(true);
    // The two callbacks agree: no finding of any kind.
    expect(checkConsistency(r.trace, r.hints)).toEqual([]);
  });
});

/** The example's world, as the gallery generates it. */
function findWorld() {
  return { ...SCALE_WORLD, routerConfig: (inbox: string) => `{ inbox: ${JSON.stringify(inbox)} }` };
}
