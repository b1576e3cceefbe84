// PUT (R8), GET (R10), sync as input (R11–R16), bumps (R17), set_state (R18, R20),
// pipeline (R4, R5, R22).
import { describe, expect, it } from "vitest";
import { activity, events, getPresence, put, run, seen, states, sync, syncByLabel, T0 } from "./support/build.ts";

const A = "@alice:example.org";
const B = "@bob:example.org";
const C = "@carol:example.org";
const ROOM = { "!r:example.org": [A, B] };
const FAST = { rc: { per_second: 1000, burst_count: 1000 } };

describe("R8 PUT /presence", () => {
  it("R8 200 {} and a notified state change; wire path percent-encoded", async () => {
    const t = await run({ users: [A], steps: [put(0, A, "online", "hi")] });
    const r = events(t, "request")[0];
    expect(r.request).toEqual({ user: A, device: "DEV", method: "PUT", path: "/_matrix/client/v3/presence/@alice:example.org/status", target: A, body: { presence: "online", status_msg: "hi" } });
    expect(r.response).toEqual({ status: 200, body: {} });
    const st = states(t, A)[0];
    expect(st).toMatchObject({ cause: "put", notified: true });
    expect(st.after).toMatchObject({ state: "online", status_msg: "hi", last_active_ts: T0, currently_active: true, last_federation_update_ts: T0 });
  });
  it("R8/R9 429 M_LIMIT_EXCEEDED with retry_after_ms, the update ignored", async () => {
    const t = await run({ users: [A], steps: [put(0, A, "online"), put(1000, A, "unavailable"), put(10_000, A, "unavailable")] });
    const rs = events(t, "request");
    expect(rs[1].response).toEqual({ status: 429, body: { errcode: "M_LIMIT_EXCEEDED", error: "Too many requests", retry_after_ms: 9000 } });
    expect(rs[1].at).toBe(1000); // no 0.5 s pause: Synapse's servlet answers the 429 itself (rest.ts)
    expect(rs[2].response.status).toBe(200);
    expect(states(t, A).map((e) => [e.at, e.after.state])).toEqual([[0, "online"], [10_000, "unavailable"]]);
  });
  it("R8 400s: status_msg null, unknown keys, missing presence, invalid state; busy needs msc3026 (R1)", async () => {
    const t = await run({
      servers: { "example.org": FAST },
      users: [A],
      steps: [put(0, A, "online", null), put(1, A, "online", undefined, { body: { presence: "online", foo: 1 } }), put(2, A, "x", undefined, { body: {} }), put(3, A, "here"), put(4, A, "org.matrix.msc3026.busy")],
    });
    expect(events(t, "request").map((e) => [e.response.status, (e.response.body as { error: string }).error])).toEqual([
      [400, "status_msg must be a string."],
      [400, "Unable to parse state"],
      [400, "Unable to parse state"],
      [400, "Invalid presence state"],
      [400, "Invalid presence state"],
    ]);
    expect(states(t, A)).toEqual([]);
  });
  it("R1 busy accepted with msc3026_enabled", async () => {
    const t = await run({ servers: { "example.org": { msc3026: true } }, users: [A], steps: [put(0, A, "org.matrix.msc3026.busy")] });
    expect(states(t, A)[0].after.state).toBe("org.matrix.msc3026.busy");
  });
  it("S14 untracked/disabled: PUT returns 200 for garbage without validating or changing state", async () => {
    for (const enabled of [false, "untracked"] as const) {
      const t = await run({ servers: { "example.org": { enabled } }, users: [A], steps: [put(0, A, "garbage")] });
      expect(events(t, "request")[0].response.status).toBe(200);
      expect(states(t, A)).toEqual([]);
    }
  });
  it("S20 omitting status_msg in a PUT clears it", async () => {
    const t = await run({ servers: { "example.org": FAST }, users: [A], steps: [put(0, A, "online", "hi"), put(1000, A, "online")] });
    expect(states(t, A)[1].after.status_msg).toBeNull();
    expect(states(t, A)[1].notified).toBe(true);
  });
});

describe("R10 GET /presence", () => {
  it("R10 self and shared-room users allowed; others 403 (router ignored, S7)", async () => {
    const t = await run({
      users: [A, B, C],
      rooms: ROOM,
      steps: [put(0, A, "online", "hi"), getPresence(5000, B, A, "ok"), getPresence(5000, C, A, "no"), getPresence(5000, A, A)],
    });
    const rs = events(t, "request", (e) => e.request.method === "GET");
    expect(rs[0].response).toEqual({ status: 200, body: { presence: "online", last_active_ago: 5000, status_msg: "hi", currently_active: true } });
    expect(rs[1].response.status).toBe(403);
    expect(rs[2].response.status).toBe(200);
  });
  it("R10 presence disabled: offline for anyone without a visibility check", async () => {
    const t = await run({ servers: { "example.org": { enabled: false } }, users: [A, C], steps: [getPresence(0, C, A)] });
    expect(events(t, "request")[0].response).toEqual({ status: 200, body: { presence: "offline" } });
  });
});

