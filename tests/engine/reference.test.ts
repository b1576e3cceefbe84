// Fast paths against naive reference implementations on generated worlds (fast-check):
// fan-out wake-ups (R31, R74), incremental sync candidates (R50) and inbound EDU
// batching (R43, R44, R22.2). Each reference follows the rule's text directly; the
// engine's version is the optimised one.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PresenceRouterHandle } from "../../src/engine/contracts.ts";
import { fanOut } from "../../src/engine/fanout.ts";
import { incomingPresence } from "../../src/engine/inbound.ts";
import { getNewEvents } from "../../src/engine/presence-source.ts";
import type { Server } from "../../src/engine/server.ts";
import { UserPresenceState } from "../../src/engine/state.ts";
import type { PendingSync } from "../../src/engine/sync.ts";
import { World } from "../../src/engine/world.ts";
import { hostFromModules } from "./support/host.ts";
import { scenario, T0 } from "./support/build.ts";

const HERE = "a.org";
const USERS = [...[1, 2, 3, 4, 5, 6, 7, 8].map((i) => `@a${i}:a.org`), "@b1:b.org", "@b2:b.org", "@b3:b.org"];
const ROOMS = ["!r1:a.org", "!r2:a.org", "!r3:b.org", "!r4:a.org"];
const STATES = ["online", "unavailable", "offline"];

/** A world with server a.org (rooms and memberships built from generated operations). */
function world(ops: Array<[string, string, string]>, excluded: string[]): { w: World; s: Server } {
  const sc = scenario({ servers: { [HERE]: { exclude: excluded }, "b.org": {} }, users: USERS });
  const w = new World(sc, hostFromModules({}));
  for (const [u, room, m] of ops) w.rooms.change(u, room, m);
  return { w, s: w.servers.get(HERE)! };
}

function router(keys: string[], interested: Set<string>, s: Server): PresenceRouterHandle {
  return {
    active: true,
    // Values hold local records only, so the federation sender's R34 check never trips.
    get_users_for_states: async (states) => new Map(keys.map((k) => [k, states.filter((r) => s.isLocal(r.user_id))])),
    get_interested_users: async () => interested,
  };
}

const rec = (user_id: string, state: string, t: number) =>
  new UserPresenceState({ user_id, state, last_active_ts: t, last_federation_update_ts: t, last_user_sync_ts: t, status_msg: null, currently_active: false });

const arbOps = fc.array(fc.tuple(fc.constantFrom(...USERS), fc.constantFrom(...ROOMS), fc.constantFrom("join", "join", "join", "leave", "invite")), { maxLength: 80 });
const arbExcluded = fc.subarray(ROOMS, { maxLength: 1 });

/** R31 as written: scan every joined member of every non-excluded room of the batch's users. */
function naiveWake(s: Server, batch: UserPresenceState[], pending: Set<string>, routerKeys: string[]): Array<[string, string[]]> {
  const rooms = s.world.rooms;
  const self = new Set(batch.map((r) => r.user_id).filter((u) => s.isLocal(u)));
  const routed = new Set(routerKeys.filter((u) => s.isLocal(u)));
  const wakeable = (u: string) => s.isLocal(u) && (pending.has(u) || self.has(u) || routed.has(u));
  const reasons = new Map<string, string[]>();
  for (const r of batch) {
    for (const room of rooms.roomsOfUser(r.user_id)) {
      if (s.set.excluded.has(room)) continue;
      for (const m of rooms.joinedMembers(room)) {
        if (!wakeable(m)) continue;
        const rs = reasons.get(m) ?? [];
        if (!rs.includes(`room:${room}`)) rs.push(`room:${room}`);
        reasons.set(m, rs);
      }
    }
  }
  const out = new Map<string, string[]>();
  for (const u of [...reasons.keys(), ...self, ...routed]) {
    if (out.has(u)) continue;
    out.set(u, [...(reasons.get(u) ?? []), ...(self.has(u) ? ["self"] : []), ...(routed.has(u) ? ["router"] : [])]);
  }
  return [...out];
}

