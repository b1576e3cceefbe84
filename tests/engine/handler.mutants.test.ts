// The presence handler's steps that the client-API tests leave unchecked: R18.7 (which
// combined states move last_active_ts), R22.2 (last record per user, first position),
// R22.1's log, and the R15 per-device syncing counter that syncEnded (R16) counts down.
import { describe, expect, it } from "vitest";
import { edu, events, moduleApi, put, run, states, sync, T0, until } from "./support/build.ts";

const A = "@alice:example.org";
const R = "@rita:remote.org";
const Q = "@quinn:remote.org";
const FAST = { per_second: 1000, burst_count: 1000 };

describe("presence handler", () => {
  it("R18.7 a PUT to unavailable keeps last_active_ts; online and busy set it to now", async () => {
    const t = await run({
      servers: { "example.org": { rc: FAST, msc3026: true } },
      users: [A],
      steps: [put(1000, A, "online"), put(5000, A, "unavailable"), put(9000, A, "org.matrix.msc3026.busy"), put(12_000, A, "online")],
    });
    expect(states(t, A).map((e) => [e.at, e.after.state, e.after.last_active_ts - T0])).toEqual([
      [1000, "online", 1000],
      [5000, "unavailable", 1000],
      [9000, "org.matrix.msc3026.busy", 9000],
      [12_000, "online", 12_000],
    ]);
  });

  it("R18.6/R18.7 the combined state decides: a device going unavailable beside an online one still moves last_active_ts", async () => {
    const t = await run({
      servers: { "example.org": { rc: FAST } },
      users: { [A]: ["D1", "D2"] },
      steps: [put(1000, A, "online", undefined, { device: "D1" }), put(4000, A, "unavailable", undefined, { device: "D2" })],
    });
    const last = states(t, A).at(-1)!;
    expect(last.at).toBe(4000);
    expect(last.after).toMatchObject({ state: "online", last_active_ts: T0 + 4000 });
  });

  it("R22.2 several records of one user in a batch: the last wins, at the first one's position", async () => {
    const t = await run({
      servers: { "example.org": {}, "remote.org": {} },
      users: [A, R, Q],
      steps: [edu(0, "remote.org", "example.org", [{ user_id: R, presence: "online" }, { user_id: Q, presence: "online" }, { user_id: R, presence: "unavailable", status_msg: "later" }])],
    });
    expect(events(t, "state", (e) => e.server === "example.org").map((e) => [e.user, e.after.state, e.after.status_msg])).toEqual([
      [R, "unavailable", "later"],
      [Q, "online", null],
    ]);
  });

  it("R22.1 presence disabled: an empty batch logs nothing, a dropped one says how many updates it dropped", async () => {
    const t = await run({
      servers: { "example.org": { enabled: false } },
      users: [A, "@b:example.org"],
      steps: [moduleApi(0, "example.org", "set_presence_for_users", {}), moduleApi(10, "example.org", "set_presence_for_users", { [A]: ["online", null], "@b:example.org": ["unavailable", null] })],
    });
    expect(events(t, "log", (e) => e.message.startsWith("presence is disabled")).map((e) => [e.at, e.message])).toEqual([[10, "presence is disabled: dropped 2 update(s)"]]);
  });

  it("R15/R16 a device with two long-polls stays syncing until both end, and only then can time out", async () => {
    // lp1 (1000–51 000) and lp2 (2000–12 000) overlap on one device. lp2's end leaves the
    // device syncing, so the 35 000 check (lp2's S timer) keeps it online. After lp1
    // ends, the next wheel check (the G timer of last_active 2000 → tick 65 000) finds a
    // device that last synced at 2000 (S4) and is no longer syncing: offline.
    const t = await run({
      servers: { "example.org": { rc: FAST } },
      users: [A],
      steps: [
        sync(0, A, { label: "i" }),
        sync(1000, A, { since: "i", timeout: 50_000, label: "lp1" }),
        sync(2000, A, { since: "i", timeout: 10_000, label: "lp2" }),
        until(200_000),
      ],
    });
    expect(events(t, "sync").map((e) => [e.label, e.at])).toEqual([["i", 0], ["lp2", 12_000], ["lp1", 51_000]]);
    expect(states(t, A).filter((e) => e.after.state === "offline").map((e) => e.at)).toEqual([65_000]);
  });
});
