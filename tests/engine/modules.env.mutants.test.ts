// The module env's determinism and console in detail: the seed hash is stable across
// versions (a shared link replays the same Math.random draws), console levels, the
// run's console limit, and `at` offsets.
import { describe, expect, it } from "vitest";
import { createModuleEnv, hashSeed, mulberry32, traceAt } from "../../src/engine/modules/env.ts";
import type { TraceEvent } from "../../src/trace/types.ts";
import { recordingServerApi, START } from "./support/host.ts";

describe("hashSeed (seed of a module's Math.random)", () => {
  it("is stable: the same (seed, server, file) gives the same draws in every version", () => {
    expect(hashSeed(1, "example.org", "router.ts")).toBe(1046217202);
    expect(hashSeed(0)).toBe(84696351);
    expect(hashSeed(7, "")).toBe(3530520795);
    const r = mulberry32(hashSeed(1, "example.org", "router.ts"));
    expect([r(), r()]).toEqual([0.8564878429751843, 0.04303717543371022]);
  });

  it("the seed is read as 32 bits; the parts are separated (('ab','c') ≠ ('a','bc'))", () => {
    expect(hashSeed(2 ** 32 + 5, "a")).toBe(hashSeed(5, "a"));
    expect(hashSeed(1, "ab", "c")).not.toBe(hashSeed(1, "a", "bc"));
    expect(hashSeed(1, "a", "")).not.toBe(hashSeed(1, "a"));
    expect(hashSeed(1, "ab")).not.toBe(hashSeed(1, "ba"));
  });
});

describe("traceAt", () => {
  it("an offset from the scenario start; the absolute time when the server has no start", async () => {
    const api = recordingServerApi();
    await api.advance(250);
    expect(traceAt(api)).toBe(250);
    expect(traceAt({ ...api, start_time: undefined })).toBe(START + 250);
  });
});

describe("ModuleEnv console", () => {
  it("an unknown console level is logged as info", () => {
    const events: TraceEvent[] = [];
    const env = createModuleEnv({ api: recordingServerApi(), emit: (e) => events.push(e), seed: 1, module: "r.ts" });
    env.console("trace" as "log", ["t"]);
    expect(events).toEqual([{ at: 0, server: "example.org", type: "log", level: "info", message: "t", module: "r.ts" }]);
  });

  it("once the run's console limit is reached, later output is neither recorded nor formatted", () => {
    let offered = 0;
    let formatted = 0;
    const env = createModuleEnv({ api: recordingServerApi(), emit: () => ++offered < 2, seed: 1, module: "r.ts" });
    const value = { get x() { formatted++; return 1; } };
    env.console("log", [value]); // recorded
    env.console("log", [value]); // over the limit: the recorder says no
    env.console("log", [value]); // not even offered
    expect(offered).toBe(2);
    expect(formatted).toBe(2);
  });
});