describe("fast paths agree with naive references on generated worlds", () => {
  it("R31/R74 fan-out: the same users woken, in the same order, with the same reasons", async () => {
    await fc.assert(
      fc.asyncProperty(
        arbOps,
        arbExcluded,
        fc.shuffledSubarray(USERS, { minLength: 1, maxLength: 3 }),
        fc.shuffledSubarray(USERS, { maxLength: 3 }),
        fc.shuffledSubarray(USERS, { maxLength: 1 }),
        async (ops, excluded, batchUsers, pendingUsers, routerKeys) => {
          const { w, s } = world(ops, excluded);
          s.router = router(routerKeys, new Set(), s);
          const pending = new Set(pendingUsers.filter((u) => s.isLocal(u)));
          for (const u of pending) s.pending.set(u, new Set([{} as PendingSync]));
          const batch = batchUsers.map((u) => rec(u, "online", T0));
          await fanOut(s, batch);
          const woken = w.recorder.all().flatMap((e) => (e.type === "wake" ? [[e.user, e.reasons] as [string, string[]]] : []));
          expect(woken).toEqual(naiveWake(s, batch, pending, routerKeys));
        },
      ),
      { seed: 31, numRuns: 500 },
    );
  });

  it("R31 fan-out: a big room scanned from the candidates' side still wakes in join order", async () => {
    // 5 local members joined a5…a1, two pending candidates: fanOut scans the candidates
    // and must sort the hits by join order, as scanning the members would.
    const ops: Array<[string, string, string]> = [5, 4, 3, 2, 1].map((i) => [`@a${i}:a.org`, "!r1:a.org", "join"]);
    ops.push(["@b1:b.org", "!r1:a.org", "join"]);
    const { w, s } = world(ops, []);
    s.router = router([], new Set(), s);
    const pending = new Set(["@a1:a.org", "@a2:a.org"]);
    for (const u of pending) s.pending.set(u, new Set([{} as PendingSync]));
    const batch = [rec("@b1:b.org", "online", T0)];
    await fanOut(s, batch);
    const woken = w.recorder.all().flatMap((e) => (e.type === "wake" ? [e.user] : []));
    expect(woken).toEqual(["@a2:a.org", "@a1:a.org"]);
    expect(naiveWake(s, batch, pending, []).map(([u]) => u)).toEqual(woken);
  });

  it("R50 incremental sync: users changed after `from` that share a room, are routed or are the syncer, in stream order", async () => {
    await fc.assert(
      fc.asyncProperty(
        arbOps,
        arbExcluded,
        fc.array(fc.tuple(fc.constantFrom(...USERS), fc.constantFrom(...STATES)), { maxLength: 30 }),
        fc.nat(30),
        fc.constantFrom(...USERS.filter((u) => u.endsWith(`:${HERE}`))),
        fc.subarray(USERS, { maxLength: 3 }),
        async (ops, excluded, writes, fromRaw, viewer, interested) => {
          const { s } = world(ops, excluded);
          s.router = router([], new Set(interested), s);
          writes.forEach(([u, st], i) => {
            const r = rec(u, st, T0 + i);
            s.current.set(u, r);
            s.persist([r]);
          });
          const from = Math.min(fromRaw, s.streamPos);
          const got = (await getNewEvents(s, viewer, from, true)).map((v) => [v.record.user_id, v.record.state, v.via]);
          // Reference: newest position per user, sorted, filtered by visibility.
          const newest = new Map<string, number>();
          s.streamLog.forEach((u, i) => newest.set(u, i + 1));
          const rooms = s.world.rooms;
          const want = [...newest]
            .filter(([, p]) => p > from)
            .sort((a, b) => a[1] - b[1])
            .flatMap(([u]) => {
              if (from === s.streamPos) return []; // R48
              const via = u === viewer ? ["self"] : [...rooms.sharedRooms(viewer, u, s.set.excluded).map((r) => `room:${r}`), ...(interested.includes(u) ? ["router"] : [])];
              return via.length ? [[u, s.current.get(u)!.state, via]] : [];
            });
          expect(got).toEqual(want);
        },
      ),
      { seed: 50, numRuns: 300 },
    );
  });

  it("R43/R44/R22.2 inbound EDU: accepted entries of the origin's users, one batch, the last entry per user wins", async () => {
    const entry = fc.oneof(
      fc.record({ user_id: fc.constantFrom(...USERS, "", "nocolon"), presence: fc.constantFrom(...STATES, "") }),
      fc.record({ user_id: fc.constantFrom(...USERS), presence: fc.constantFrom(...STATES), status_msg: fc.constantFrom("a", "b") }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { maxLength: 12 }), async (push) => {
        const { w, s } = world([], []);
        w.now = T0 + 1000;
        await incomingPresence(s, "b.org", { edu_type: "m.presence", content: { push } }, null);
        // Reference: any entry with a user id lacking ':' fails the whole EDU (R43.5);
        // otherwise entries with a truthy user id of b.org and a truthy presence count.
        const fatal = push.some((e) => e.user_id !== "" && !e.user_id.includes(":"));
        const ok = fatal ? [] : push.filter((e) => e.user_id !== "" && e.user_id.endsWith(":b.org") && e.presence !== "");
        const last = new Map<string, (typeof ok)[number]>();
        for (const e of ok) last.set(e.user_id, e);
        const received = w.recorder.all().find((e) => e.type === "edu_received");
        expect(received && received.type === "edu_received" ? received.accepted : null).toEqual(ok.map((e) => e.user_id));
        for (const u of USERS) {
          const e = last.get(u);
          const r = s.current.get(u);
          if (!e) expect(r === undefined || r.state === "offline").toBe(true);
          else expect([r?.state, r?.status_msg, r?.last_federation_update_ts]).toEqual([e.presence, "status_msg" in e ? e.status_msg : null, T0 + 1000]);
        }
        // One pipeline batch: a state event per user (each entry stamps
        // last_federation_update_ts), in first-entry order, showing the last entry.
        const changes = w.recorder.all().flatMap((e) => (e.type === "state" ? [[e.user, e.after.state]] : []));
        expect(changes).toEqual([...last].map(([u, e]) => [u, e.presence]));
      }),
      { seed: 44, numRuns: 300 },
    );
  });
});
