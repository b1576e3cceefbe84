// End to end through the real pipeline: TypeScript → esbuild → sandbox ModuleHost →
// loadModules → combined router. Checks that the `synapse` runtime classes are the ones
// the engine knows, and that errors point into the user's source.
import * as esbuild from "esbuild";
import { describe, expect, it } from "vitest";
import { compileModules } from "../../src/compile/index.ts";
import { loadModules } from "../../src/engine/modules/index.ts";
import { UserPresenceState } from "../../src/engine/state.ts";
import { createModuleHost } from "../../src/sandbox/host.ts";
import { entry, loadOptions } from "./support/host.ts";

const ROUTER = `import { ConfigError, PresenceRouter, PresenceState, UserPresenceState, type ModuleApi } from "synapse";

interface Config { always_send_to_users: string[] }

export default class AlwaysSendTo {
  static parse_config(config: Record<string, unknown>): Config {
    const users = config.always_send_to_users ?? [];
    if (!Array.isArray(users)) throw new ConfigError("always_send_to_users must be a list");
    return { always_send_to_users: users as string[] };
  }

  constructor(private config: Config, private api: ModuleApi) {
    console.log("loaded on", api.server_name, Date.now(), new Set(config.always_send_to_users));
    api.register_presence_router_callbacks({
      get_users_for_states: (states) => this.get_users_for_states(states),
      get_interested_users: (user_id) => this.get_interested_users(user_id),
    });
  }

  async get_users_for_states(state_updates: Iterable<UserPresenceState>): Promise<Map<string, Set<UserPresenceState>>> {
    const updates = new Set([...state_updates].filter((s) => s instanceof UserPresenceState && s.state !== PresenceState.BUSY));
    return new Map(this.config.always_send_to_users.map((u) => [u, updates]));
  }

  async get_interested_users(user_id: string): Promise<Set<string> | typeof PresenceRouter.ALL_USERS> {
    if (user_id === "@boom:example.org") throw new Error("no such user");
    return this.config.always_send_to_users.includes(user_id) ? PresenceRouter.ALL_USERS : new Set();
  }
}
`;

async function load(config: unknown) {
  const compiled = await compileModules(esbuild, { "router.ts": ROUTER }, ["router.ts"]);
  expect(compiled.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const opts = loadOptions(createModuleHost(compiled), [entry("router.ts", config)]);
  return { ...(await loadModules(opts)), events: opts.events };
}

describe("modules through the real sandbox", () => {
  it("R56/R61/R62 the module-api.md example routes as written", async () => {
    const { router, errors, events } = await load({ always_send_to_users: ["@gobbler:example.org"] });
    expect(errors).toEqual([]);
    expect(events[0]).toMatchObject({ type: "log", level: "info", module: "router.ts", message: 'loaded on example.org 1767225600000 Set(1) {"@gobbler:example.org"}' });
    const alice = UserPresenceState.default("@alice:example.org");
    const m = await router.get_users_for_states([alice]);
    expect([...m.keys()]).toEqual(["@gobbler:example.org"]);
    expect(m.get("@gobbler:example.org")![0]!.equals(alice)).toBe(true); // instanceof held inside the sandbox
    expect(await router.get_interested_users("@gobbler:example.org")).toBe("ALL");
    expect(await router.get_interested_users("@bob:example.org")).toEqual(new Set());
  });

  it("R56 a ConfigError from parse_config is a config error located in router.ts", async () => {
    const { errors } = await load({ always_send_to_users: "@gobbler:example.org" });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ kind: "config", file: "router.ts", line: 8 });
    expect(errors[0]!.message).toBe("router.ts: invalid config: always_send_to_users must be a list");
  });

  it("R63 a callback's exception is located in the user's source", async () => {
    const { router, events } = await load({ always_send_to_users: [] });
    expect(await router.get_interested_users("@boom:example.org")).toEqual(new Set());
    const call = events.find((e) => e.type === "router_call");
    expect(call).toMatchObject({ error: { file: "router.ts", line: 26 } });
  });
});
