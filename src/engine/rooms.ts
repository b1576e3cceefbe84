// Room memberships, shared by every server ("seen at once by every server with a
// member in the room", scenario-format §2), with the indexes the rules need:
// user → joined rooms, room → joined members, room → joined count per server.
import { domainOf } from "./config.ts";

export interface MembershipEvent {
  /** Position in the membership stream (1-based); sync tokens carry it (R52). */
  pos: number;
  room: string;
  user: string;
  prev: string | null;
  membership: string;
}

const NONE: ReadonlySet<string> = new Set();
const NO_MEMBERS: ReadonlyMap<string, string> = new Map();
const NO_LOCAL: ReadonlyMap<string, number> = new Map();

export class Rooms {
  private members = new Map<string, Map<string, string>>();
  private joined = new Map<string, Set<string>>();
  private roomsOf = new Map<string, Set<string>>();
  private servers = new Map<string, Map<string, number>>();
  /** room → host → that host's joined members → join sequence (in join order; an index for fan-out). */
  private local = new Map<string, Map<string, Map<string, number>>>();
  private joinSeq = 0;
  /** room → "room:<id>" (the via/reason string, built once). */
  private reasons = new Map<string, string>();
  readonly log: MembershipEvent[] = [];

  get pos(): number {
    return this.log.length;
  }

  ensure(room: string): void {
    if (!this.members.has(room)) {
      this.members.set(room, new Map());
      this.joined.set(room, new Set());
      this.servers.set(room, new Map());
      this.local.set(room, new Map());
    }
  }

  /** Rooms at time 0: joined before the run, no event in the stream (§5). */
  addInitial(room: string, users: string[]): void {
    this.ensure(room);
    for (const u of users) this.apply(room, u, "join");
  }

  /** A membership change; returns the event, or null when nothing changed. */
  change(user: string, room: string, membership: string): MembershipEvent | null {
    this.ensure(room);
    const prev = this.members.get(room)!.get(user) ?? null;
    if (prev === membership) return null;
    this.apply(room, user, membership);
    const ev: MembershipEvent = { pos: this.log.length + 1, room, user, prev, membership };
    this.log.push(ev);
    return ev;
  }

  private apply(room: string, user: string, membership: string): void {
    const m = this.members.get(room)!;
    const wasJoined = m.get(user) === "join";
    m.set(user, membership);
    const isJoined = membership === "join";
    if (wasJoined === isJoined) return;
    const j = this.joined.get(room)!;
    const counts = this.servers.get(room)!;
    const host = domainOf(user) ?? "";
    let mine = this.roomsOf.get(user);
    if (!mine) this.roomsOf.set(user, (mine = new Set()));
    const byHost = this.local.get(room)!;
    let loc = byHost.get(host);
    if (!loc) byHost.set(host, (loc = new Map()));
    if (isJoined) {
      j.add(user);
      mine.add(room);
      counts.set(host, (counts.get(host) ?? 0) + 1);
      loc.set(user, ++this.joinSeq);
    } else {
      j.delete(user);
      mine.delete(room);
      const c = (counts.get(host) ?? 1) - 1;
      if (c === 0) counts.delete(host);
      else counts.set(host, c);
      loc.delete(user);
    }
  }

  /** Every member of a room with their current membership (join, invite, leave…), in first-seen order. */
  memberships(room: string): ReadonlyMap<string, string> {
    return this.members.get(room) ?? NO_MEMBERS;
  }

  /** Joined rooms of a user, in join order. */
  roomsOfUser(user: string): ReadonlySet<string> {
    return this.roomsOf.get(user) ?? NONE;
  }

  /**
   * The same set as roomsOfUser, made now if the user has none yet: the very object later
   * joins and leaves change, so a caller may keep it (Server keeps one per stream position).
   */
  liveRoomsOf(user: string): ReadonlySet<string> {
    let mine = this.roomsOf.get(user);
    if (!mine) this.roomsOf.set(user, (mine = new Set()));
    return mine;
  }

  joinedMembers(room: string): ReadonlySet<string> {
    return this.joined.get(room) ?? NONE;
  }

  /**
   * The joined members of `room` whose server is `host`, in join order (the order
   * joinedMembers() lists them in), each with a join sequence number that sorts the
   * same way.
   */
  localMembers(room: string, host: string): ReadonlyMap<string, number> {
    return this.local.get(room)?.get(host) ?? NO_LOCAL;
  }

  /** "room:<room_id>", the wake reason and delivery via of a shared room. */
  reason(room: string): string {
    let r = this.reasons.get(room);
    if (r === undefined) this.reasons.set(room, (r = `room:${room}`));
    return r;
  }

  /** Servers with at least one joined member. */
  hostsIn(room: string): Iterable<string> {
    return this.servers.get(room)?.keys() ?? [];
  }

  hasHost(room: string, host: string): boolean {
    return this.servers.get(room)?.has(host) ?? false;
  }

  /** Non-excluded rooms both users are joined to (R50, R74). */
  sharedRooms(a: string, b: string, excluded: ReadonlySet<string>): string[] {
    const rb = this.roomsOfUser(b);
    const out: string[] = [];
    for (const r of this.roomsOfUser(a)) if (rb.has(r) && !excluded.has(r)) out.push(r);
    return out;
  }

  shares(a: string, b: string, excluded: ReadonlySet<string>): boolean {
    const ra = this.roomsOfUser(a);
    const rb = this.roomsOfUser(b);
    const [small, big] = ra.size <= rb.size ? [ra, rb] : [rb, ra];
    for (const r of small) if (big.has(r) && !excluded.has(r)) return true;
    return false;
  }

  /** Membership events with pos in (from, to]. */
  eventsBetween(from: number, to: number): MembershipEvent[] {
    return this.log.slice(from, to);
  }

  /** m.room.member state events of a room, as ModuleApi.get_state_events_in_room gives them. */
  memberEvents(room: string): Array<Record<string, unknown>> {
    const m = this.members.get(room);
    if (!m) return [];
    return [...m].map(([user, membership]) => ({
      type: "m.room.member",
      state_key: user,
      sender: user,
      room_id: room,
      content: { membership },
    }));
  }
}
