// ModuleApi details a module author meets: argument checking with clear messages, the
// timers' exact schedule on the simulated clock (boundary pairs), the watchdog spans
// of timer code, and what `console.log(api)` shows.
import { describe, expect, it } from "vitest";
import { formatValue, loadModules } from "../../src/engine/modules/index.ts";
import type { ModuleHost } from "../../src/engine/contracts.ts";
import { entry, hostFromModules, loadOptions, recordingServerApi, START } from "./support/host.ts";

type Api = Record<string, (...a: unknown[]) => unknown> & { server_name: string };

/** Loads one module that hands its ModuleApi out; `spans` records the host's enter/leave calls. */
async function moduleApi(o: { users?: string[]; watch?: boolean } = {}) {
  let captured: Api | null = null;
  const base = hostFromModules({ "m.ts": () => ({ default: class { constructor(_c: unknown, api: Api) { captured = api; } } }) });
  const spans: string[] = [];
  const host: ModuleHost = o.watch
    ? {
        ...base,
        enter(module, what, at) {
          spans.push(`enter ${module} ${what} @${at}`);
          return () => spans.push(`leave ${what}`);
        },
      }
    : base;
  const opts = loadOptions(host, [entry("m.ts")], { api: recordingServerApi("example.org", o.users ?? []) });
  const { errors } = await loadModules(opts);
  expect(errors).toEqual([]);
  spans.length = 0;
  return { api: captured! as Api, server: opts.api, events: opts.events, spans };
}

const schedules = (server: { calls: Array<{ method: string; args: unknown[] }> }) =>
  server.calls.filter((c) => c.method === "schedule").map((c) => c.args[0]);

describe("ModuleApi argument checks", () => {
  it("is_mine is false for a non-string", async () => {
    const { api } = await moduleApi();
    expect(api.is_mine(42)).toBe(false);
    expect(api.is_mine(null)).toBe(false);
  });

  it("R67 send_local_online_presence_to: null, undefined, a number, a string, a plain object and non-string ids are refused", async () => {
    const { api, server } = await moduleApi();
    for (const bad of [null, undefined, 7, "@a:example.org", { "@a:example.org": true }]) {
      await expect(api.send_local_online_presence_to(bad)).rejects.toThrow(/send_local_online_presence_to expects a list or Set of user ids, got /);
    }
    await expect(api.send_local_online_presence_to(null)).rejects.toThrow(/, got null$/);
    await expect(api.send_local_online_presence_to(7)).rejects.toThrow(/, got a number$/);
    await expect(api.send_local_online_presence_to({})).rejects.toThrow(/, got a plain object$/);
    await expect(api.send_local_online_presence_to(["@a:example.org", 3])).rejects.toThrow("send_local_online_presence_to: user ids must be strings, got a number");
    expect(server.calls).toEqual([]);
  });

  it("R67 send_local_online_presence_to reads any iterable (a generator), in order", async () => {
    const { api, server } = await moduleApi();
    function* users() {
      yield "@a:example.org";
      yield "@b:example.org";
    }
    await api.send_local_online_presence_to(users());
    await api.send_local_online_presence_to([]);
    expect(server.calls.map((c) => c.args[0])).toEqual([["@a:example.org", "@b:example.org"], []]);
  });

  it("R69 set_presence_for_users refuses arrays, null and non-mappings with the expected shape in the message", async () => {
    const { api, server } = await moduleApi();
    for (const bad of [[["@a:example.org", ["online", null]]], null, 5, "x"]) {
      await expect(api.set_presence_for_users(bad)).rejects.toThrow(/set_presence_for_users expects a Map or object of user_id → \[state, status_msg\]/);
    }
    await expect(api.set_presence_for_users([])).rejects.toThrow(/got an array$/);
    expect(server.calls).toEqual([]);
  });

  it("R69 set_presence_for_users checks each value: a pair of a string state and a string/null status", async () => {
    const { api, server } = await moduleApi();
    const bad: unknown[] = [
      ["online"], // too short
      ["online", null, "x"], // too long
      [1, null], // state not a string
      ["online", 5], // status not a string
      "online",
    ];
    for (const v of bad) {
      await expect(api.set_presence_for_users({ "@a:example.org": v })).rejects.toThrow(/the value for @a:example.org must be \[state, status_msg\], got /);
    }
    await expect(api.set_presence_for_users(new Map([[9, ["online", null]]]))).rejects.toThrow("set_presence_for_users: user ids must be strings, got a number");
    expect(server.calls).toEqual([]);
    await api.set_presence_for_users({ "@a:example.org": ["online"].concat([undefined as never]), "@b:example.org": ["busy", "hi"] });
    expect(server.calls.map((c) => c.args[0])).toEqual([{ "@a:example.org": ["online", null], "@b:example.org": ["busy", "hi"] }]);
  });

  it("get_state_events_in_room: no types, null types, and a type with no state key", async () => {
    const { api, server } = await moduleApi();
    await api.get_state_events_in_room("!r:example.org");
    await api.get_state_events_in_room("!r:example.org", null);
    await api.get_state_events_in_room("!r:example.org", new Set([["m.room.member", undefined], ["m.room.name", ""]]));
    expect(server.calls.map((c) => c.args)).toEqual([
      ["!r:example.org", undefined],
      ["!r:example.org", undefined],
      ["!r:example.org", [["m.room.member", null], ["m.room.name", ""]]],
    ]);
  });

  it("R56 register_presence_router_callbacks with null or nothing is a no-op; a string or a second argument is refused", async () => {
    const { api } = await moduleApi();
    expect(api.register_presence_router_callbacks(null)).toBeUndefined();
    expect(api.register_presence_router_callbacks()).toBeUndefined();
    expect(() => api.register_presence_router_callbacks("get_users_for_states")).toThrow(/takes keyword arguments/);
    expect(() => api.register_presence_router_callbacks({}, {})).toThrow(/takes keyword arguments/);
  });

  it("R58 exactly one callback raises Synapse's message, whichever one it is", async () => {
    const { api } = await moduleApi();
    const msg = "PresenceRouter modules must register neither or both of the paired callbacks: [get_users_for_states, get_interested_users]";
    expect(() => api.register_presence_router_callbacks({ get_users_for_states: async () => new Map() })).toThrow(msg);
    expect(() => api.register_presence_router_callbacks({ get_interested_users: async () => new Set(), get_users_for_states: null })).toThrow(msg);
  });
});

