import { describe, expect, it } from "vitest";
import type { PresenceRouterHandle } from "../../src/engine/contracts.ts";
import { loadModules } from "../../src/engine/modules/index.ts";
import { UserPresenceState } from "../../src/engine/state.ts";
import type { RouterCallEvent, TraceEvent } from "../../src/trace/types.ts";
import { FIDELITY, entry, hostFromModules, loadOptions, modernRouterFiles, type CallbackPair as Cb } from "./support/host.ts";

const alice = UserPresenceState.default("@alice:example.org").copy_and_replace({ state: "online", last_active_ts: 5 });
const bob = UserPresenceState.default("@bob:example.org");

/** Builds a router from callback pairs; each pair is a modern module "mN.ts" (legacy ones last). */
async function routerOf(
  pairs: Cb[],
  o: { legacy?: Cb; strict?: boolean } = {},
): Promise<{ router: PresenceRouterHandle; events: TraceEvent[] }> {
  const files = modernRouterFiles(pairs);
  if (o.legacy) {
    const l = o.legacy;
    files["legacy.ts"] = () => ({
      default: class {
        get_users_for_states = l.get_users_for_states;
        get_interested_users = l.get_interested_users;
      },
    });
  }
  const opts = loadOptions(hostFromModules(files), pairs.map((_, i) => entry(`m${i}.ts`)), {
    legacy: o.legacy ? entry("legacy.ts", {}, "presence.presence_router") : null,
    fidelity: { ...FIDELITY, strict_async: o.strict ?? true },
  });
  const { router, errors } = await loadModules(opts);
  expect(errors).toEqual([]);
  return { router, events: opts.events };
}

const calls = (events: TraceEvent[]) => events.filter((e): e is RouterCallEvent => e.type === "router_call");
const ids = (m: Map<string, UserPresenceState[]>) => Object.fromEntries([...m].map(([k, v]) => [k, v.map((s) => s.user_id)]));

describe("router_call copies past the trace's event limit", () => {
  const route = { get_users_for_states: async (s: UserPresenceState[]) => new Map([["@x:example.org", new Set(s)]]) };
  async function withTracing(tracing: (() => boolean) | undefined) {
    const opts = loadOptions(hostFromModules(modernRouterFiles([route])), [entry("m0.ts")]);
    const { router } = await loadModules({ ...opts, tracing });
    const m = await router.get_users_for_states([alice, bob]);
    return { routed: ids(m), call: calls(opts.events)[0]! };
  }

  it("copies the input and output for the trace while it records (and by default)", async () => {
    for (const t of [undefined, () => true]) {
      const { routed, call } = await withTracing(t);
      expect(routed).toEqual({ "@x:example.org": ["@alice:example.org", "@bob:example.org"] });
      expect(call.input).toEqual([alice.as_dict(), bob.as_dict()]);
      expect(call.output).toEqual({ "@x:example.org": [alice.as_dict(), bob.as_dict()] });
    }
  });

  it("once the trace keeps no more events: the same routing, the call still offered (counted), without copies", async () => {
    const { routed, call } = await withTracing(() => false);
    expect(routed).toEqual({ "@x:example.org": ["@alice:example.org", "@bob:example.org"] });
    expect(call.type).toBe("router_call");
    expect(call.input).toEqual([]);
    expect(call.output).toEqual({});
  });
});

