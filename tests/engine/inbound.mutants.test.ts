// Inbound m.presence EDUs, entry by entry (R42–R44, S20): what federation.test.ts
// leaves unchecked — which entries abort the whole EDU, what each field becomes, and
// which deliveries an engine-sent EDU attributes.
import { describe, expect, it } from "vitest";
import { edu, events, put, run, states, T0 } from "./support/build.ts";

const A = "@alice:example.org";
const R = "@rita:remote.org";
const Q = "@quinn:remote.org";
const TWO = { "example.org": {}, "remote.org": {} };

/** The one edu_received event of a run. */
const received = (t: Awaited<ReturnType<typeof run>>) => events(t, "edu_received")[0];

describe("R42–R44 inbound EDUs", () => {
  it("R42 an origin outside federation_domain_whitelist is rejected entry by entry; a listed origin is accepted", async () => {
    const push = [{ user_id: R, presence: "online" }, { presence: "online" }];
    const blocked = await run({ servers: { "example.org": { whitelist: ["other.org"] }, "remote.org": {} }, users: [A, R], steps: [edu(0, "remote.org", "example.org", push)] });
    expect(received(blocked).accepted).toEqual([]);
    expect(received(blocked).rejected).toEqual([
      { user_id: R, reason: "origin remote.org is not in federation_domain_whitelist" },
      { user_id: null, reason: "origin remote.org is not in federation_domain_whitelist" },
    ]);
    expect(states(blocked, R, "example.org")).toEqual([]);
    const listed = await run({ servers: { "example.org": { whitelist: ["remote.org"] }, "remote.org": {} }, users: [A, R], steps: [edu(0, "remote.org", "example.org", push)] });
    expect(received(listed).accepted).toEqual([R]);
    expect(states(listed, R, "example.org")[0].after.state).toBe("online");
  });

  it("R42/R71 a disabled server rejects every entry and stores nothing", async () => {
    const t = await run({ servers: { "example.org": { enabled: false }, "remote.org": {} }, users: [A, R], steps: [edu(0, "remote.org", "example.org", [{ user_id: R, presence: "online" }])] });
    expect(received(t).accepted).toEqual([]);
    expect(received(t).rejected).toEqual([{ user_id: R, reason: "presence tracking is off on this server (R42)" }]);
    expect(states(t, R, "example.org")).toEqual([]);
  });

  it("R43.5 a non-object entry aborts the whole EDU, even entries accepted before it", async () => {
    for (const bad of [null, "x", [R], 7]) {
      const t = await run({ servers: TWO, users: [A, R], steps: [edu(0, "remote.org", "example.org", [{ user_id: R, presence: "online" }, bad])] });
      expect([bad, received(t).accepted]).toEqual([bad, []]);
      expect(received(t).rejected.map((r) => r.user_id)).toEqual([R, null]);
      expect(received(t).rejected[1].reason).toMatch(/not an object/);
      expect(states(t, R, "example.org")).toEqual([]);
    }
  });

  it("R43.5 a user id that is not a string aborts the whole EDU; an entry after the abort is not looked at", async () => {
    const t = await run({ servers: TWO, users: [A, R, Q], steps: [edu(0, "remote.org", "example.org", [{ user_id: R, presence: "online" }, { user_id: 42, presence: "online" }, { user_id: Q, presence: "online" }])] });
    expect(received(t).accepted).toEqual([]);
    expect(received(t).rejected.map((r) => r.user_id)).toEqual([R, 42, Q]);
    expect(states(t, R, "example.org")).toEqual([]);
    expect(states(t, Q, "example.org")).toEqual([]);
  });

  it("R43.1/R43.3 empty user_id or presence skips only that entry, with its reason", async () => {
    const t = await run({ servers: TWO, users: [A, R, Q], steps: [edu(0, "remote.org", "example.org", [{ user_id: "", presence: "online" }, { user_id: R, presence: "" }, { user_id: Q, presence: "online" }])] });
    expect(received(t).accepted).toEqual([Q]);
    expect(received(t).rejected).toEqual([
      { user_id: "", reason: "missing or empty user_id (R43.1)" },
      { user_id: R, reason: "missing or empty presence (R43.3)" },
    ]);
    expect(states(t, R, "example.org")).toEqual([]);
  });

  it("R43.2 a user of another server is skipped, naming the origin", async () => {
    const t = await run({ servers: TWO, users: [A, R], steps: [edu(0, "remote.org", "example.org", [{ user_id: A, presence: "online" }])] });
    expect(received(t).rejected).toEqual([{ user_id: A, reason: "user is not on the origin server remote.org (R43.2)" }]);
  });

  it("R43 last_active_ago that is not a number aborts the whole EDU; null is like absent", async () => {
    const bad = await run({ servers: TWO, users: [A, R, Q], steps: [edu(0, "remote.org", "example.org", [{ user_id: Q, presence: "online" }, { user_id: R, presence: "online", last_active_ago: "5" }])] });
    expect(received(bad).accepted).toEqual([]);
    expect(received(bad).rejected.map((r) => r.user_id)).toEqual([Q, R]);
    expect(states(bad, Q, "example.org")).toEqual([]);
    const nul = await run({ servers: TWO, users: [A, R], steps: [edu(0, "remote.org", "example.org", [{ user_id: R, presence: "online", last_active_ago: null }])] });
    expect(received(nul).accepted).toEqual([R]);
    expect(states(nul, R, "example.org")[0].after.last_active_ts).toBe(0);
  });

  it("R43.4 absent last_active_ago keeps the previous last_active_ts; absent status_msg clears it (S20); absent currently_active is false", async () => {
    const t = await run({
      servers: TWO,
      users: [A, R],
      steps: [
        edu(0, "remote.org", "example.org", [{ user_id: R, presence: "online", last_active_ago: 250, status_msg: "away soon", currently_active: true }]),
        edu(1000, "remote.org", "example.org", [{ user_id: R, presence: "unavailable" }]),
      ],
    });
    const [first, second] = states(t, R, "example.org");
    expect(first.after).toMatchObject({ state: "online", last_active_ts: T0 - 250, status_msg: "away soon", currently_active: true, last_federation_update_ts: T0 });
    expect(second.after).toMatchObject({ state: "unavailable", last_active_ts: T0 - 250, status_msg: null, currently_active: false, last_federation_update_ts: T0 + 1000 });
  });

  it("R44 a scenario's EDU step records no federation delivery; an engine-sent EDU attributes each accepted entry", async () => {
    const step = await run({ servers: TWO, users: [A, R], steps: [edu(0, "remote.org", "example.org", [{ user_id: R, presence: "online" }])] });
    expect(step.deliveries.filter((d) => d.transport === "federation")).toEqual([]);
    const sent = await run({ servers: TWO, users: [A, R], rooms: { "!r:example.org": [A, R] }, steps: [put(0, A, "online")] });
    const fed = sent.deliveries.filter((d) => d.transport === "federation");
    expect(fed).toEqual([expect.objectContaining({ server: "remote.org", source: A, viewer: "remote.org", state: "online", via: ["room:!r:example.org"] })]);
    expect(fed[0].at).toBe(events(sent, "edu_received")[0].at);
  });

  it("R43 an EDU without a push list is an empty batch: received, nothing stored", async () => {
    const t = await run({ servers: TWO, users: [A, R], steps: [edu(0, "remote.org", "example.org", "nope" as unknown as unknown[])] });
    expect(received(t)).toMatchObject({ accepted: [], rejected: [] });
    expect(events(t, "state")).toEqual([]);
  });
});
