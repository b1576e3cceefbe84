// Who shares a room with whom, as far as the trace (and optionally the scenario) tells:
// scenario rooms at time 0, `room:<id>` vias of sync deliveries (both ends are members),
// and `room:<id>` wake reasons (the woken user is a member). Exclusions (R74) per server.
import type { Trace } from "../trace/types.ts";

export interface RoomHints {
  /** Scenario rooms (members joined at time 0). */
  rooms?: ReadonlyArray<{ id: string; members: readonly string[] }>;
  /** server → exclude_rooms_from_presence (R74). */
  excludedRooms?: Readonly<Record<string, readonly string[]>>;
  /** The scenario's `membership` steps, in time order (RoomTimeline). */
  memberships?: ReadonlyArray<MembershipChange>;
}

export class RoomSharing {
  private members = new Map<string, Set<string>>();
  private roomsOf = new Map<string, string[]>();

  constructor(trace: Trace, private hints: RoomHints = {}) {
    for (const r of hints.rooms ?? []) for (const m of r.members) this.add(r.id, m);
    // Deliveries share one via array per distinct list (src/trace/materialise.ts): its
    // rooms are read once per array, not once per delivery.
    const roomsOfVia = new Map<readonly string[], string[]>();
    for (const d of trace.deliveries) {
      if (d.transport !== "sync") continue;
      let rooms = roomsOfVia.get(d.via);
      if (!rooms) roomsOfVia.set(d.via, (rooms = d.via.filter((v) => v.startsWith("room:")).map((v) => v.slice(5))));
      for (const room of rooms) {
        this.add(room, d.source);
        this.add(room, d.viewer);
      }
    }
    for (const e of trace.events) {
      if (e.type !== "wake") continue;
      for (const r of e.reasons) if (r.startsWith("room:")) this.add(r.slice(5), e.user);
    }
  }

  private add(room: string, user: string): void {
    let s = this.members.get(room);
    if (!s) this.members.set(room, (s = new Set()));
    if (s.has(user)) return;
    s.add(user);
    let rs = this.roomsOf.get(user);
    if (!rs) this.roomsOf.set(user, (rs = []));
    rs.push(room);
  }

  /** A non-excluded room (on `server`) that both users are known to be in, or null. */
  shared(server: string, a: string, b: string): string | null {
    const excluded = this.hints.excludedRooms?.[server] ?? [];
    for (const room of this.roomsOf.get(a) ?? []) {
      if (!excluded.includes(room) && this.members.get(room)!.has(b)) return room;
    }
    return null;
  }
}

/** A membership change the run made: a scenario `membership` step or a module's update_room_membership. */
export interface MembershipChange {
  at: number;
  user: string;
  room: string;
  membership: string;
}

/**
 * Who is joined to which room at a given time, from facts only: the scenario's rooms
 * (joined at time 0), its `membership` steps (hints.memberships) and the module API's
 * update_room_membership calls the engine recorded (`module_call` events). Unlike
 * RoomSharing it never guesses from deliveries, so it can answer "at time t".
 */
export class RoomTimeline {
  private changes: MembershipChange[];

  constructor(trace: Trace, private hints: RoomHints) {
    const fromModules: MembershipChange[] = [];
    for (const e of trace.events) {
      if (e.type !== "module_call" || e.call !== "update_room_membership" || e.error !== null) continue;
      const [, target, room, membership] = e.args;
      if (typeof target === "string" && typeof room === "string" && typeof membership === "string") fromModules.push({ at: e.at, user: target, room, membership });
    }
    // Stable: scenario steps before module calls at the same instant (both are kept in time order).
    this.changes = [...(hints.memberships ?? []), ...fromModules].sort((a, b) => a.at - b.at);
  }

  /** True when the timeline knows the scenario's rooms (without them it cannot answer). */
  get known(): boolean {
    return this.hints.rooms !== undefined;
  }

  /** Memberships after the first `n` changes, by `n`: without membership changes, one state serves every time. */
  private cache = new Map<number, { members: Map<string, Set<string>>; roomsOf: Map<string, string[]> }>();

  /** The number of changes with `at < t` (strict) or `at <= t` (binary search). */
  private changesBefore(t: number, inclusive: boolean): number {
    let lo = 0;
    let hi = this.changes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const at = this.changes[mid]!.at;
      if (inclusive ? at <= t : at < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Joined members (and each user's rooms) after the first `n` changes. */
  private joinedAfter(n: number): { members: Map<string, Set<string>>; roomsOf: Map<string, string[]> } {
    const hit = this.cache.get(n);
    if (hit) return hit;
    const members = new Map<string, Set<string>>();
    for (const r of this.hints.rooms ?? []) members.set(r.id, new Set(r.members));
    for (const c of this.changes.slice(0, n)) {
      let s = members.get(c.room);
      if (!s) members.set(c.room, (s = new Set()));
      // R50: only "join" counts as sharing a room; invite, leave, ban and knock do not.
      if (c.membership === "join") s.add(c.user);
      else s.delete(c.user);
    }
    const roomsOf = new Map<string, string[]>();
    for (const [room, ms] of members) {
      for (const m of ms) {
        let rs = roomsOf.get(m);
        if (!rs) roomsOf.set(m, (rs = []));
        rs.push(room);
      }
    }
    const state = { members, roomsOf };
    this.cache.set(n, state);
    return state;
  }

  /**
   * matesThroughout's answers by the changes before and up to the time, server and user: the
   * same question between two membership changes has the same answer (a 10,000-user run
   * asks it about the same users for thousands of router calls, with rooms of hundreds).
   */
  private mates = new Map<string, ReadonlyMap<string, string>>();

  /**
   * The first room matesThroughout(server, a, t) gives for `b` (null: none), without
   * building a's whole list of room-mates: one look per room of a's.
   */
  sharedThroughout(server: string, a: string, b: string, t: number): string | null {
    if (a === b) return null;
    const excluded = this.hints.excludedRooms?.[server] ?? [];
    const before = this.joinedAfter(this.changesBefore(t, false));
    const at = this.joinedAfter(this.changesBefore(t, true));
    for (const room of at.roomsOf.get(a) ?? []) {
      const was = before.members.get(room);
      if (excluded.includes(room) || !was?.has(a)) continue;
      if (was.has(b) && at.members.get(room)!.has(b)) return room;
    }
    return null;
  }

  /**
   * Everyone who shares a room not excluded on `server` (R74) with `user` both just before
   * and at time `t` (so a membership change at the same instant as the question never
   * counts either way), with the first such room. `user` itself is left out. The map is
   * shared between callers: read it, never change it.
   */
  matesThroughout(server: string, user: string, t: number): ReadonlyMap<string, string> {
    const nBefore = this.changesBefore(t, false);
    const nAt = this.changesBefore(t, true);
    const key = `${nBefore}\t${nAt}\t${server}\t${user}`;
    const hit = this.mates.get(key);
    if (hit) return hit;
    const excluded = this.hints.excludedRooms?.[server] ?? [];
    const before = this.joinedAfter(nBefore);
    const at = this.joinedAfter(nAt);
    const mates = new Map<string, string>();
    for (const room of at.roomsOf.get(user) ?? []) {
      const was = before.members.get(room);
      if (excluded.includes(room) || !was?.has(user)) continue;
      for (const m of at.members.get(room)!) if (m !== user && was.has(m) && !mates.has(m)) mates.set(m, room);
    }
    this.mates.set(key, mates);
    return mates;
  }
}