describe("R61 combining get_users_for_states", () => {
  it("R61 zero callbacks give an empty Map and no router_call", async () => {
    const { router, events } = await routerOf([]);
    expect(router.active).toBe(false);
    expect(await router.get_users_for_states([alice])).toEqual(new Map());
    expect(events).toEqual([]);
  });

  it("R61/R62 zero callbacks take no router call id", async () => {
    let ids = 0;
    const opts = loadOptions(hostFromModules({}), []);
    const { router } = await loadModules({ ...opts, nextCallId: () => ++ids });
    await router.get_users_for_states([alice]);
    expect(await router.get_interested_users("@alice:example.org")).toEqual(new Set());
    expect(ids).toBe(0);
  });

  it("R61 a key two callbacks both return keeps the first one's records, then adds the second's", async () => {
    const { router } = await routerOf([
      { get_users_for_states: async () => new Map([["@x:example.org", new Set([alice])]]) },
      { get_users_for_states: async () => new Map([["@x:example.org", new Set([bob])]]) },
    ]);
    expect(ids(await router.get_users_for_states([alice, bob]))).toEqual({ "@x:example.org": ["@alice:example.org", "@bob:example.org"] });
  });

  it("R61 merges Maps and plain objects in order, deduplicating by value (R2)", async () => {
    const { router } = await routerOf([
      { get_users_for_states: async (s: UserPresenceState[]) => new Map([["@x:example.org", new Set(s)]]) },
      // a different object with the same seven fields is the same set member
      { get_users_for_states: async () => ({ "@y:example.org": new Set([bob]), "@x:example.org": new Set([alice.copy_and_replace({}), bob]) }) },
    ]);
    const m = await router.get_users_for_states([alice]);
    expect(ids(m)).toEqual({ "@x:example.org": ["@alice:example.org", "@bob:example.org"], "@y:example.org": ["@bob:example.org"] });
  });

  it("R61 a raising or rejecting callback is logged and skipped (R63)", async () => {
    const { router, events } = await routerOf([
      { get_users_for_states: () => { throw new Error("sync boom"); } },
      { get_users_for_states: async () => { throw new Error("async boom"); } },
      { get_users_for_states: async () => new Map([["@x:example.org", new Set([bob])]]) },
    ]);
    expect(ids(await router.get_users_for_states([alice]))).toEqual({ "@x:example.org": ["@bob:example.org"] });
    const rc = calls(events);
    expect(rc.map((e) => e.error?.message ?? null)).toEqual(["Error: sync boom", "Error: async boom", null]);
    expect(rc[0]!.output).toBeNull();
    expect(events.filter((e) => e.type === "log" && e.level === "error")).toHaveLength(2);
  });

  it("R61 a result that is not a mapping is skipped with a warning", async () => {
    const { router, events } = await routerOf([
      { get_users_for_states: async () => [["@x:example.org", new Set([bob])]] },
      { get_users_for_states: async () => null },
      { get_users_for_states: async () => new (class Foo {})() },
    ]);
    expect(await router.get_users_for_states([alice])).toEqual(new Map());
    const w = calls(events).map((e) => e.warnings[0]);
    expect(w[0]).toContain("returned an array; expected a Map or a plain object");
    expect(w[1]).toContain("returned null");
    expect(w[2]).toContain("returned a Foo");
  });

  it("S17 a non-Set value stops that callback's remaining entries; earlier ones are kept", async () => {
    const { router, events } = await routerOf([
      {
        get_users_for_states: async () =>
          new Map<string, unknown>([
            ["@a:example.org", new Set([alice])],
            ["@b:example.org", [bob]],
            ["@c:example.org", new Set([bob])],
          ]),
      },
      { get_users_for_states: async () => new Map([["@d:example.org", new Set([bob])]]) },
    ]);
    const m = await router.get_users_for_states([alice]);
    expect([...m.keys()]).toEqual(["@a:example.org", "@d:example.org"]);
    const first = calls(events)[0]!;
    expect(first.warnings).toEqual([expect.stringContaining('returned an array for "@b:example.org"; expected a Set')]);
    expect(first.output).toEqual({ "@a:example.org": [alice.as_dict()] });
    const log = events.find((e) => e.type === "log");
    expect(log).toMatchObject({ level: "warning", module: "m0.ts" });
  });

  it("R61 router_call records input, output as plain JSON, ms 0 and at as an offset", async () => {
    const { router, events } = await routerOf([{ get_users_for_states: async (s: UserPresenceState[]) => ({ "@x:example.org": new Set(s) }) }]);
    await router.get_users_for_states([alice, bob]);
    const [e] = calls(events);
    expect(e).toEqual({
      at: 0,
      server: "example.org",
      type: "router_call",
      call: 1,
      site: "direct",
      for_user: null,
      module: "m0.ts",
      callback: "get_users_for_states",
      input: [alice.as_dict(), bob.as_dict()],
      output: { "@x:example.org": [alice.as_dict(), bob.as_dict()] },
      ms: 0,
      warnings: [],
      error: null,
    });
    expect(JSON.parse(JSON.stringify(e))).toEqual(e);
  });

  it("R61 router_call ms is wall-clock only with measure: true", async () => {
    const host = hostFromModules({
      "m.ts": () => ({
        default: class {
          constructor(_c: unknown, api: { register_presence_router_callbacks(c: object): void }) {
            api.register_presence_router_callbacks({ get_users_for_states: async () => new Map(), get_interested_users: async () => new Set() });
          }
        },
      }),
    });
    const opts = loadOptions(host, [entry("m.ts")], { measure: true });
    const { router } = await loadModules(opts);
    await router.get_interested_users("@me:example.org");
    const ms = calls(opts.events)[0]!.ms;
    expect(typeof ms).toBe("number");
    expect(ms).toBeGreaterThanOrEqual(0);
  });

  it("R61 values that are not UserPresenceState-like are skipped with a warning; records are copied", async () => {
    const fake = { user_id: "@f:example.org", state: "online", last_active_ts: 1, last_federation_update_ts: 0, last_user_sync_ts: 0, status_msg: null, currently_active: true };
    const { router, events } = await routerOf([
      { get_users_for_states: async () => new Map([["@x:example.org", new Set<unknown>([fake, { user_id: "@g:example.org" }, "str"])]]) },
    ]);
    const m = await router.get_users_for_states([alice]);
    const got = m.get("@x:example.org")!;
    expect(got).toHaveLength(1);
    expect(got[0]).toBeInstanceOf(UserPresenceState);
    expect(got[0]).not.toBe(fake);
    expect(Object.isFrozen(got[0])).toBe(true);
    expect(got[0]!.as_dict()).toEqual(fake);
    expect(calls(events)[0]!.warnings).toHaveLength(2);
  });
});

