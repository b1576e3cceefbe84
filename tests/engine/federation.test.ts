// Federation: R32, R33, R35, R36, R38–R44 (router-driven parts in router.test.ts).
import { describe, expect, it } from "vitest";
import { edu, events, membership, put, run, seen, states, sync, syncByLabel, until } from "./support/build.ts";

const A = "@alice:example.org";
const B = "@bob:example.org";
const R = "@rita:remote.org";
const TWO = { "example.org": {}, "remote.org": {} };
const ROOM = { "!r:example.org": [A, R] };

describe("federation", () => {
  it("R33/R38 a notified change goes to servers sharing a room; EDU built at send time; delivered within the delay", async () => {
    const t = await run({ servers: TWO, users: [A, R], rooms: ROOM, steps: [put(0, A, "online", "hi")] });
    const sent = events(t, "edu_sent");
    expect(sent.length).toBe(1);
    expect(sent[0]).toMatchObject({ server: "example.org", destination: "remote.org", txn_id: "example.org:1" });
    expect(sent[0].edu).toEqual({ edu_type: "m.presence", content: { push: [{ presence: "online", user_id: A, last_active_ago: 0, status_msg: "hi", currently_active: true }] } });
    const rec = events(t, "edu_received")[0];
    expect(rec.at).toBeLessThanOrEqual(100);
    expect(rec.accepted).toEqual([A]);
    expect(states(t, A, "remote.org")[0].after).toMatchObject({ state: "online", status_msg: "hi", currently_active: true });
    expect(t.deliveries).toContainEqual(expect.objectContaining({ server: "remote.org", source: A, viewer: "remote.org", transport: "federation", via: ["room:!r:example.org"] }));
  });
  it("R44/R50 the remote server's roommates see the remote user on sync", async () => {
    const t = await run({ servers: TWO, users: [A, R], rooms: ROOM, steps: [put(0, A, "online"), sync(1000, R, { set_presence: "offline", label: "r" })] });
    expect(seen(syncByLabel(t, "r"))[A].presence).toBe("online");
  });
  it("R32/S9 remote users' presence is never re-federated", async () => {
    const t = await run({
      servers: { ...TWO, "third.org": {} },
      users: [A, R, "@t:third.org"],
      rooms: { "!r:example.org": [A, R, "@t:third.org"] },
      steps: [put(0, R, "online")],
    });
    expect(events(t, "edu_sent").every((e) => e.server === "remote.org")).toBe(true);
  });
  it("R74 excluded rooms do not pick destinations", async () => {
    const t = await run({ servers: { "example.org": { exclude: ["!r:example.org"] }, "remote.org": {} }, users: [A, R], rooms: ROOM, steps: [put(0, A, "online")] });
    expect(events(t, "edu_sent", (e) => e.server === "example.org")).toEqual([]);
  });
  it("R33 federation_domain_whitelist blocks other destinations", async () => {
    const t = await run({ servers: { "example.org": { whitelist: ["other.org"] }, "remote.org": {} }, users: [A, R], rooms: ROOM, steps: [put(0, A, "online")] });
    expect(events(t, "edu_sent")).toEqual([]);
  });
  it("R39 one pending entry per user per destination: the newer replaces the older; at most 50 per EDU", async () => {
    const users = Array.from({ length: 60 }, (_, i) => `@u${i}:example.org`);
    const t = await run({
      servers: { "example.org": { rc: { per_second: 1000, burst_count: 1000 } }, "remote.org": {} },
      users: [...users, R],
      rooms: { "!r:example.org": [...users, R] },
      federation_delay: { min: 50, max: 50 },
      steps: [...users.map((u) => put(0, u, "online")), put(10, users[0], "unavailable")],
    });
    const sent = events(t, "edu_sent");
    // All 60 changes at offset 0 are queued before the send (§5); then one transaction in flight at a time.
    expect(sent[0].edu.content.push.length).toBe(50);
    expect(sent[1].at).toBe(50);
    expect(sent[1].edu.content.push.length).toBe(11);
    const u0 = sent.flatMap((e) => e.edu.content.push).filter((p) => p.user_id === users[0]);
    expect(u0.map((p) => p.presence)).toEqual(["online", "unavailable"]);
    expect(new Set(sent.map((e) => e.txn_id)).size).toBe(sent.length);
  });
  it("R35 an unchanged local user is pinged to remote servers every 25 min", async () => {
    const t = await run({ servers: TWO, users: [A, R], rooms: ROOM, clients: [{ user: A }], steps: [until(1_600_000)] });
    const sent = events(t, "edu_sent", (e) => e.server === "example.org");
    expect(sent.length).toBeGreaterThanOrEqual(2);
    expect(sent[sent.length - 1].at).toBeGreaterThanOrEqual(1_500_000);
    expect(sent[sent.length - 1].edu.content.push[0].presence).toBe("online");
  });
  it("R36/S22 a join pushes presence both ways without the router; a newly joined offline user is pushed too", async () => {
    const t = await run({
      servers: TWO,
      users: [A, B, R],
      rooms: { "!r:example.org": [A], "!x:example.org": [B] },
      steps: [put(0, A, "online"), until(1000), membership(2000, R, "!r:example.org", "join"), membership(3000, B, "!r:example.org", "join")],
    });
    const a = events(t, "edu_sent", (e) => e.at >= 2000 && e.server === "example.org");
    expect(a[0].edu.content.push.map((p) => p.user_id)).toEqual([A]);
    expect(a[1].edu.content.push).toEqual([{ presence: "offline", user_id: B }]);
    expect(t.deliveries.filter((d) => d.transport === "federation" && d.at >= 2000).every((d) => d.via.includes("join"))).toBe(true);
    const fromRemote = events(t, "edu_sent", (e) => e.server === "remote.org");
    // R's default offline record is pushed to example.org when R joins.
    expect(fromRemote[0].edu.content.push).toEqual([{ presence: "offline", user_id: R }]);
  });
  it("R36 a join pushes the previous local members' records except stale offline ones (never-active defaults always dropped)", async () => {
    const C = "@carol:example.org";
    const t = await run({
      servers: TWO,
      users: [A, B, C, R],
      rooms: { "!r:example.org": [A, B, C] },
      // A online; B offline but with a status (kept); C never active (default: dropped).
      steps: [put(0, A, "online"), put(0, B, "offline", "gone fishing"), membership(2000, R, "!r:example.org", "join")],
    });
    const push = events(t, "edu_sent", (e) => e.at >= 2000 && e.server === "example.org")[0].edu.content.push;
    expect(push.map((p) => p.user_id)).toEqual([A, B]);
  });
  it("R39 a replaced pending entry keeps its place in the queue", async () => {
    const t = await run({
      servers: { "example.org": { rc: { per_second: 1000, burst_count: 1000 } }, "remote.org": {} },
      users: [A, B, R],
      rooms: { "!r:example.org": [A, B, R] },
      federation_delay: { min: 1000, max: 1000 },
      // 0: A goes out at once (in flight until 1000). 10: A queued, 20: B queued, 30: A replaced.
      steps: [put(0, A, "online"), put(10, A, "unavailable"), put(20, B, "online"), put(30, A, "online", "back")],
    });
    const second = events(t, "edu_sent")[1];
    expect(second.at).toBe(1000);
    expect(second.edu.content.push.map((p) => [p.user_id, p.presence, p.status_msg ?? null])).toEqual([
      [A, "online", "back"],
      [B, "online", null],
    ]);
  });
  it("R40 destinations woken at one instant: the first at once, the next ones staggered by 1000 / rr ms", async () => {
    const t = await run({
      servers: { "example.org": { rr: 50 }, "b.org": {}, "c.org": {}, "d.org": {} },
      users: [A, "@x:b.org", "@y:c.org", "@z:d.org"],
      rooms: { "!r:example.org": [A, "@x:b.org", "@y:c.org", "@z:d.org"] },
      steps: [put(0, A, "online")],
    });
    const sent = events(t, "edu_sent", (e) => e.server === "example.org");
    expect(sent.map((e) => [e.destination, e.at])).toEqual([
      ["b.org", 0],
      ["c.org", 20],
      ["d.org", 40],
    ]);
  });
  it("R42/S10 inbound EDUs are accepted for any user of the origin server, no shared room needed", async () => {
    const t = await run({ servers: TWO, users: [A, R], steps: [edu(0, "remote.org", "example.org", [{ user_id: R, presence: "unavailable", last_active_ago: 500 }])] });
    expect(states(t, R, "example.org")[0].after).toMatchObject({ state: "unavailable", last_active_ts: 1767225600000 - 500, status_msg: null, currently_active: false });
  });
  it("R43 entries: missing user_id, wrong origin, missing presence are skipped; unknown states stored", async () => {
    const t = await run({
      servers: TWO,
      users: [A, R],
      steps: [edu(0, "remote.org", "example.org", [{ presence: "online" }, { user_id: A, presence: "online" }, { user_id: R }, { user_id: R, presence: "dancing", status_msg: "x" }])],
    });
    const r = events(t, "edu_received")[0];
    expect(r.accepted).toEqual([R]);
    expect(r.rejected.length).toBe(3);
    expect(states(t, R, "example.org")[0].after).toMatchObject({ state: "dancing", status_msg: "x" });
  });
  it("R43.5 a user_id without ':' aborts the whole EDU", async () => {
    const t = await run({ servers: TWO, users: [A, R], steps: [edu(0, "remote.org", "example.org", [{ user_id: R, presence: "online" }, { user_id: "nocolon", presence: "online" }])] });
    expect(events(t, "edu_received")[0].accepted).toEqual([]);
    expect(states(t, R, "example.org")).toEqual([]);
  });
  it("R44 identical re-send is persist-only (moves the 30-min timeout); last entry per user wins", async () => {
    const push = [{ user_id: R, presence: "online", currently_active: true }];
    const t = await run({ servers: TWO, users: [A, R], steps: [edu(0, "remote.org", "example.org", [...push, { user_id: R, presence: "unavailable" }]), edu(1000, "remote.org", "example.org", [{ user_id: R, presence: "unavailable" }])] });
    const st = states(t, R, "example.org");
    expect(st[0].after.state).toBe("unavailable");
    expect(st[1].notified).toBe(false);
    expect(st[1].after.last_federation_update_ts).toBe(1767225600000 + 1000);
  });
  it("R71 a server not tracking presence ignores inbound EDUs", async () => {
    const t = await run({ servers: { "example.org": { enabled: "untracked" }, "remote.org": {} }, users: [A, R], steps: [edu(0, "remote.org", "example.org", [{ user_id: R, presence: "online" }])] });
    expect(events(t, "edu_received")[0].accepted).toEqual([]);
    expect(states(t, R, "example.org")).toEqual([]);
  });
});
