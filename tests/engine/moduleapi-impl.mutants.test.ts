// The ServerApi a server gives its modules (moduleapi-impl.ts), called directly on a
// fresh World: what modules.api.test.ts (a recording ServerApi) cannot see — the
// answers of is_mine / user_exists / get_state_events_in_room, the module_call trace
// events, argument checks (R67, R69), target de-duplication (R67/R68).
import { describe, expect, it } from "vitest";
import { createServerApi } from "../../src/engine/moduleapi-impl.ts";
import { World } from "../../src/engine/world.ts";
import type { TraceEvent } from "../../src/trace/types.ts";
import { hostFromModules } from "./support/host.ts";
import { events, moduleApi, put, run, scenario, T0 } from "./support/build.ts";
import { hostWith, routerOf } from "./support/routers.ts";

const A = "@alice:example.org";
const B = "@bob:example.org";
const R = "@rita:remote.org";
const ROOM = "!r:example.org";
const ELSEWHERE = "!far:remote.org";

function api() {
  const sc = scenario({ servers: { "example.org": {}, "remote.org": {} }, users: [A, R], rooms: { [ROOM]: [A, R], [ELSEWHERE]: [R] } });
  const w = new World(sc, hostFromModules({}));
  const s = w.servers.get("example.org")!;
  return { api: createServerApi(s), w };
}
const calls = (w: World) => w.recorder.all().filter((e): e is Extract<TraceEvent, { type: "module_call" }> => e.type === "module_call");

describe("ServerApi (moduleapi-impl)", () => {
  it("server_name, start_time and now follow the scenario's clock", () => {
    const { api: a } = api();
    expect([a.server_name, a.start_time, a.now()]).toEqual(["example.org", T0, T0]);
  });

  it("is_mine: this server's user ids only; anything not a string is not", () => {
    const { api: a } = api();
    expect([A, R, "@x:example.org.evil", 42, null].map((u) => a.is_mine(u as string))).toEqual([true, false, false, false, false]);
  });

  it("user_exists: a scenario user of this server; not a remote one, not an unknown local one", () => {
    const { api: a } = api();
    expect([A, R, B].map((u) => a.user_exists(u))).toEqual([true, false, false]);
  });

  it("get_state_events_in_room: member events filtered by [type, state_key], null matching any key; none where this server has nobody", () => {
    const { api: a } = api();
    const alice = { type: "m.room.member", state_key: A, sender: A, room_id: ROOM, content: { membership: "join" } };
    const rita = { type: "m.room.member", state_key: R, sender: R, room_id: ROOM, content: { membership: "join" } };
    expect(a.get_state_events_in_room(ROOM)).toEqual([alice, rita]);
    expect(a.get_state_events_in_room(ROOM, [["m.room.member", null]])).toEqual([alice, rita]);
    expect(a.get_state_events_in_room(ROOM, [["m.room.member", R]])).toEqual([rita]);
    expect(a.get_state_events_in_room(ROOM, [["m.room.topic", null]])).toEqual([]);
    expect(a.get_state_events_in_room(ROOM, [["m.room.topic", A]])).toEqual([]);
    expect(a.get_state_events_in_room(ELSEWHERE)).toEqual([]);
  });

  it("R67 a target list that is not an array fails the call; the trace shows it with the module's name and the error", async () => {
    const { api: a, w } = api();
    await expect(a.send_local_online_presence_to(A as unknown as string[], "m.ts")).rejects.toThrow("send_local_online_presence_to expects a list of user ids");
    expect(calls(w)).toEqual([
      expect.objectContaining({ call: "send_local_online_presence_to", args: [A], module: "m.ts", error: "send_local_online_presence_to expects a list of user ids" }),
    ]);
    expect(w.recorder.all().filter((e) => e.type === "error").map((e) => (e as { message: string }).message)).toEqual([
      "send_local_online_presence_to failed: send_local_online_presence_to expects a list of user ids",
    ]);
  });

  it("R69 every value must be [state, status_msg]; a good call is recorded without an error", async () => {
    const { api: a, w } = api();
    await expect(a.set_presence_for_users({ [A]: ["online"] } as never, null)).rejects.toThrow(`set_presence_for_users: value for ${A} must be [state, status_msg]`);
    await expect(a.set_presence_for_users({ [A]: "online" } as never, null)).rejects.toThrow(/must be \[state, status_msg\]/);
    await a.set_presence_for_users({ [A]: ["unavailable", undefined as unknown as null] }, null);
    expect(calls(w).map((c) => c.error === null)).toEqual([false, false, true]);
    expect(calls(w)[2]).toMatchObject({ args: [{ [A]: ["unavailable", null] }], module: null });
  });

  it("module_call args that JSON cannot hold are shown as strings", async () => {
    const { api: a, w } = api();
    await a.set_presence_for_users({}, null);
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    await a.set_presence_for_users(loop as never, null).catch(() => undefined);
    expect(calls(w).map((c) => c.args)).toEqual([[{}], ["[object Object]"]]);
  });

  it("R67/R68 a target named twice is handled once: one router question, one snapshot", async () => {
    const asked: string[] = [];
    const router = routerOf(
      () => new Map(),
      (u) => {
        asked.push(u);
        return new Set();
      },
    );
    const t = await run(
      { servers: { "example.org": { modules: ["router.ts"] }, "remote.org": {} }, users: [A, R], rooms: { [ROOM]: [A, R] }, steps: [put(0, A, "online"), moduleApi(5000, "example.org", "send_local_online_presence_to", [R, R])] },
      hostWith({ "router.ts": router }),
    );
    expect(asked.filter((u) => u === R)).toEqual([R]);
    expect(events(t, "edu_sent", (e) => e.at >= 5000 && e.at < 6000 && e.server === "example.org").map((e) => e.edu.content.push.map((p) => p.user_id))).toEqual([[A]]);
  });

  it("R68 a target that is not a user id fails the call with 400 and sends nothing", async () => {
    const t = await run({ servers: { "example.org": {}, "remote.org": {} }, users: [A, R], rooms: { [ROOM]: [A, R] }, steps: [moduleApi(5000, "example.org", "send_local_online_presence_to", ["nocolon"])] });
    expect(events(t, "module_call")[0].error).toBe("Invalid user id nocolon");
    expect(events(t, "edu_sent", (e) => e.at >= 5000 && e.server === "example.org")).toEqual([]);
  });

  it("R67/S12 with fidelity.status_msg_quirk off the re-applied target keeps its status", async () => {
    const steps = [put(0, A, "online", "hi"), moduleApi(1000, "example.org", "send_local_online_presence_to", [A])];
    const quirk = await run({ users: [A], steps });
    const fixed = await run({ users: [A], steps, fidelity: { status_msg_quirk: false } });
    const after = (t: typeof quirk) => events(t, "state", (e) => e.cause === "module_api")[0].after.status_msg;
    expect([after(quirk), after(fixed)]).toEqual([null, "hi"]);
  });
});