describe("sync as presence input", () => {
  it("R11 set_presence outside online/offline/unavailable is a 400", async () => {
    const t = await run({ users: [A], steps: [sync(0, A, { set_presence: "busy", label: "s" })] });
    expect(syncByLabel(t, "s").error).toEqual({ status: 400, errcode: "M_INVALID_PARAM", message: "Query parameter 'set_presence' must be one of ['offline', 'online', 'unavailable']" });
  });
  it("R14 a presence-affecting sync sets online first, so the user sees itself (R50 self)", async () => {
    const t = await run({ users: [A], steps: [sync(0, A, { label: "s" })] });
    const st = states(t, A);
    expect(st[0]).toMatchObject({ cause: "sync", notified: true });
    expect(st[0].after).toMatchObject({ state: "online", last_user_sync_ts: T0, last_active_ts: T0 });
    expect(seen(syncByLabel(t, "s"))[A]).toMatchObject({ presence: "online", currently_active: true });
  });
  it("R12 over the sync limit a sync does not affect presence; R13/S3 set_presence=offline does nothing", async () => {
    const t = await run({ users: [A, B], steps: [sync(0, A), sync(1000, A, { set_presence: "unavailable" }), sync(0, B, { set_presence: "offline" })] });
    expect(states(t, A).filter((e) => e.cause === "sync").length).toBe(1);
    expect(states(t, B)).toEqual([]);
  });
  it("R16/S4 sync end updates only last_user_sync_ts (persist-only); device last_sync_ts stays at start", async () => {
    const t = await run({ users: [A], steps: [sync(0, A, { label: "i" }), sync(11_000, A, { since: "i", timeout: 5000, label: "lp" })] });
    // The long-poll finds nothing new and returns at its timeout; the end only bumps last_user_sync_ts.
    expect(syncByLabel(t, "lp").at).toBe(16_000);
    const end = states(t, A).filter((e) => e.cause === "sync_end");
    expect(end.length).toBe(1);
    expect(end[0].notified).toBe(false);
    expect(end[0].after).toEqual({ ...end[0].before, last_user_sync_ts: T0 + 16_000 });
  });
  it("R15/R7 a device long-polling is syncing and never times out; it goes offline after it stops (S4)", async () => {
    const t = await run({
      users: [A],
      steps: [sync(0, A, { label: "i" }), sync(11_000, A, { since: "i", timeout: 120_000, filter: { not_senders: [A] } })],
      duration: 300_000,
    });
    // Syncing until 131 s; the device then ages from its last sync *start* (11 s) → offline at the next due tick.
    const off = states(t, A).find((e) => e.after.state === "offline");
    expect(off).toBeDefined();
    expect(off!.at).toBeGreaterThanOrEqual(131_000);
    expect(off!.at).toBeLessThanOrEqual(131_000 + 10_000);
  });
  it("R17 activity bumps last_active_ts, revives an unavailable device, keeps an offline user offline", async () => {
    const t = await run({
      servers: { "example.org": FAST },
      users: [A, B],
      steps: [put(0, A, "unavailable"), activity(5000, A), activity(100_000, B)],
    });
    const st = states(t, A);
    expect(st[1]).toMatchObject({ cause: "activity" });
    expect(st[1].after).toMatchObject({ state: "online", last_active_ts: T0 + 5000 });
    const b = states(t, B)[0];
    expect(b.after).toMatchObject({ state: "offline", last_active_ts: T0 + 100_000 });
    expect(b.notified).toBe(true); // R24.5: last_active bump > G for a non-online user
  });
  it("R18/S15 busy is sticky across syncs and stays until a PUT changes it", async () => {
    const t = await run({
      servers: { "example.org": { msc3026: true, rc: { per_second: 1000, burst_count: 1000 } } },
      users: { [A]: ["phone", "laptop"] },
      steps: [put(0, A, "org.matrix.msc3026.busy", undefined, { device: "phone" }), sync(1000, A, { device: "laptop", label: "s" }), put(2000, A, "online", undefined, { device: "phone" })],
    });
    const st = states(t, A);
    expect(st.filter((e) => e.at === 1000).every((e) => e.after.state === "org.matrix.msc3026.busy")).toBe(true);
    // The laptop device is busy too (sticky), so a PUT online from phone keeps the user busy.
    expect(st[st.length - 1].after.state).toBe("org.matrix.msc3026.busy");
  });
  it("R20/S5 PUT offline is per device: another online device keeps the user online", async () => {
    const t = await run({
      servers: { "example.org": FAST },
      users: { [A]: ["phone", "laptop"] },
      steps: [put(0, A, "online", undefined, { device: "phone" }), put(1, A, "online", undefined, { device: "laptop" }), put(2, A, "offline", undefined, { device: "phone" }), put(3, A, "offline", undefined, { device: "laptop" })],
    });
    const st = states(t, A);
    expect(st.find((e) => e.at === 2)?.after.state ?? "online").toBe("online");
    expect(st[st.length - 1].after.state).toBe("offline");
  });
});

describe("pipeline", () => {
  it("R22 presence disabled drops updates: no state, no stream", async () => {
    const t = await run({ servers: { "example.org": { enabled: false } }, users: [A], steps: [sync(0, A, { label: "s" })] });
    expect(states(t, A)).toEqual([]);
    expect(syncByLabel(t, "s").next_batch).toBe("s0_0");
  });
  it("R5 notified records get consecutive stream positions; tokens carry the stream (R46)", async () => {
    const t = await run({ servers: { "example.org": FAST }, users: [A, B], steps: [put(0, A, "online"), put(0, B, "online"), sync(1, A, { set_presence: "offline", label: "s" })] });
    expect(syncByLabel(t, "s").next_batch).toBe("s2_0");
  });
  it("R4 final holds every current record; unchanged records emit no state events", async () => {
    const t = await run({ servers: { "example.org": FAST }, users: [A], steps: [put(0, A, "online", "x"), put(1, A, "online", "x")] });
    expect(t.final["example.org"][A]).toMatchObject({ state: "online", status_msg: "x", last_active_ts: T0 + 1 });
    // The second PUT only moves last_active_ts: a persist-only change (R24).
    expect(states(t, A).map((e) => e.notified)).toEqual([true, false]);
  });
});
