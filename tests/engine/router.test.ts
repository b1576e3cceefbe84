// The engine side of the router: R31 wake, R33 destinations (S23), R34, R50/R51 paths
// (S6, S8), R67 (S12, R47), R68 (S13, S16), R69.
import { describe, expect, it } from "vitest";
import { events, moduleApi, put, run, seen, senders, states, sync, syncByLabel } from "./support/build.ts";
import { hostWith, routerOf } from "./support/routers.ts";

const A = "@alice:example.org";
const B = "@bob:example.org";
const G = "@gob:example.org";
const R = "@rita:remote.org";
const OFF = { set_presence: "offline" };
const host = (gufs: (s: any[], api: any) => unknown, giu: (u: string) => unknown) => hostWith({ "router.ts": routerOf(gufs, giu) });
const mapAllTo = (users: string[]) => (states: any[]) => new Map(users.map((u) => [u, new Set(states)]));

describe("router, engine side", () => {
  it("R31 local router keys are woken; S6 but see nothing without get_interested_users", async () => {
    const t = await run(
      { servers: { "example.org": { modules: ["router.ts"] } }, users: [A, G], steps: [sync(0, G, { ...OFF, label: "i" }), sync(1, G, { ...OFF, since: "i", timeout: 10_000, label: "lp" }), put(2, A, "online")] },
      host(mapAllTo([G]), () => new Set()),
    );
    expect(events(t, "wake", (e) => e.user === G)[0].reasons).toEqual(["router"]);
    expect(syncByLabel(t, "lp").response).toEqual({}); // woken, nothing visible, waits until timeout
    expect(events(t, "router_call", (e) => e.callback === "get_users_for_states").length).toBe(2); // R37 #1 and #2
  });
  it("R50 set path: get_interested_users grants visibility (via router)", async () => {
    const t = await run(
      { servers: { "example.org": { modules: ["router.ts"] } }, users: [A, G], steps: [put(0, A, "online"), sync(1, G, { ...OFF, label: "s" })] },
      host(() => new Map(), (u) => (u === G ? new Set([A]) : new Set())),
    );
    expect(senders(syncByLabel(t, "s"))).toEqual([A]);
    expect(t.deliveries.find((d) => d.viewer === G)?.via).toEqual(["router"]);
  });
  it("R51 ALL path incremental: only R[syncingUser], self not added", async () => {
    const t = await run(
      { servers: { "example.org": { modules: ["router.ts"], rc: { per_second: 1000, burst_count: 1000 } } }, users: [A, B, G], rooms: { "!r:example.org": [G, B] }, steps: [sync(0, G, { ...OFF, label: "i" }), put(1, A, "online"), put(1, B, "online"), put(1, G, "online"), sync(2, G, { ...OFF, since: "i", label: "n" })] },
      host((states) => new Map([[G, new Set(states.filter((s) => s.user_id === A))]]), (u) => (u === G ? "ALL" : new Set())),
    );
    expect(senders(syncByLabel(t, "n"))).toEqual([A]);
  });
  it("S8 ALL_USERS without a mapping fails the sync with 500 and an error event; the run goes on", async () => {
    const t = await run(
      { servers: { "example.org": { modules: ["router.ts"] } }, users: [A, G], steps: [put(0, A, "online"), sync(1, G, { ...OFF, label: "s" }), sync(2, A, { ...OFF, label: "a" })] },
      host(() => new Map(), (u) => (u === G ? "ALL" : new Set())),
    );
    expect(syncByLabel(t, "s").error).toMatchObject({ status: 500 });
    expect(events(t, "error").some((e) => e.message.includes("S8"))).toBe(true);
    expect(syncByLabel(t, "a").error).toBeNull();
  });
  it("S8 fidelity.all_users_requires_mapping off: an empty section instead", async () => {
    const t = await run(
      { servers: { "example.org": { modules: ["router.ts"] } }, users: [A, G], fidelity: { all_users_requires_mapping: false }, steps: [put(0, A, "online"), sync(1, G, { ...OFF, label: "s" })] },
      host(() => new Map(), (u) => (u === G ? "ALL" : new Set())),
    );
    expect(syncByLabel(t, "s").error).toBeNull();
  });
  it("R33/S23 remote router keys get EDUs with exactly the listed records; local keys none", async () => {
    const t = await run(
      { servers: { "example.org": { modules: ["router.ts"] }, "remote.org": {} }, users: [A, G, R], steps: [put(0, A, "online")] },
      host(mapAllTo([R, G]), () => new Set()),
    );
    const sent = events(t, "edu_sent");
    expect(sent.length).toBe(1);
    expect(sent[0].destination).toBe("remote.org");
    expect(sent[0].edu.content.push.map((p) => p.user_id)).toEqual([A]);
    expect(t.deliveries.find((d) => d.transport === "federation")?.via).toEqual(["router"]);
  });
  it("R34 a remote record routed to federation fails the PUT with 500 after storing and waking", async () => {
    const t = await run(
      { servers: { "example.org": { modules: ["router.ts"] }, "remote.org": {} }, users: [A, R], steps: [put(0, A, "online")] },
      host((states) => new Map([[R, new Set([...states, { ...states[0], user_id: R, copy_and_replace: undefined }])]]), () => new Set()),
    );
    expect(events(t, "request")[0].response.status).toBe(500);
    expect(states(t, A)[0].after.state).toBe("online");
    expect(events(t, "error").some((e) => e.message.includes("R34"))).toBe(true);
  });
  it("R67/S12 send_local_online_presence_to: full snapshot on the next incremental sync; one target's status cleared", async () => {
    const t = await run({
      servers: { "example.org": { rc: { per_second: 1000, burst_count: 1000 } } },
      users: [A, B],
      rooms: { "!r:example.org": [A, B] },
      steps: [put(0, A, "online", "hi"), put(0, B, "online", "yo"), sync(1, B, { ...OFF, label: "i" }), moduleApi(2, "example.org", "send_local_online_presence_to", [B]), sync(3, B, { ...OFF, since: "i", label: "n" }), sync(4, B, { ...OFF, since: "n", label: "n2" })],
    });
    const call = events(t, "module_call")[0];
    expect(call).toMatchObject({ call: "send_local_online_presence_to", args: [[B]], module: null, error: null });
    const b = states(t, B).find((e) => e.cause === "module_api")!;
    expect(b.after.status_msg).toBeNull();
    expect(b.notified).toBe(true);
    const n = seen(syncByLabel(t, "n"));
    expect(Object.keys(n).sort()).toEqual([A, B].sort());
    expect(t.deliveries.find((d) => d.viewer === B && d.source === A && d.at === 3)?.via).toContain("module_api");
    expect(syncByLabel(t, "n2").response).toEqual({}); // once only
  });
  it("R68/S16 remote target: get_interested_users(remote) is called; snapshot EDU to its server", async () => {
    const t = await run({
      servers: { "example.org": {}, "remote.org": {} },
      users: [A, R],
      rooms: { "!r:example.org": [A, R] },
      steps: [put(0, A, "online"), moduleApi(5000, "example.org", "send_local_online_presence_to", [R])],
    });
    const sent = events(t, "edu_sent", (e) => e.at >= 5000);
    expect(sent[0].edu.content.push.map((p) => p.user_id)).toEqual([A]);
    expect(t.deliveries.some((d) => d.at >= 5000 && d.via.includes("module_api"))).toBe(true);
  });
  it("S13 remote target whose snapshot contains a remote record: the call raises", async () => {
    const t = await run({
      servers: { "example.org": {}, "remote.org": {} },
      users: [A, R],
      rooms: { "!r:example.org": [A, R] },
      steps: [put(0, R, "online"), moduleApi(5000, "example.org", "send_local_online_presence_to", [R])],
    });
    expect(events(t, "module_call")[0].error).toMatch(/R34/);
    expect(events(t, "error").length).toBeGreaterThan(0);
  });
  it("R69 set_presence_for_users: force-notified for local and remote users, no devices", async () => {
    const t = await run({ servers: { "example.org": {}, "remote.org": {} }, users: [A, R], steps: [moduleApi(0, "example.org", "set_presence_for_users", { [A]: ["online", "m"], [R]: ["unavailable", null] }), moduleApi(1000, "example.org", "set_presence_for_users", { [A]: ["online", "m"] })] });
    expect(states(t, A)[0].after).toMatchObject({ state: "online", status_msg: "m" });
    expect(states(t, R, "example.org")[0].after.state).toBe("unavailable");
    expect(events(t, "wake", (e) => e.at === 1000 && e.user === A).length).toBe(1); // notified though unchanged
  });
});
