// The combined router's trace and console output in detail: what each router_call and
// log event says (R61–R63), the warning cap (boundary pair), the shared size budget of
// one result, `ms` only when measuring, and the unsettled-promise hook.
import { afterEach, describe, expect, it, vi } from "vitest";
import type { LoadModulesOptions, PresenceRouterHandle } from "../../src/engine/contracts.ts";
import { loadModules } from "../../src/engine/modules/index.ts";
import { MAX_RESULT_ITEMS } from "../../src/engine/modules/validate.ts";
import { UserPresenceState } from "../../src/engine/state.ts";
import type { RouterCallEvent, TraceEvent } from "../../src/trace/types.ts";
import { entry, hostFromModules, loadOptions, modernRouterFiles, type CallbackPair as Cb } from "./support/host.ts";

const alice = UserPresenceState.default("@alice:example.org").copy_and_replace({ state: "online", last_active_ts: 5 });
const bob = UserPresenceState.default("@bob:example.org");

/** One modern module "mN.ts" per pair. */
async function routerOf(pairs: Cb[], extra: Partial<LoadModulesOptions> = {}): Promise<{ router: PresenceRouterHandle; events: TraceEvent[] }> {
  const files = modernRouterFiles(pairs);
  const opts = loadOptions(hostFromModules(files), pairs.map((_, i) => entry(`m${i}.ts`)), extra);
  if (extra.onUnsettled) opts.onUnsettled = extra.onUnsettled;
  const { router, errors } = await loadModules(opts);
  expect(errors).toEqual([]);
  return { router, events: opts.events };
}

const calls = (events: TraceEvent[]) => events.filter((e): e is RouterCallEvent => e.type === "router_call");
const logs = (events: TraceEvent[]) => events.flatMap((e) => (e.type === "log" ? [`${e.level}: ${e.message}`] : []));

afterEach(() => vi.restoreAllMocks());

describe("R63 what the console says", () => {
  it("R63 a raising callback: one error log naming module, callback and the error; output null", async () => {
    const { router, events } = await routerOf([
      { get_users_for_states: async () => { throw new Error("boom"); }, get_interested_users: async () => { throw new RangeError("bad"); } },
    ]);
    await router.get_users_for_states([alice]);
    await router.get_interested_users("@me:example.org");
    expect(logs(events)).toEqual([
      "error: m0.ts get_users_for_states raised Error: boom; skipped (R63)",
      "error: m0.ts get_interested_users raised RangeError: bad; skipped (R63)",
    ]);
    expect(calls(events).map((e) => [e.output, e.error])).toEqual([
      [null, { message: "Error: boom" }],
      [null, { message: "RangeError: bad" }],
    ]);
  });

  it("R61 a wrong-typed result: one warning log per warning, prefixed with module and callback; no error", async () => {
    const { router, events } = await routerOf([{ get_users_for_states: async () => 42 }]);
    await router.get_users_for_states([alice]);
    expect(logs(events)).toEqual(["warning: m0.ts get_users_for_states returned a number; expected a Map or a plain object of user_id → Set of states (skipped)"]);
    expect(calls(events)[0]).toMatchObject({ error: null, output: null });
  });

  it("R61 exactly 20 warnings are all kept; a 21st is summarised (boundary pair)", async () => {
    const bad = (n: number) => new Set(Array.from({ length: n }, (_, i) => i));
    const { router, events } = await routerOf([
      { get_users_for_states: async () => new Map([["@x:example.org", bad(20)]]) },
      { get_users_for_states: async () => new Map([["@x:example.org", bad(22)]]) },
    ]);
    await router.get_users_for_states([alice]);
    const [twenty, more] = calls(events);
    expect(twenty!.warnings).toHaveLength(20);
    expect(twenty!.warnings.every((w) => w.startsWith('for "@x:example.org": expected a UserPresenceState, got a number'))).toBe(true);
    expect(more!.warnings).toHaveLength(21);
    expect(more!.warnings[20]).toBe("… and 2 more warnings");
    expect(logs(events)).toHaveLength(41);
  });
});

