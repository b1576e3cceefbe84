// Module results are untrusted: nothing a module returns may crash or hang the engine,
// and nothing it returns may leak into the engine's data (R63).
import { describe, expect, it } from "vitest";
import { loadModules } from "../../src/engine/modules/index.ts";
import { MAX_RESULT_ITEMS } from "../../src/engine/modules/validate.ts";
import { UserPresenceState } from "../../src/engine/state.ts";
import type { RouterCallEvent, TraceEvent } from "../../src/trace/types.ts";
import { entry, hostFromModules, loadOptions } from "./support/host.ts";

const alice = UserPresenceState.default("@alice:example.org");

async function routerOf(gufs: unknown, giu: unknown = async () => new Set()) {
  const host = hostFromModules({
    "m.ts": () => ({
      default: class {
        constructor(_c: unknown, api: { register_presence_router_callbacks(c: object): void }) {
          api.register_presence_router_callbacks({ get_users_for_states: gufs, get_interested_users: giu });
        }
      },
    }),
  });
  const opts = loadOptions(host, [entry("m.ts")]);
  const { router } = await loadModules(opts);
  return { router, events: opts.events };
}
const lastCall = (events: TraceEvent[]) => events.filter((e): e is RouterCallEvent => e.type === "router_call").at(-1)!;

const hostile = new Proxy({}, {
  get() { throw new Error("trap get"); },
  getPrototypeOf() { throw new Error("trap proto"); },
  ownKeys() { throw new Error("trap keys"); },
  has() { throw new Error("trap has"); },
});

describe("R63 untrusted results", () => {
  it("R63 a Proxy whose every trap throws is skipped with a warning", async () => {
    const { router, events } = await routerOf(async () => hostile, async () => hostile);
    expect(await router.get_users_for_states([alice])).toEqual(new Map());
    expect(await router.get_interested_users("@me:example.org")).toEqual(new Set());
    // Promise resolution reads `then`, which throws: a callback error; either way no crash.
    const e = lastCall(events);
    expect(e.output).toBeNull();
    expect(e.error?.message ?? e.warnings[0]).toContain("trap");
  });

  it("R62 a Proxy around a Set is not a Set", async () => {
    const { router, events } = await routerOf(async () => new Map(), async () => new Proxy(new Set(["@a:x"]), {}));
    expect(await router.get_interested_users("@me:example.org")).toEqual(new Set());
    expect(lastCall(events).warnings[0]).toContain("expected a Set");
  });

  it("R61 a getter that throws while reading the result skips the callback", async () => {
    const result = { get ["@x:example.org"]() { throw new Error("getter"); } };
    const { router, events } = await routerOf(async () => result);
    expect(await router.get_users_for_states([alice])).toEqual(new Map());
    expect(lastCall(events).warnings[0]).toContain("could not be read (Error: getter)");
  });

  it("R61 a record with a throwing getter is skipped, the rest kept", async () => {
    const bad = { get user_id() { throw new Error("nope"); } };
    const { router, events } = await routerOf(async () => new Map([["@x:example.org", new Set<unknown>([bad, alice])]]));
    const m = await router.get_users_for_states([alice]);
    expect(m.get("@x:example.org")!.map((s) => s.user_id)).toEqual(["@alice:example.org"]);
    expect(lastCall(events).warnings[0]).toContain("reading a state failed");
  });

  it("R62 a Set past the playground limit does not crash the engine", async () => {
    // MAX_RESULT_ITEMS + 1 is enough: reading stops there (a million made this test slow).
    const huge = new Set(Array.from({ length: MAX_RESULT_ITEMS + 1 }, (_, i) => `@u${i}:example.org`));
    const { router, events } = await routerOf(async () => new Map(), async () => huge);
    expect(await router.get_interested_users("@me:example.org")).toEqual(new Set());
    expect(lastCall(events).warnings[0]).toContain("playground limit");
  });

  it("R61 a huge Set of states is skipped as a whole; warnings are capped", async () => {
    const many = new Set(Array.from({ length: MAX_RESULT_ITEMS + 1 }, (_, i) => ({ i })));
    const { router, events } = await routerOf(async () => new Map([["@x:example.org", many]]));
    expect(await router.get_users_for_states([alice])).toEqual(new Map());
    const w = lastCall(events).warnings;
    expect(w.length).toBeLessThanOrEqual(21);
    expect(w.at(-1)).toMatch(/more warnings|playground limit/);
    expect(events.filter((e) => e.type === "log").length).toBeLessThanOrEqual(21);
  });

  it("R63 a Promise that can never settle is given up on deterministically", async () => {
    const { router, events } = await routerOf(async () => new Map(), () => new Promise(() => {}));
    expect(await router.get_interested_users("@me:example.org")).toEqual(new Set());
    expect(lastCall(events).warnings[0]).toContain("did not settle");
  });

  it("R63 a `then` getter that throws is a callback error", async () => {
    const evil = { get then() { throw new Error("then!"); } };
    const { router, events } = await routerOf(async () => new Map(), () => evil);
    expect(await router.get_interested_users("@me:example.org")).toEqual(new Set());
    expect(lastCall(events).error?.message).toContain("then!");
  });

  it("R63 a registered callback that is not a function is an error, not a crash", async () => {
    const { router, events } = await routerOf(42, 42);
    expect(await router.get_users_for_states([alice])).toEqual(new Map());
    expect(lastCall(events).error?.message).toContain("not a function");
  });

  it("R63 a non-string key is skipped; a `__proto__` key is an ordinary key", async () => {
    const { router, events } = await routerOf(async () => new Map<unknown, unknown>([[7, new Set([alice])], ["__proto__", new Set([alice])]]));
    const m = await router.get_users_for_states([alice]);
    expect([...m.keys()]).toEqual(["__proto__"]);
    const out = lastCall(events).output as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
  });
});

describe("R2 frozen inputs", () => {
  it("R2 a module mutating a state or the input array throws (strict mode) and changes nothing", async () => {
    const input = [alice];
    const { router, events } = await routerOf(async (states: UserPresenceState[]) => {
      (states[0] as { state: string }).state = "busy";
      return new Map();
    }, async () => new Set());
    await router.get_users_for_states(input);
    expect(lastCall(events).error?.message).toMatch(/TypeError/);
    expect(alice.state).toBe("offline");

    const r2 = await routerOf(async (states: UserPresenceState[]) => {
      (states as UserPresenceState[]).push(alice);
      return new Map();
    });
    await r2.router.get_users_for_states(input);
    expect(lastCall(r2.events).error?.message).toMatch(/TypeError/);
    expect(input).toHaveLength(1);
  });

  it("R2 copy_and_replace gives a new frozen state and leaves the input unchanged", async () => {
    const { router } = await routerOf(async (states: UserPresenceState[]) =>
      new Map([["@x:example.org", new Set([states[0]!.copy_and_replace({ state: "online" })])]]),
    );
    const m = await router.get_users_for_states([alice]);
    expect(m.get("@x:example.org")![0]!.state).toBe("online");
    expect(alice.state).toBe("offline");
  });
});
