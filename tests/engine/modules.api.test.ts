// The ModuleApi surface: forwarding to ServerApi (R67–R69), timers on the simulated
// clock, and Synapse members the playground does not model.
import { describe, expect, it } from "vitest";
import { loadModules, UNAVAILABLE_METHODS, UNAVAILABLE_PROPERTIES } from "../../src/engine/modules/index.ts";
import { entry, hostFromModules, loadOptions, recordingServerApi, START } from "./support/host.ts";

type Api = Record<string, (...a: unknown[]) => unknown> & { server_name: string };

/** Loads one module that hands its ModuleApi out; returns it with the recording ServerApi. */
async function moduleApi(users: string[] = []) {
  let captured: Api | null = null;
  const host = hostFromModules({ "m.ts": () => ({ default: class { constructor(_c: unknown, api: Api) { captured = api; } } }) });
  const opts = loadOptions(host, [entry("m.ts")], { api: recordingServerApi("example.org", users) });
  const { errors } = await loadModules(opts);
  expect(errors).toEqual([]);
  return { api: captured! as Api, server: opts.api, events: opts.events };
}

describe("ModuleApi", () => {
  it("server_name, is_mine and get_qualified_user_id", async () => {
    const { api } = await moduleApi();
    expect(api.server_name).toBe("example.org");
    expect(api.is_mine("@a:example.org")).toBe(true);
    expect(api.is_mine("@a:matrix.org")).toBe(false);
    expect(api.get_qualified_user_id("bob")).toBe("@bob:example.org");
    expect(api.get_qualified_user_id("@bob:other.org")).toBe("@bob:other.org");
  });

  it("R67 send_local_online_presence_to forwards an array or a Set, tagged with the module", async () => {
    const { api, server } = await moduleApi();
    await api.send_local_online_presence_to(["@a:example.org", "@b:matrix.org"]);
    await api.send_local_online_presence_to(new Set(["@c:example.org"]));
    expect(server.calls.filter((c) => c.method === "send_local_online_presence_to")).toEqual([
      { method: "send_local_online_presence_to", args: [["@a:example.org", "@b:matrix.org"], "m.ts"] },
      { method: "send_local_online_presence_to", args: [["@c:example.org"], "m.ts"] },
    ]);
  });

  it("R67 send_local_online_presence_to rejects a string (not a list of users)", async () => {
    const { api, server } = await moduleApi();
    await expect(api.send_local_online_presence_to("@a:example.org")).rejects.toThrow(/list or Set of user ids/);
    expect(server.calls).toEqual([]);
  });

  it("R68/S13 a raise in the server surfaces to the module as a rejection", async () => {
    const { api, server } = await moduleApi();
    server.failNext = new Error("Expected only local users");
    await expect(api.send_local_online_presence_to(["@r:matrix.org"])).rejects.toThrow("Expected only local users");
  });

  it("R69 set_presence_for_users forwards a Map or an object of [state, status_msg]", async () => {
    const { api, server } = await moduleApi();
    await api.set_presence_for_users({ "@a:example.org": ["online", "hi"] });
    await api.set_presence_for_users(new Map([["@b:matrix.org", ["unavailable", null]]]));
    await api.set_presence_for_users({ "@c:example.org": ["offline", undefined] });
    expect(server.calls.map((c) => c.args)).toEqual([
      [{ "@a:example.org": ["online", "hi"] }, "m.ts"],
      [{ "@b:matrix.org": ["unavailable", null] }, "m.ts"],
      [{ "@c:example.org": ["offline", null] }, "m.ts"],
    ]);
    await expect(api.set_presence_for_users({ "@a:example.org": "online" })).rejects.toThrow(/\[state, status_msg\]/);
  });

  it("get_state_events_in_room, update_room_membership and check_user_exists forward", async () => {
    const { api, server } = await moduleApi(["@a:example.org"]);
    const events = await api.get_state_events_in_room("!r:example.org", [["m.room.member", null]]);
    expect(events).toEqual([expect.objectContaining({ type: "m.room.member", room_id: "!r:example.org" })]);
    await api.update_room_membership("@a:example.org", "@b:example.org", "!r:example.org", "invite");
    expect(await api.check_user_exists("@a:example.org")).toBe("@a:example.org");
    expect(await api.check_user_exists("@zz:example.org")).toBeNull();
    expect(server.calls).toEqual([
      { method: "get_state_events_in_room", args: ["!r:example.org", [["m.room.member", null]]] },
      { method: "update_room_membership", args: ["@a:example.org", "@b:example.org", "!r:example.org", "invite", "m.ts"] },
    ]);
  });

  it("get_current_time_msec and sleep follow the simulated clock", async () => {
    const { api, server } = await moduleApi();
    expect(api.get_current_time_msec()).toBe(START);
    let woke = 0;
    void (api.sleep(2) as Promise<void>).then(() => (woke = api.get_current_time_msec() as number));
    await server.advance(1999);
    expect(woke).toBe(0);
    await server.advance(1);
    expect(woke).toBe(START + 2000);
  });

  it("looping_background_call runs every msec (first after msec) until stopped", async () => {
    const { api, server } = await moduleApi();
    const at: number[] = [];
    const loop = api.looping_background_call(async (x: unknown) => at.push((api.get_current_time_msec() as number) - START + (x as number)), 1000, 0) as { stop(): void };
    await server.advance(3500);
    expect(at).toEqual([1000, 2000, 3000]);
    loop.stop();
    await server.advance(5000);
    expect(at).toHaveLength(3);
  });

  it("delayed_background_call runs once; cancel prevents it; a throw becomes an error event", async () => {
    const { api, server, events } = await moduleApi();
    const seen: string[] = [];
    api.delayed_background_call(500, (s: unknown) => seen.push(s as string), "a");
    (api.delayed_background_call(600, () => seen.push("b")) as { cancel(): void }).cancel();
    api.delayed_background_call(700, () => { throw new Error("timer boom"); });
    await server.advance(1000);
    expect(seen).toEqual(["a"]);
    expect(events).toEqual([expect.objectContaining({ type: "error", at: 700, module: "m.ts", message: expect.stringContaining("timer boom") })]);
  });

  it("members Synapse has but the playground does not model throw a clear error naming them", async () => {
    const { api } = await moduleApi();
    expect(() => api.http_client).toThrow("ModuleApi.http_client is not available in the playground");
    expect(() => api.run_db_interaction()).toThrow("ModuleApi.run_db_interaction is not available in the playground");
    for (const m of UNAVAILABLE_METHODS) expect(() => api[m]!()).toThrow(`ModuleApi.${m} is not available`);
    for (const p of UNAVAILABLE_PROPERTIES) expect(() => api[p]).toThrow(`ModuleApi.${p} is not available`);
    expect(Object.isFrozen(api)).toBe(true);
  });

  it("R56 register_presence_router_callbacks after startup (from a timer) appends live", async () => {
    let api: Api | null = null;
    const host = hostFromModules({ "m.ts": () => ({ default: class { constructor(_c: unknown, a: Api) { api = a; } } }) });
    const opts = loadOptions(host, [entry("m.ts")]);
    const { router } = await loadModules(opts);
    expect(router.active).toBe(false);
    api!.register_presence_router_callbacks({ get_users_for_states: async () => new Map(), get_interested_users: async () => "ALL" });
    expect(router.active).toBe(true);
    expect(await router.get_interested_users("@x:example.org")).toBe("ALL");
  });
});
