// One simulated server's bookkeeping: sync tokens (R46), locality (§0), the R4 record
// lookups, R7 syncing counters and the R5 stream (changedSince, R50/R51).
import { describe, expect, it } from "vitest";
import { domainOf, settingsOf } from "../../src/engine/config.ts";
import { mulberry32 } from "../../src/engine/rng.ts";
import { parseToken, tokenString } from "../../src/engine/server.ts";
import { UserPresenceState } from "../../src/engine/state.ts";
import { World } from "../../src/engine/world.ts";
import { hostFromModules } from "./support/host.ts";
import { scenario, server as serverCfg } from "./support/build.ts";

const A = "@alice:example.org";
const B = "@bob:example.org";
const C = "@carol:example.org";

function world() {
  const w = new World(scenario({ users: [A, B, C], servers: { "example.org": {}, "other.net": {} } }), hostFromModules({}));
  return { w, s: w.servers.get("example.org")! };
}

describe("Server", () => {
  it("R46 sync tokens: s<presence>_<membership>, and nothing else parses", () => {
    expect(tokenString({ p: 12, m: 3 })).toBe("s12_3");
    expect(parseToken("s12_3")).toEqual({ p: 12, m: 3 });
    expect(parseToken(tokenString({ p: 0, m: 0 }))).toEqual({ p: 0, m: 0 });
    for (const bad of ["", "s12_3x", "xs12_3", "s12", "s_3", "s12_", "S12_3", "s1.5_3", "s-1_3"]) expect(parseToken(bad), bad).toBeNull();
  });

  it("§0 a user is local when everything after the first ':' is the server name", () => {
    const { s } = world();
    expect(s.isLocal(A)).toBe(true);
    expect(s.isLocal(":example.org")).toBe(true);
    expect(domainOf(":example.org")).toBe("example.org");
    expect(s.isLocal("@a:other.net")).toBe(false);
    expect(s.isLocal("@a:xexample.org")).toBe(false);
    expect(s.isLocal("@a:example.org:1")).toBe(false);
    expect(s.isLocal("@a:b:example.org")).toBe(false); // the domain is b:example.org
    expect(s.isLocal("example.org")).toBe(false); // no ':' at all
    expect(s.isLocal("@aexample.org")).toBe(false);
  });

  it("§0 domainOf: the part after the first ':', null without one", () => {
    expect(domainOf("@a:b:c")).toBe("b:c");
    expect(domainOf("@a")).toBeNull();
    expect(domainOf("@a:")).toBe("");
  });

  it("R4 peek gives the default without keeping it; lookup keeps storage's record, else the default", () => {
    const { s } = world();
    expect(s.peek(A).state).toBe("offline");
    expect(s.current.has(A)).toBe(false);
    const stored = new UserPresenceState({ ...UserPresenceState.default(B), state: "unavailable", last_active_ts: 7 });
    s.stored.set(B, stored);
    expect(s.lookup(B)).toBe(stored);
    expect(s.current.get(B)).toBe(stored);
    const d = s.lookup(C);
    expect(d.state).toBe("offline");
    expect(s.current.get(C)).toBe(d);
    expect(s.peek(B)).toBe(stored);
  });

  it("R7 a device is syncing while its counter is above zero (R14.1 up, R16 down)", () => {
    const { s } = world();
    expect(s.isSyncing(A, "DEV")).toBe(false);
    s.syncStarted(A, "DEV");
    expect(s.isSyncing(A, "DEV")).toBe(true);
    expect(s.isSyncing(A, "OTHER")).toBe(false);
    expect(s.isSyncing(B, "DEV")).toBe(false);
    s.syncStarted(A, "DEV"); // two syncs in flight: one ending leaves it syncing
    s.syncStopped(A, "DEV");
    expect(s.isSyncing(A, "DEV")).toBe(true);
    s.syncStopped(A, "DEV");
    expect(s.isSyncing(A, "DEV")).toBe(false);
    // An end without a start (Synapse's counter default) does not go below zero.
    s.syncStopped(A, "DEV");
    s.syncStarted(A, "DEV");
    expect(s.isSyncing(A, "DEV")).toBe(true);
    s.forgetSyncs();
    expect(s.isSyncing(A, "DEV")).toBe(false);
    // An end for a user who never synced is a no-op.
    expect(() => s.syncStopped(B, "DEV")).not.toThrow();
    expect(s.isSyncing(B, "DEV")).toBe(false);
    // The pseudo-device null is the device "null", as in Synapse's string keys.
    s.syncStarted(A, "null");
    expect(s.isSyncing(A, null)).toBe(true);
  });

  it("R5 persist gives consecutive positions; changedSince lists each user once at its newest position", () => {
    const { s } = world();
    const r = (u: string) => UserPresenceState.default(u);
    s.persist([r(A)]);
    s.persist([r(B), r(C)]);
    s.persist([r(A)]);
    expect(s.streamPos).toBe(4);
    expect(s.token()).toEqual({ p: 4, m: 0 });
    expect(s.changedSince(0)).toEqual([B, C, A]);
    expect(s.changedSince(1)).toEqual([B, C, A]);
    expect(s.changedSince(2)).toEqual([C, A]);
    expect(s.changedSince(3)).toEqual([A]);
    expect(s.changedSince(4)).toEqual([]);
    expect(s.stored.get(A)).toBeDefined();
  });

  it("at() is the offset from the scenario start; now is the world's absolute clock", () => {
    const { w, s } = world();
    w.now = w.start + 1234;
    expect(s.now).toBe(w.start + 1234);
    expect(s.at()).toBe(1234);
  });
});

describe("settingsOf (R70–R75)", () => {
  it("R70 enabled true tracks; untracked reads but does not track; false does neither", () => {
    const t = settingsOf(serverCfg("a.org", { enabled: true }));
    expect([t.enabled, t.tracking]).toEqual([true, true]);
    const u = settingsOf(serverCfg("a.org", { enabled: "untracked" }));
    expect([u.enabled, u.tracking]).toEqual([true, false]);
    const f = settingsOf(serverCfg("a.org", { enabled: false }));
    expect([f.enabled, f.tracking]).toEqual([false, false]);
  });

  it("R75 the timers, exclusions, whitelist and knobs come from the config", () => {
    const st = settingsOf(serverCfg("a.org", { G: 1, S: 2, I: 3, exclude: ["!x:a.org"], include_offline_users_on_sync: true, msc3026: true, whitelist: ["b.org"], rr: 7 }));
    expect(st).toMatchObject({ name: "a.org", G: 1, S: 2, I: 3, includeOfflineOnSync: true, busyAllowed: true, rrPerSecond: 7 });
    expect([...st.excluded]).toEqual(["!x:a.org"]);
    expect([...(st.whitelist ?? [])]).toEqual(["b.org"]);
    expect(settingsOf(serverCfg("a.org")).whitelist).toBeNull();
  });
});

describe("mulberry32", () => {
  it("is deterministic per seed, in [0, 1), and different seeds differ", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(xs).size).toBeGreaterThan(990);
    // Spread over the unit interval (a broken mixer clusters).
    const mean = xs.reduce((p, x) => p + x, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
    expect(xs.filter((x) => x < 0.1).length).toBeGreaterThan(60);
    expect(xs.filter((x) => x >= 0.9).length).toBeGreaterThan(60);
    const c = mulberry32(43);
    expect(c()).not.toBe(xs[0]);
  });
});
