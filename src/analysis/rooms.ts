// Who shares a room with whom, as far as the trace (and optionally the scenario) tells:
// scenario rooms at time 0, `room:<id>` vias of sync deliveries (both ends are members),
// and `room:<id>` wake reasons (the woken user is a member). Exclusions (R74) per server.
import type { Trace } from "../trace/types.ts";

export interface RoomHints {
  /** Scenario rooms (members joined at time 0). */
  rooms?: ReadonlyArray<{ id: string; members: readonly string[] }>;
  /** server → exclude_rooms_from_presence (R74). */
  excludedRooms?: Readonly<Record<string, readonly string[]>>;
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