describe("ModuleApi timers on the simulated clock", () => {
  it("delayed_background_call(0) runs at once on the next tick; a negative, NaN or Infinity delay is refused", async () => {
    const { api, server } = await moduleApi();
    const seen: number[] = [];
    api.delayed_background_call(0, () => seen.push(api.get_current_time_msec() as number));
    await server.advance(0);
    expect(seen).toEqual([START]);
    for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY, "5"]) {
      expect(() => api.delayed_background_call(bad, () => {})).toThrow(/delayed_background_call: the delay must be a non-negative number of ms, got /);
    }
    expect(() => api.delayed_background_call(-1, () => {})).toThrow(/got a number$/);
  });

  it("delayed_background_call passes its extra arguments; an async failure becomes an error event", async () => {
    const { api, server, events } = await moduleApi();
    const got: unknown[] = [];
    api.delayed_background_call(10, (...a: unknown[]) => got.push(a), 1, "two");
    api.delayed_background_call(20, async () => {
      throw new Error("late boom");
    });
    await server.advance(20);
    expect(got).toEqual([[1, "two"]]);
    expect(events).toEqual([
      { at: 20, server: "example.org", type: "error", module: "m.ts", message: "m.ts delayed_background_call raised Error: late boom", error: { message: "Error: late boom" } },
    ]);
  });

  it("delayed_background_call fires exactly at its delay, not 1 ms before", async () => {
    const { api, server } = await moduleApi();
    let fired = 0;
    api.delayed_background_call(500, () => fired++);
    await server.advance(499);
    expect(fired).toBe(0);
    await server.advance(1);
    expect(fired).toBe(1);
  });

  it("looping_background_call: msec 0 or negative is refused; extra arguments are passed each time", async () => {
    const { api, server } = await moduleApi();
    expect(() => api.looping_background_call(() => {}, 0)).toThrow("looping_background_call: msec must be > 0");
    expect(() => api.looping_background_call(() => {}, -5)).toThrow(/looping_background_call: the delay must be a non-negative number/);
    const got: unknown[] = [];
    api.looping_background_call((...a: unknown[]) => got.push(a), 1, "x", 2);
    await server.advance(2);
    expect(got).toEqual([["x", 2], ["x", 2]]);
  });

  it("looping_background_call: first call exactly after msec (boundary pair), then every msec", async () => {
    const { api, server } = await moduleApi();
    const at: number[] = [];
    api.looping_background_call(() => at.push((api.get_current_time_msec() as number) - START), 1000);
    await server.advance(999);
    expect(at).toEqual([]);
    await server.advance(1);
    expect(at).toEqual([1000]);
    await server.advance(999);
    expect(at).toEqual([1000]);
    await server.advance(1);
    expect(at).toEqual([1000, 2000]);
    expect(schedules(server)).toEqual([1000, 1000, 1000]);
  });

  it("looping_background_call waits for an async f and skips the intervals it missed (Twisted LoopingCall)", async () => {
    const { api, server } = await moduleApi();
    const at: number[] = [];
    api.looping_background_call(async () => {
      at.push((api.get_current_time_msec() as number) - START);
      await api.sleep(2.5); // runs 2500 ms: the calls due at 2000 and 3000 are skipped
    }, 1000);
    await server.advance(4500);
    // started 1000, done 3500 → next at 4000 (1000 - 2500 % 1000 = 500 ms later)
    expect(at).toEqual([1000, 4000]);
    expect(schedules(server)).toEqual([1000, 2500, 500, 2500]);
  });

  it("looping_background_call keeps looping after f throws or rejects (R63: logged)", async () => {
    const { api, server, events } = await moduleApi();
    let n = 0;
    api.looping_background_call(() => {
      n++;
      if (n === 1) throw new Error("sync fail");
      return Promise.reject(new Error("async fail"));
    }, 100);
    await server.advance(300);
    expect(n).toBe(3);
    expect(events.map((e) => e.type === "error" && e.message)).toEqual([
      "m.ts looping_background_call raised Error: sync fail",
      "m.ts looping_background_call raised Error: async fail",
      "m.ts looping_background_call raised Error: async fail",
    ]);
  });

  it("looping_background_call stopped while f is still running does not schedule again", async () => {
    const { api, server } = await moduleApi();
    let n = 0;
    const loop = api.looping_background_call(async () => {
      n++;
      await api.sleep(0.5);
    }, 1000) as { stop(): void };
    await server.advance(1200); // f started at 1000, sleeping until 1500
    loop.stop();
    await server.advance(5000);
    expect(n).toBe(1);
    expect(schedules(server)).toEqual([1000, 500]); // the loop's first timer, then f's sleep only
  });

  it("sleep(0) resolves on the next tick; sleep of a negative or non-number is refused", async () => {
    const { api, server } = await moduleApi();
    let woke = false;
    void (api.sleep(0) as Promise<void>).then(() => (woke = true));
    await server.advance(0);
    expect(woke).toBe(true);
    await expect(api.sleep(-0.001)).rejects.toThrow(/sleep: the delay must be a non-negative number/);
    await expect(api.sleep("1")).rejects.toThrow(/sleep: the delay must be a non-negative number of ms, got the string "1"/);
  });

  it("timer code runs as a watchdog span named after the timer, at the simulated offset", async () => {
    const { api, server, spans } = await moduleApi({ watch: true });
    api.delayed_background_call(250, () => spans.push("f runs"));
    api.looping_background_call(() => spans.push("g runs"), 400);
    await server.advance(400);
    expect(spans).toEqual([
      "enter m.ts delayed_background_call timer @250",
      "f runs",
      "leave delayed_background_call timer",
      "enter m.ts looping_background_call timer @400",
      "g runs",
      "leave looping_background_call timer",
    ]);
  });
});

describe("ModuleApi as a value", () => {
  it("console.log(api) lists the modelled members; the unavailable ones stay out of sight", async () => {
    const { api } = await moduleApi();
    const keys = Object.keys(api);
    expect(keys).toContain("send_local_online_presence_to");
    expect(keys).toContain("register_spam_checker_callbacks"); // a method that throws when called
    expect(keys).not.toContain("http_client");
    expect("http_client" in api).toBe(true);
    expect(formatValue(api)).toContain('"server_name": "example.org"');
    expect(formatValue(api)).not.toContain("unreadable");
  });
});