describe("R62 combining get_interested_users", () => {
  it("R62 zero callbacks give an empty Set", async () => {
    const { router } = await routerOf([]);
    expect(await router.get_interested_users("@me:example.org")).toEqual(new Set());
  });

  it("R62 unions Sets into a fresh Set that modules cannot mutate", async () => {
    const mine = new Set(["@a:example.org"]);
    const { router } = await routerOf([
      { get_interested_users: async () => mine },
      { get_interested_users: async () => new Set(["@b:example.org", "@a:example.org"]) },
    ]);
    const r = await router.get_interested_users("@me:example.org");
    expect(r).toEqual(new Set(["@a:example.org", "@b:example.org"]));
    expect(r).not.toBe(mine);
    expect(mine).toEqual(new Set(["@a:example.org"]));
  });

  it("R62 ALL returns at once and later callbacks are not called", async () => {
    let later = 0;
    const { router, events } = await routerOf([
      { get_interested_users: async () => new Set(["@a:example.org"]) },
      { get_interested_users: async () => "ALL" },
      { get_interested_users: async () => (later++, new Set()) },
    ]);
    expect(await router.get_interested_users("@me:example.org")).toBe("ALL");
    expect(later).toBe(0);
    expect(calls(events).map((e) => e.output)).toEqual([["@a:example.org"], "ALL"]);
  });

  it("R62 an array is the wrong type: 'expected a Set, got an array', skipped", async () => {
    const { router, events } = await routerOf([
      { get_interested_users: async () => ["@a:example.org"] },
      { get_interested_users: async () => "all" },
      { get_interested_users: async () => null },
      { get_interested_users: async () => new Set(["@b:example.org"]) },
    ]);
    expect(await router.get_interested_users("@me:example.org")).toEqual(new Set(["@b:example.org"]));
    const w = calls(events).map((e) => e.warnings[0]);
    expect(w[0]).toContain("expected a Set, got an array");
    expect(w[1]).toContain('expected a Set, got the string "all"');
    expect(w[2]).toContain("expected a Set, got null");
    expect(calls(events)[0]!.input).toBe("@me:example.org");
  });

  it("R62 a raising callback is skipped (R63)", async () => {
    const { router, events } = await routerOf([
      { get_interested_users: async () => { throw new TypeError("nope"); } },
      { get_interested_users: async () => new Set(["@b:example.org"]) },
    ]);
    expect(await router.get_interested_users("@me:example.org")).toEqual(new Set(["@b:example.org"]));
    expect(calls(events)[0]!.error).toMatchObject({ message: "TypeError: nope" });
  });
});

