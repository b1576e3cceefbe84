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
    for (const d of trace.deliveries) {
      if (d.transport !== "sync") continue;
      for (const v of d.via) {
        if (!v.startsWith("room:")) continue;
        this.add(v.slice(5), d.source);
        this.add(v.slice(5), d.viewer);
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

  /** Joined members (and each user's rooms) after every change with `at < t` (strict) or `at <= t`. */
  private joinedAt(t: number, inclusive: boolean): { members: Map<string, Set<string>>; roomsOf: Map<string, string[]> } {
    // Binary search: the number of changes with at <= t (inclusive) or at < t.
    let lo = 0;
    let hi = this.changes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const at = this.changes[mid]!.at;
      if (inclusive ? at <= t : at < t) lo = mid + 1;
      else hi = mid;
    }
    const n = lo;
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
   * Everyone who shares a room not excluded on `server` (R74) with `user` both just before
   * and at time `t` (so a membership change at the same instant as the question never
   * counts either way), with the first such room. `user` itself is left out.
   */
  matesThroughout(server: string, user: string, t: number): Map<string, string> {
    const excluded = this.hints.excludedRooms?.[server] ?? [];
    const before = this.joinedAt(t, false);
    const at = this.joinedAt(t, true);
    const mates = new Map<string, string>();
    for (const room of at.roomsOf.get(user) ?? []) {
      const was = before.members.get(room);
      if (excluded.includes(room) || !was?.has(user)) continue;
      for (const m of at.members.get(room)!) if (m !== user && was.has(m) && !mates.has(m)) mates.set(m, room);
    }
    return mates;
  }
}
