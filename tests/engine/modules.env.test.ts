// The deterministic ModuleEnv given to each module file (DEVELOPERS.md "Determinism").
import { describe, expect, it } from "vitest";
import { createModuleEnv, formatArgs, loadModules } from "../../src/engine/modules/index.ts";
import { UserPresenceState } from "../../src/engine/state.ts";
import type { TraceEvent } from "../../src/trace/types.ts";
import { entry, hostFromModules, loadOptions, recordingServerApi, START } from "./support/host.ts";

function env(seed: number, server = "example.org", module = "router.ts") {
  const events: TraceEvent[] = [];
  const api = recordingServerApi(server);
  return { env: createModuleEnv({ api, emit: (e) => events.push(e), seed, module }), events, api };
}
const draws = (f: () => number) => Array.from({ length: 5 }, f);

describe("ModuleEnv", () => {
  it("random() is seeded: same (seed, server, file) → same sequence, in [0, 1)", () => {
    const a = draws(env(7).env.random);
    expect(draws(env(7).env.random)).toEqual(a);
    expect(a.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(a).size).toBe(5);
    expect(draws(env(8).env.random)).not.toEqual(a);
    expect(draws(env(7, "matrix.org").env.random)).not.toEqual(a);
    expect(draws(env(7, "example.org", "other.ts").env.random)).not.toEqual(a);
  });

  it("now() is the simulated clock", async () => {
    const { env: e, api } = env(1);
    expect(e.now()).toBe(START);
    await api.advance(1234);
    expect(e.now()).toBe(START + 1234);
  });

  it("console writes log events tagged with server and module, levels mapped", async () => {
    const { env: e, events, api } = env(1);
    await api.advance(500);
    e.console("log", ["hello", 1, { a: [1, 2] }]);
    e.console("info", ["i"]);
    e.console("warn", ["w"]);
    e.console("error", ["e"]);
    e.console("debug", ["d"]);
    expect(events).toEqual([
      { at: 500, server: "example.org", type: "log", level: "info", message: 'hello 1 {"a": [1, 2]}', module: "router.ts" },
      { at: 500, server: "example.org", type: "log", level: "info", message: "i", module: "router.ts" },
      { at: 500, server: "example.org", type: "log", level: "warning", message: "w", module: "router.ts" },
      { at: 500, server: "example.org", type: "log", level: "error", message: "e", module: "router.ts" },
      { at: 500, server: "example.org", type: "log", level: "debug", message: "d", module: "router.ts" },
    ]);
  });

  it("console formats Sets, Maps, errors, cycles and hostile values readably", () => {
    const cyc: Record<string, unknown> = { n: 1 };
    cyc.self = cyc;
    const hostile = new Proxy({}, { ownKeys() { throw new Error("x"); } });
    expect(formatArgs([new Set(["@a:x", "@b:x"])])).toBe('Set(2) {"@a:x", "@b:x"}');
    expect(formatArgs([new Map([["k", new Set([1])]])])).toBe('Map(1) {"k" => Set(1) {1}}');
    expect(formatArgs([new TypeError("bad")])).toBe("TypeError: bad");
    expect(formatArgs([cyc])).toBe('{"n": 1, "self": [Circular]}');
    expect(formatArgs([null, undefined, "s"])).toBe("null undefined s");
    expect(formatArgs([hostile])).toContain("unreadable");
    expect(formatArgs([UserPresenceState.default("@a:x")])).toBe(
      'UserPresenceState {"user_id": "@a:x", "state": "offline", "last_active_ts": 0, "last_federation_update_ts": 0, "last_user_sync_ts": 0, "status_msg": null, "currently_active": false}',
    );
  });

  it("the host receives one env per module file; console from module code is traced", async () => {
    const host = hostFromModules({
      "r.ts": (env) => {
        env.console("log", ["loaded", env.now()]);
        return { default: class {} };
      },
    });
    const opts = loadOptions(host, [entry("r.ts")]);
    await loadModules(opts);
    expect(opts.events).toEqual([{ at: 0, server: "example.org", type: "log", level: "info", message: `loaded ${START}`, module: "r.ts" }]);
  });
});
