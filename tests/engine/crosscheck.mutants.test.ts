// The active cross-check's engine side (src/engine/crosscheck.ts), alone: which instants
// are probed, when the check is skipped and why, and what each probe asks (R64, R1).
import { describe, expect, it } from "vitest";
import { crossCheckRun, defaultInstants, MAX_PROBE_CALLS, PROBE_STATES } from "../../src/engine/crosscheck.ts";
import { scenario, type Spec } from "./support/build.ts";
import { hostFromModules, modernRouterFiles } from "./support/host.ts";
import type { UserPresenceState } from "../../src/engine/state.ts";

const steps = (kinds: Array<[number, string]>) => ({ steps: kinds.map(([at, kind]) => ({ at, kind })) }) as never;

describe("defaultInstants", () => {
  it("R64 the start, each membership/module_api step (not presence), the end, sorted and once each", () => {
    expect(defaultInstants(steps([[9, "module_api"], [3, "presence"], [7, "membership"], [7, "membership"]]), 100)).toEqual([0, 7, 9, 100]);
    expect(defaultInstants(steps([]), 50)).toEqual([0, 50]);
    expect(defaultInstants(steps([[0, "membership"]]), 0)).toEqual([0]);
  });

  it("at most 8 instants before the end: the 8th is taken, the 9th is not", () => {
    const ten = steps(Array.from({ length: 10 }, (_, i) => [i + 1, "membership"] as [number, string]));
    expect(defaultInstants(ten, 100)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 100]);
    const seven = steps(Array.from({ length: 7 }, (_, i) => [i + 1, "module_api"] as [number, string]));
    expect(defaultInstants(seven, 100)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 100]);
  });
});

/** A router that records what it was asked; routes every update to @w and lets @w see everyone. */
function recordingRouter() {
  const asked: Array<[string, string]> = [];
  const interest: string[] = [];
  const files = modernRouterFiles([
    {
      get_users_for_states: async (states: Iterable<UserPresenceState>) => {
        const list = [...states];
        for (const s of list) asked.push([s.user_id, s.state]);
        return new Map([["@w:a.org", new Set(list)]]);
      },
      get_interested_users: async (u: string) => {
        interest.push(u);
        return u === "@w:a.org" ? "ALL" : new Set(["@x:a.org"]);
      },
    },
  ]);
  return { asked, interest, host: hostFromModules(files) };
}

function world(extra: Partial<Spec> = {}) {
  return scenario({
    servers: { "a.org": { modules: ["m0.ts"] }, "b.org": {} },
    users: ["@w:a.org", "@x:a.org", "@r:b.org"],
    duration: 60_000,
    ...extra,
  });
}

describe("crossCheckRun", () => {
  it("R1 R64 each probe asks every user in every probe state, and interest for local users only", async () => {
    const r = recordingRouter();
    const out = await crossCheckRun(world(), { host: r.host, instants: [0] });
    expect(PROBE_STATES).toEqual(["online", "unavailable", "offline"]);
    expect(out.skipped).toBeNull();
    expect(out.instants).toEqual([0]);
    expect(r.asked).toEqual(["@w:a.org", "@x:a.org", "@r:b.org"].flatMap((u) => PROBE_STATES.map((s) => [u, s])));
    expect(r.interest).toEqual(["@w:a.org", "@x:a.org"]);
    // Only the server with a router is probed.
    expect(out.probes.map((p) => [p.at, p.server])).toEqual([[0, "a.org"]]);
    expect(out.probes[0]!.routes).toEqual(Object.fromEntries(["@w:a.org", "@x:a.org", "@r:b.org"].flatMap((u) => PROBE_STATES.map((s) => [`${u}\t${s}`, ["@w:a.org"]]))));
    expect(out.probes[0]!.interest).toEqual({ "@w:a.org": "ALL", "@x:a.org": ["@x:a.org"] });
  });

  it("instants outside the run are dropped; the rest are probed in time order", async () => {
    const r = recordingRouter();
    const out = await crossCheckRun(world(), { host: r.host, instants: [60_001, 30_000, -1, 0, 60_000] });
    expect(out.instants).toEqual([0, 30_000, 60_000]);
    expect(out.probes.map((p) => p.at)).toEqual([0, 30_000, 60_000]);
  });

  it("a legacy presence_router counts as a router too", async () => {
    const legacy = hostFromModules({
      "legacy.ts": () => ({
        default: class {
          async get_users_for_states() {
            return new Map();
          }
          async get_interested_users() {
            return new Set();
          }
        },
      }),
    });
    const out = await crossCheckRun(world({ servers: { "a.org": { presence_router: "legacy.ts" }, "b.org": {} } }), { host: legacy, instants: [0] });
    expect(out.skipped).toBeNull();
    expect(out.probes.map((p) => p.server)).toEqual(["a.org"]);
  });

  it("skipped, saying why, when no server has a router", async () => {
    const out = await crossCheckRun(world({ servers: { "a.org": {}, "b.org": {} } }), { host: hostFromModules({}), instants: [0, 5] });
    expect(out).toEqual({ instants: [0, 5], probes: [], skipped: "no server has a presence router" });
  });

  it("skipped when the modules do not load, with the loader's message", async () => {
    const out = await crossCheckRun(world(), { host: hostFromModules({}), instants: [0] });
    expect(out.probes).toEqual([]);
    expect(out.skipped).toMatch(/^the modules did not load: .*m0\.ts/);
  });

  it(`at most ${MAX_PROBE_CALLS} router calls: exactly at the limit it runs, one instant more is skipped`, async () => {
    expect(MAX_PROBE_CALLS).toBe(3000);
    // 3 users × 3 states + 2 local users = 11 calls per instant on a.org (b.org has no router).
    const perInstant = 3 * PROBE_STATES.length + 2;
    expect(perInstant).toBe(11);
    // 11 × 272 = 2,992 ≤ 3,000 < 11 × 273 = 3,003.
    const at = (n: number) => Array.from({ length: n }, (_, i) => i * 100);
    const ok = await crossCheckRun(world(), { host: recordingRouter().host, instants: at(272) });
    expect(ok.skipped).toBeNull();
    expect(ok.probes).toHaveLength(272);
    const over = await crossCheckRun(world(), { host: recordingRouter().host, instants: at(273) });
    expect(over.probes).toEqual([]);
    expect(over.skipped).toBe("3003 router calls would be needed (limit 3000); run it on a smaller world of the same shape");
  });

  it("exactly 3,000 calls is still within the limit", async () => {
    // 25 local users: 25 × 3 + 25 = 100 calls per instant, × 30 instants = 3,000.
    const users = Array.from({ length: 25 }, (_, i) => `@u${i}:a.org`);
    const sc = scenario({ servers: { "a.org": { modules: ["m0.ts"] } }, users, duration: 60_000 });
    const at = (n: number) => Array.from({ length: n }, (_, i) => i * 1000);
    const host = () => hostFromModules(modernRouterFiles([{}]));
    const exact = await crossCheckRun(sc, { host: host(), instants: at(30) });
    expect(exact.skipped).toBeNull();
    const over = await crossCheckRun(sc, { host: host(), instants: at(31) });
    expect(over.skipped).toMatch(/^3100 router calls/);
  });
});
