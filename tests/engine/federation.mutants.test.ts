// Outbound federation (federation.ts) beyond federation.test.ts: one queue entry per
// user with every reason (R33/R39), R34 with its fidelity toggle off, router call #2
// only for local records (R32/R37), and the R40 stagger cap.
import { describe, expect, it } from "vitest";
import { edu, events, moduleApi, put, run } from "./support/build.ts";
import { hostWith, routerOf } from "./support/routers.ts";

const A = "@alice:example.org";
const R = "@rita:remote.org";
const R2 = "@rob:remote.org";
const ROOM = "!r:example.org";
const router = (gufs: (states: any[]) => unknown) => hostWith({ "router.ts": routerOf(gufs, () => new Set()) });
const WITH_ROUTER = { "example.org": { modules: ["router.ts"] }, "remote.org": {} };

describe("outbound federation", () => {
  it("R33/R39 a host reached through a room and the router gets the record once, with both reasons", async () => {
    const t = await run({ servers: WITH_ROUTER, users: [A, R], rooms: { [ROOM]: [A, R] }, steps: [put(0, A, "online")] }, router((states) => new Map([[R, new Set(states)]])));
    const sent = events(t, "edu_sent", (e) => e.server === "example.org");
    expect(sent.map((e) => e.edu.content.push.map((p) => p.user_id))).toEqual([[A]]);
    expect(t.deliveries.filter((d) => d.transport === "federation").map((d) => d.via)).toEqual([[`room:${ROOM}`, "router"]]);
  });

  it("R33 the same record routed under two keys of one host is one entry with one router reason", async () => {
    const t = await run({ servers: WITH_ROUTER, users: [A, R, R2], steps: [put(0, A, "online")] }, router((states) => new Map([[R, new Set(states)], [R2, new Set(states)]])));
    expect(events(t, "edu_sent", (e) => e.server === "example.org").map((e) => e.edu.content.push.length)).toEqual([1]);
    expect(t.deliveries.filter((d) => d.transport === "federation").map((d) => d.via)).toEqual([["router"]]);
  });

  it("R34 with assert_local_federation_records off, non-local records are dropped with a warning and the local ones still go", async () => {
    // The router adds a fabricated record of a remote user next to the real one.
    const t = await run(
      { servers: WITH_ROUTER, users: [A, R], fidelity: { assert_local_federation_records: false }, steps: [put(0, A, "online")] },
      router((states) => new Map([[R, new Set([...states, states[0].copy_and_replace({ user_id: R2 })])]])),
    );
    expect(events(t, "edu_sent", (e) => e.server === "example.org").map((e) => e.edu.content.push.map((p) => p.user_id))).toEqual([[A]]);
    expect(events(t, "log", (e) => e.level === "warning").map((e) => e.message)).toEqual(["dropped non-local record(s) bound for remote.org (R34 assertion disabled)"]);
    expect(events(t, "request")[0].response.status).toBe(200);
  });

  it("R34 the error names each non-local user once and the host", async () => {
    const t = await run(
      { servers: WITH_ROUTER, users: [A, R], steps: [put(0, A, "online")] },
      router((states) => new Map([[R, new Set([states[0].copy_and_replace({ user_id: R2 }), states[0].copy_and_replace({ user_id: R2, status_msg: "x" })])]])),
    );
    expect(events(t, "error").map((e) => e.message)).toContainEqual(expect.stringContaining(`records of non-local user(s) ${R2} were routed to remote.org`));
  });

  it("R32/R37 a batch of remote records calls get_users_for_states once: no federation call #2", async () => {
    const t = await run(
      { servers: WITH_ROUTER, users: [A, R], rooms: { [ROOM]: [A, R] }, steps: [edu(0, "remote.org", "example.org", [{ user_id: R, presence: "online" }])] },
      router(() => new Map()),
    );
    expect(events(t, "router_call", (e) => e.server === "example.org" && e.callback === "get_users_for_states").length).toBe(1);
    expect(events(t, "edu_sent", (e) => e.server === "example.org")).toEqual([]);
  });

  it("R40 the stagger between destinations is capped at 30 s however slow the rate", async () => {
    const stagger = async (rr: number) => {
      const t = await run({
        servers: { "example.org": { rr }, "b.org": {}, "c.org": {} },
        users: [A, "@x:b.org", "@y:c.org"],
        rooms: { [ROOM]: [A, "@x:b.org", "@y:c.org"] },
        steps: [put(0, A, "online")],
      });
      return events(t, "edu_sent", (e) => e.server === "example.org").map((e) => e.at);
    };
    expect(await stagger(0.05)).toEqual([0, 20_000]);
    expect(await stagger(0.01)).toEqual([0, 30_000]);
  });

  it("R61 a router key that is not a user id fails the fan-out with an error naming the key", async () => {
    const t = await run({ servers: WITH_ROUTER, users: [A, R], steps: [put(0, A, "online")] }, router((states) => new Map([["nocolon", new Set(states)]])));
    expect(events(t, "error").map((e) => e.message)).toContainEqual(expect.stringContaining("router returned the key 'nocolon', which is not a user id"));
    expect(events(t, "edu_sent", (e) => e.server === "example.org")).toEqual([]);
  });

  it("R41/R68 an untracked server sends no snapshot for send_local_online_presence_to", async () => {
    const t = await run({
      servers: { "example.org": { enabled: "untracked" }, "remote.org": {} },
      users: [A, R],
      rooms: { [ROOM]: [A, R] },
      steps: [moduleApi(0, "example.org", "set_presence_for_users", { [A]: ["online", null] }), moduleApi(1000, "example.org", "send_local_online_presence_to", [R])],
    });
    expect(events(t, "edu_sent", (e) => e.server === "example.org")).toEqual([]);
  });

  it("R39 one transaction in flight per destination: what is left after 50 entries goes when the previous one is delivered", async () => {
    const users = Array.from({ length: 120 }, (_, i) => `@u${i}:example.org`);
    const t = await run({
      servers: { "example.org": { rc: { per_second: 1000, burst_count: 1000 } }, "remote.org": {} },
      users: [...users, R],
      rooms: { [ROOM]: [...users, R] },
      federation_delay: { min: 50, max: 50 },
      steps: [...users.map((u) => put(0, u, "online")), put(10, users[0], "unavailable")],
    });
    expect(events(t, "edu_sent", (e) => e.server === "example.org").map((e) => [e.at, e.edu.content.push.length])).toEqual([
      [0, 50],
      [50, 50],
      [100, 21],
    ]);
  });
});