describe("R61 reading get_users_for_states results", () => {
  it("S17 a non-Set value under a non-string key names the key's type", async () => {
    const { router, events } = await routerOf([{ get_users_for_states: async () => new Map<unknown, unknown>([[7, [bob]]]) }]);
    await router.get_users_for_states([alice]);
    expect(calls(events)[0]!.warnings).toEqual(["returned an array for a number; expected a Set (this and the remaining entries skipped, S17)"]);
  });

  it("R61 a non-string key with a Set is skipped alone; later entries are still merged", async () => {
    const { router, events } = await routerOf([
      { get_users_for_states: async () => new Map<unknown, unknown>([[7, new Set([bob])], ["@y:example.org", new Set([bob])]]) },
    ]);
    const m = await router.get_users_for_states([alice]);
    expect([...m.keys()]).toEqual(["@y:example.org"]);
    expect(calls(events)[0]!.warnings).toEqual(["returned a number as a key; expected a user id string (entry skipped)"]);
    expect(calls(events)[0]!.output).toEqual({ "@y:example.org": [bob.as_dict()] });
  });

  it("R61 an entry whose Set holds no usable record still names its key, with an empty list", async () => {
    const { router, events } = await routerOf([{ get_users_for_states: async () => ({ "@y:example.org": new Set(["nope"]) }) }]);
    const m = await router.get_users_for_states([alice]);
    expect([...m]).toEqual([["@y:example.org", []]]);
    expect(calls(events)[0]!.output).toEqual({ "@y:example.org": [] });
  });

  it("R61 more than MAX_RESULT_ITEMS map entries: the result is skipped with the limit named", async () => {
    const big = new Map(Array.from({ length: MAX_RESULT_ITEMS + 1 }, (_, i) => [i, 0])); // refused before any entry is read
    const { router, events } = await routerOf([{ get_users_for_states: async () => big }]);
    expect(await router.get_users_for_states([alice])).toEqual(new Map());
    expect(calls(events)[0]!.warnings).toEqual([`returned more than ${MAX_RESULT_ITEMS} items (playground limit); result skipped`]);
  });

  it("R61 the item limit counts the states of all entries together: the whole result is skipped", async () => {
    const first = new Set([alice]);
    const rest = new Set(Array.from({ length: MAX_RESULT_ITEMS }, (_, i) => i)); // counted before they are checked
    const { router, events } = await routerOf([{ get_users_for_states: async () => new Map<string, Set<unknown>>([["@a:example.org", first], ["@b:example.org", rest]]) }]);
    expect(await router.get_users_for_states([alice])).toEqual(new Map());
    expect(calls(events)[0]!.warnings).toEqual([`returned more than ${MAX_RESULT_ITEMS} items (playground limit); result skipped`]);
    expect(calls(events)[0]!.output).toBeNull();
  });

  it("R2 the callback receives a frozen copy of the engine's array, its records as given", async () => {
    let got: unknown = null;
    const input = [alice, bob];
    const { router } = await routerOf([{ get_users_for_states: async (s: unknown) => ((got = s), new Map()) }]);
    await router.get_users_for_states(input);
    expect(got).toEqual(input);
    expect(got).not.toBe(input);
    expect(Object.isFrozen(got)).toBe(true);
  });
});

describe("R62 reading get_interested_users results", () => {
  it("R62 non-string members are skipped with a warning each; the strings are kept", async () => {
    const { router, events } = await routerOf([{ get_interested_users: async () => new Set<unknown>(["@a:example.org", 5, null, "@b:example.org"]) }]);
    expect(await router.get_interested_users("@me:example.org")).toEqual(new Set(["@a:example.org", "@b:example.org"]));
    const [e] = calls(events);
    expect(e!.output).toEqual(["@a:example.org", "@b:example.org"]);
    expect(e!.warnings).toEqual([
      "returned a Set containing a number; expected user id strings (value skipped)",
      "returned a Set containing null; expected user id strings (value skipped)",
    ]);
  });

  it("R62 a Set over MAX_RESULT_ITEMS is skipped whole, with the limit named; other callbacks still count", async () => {
    const over = new Set(Array.from({ length: MAX_RESULT_ITEMS + 1 }, (_, i) => i)); // counted before they are checked
    const { router, events } = await routerOf([{ get_interested_users: async () => new Set(["@a:example.org"]) }, { get_interested_users: async () => over }]);
    expect(await router.get_interested_users("@me:example.org")).toEqual(new Set(["@a:example.org"]));
    expect(calls(events).map((e) => [e.output, e.warnings])).toEqual([
      [["@a:example.org"], []],
      [null, [`returned more than ${MAX_RESULT_ITEMS} items (playground limit); result skipped`]],
    ]);
  });

  it("R62 ALL is recorded with the callback's input and no warnings or error", async () => {
    const { router, events } = await routerOf([{ get_interested_users: async () => "ALL" }]);
    expect(await router.get_interested_users("@me:example.org")).toBe("ALL");
    expect(calls(events)).toEqual([
      { at: 0, server: "example.org", type: "router_call", module: "m0.ts", callback: "get_interested_users", call: 1, site: "direct", for_user: null, input: "@me:example.org", output: "ALL", ms: 0, warnings: [], error: null },
    ]);
  });
});

describe("R63 unsettled promises and timing", () => {
  it("R63 onUnsettled is told once per callback whose promise cannot settle, not for one that raises", async () => {
    let unsettled = 0;
    const { router } = await routerOf(
      [
        { get_interested_users: () => new Promise(() => {}) },
        { get_interested_users: async () => { throw new Error("x"); } },
      ],
      { onUnsettled: () => unsettled++ },
    );
    await router.get_interested_users("@me:example.org");
    expect(unsettled).toBe(1);
  });

  it("R63 a promise rejected with undefined is a failure, not an empty result", async () => {
    const { router, events } = await routerOf([{ get_interested_users: () => Promise.reject(undefined) }]);
    expect(await router.get_interested_users("@me:example.org")).toEqual(new Set());
    expect(calls(events)[0]!.error).toEqual({ message: "Error: undefined" });
  });

  /** performance.now() advancing 1.23456 ms per call: `ms` becomes predictable. */
  function fakeClock() {
    let t = 0;
    vi.spyOn(performance, "now").mockImplementation(() => (t += 1.23456));
  }

  it("ms is 0 without measure: true, whatever the wall clock says", async () => {
    const { router, events } = await routerOf([{ get_interested_users: async () => new Set() }]);
    fakeClock();
    await router.get_interested_users("@me:example.org");
    expect(calls(events)[0]!.ms).toBe(0);
  });

  it("measure: true times the call, rounded to µs; an awaiting callback adds the turns it kept running", async () => {
    const { router, events } = await routerOf(
      [
        { get_interested_users: async () => new Set() },
        {
          get_interested_users: async () => {
            for (let i = 0; i < 3; i++) await undefined;
            return new Set();
          },
        },
      ],
      { measure: true },
    );
    fakeClock();
    await router.get_interested_users("@me:example.org");
    // one call: 1.23456 → 1.235; the awaiting one: the call plus its later turns, 2 × 1.23456 → 2.469
    expect(calls(events).map((e) => e.ms)).toEqual([1.235, 2.469]);
  });
});