describe("R60 strict async", () => {
  const sync = { get_users_for_states: () => new Map([["@x:example.org", new Set([bob])]]), get_interested_users: () => new Set(["@s:example.org"]) };

  it("R60 a modern callback returning a plain value fails when strict_async is on", async () => {
    const { router, events } = await routerOf([sync]);
    expect(await router.get_interested_users("@me:example.org")).toEqual(new Set());
    expect(await router.get_users_for_states([alice])).toEqual(new Map());
    expect(calls(events).every((e) => e.output === null && e.warnings[0]!.includes("must be async (R60)"))).toBe(true);
  });

  it("R60 with strict_async off a modern callback may return a plain value", async () => {
    const { router } = await routerOf([sync], { strict: false });
    expect(await router.get_interested_users("@me:example.org")).toEqual(new Set(["@s:example.org"]));
  });

  it("R60 legacy methods may return plain values even when strict", async () => {
    const { router } = await routerOf([], { legacy: sync });
    expect(await router.get_interested_users("@me:example.org")).toEqual(new Set(["@s:example.org"]));
    expect(ids(await router.get_users_for_states([alice]))).toEqual({ "@x:example.org": ["@bob:example.org"] });
  });

  it("R60 a thenable that is not a Promise counts as awaitable", async () => {
    const thenable = { then: (ok: (v: unknown) => void) => ok(new Set(["@t:example.org"])) };
    const { router } = await routerOf([{ get_interested_users: () => thenable }]);
    expect(await router.get_interested_users("@me:example.org")).toEqual(new Set(["@t:example.org"]));
  });
});

describe("R59 order", () => {
  it("R59 callbacks run one after another, each awaited, modern then legacy", async () => {
    const order: string[] = [];
    const slow = async (tag: string) => {
      order.push(`${tag} start`);
      for (let i = 0; i < 5; i++) await undefined;
      order.push(`${tag} end`);
      return new Set<string>();
    };
    const { router } = await routerOf(
      [{ get_interested_users: () => slow("m0") }, { get_interested_users: () => slow("m1") }],
      { legacy: { get_users_for_states: () => new Map(), get_interested_users: () => slow("legacy") } },
    );
    await router.get_interested_users("@me:example.org");
    expect(order).toEqual(["m0 start", "m0 end", "m1 start", "m1 end", "legacy start", "legacy end"]);
  });
});

describe("R57/R60 legacy classes that also register through the API", () => {
  it("R60 callbacks a legacy class registers through ModuleApi are modern (strict), its named methods legacy", async () => {
    const host = hostFromModules({
      "l.ts": () => ({
        default: class {
          constructor(_c: unknown, api: { register_presence_router_callbacks(c: object): void }) {
            api.register_presence_router_callbacks({ get_users_for_states: () => new Map(), get_interested_users: () => new Set(["@api:example.org"]) });
          }
          get_users_for_states() { return new Map(); }
          get_interested_users() { return new Set(["@named:example.org"]); }
        },
      }),
    });
    const opts = loadOptions(host, [], { legacy: entry("l.ts", {}, "presence.presence_router") });
    const { router } = await loadModules(opts);
    expect(await router.get_interested_users("@me:example.org")).toEqual(new Set(["@named:example.org"]));
    expect(calls(opts.events)[0]!.warnings[0]).toContain("must be async (R60)");
  });
});
