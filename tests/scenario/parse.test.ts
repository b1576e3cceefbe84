import { describe, expect, it } from "vitest";
import { DEFAULT_START_TIME } from "../../src/scenario/types.ts";
import { defaultServer } from "../../src/scenario/validateServers.ts";
import { EXAMPLE, ok, warningsOf, WORLD } from "./helpers.ts";

describe("parseScenario: the documented example and defaults", () => {
  it("parses scenario-format §1's example", () => {
    const s = ok(EXAMPLE);
    expect(s.duration).toBe(600_000);
    expect(s.servers.map((x) => x.name)).toEqual(["example.org", "matrix.org"]);
    const ex = s.servers[0];
    expect(ex.presence.presence_router).toEqual({
      module: "legacy.ts",
      file: "legacy.ts",
      export: "default",
      config: {},
      path: "servers.example.org.presence.presence_router",
    });
    expect(ex.modules).toEqual([
      {
        module: "router.ts",
        file: "router.ts",
        export: "default",
        config: { always_send_to_users: ["@gobbler:example.org"] },
        path: "servers.example.org.modules[0]",
      },
    ]);
    expect(s.users).toEqual([
      { id: "@alice:example.org", devices: ["phone", "laptop"] },
      { id: "@bob:example.org", devices: ["DEV"] },
      { id: "@carol:matrix.org", devices: ["DEV"] },
    ]);
    expect(s.rooms).toEqual([{ id: "!team:example.org", members: ["@alice:example.org", "@carol:matrix.org"] }]);
    expect(s.clients).toEqual([{ user: "@bob:example.org", device: "DEV", set_presence: "online" }]);
    expect(s.steps[0]).toEqual({
      kind: "presence",
      user: "@alice:example.org",
      device: "phone",
      body: { presence: "online", status_msg: "hi" },
      label: null,
      at: 0,
      index: 0,
      path: "steps[0]",
    });
    expect(s.steps[1]).toMatchObject({ kind: "sync", user: "@bob:example.org", device: "DEV", set_presence: "offline", since: undefined, timeout: 0, full_state: false, filter: null, label: "first", at: 10_000 });
  });

  it("R70 R75 §1 defaults match Synapse's when a server is {}", () => {
    const s = ok("servers:\n  hs: {}\n");
    expect(s.servers[0]).toEqual(defaultServer("hs"));
    expect(s.servers[0].presence).toEqual({
      enabled: true,
      include_offline_users_on_sync: false,
      last_active_granularity: 60_000,
      sync_online_timeout: 30_000,
      idle_timeout: 300_000,
      presence_router: null,
    });
    expect(s.servers[0].rc_presence).toEqual({ per_user: { per_second: 0.1, burst_count: 1 } });
    expect(s.servers[0].federation_rr_transactions_per_room_per_second).toBe(50);
    expect(s.servers[0].federation_domain_whitelist).toBeNull();
    expect(s.servers[0].experimental_features.msc3026_enabled).toBe(false);
  });

  it("top-level defaults: version 1, seed 1, start_time 2026-01-01, no duration, all fidelity on, delay 0..100 ms", () => {
    const s = ok("servers: { hs: {} }");
    expect(s).toMatchObject({ version: 1, seed: 1, start_time: DEFAULT_START_TIME, duration: null, users: [], rooms: [], clients: [], steps: [], expect: [] });
    expect(Object.values(s.fidelity)).toEqual([true, true, true, true, true]);
    expect(s.federation_delay).toEqual({ min: 0, max: 100 });
  });

  it("R70 enabled accepts true, false and \"untracked\"", () => {
    for (const v of ["true", "false", "untracked", '"untracked"']) {
      const s = ok(`servers: { hs: { presence: { enabled: ${v} } } }`);
      expect(s.servers[0].presence.enabled).toBe(v === "true" ? true : v === "false" ? false : "untracked");
    }
  });

  it("R56 module references: default and named exports, config null → {}", () => {
    const s = ok("servers:\n  hs:\n    modules:\n      - module: router.ts#TeamRouter\n        config: null\n      - { module: lib/other.js }\n");
    expect(s.servers[0].modules.map((m) => [m.file, m.export, m.config, m.path])).toEqual([
      ["router.ts", "TeamRouter", {}, "servers.hs.modules[0]"],
      ["lib/other.js", "default", {}, "servers.hs.modules[1]"],
    ]);
  });

  it("start_time: ISO with offsets, bare date and epoch ms", () => {
    expect(ok("servers: { hs: {} }\nstart_time: 2026-01-01T01:00:00+01:00").start_time).toBe(DEFAULT_START_TIME);
    expect(ok("servers: { hs: {} }\nstart_time: 2026-01-01").start_time).toBe(DEFAULT_START_TIME);
    expect(ok("servers: { hs: {} }\nstart_time: 1000").start_time).toBe(1000);
    expect(ok("servers: { hs: {} }\nstart_time: 2026-01-01T00:00:00.250Z").start_time).toBe(DEFAULT_START_TIME + 250);
  });

  it("fidelity and federation_delay additions", () => {
    const s = ok("servers: { hs: {} }\nfidelity: { strict_async: false }\nfederation_delay: { min: 10ms, max: 2s }");
    expect(s.fidelity.strict_async).toBe(false);
    expect(s.fidelity.periodic_repersist).toBe(true);
    expect(s.federation_delay).toEqual({ min: 10, max: 2000 });
  });

  it("§5 requests are requests: state: here and status_msg: null pass through as the body", () => {
    const s = ok(WORLD + 'steps:\n  - at: 0\n    presence: { user: "@bob:example.org", state: here, status_msg: null }\n  - at: 1\n    presence: { user: "@bob:example.org", state: online }\n');
    expect(s.steps[0]).toMatchObject({ kind: "presence", device: "DEV", body: { presence: "here", status_msg: null } });
    // S20: an omitted status_msg is absent from the body (it clears the message).
    expect(s.steps[1].kind === "presence" && "status_msg" in s.steps[1].body).toBe(false);
  });

  it("every step kind parses into its normalized form", () => {
    const s = ok(
      WORLD +
        `steps:
  - { at: 0, sync: { user: "@alice:example.org", device: laptop, since: initial, timeout: 30s, full_state: true, filter: { presence: { senders: ["@bob:example.org"] } }, label: a } }
  - { at: 1s, client: { user: "@bob:example.org", run: start, set_presence: unavailable } }
  - { at: 2s, activity: { user: "@alice:example.org", room: "!team:example.org" } }
  - { at: 3s, membership: { user: "@bob:example.org", room: "!new:example.org", membership: join } }
  - { at: 4s, module_api: { server: example.org, send_local_online_presence_to: ["@carol:matrix.org"] } }
  - { at: 5s, module_api: { server: example.org, set_presence_for_users: { "@bob:example.org": [online, null] } } }
  - { at: 6s, edu: { origin: evil.org, destination: example.org, push: [{ user_id: "@x:evil.org", presence: online }] } }
  - { at: 7s, get_presence: { user: "@bob:example.org", target: "@alice:example.org", label: g } }
  - { at: 8s, restart: { server: matrix.org } }
  - { at: 10m, until: {} }
  - { at: 11m, sync: { user: "@alice:example.org", since: a } }
`,
    );
    expect(s.steps.map((x) => x.kind)).toEqual(["sync", "client", "activity", "membership", "module_api", "module_api", "edu", "get_presence", "restart", "until", "sync"]);
    expect(s.steps[0]).toMatchObject({ device: "laptop", since: "initial", timeout: 30_000, full_state: true, filter: { presence: { senders: ["@bob:example.org"] } } });
    expect(s.steps[1]).toMatchObject({ device: "DEV", run: "start", set_presence: "unavailable" });
    expect(s.steps[4]).toMatchObject({ call: "send_local_online_presence_to", args: ["@carol:matrix.org"] });
    expect(s.steps[5]).toMatchObject({ call: "set_presence_for_users", args: { "@bob:example.org": ["online", null] } });
    expect(s.steps[6]).toMatchObject({ origin: "evil.org", push: [{ user_id: "@x:evil.org", presence: "online" }] });
    expect(s.steps[10]).toMatchObject({ since: "a", set_presence: "online", device: "phone" });
  });

  it("steps are sorted by (at, file index) and keep their file index and path; out-of-order steps warn", () => {
    const text = WORLD + 'steps:\n  - { at: 10s, until: {} }\n  - { at: 5s, until: {} }\n  - { at: 5s, restart: { server: example.org } }\n  - { at: 0, until: {} }\n';
    const s = ok(text);
    expect(s.steps.map((x) => [x.at, x.index, x.path])).toEqual([
      [0, 3, "steps[3]"],
      [5000, 1, "steps[1]"],
      [5000, 2, "steps[2]"],
      [10000, 0, "steps[0]"],
    ]);
    const w = warningsOf(text);
    expect(w.map((x) => x.path)).toEqual(["steps[1].at", "steps[2].at", "steps[3].at"]);
    expect(w[0].message).toMatch(/listed after steps\[0\] \(at 10s\).*runs first/);
  });

  it("S13 module_api calls with undeclared users are warnings, not errors (the server decides)", () => {
    const w = warningsOf(WORLD + 'steps:\n  - { at: 0, module_api: { server: example.org, send_local_online_presence_to: ["@bobb:example.org"] } }\n');
    expect(w.map((x) => [x.path, x.message])).toEqual([["steps[0].module_api.send_local_online_presence_to[0]", "@bobb:example.org is not declared under users:; did you mean @bob:example.org?"]]);
  });

  it("a step after the end of the run is a warning", () => {
    const w = warningsOf("servers: { hs: {} }\nduration: 1m\nsteps:\n  - { at: 2m, until: {} }\n");
    expect(w).toHaveLength(1);
    expect(w[0].message).toMatch(/after the end of the run/);
    expect(w[0].line).toBe(4);
  });
});
