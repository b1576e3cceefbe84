// The `synapse` declarations (src/synapse/dts.ts): modules type-check against them as in
// the editor, mistakes are type errors, and they match the runtime (runtime.ts, api.ts).
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { createModuleApi, UNAVAILABLE_METHODS, UNAVAILABLE_PROPERTIES } from "../../src/engine/modules/api.ts";
import { SYNAPSE_DTS } from "../../src/synapse/dts.ts";
import { synapseRuntime } from "../../src/synapse/runtime.ts";
import { recordingServerApi } from "./support/host.ts";
import { moduleTypeErrors as typeErrors } from "../support/typecheck.ts";

// The example of module-api.md "A module file", verbatim.
const SAMPLE = `
import { ConfigError, PresenceRouter, type ModuleApi, type UserPresenceState } from "synapse";

interface Config { always_send_to_users: string[] }

export default class AlwaysSendTo {
  static parse_config(config: Record<string, unknown>): Config {
    const users = config.always_send_to_users ?? [];
    if (!Array.isArray(users)) throw new ConfigError("always_send_to_users must be a list");
    return { always_send_to_users: users as string[] };
  }

  constructor(private config: Config, private api: ModuleApi) {
    api.register_presence_router_callbacks({
      get_users_for_states: (states) => this.get_users_for_states(states),
      get_interested_users: (user_id) => this.get_interested_users(user_id),
    });
  }

  async get_users_for_states(
    state_updates: Iterable<UserPresenceState>,
  ): Promise<Map<string, Set<UserPresenceState>>> {
    const updates = new Set(state_updates);
    return new Map(this.config.always_send_to_users.map((u) => [u, updates]));
  }

  async get_interested_users(user_id: string): Promise<Set<string> | typeof PresenceRouter.ALL_USERS> {
    return this.config.always_send_to_users.includes(user_id) ? PresenceRouter.ALL_USERS : new Set();
  }
}
`;

describe("synapse index.d.ts", () => {
  it("the module-api.md example type-checks", () => {
    expect(typeErrors(SAMPLE)).toEqual([]);
  }, 30_000);

  it("the rest of the API type-checks as documented", () => {
    const src = `
      import { PresenceState, PRESENCE_ALL_USERS, UserPresenceState, type ModuleApi } from "synapse";
      export async function use(api: ModuleApi, s: UserPresenceState) {
        const busy: string = PresenceState.BUSY;
        const copy: UserPresenceState = s.copy_and_replace({ state: PresenceState.ONLINE, status_msg: null });
        const d = copy.as_dict();
        const all: "ALL" = PRESENCE_ALL_USERS;
        await api.send_local_online_presence_to(new Set([api.get_qualified_user_id("bob")]));
        await api.set_presence_for_users({ "@a:x": ["online", null] });
        await api.set_presence_for_users(new Map([["@a:x", ["online", "hi"] as const]]));
        const events = await api.get_state_events_in_room("!r:x", [["m.room.member", null]]);
        const members = events.filter((e) => e.content.membership === "join").map((e) => e.state_key);
        const exists: string | null = await api.check_user_exists("@a:x");
        console.log(exists);
        api.looping_background_call(async (n: number) => n + 1, 1000, 5).stop();
        api.delayed_background_call(10, () => undefined).cancel();
        await api.sleep(1);
        return [busy, d.user_id, all, members, exists, api.get_current_time_msec(), UserPresenceState.default("@a:x")];
      }`;
    expect(typeErrors(src)).toEqual([]);
  }, 30_000);

  it("R56 a typo'd ModuleApi member is a type error", () => {
    const errs = typeErrors(SAMPLE.replace("api.register_presence_router_callbacks(", "api.register_presence_router_callback("));
    expect(errs.join("\n")).toMatch(/register_presence_router_callback'.*Did you mean 'register_presence_router_callbacks'/);
  }, 30_000);

  it("R56 a typo'd UserPresenceState field or callback name is a type error", () => {
    const errs = typeErrors(`
      import type { ModuleApi, UserPresenceState } from "synapse";
      export function f(api: ModuleApi, s: UserPresenceState) {
        api.register_presence_router_callbacks({ get_users_for_states: async () => new Map(), get_interested_user: async () => new Set<string>() });
        return s.last_active;
      }`);
    expect(errs.some((e) => e.includes("get_interested_user"))).toBe(true);
    expect(errs.some((e) => e.includes("Property 'last_active' does not exist"))).toBe(true);
  }, 30_000);

  it("R58/R62/R2 one callback alone, an array instead of a Set, and assigning a state are type errors", () => {
    const errs = typeErrors(`
      import type { ModuleApi, UserPresenceState } from "synapse";
      export function f(api: ModuleApi, s: UserPresenceState) {
        api.register_presence_router_callbacks({ get_interested_users: async () => new Set<string>() });
        api.register_presence_router_callbacks({ get_users_for_states: async () => new Map(), get_interested_users: async () => ["@a:x"] });
        s.state = "online";
      }`);
    expect(errs).toHaveLength(3);
    expect(errs[2]).toContain("read-only");
  }, 30_000);
});

describe("synapse declarations match the runtime", () => {
  const sf = ts.createSourceFile("index.d.ts", SYNAPSE_DTS, ts.ScriptTarget.ES2022, true);
  const values = sf.statements.flatMap((s) => {
    if (ts.isClassDeclaration(s) && s.name) return [s.name.text];
    if (ts.isVariableStatement(s)) return s.declarationList.declarations.map((d) => d.name.getText(sf));
    return [];
  });

  it("every declared value is a runtime export of synapse and vice versa", () => {
    const runtime = Object.keys(synapseRuntime).filter((k) => k !== "__esModule");
    expect(values.sort()).toEqual(runtime.sort());
  });

  it("ModuleApi declares exactly the members the runtime ModuleApi has", () => {
    const iface = sf.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === "ModuleApi")!;
    const declared = iface.members.map((m) => m.name!.getText(sf)).sort();
    const api = createModuleApi({ api: recordingServerApi(), module: "m.ts", register: () => {}, onBackgroundError: () => {} });
    const runtime = [...Object.keys(api), ...UNAVAILABLE_PROPERTIES].sort();
    expect(declared).toEqual(runtime);
    expect(UNAVAILABLE_METHODS.every((m) => declared.includes(m))).toBe(true);
  });
});
