// The presence event source (get_new_events): full-presence marks (R47), the
// short-circuit (R48), router interest (R49), set path (R50), ALL path (R51).
// Shared by /sync and send_local_online_presence_to's remote snapshots (R68).
import type { Server } from "./server.ts";
import { PRESENCE_STATES, type UserPresenceState } from "./state.ts";
import { RouterInconsistencyError } from "./wire.ts";

export interface Visible {
  record: UserPresenceState;
  /** Why the viewer may see it (deliveries.via). */
  via: string[];
}

const offline = (r: UserPresenceState) => r.state === PRESENCE_STATES.OFFLINE;

/**
 * `from` null = initial. Returns the records `user` receives (before R52 extras and
 * the filter). Throws RouterInconsistencyError for S8.
 */
export async function getNewEvents(
  s: Server,
  user: string,
  from: number | null,
  includeOffline: boolean,
  site: "sync" | "snapshot" = "sync",
): Promise<Visible[]> {
  const where = { site, for_user: user };
  let snapshot = false;
  const mark = s.fullMark.get(user);
  if (from !== null && mark !== undefined && from <= mark) {
    // R47: a one-off initial-style snapshot without offline users.
    from = null;
    includeOffline = false;
    snapshot = true;
  }
  if (from === s.streamPos) return []; // R48: the router is not called
  const X = await s.router.get_interested_users(user, where); // R49
  const extraVia = snapshot ? ["module_api"] : [];
  if (X === "ALL") {
    // R51 / R66
    let candidates: UserPresenceState[];
    if (from === null) {
      candidates = [];
      for (const u of s.lastPos.keys()) candidates.push(s.stored.get(u)!); // persisted, stream order
    } else {
      candidates = s.changedSince(from).map((u) => s.lookup(u));
    }
    if (!includeOffline) candidates = candidates.filter((r) => !offline(r));
    const routed = await s.router.get_users_for_states(candidates, where);
    const mine = routed.get(user);
    if (!mine) {
      if (!s.fidelity.all_users_requires_mapping) return [];
      throw new RouterInconsistencyError(
        `presence router: get_interested_users('${user}') returned ALL_USERS but get_users_for_states ` +
          `has no entry for '${user}', so Synapse fails the request (KeyError, R51/S8)`,
      );
    }
    return mine.map((record) => ({ record, via: ["router", ...extraVia] }));
  }
  // R50 set path.
  const rooms = s.world.rooms;
  const excluded = s.set.excluded;
  const out: Visible[] = [];
  const myRooms = rooms.roomsOfUser(user);
  /** via of one candidate; null when `user` may not see `u` (no shared room, not routed). */
  const viaOf = (u: string, theirs: ReadonlySet<string>): string[] | null => {
    if (u === user) return ["self", ...extraVia];
    let via: string[] | null = null;
    if (theirs.size) {
      for (const r of myRooms) if (theirs.has(r) && !excluded.has(r)) (via ??= []).push(rooms.reason(r));
    }
    if (X.has(u)) (via ??= []).push("router");
    if (!via) return null;
    for (const v of extraVia) via.push(v);
    return via;
  };
  if (from !== null) {
    // Users whose newest stream position is > from, in stream order, that share a
    // room with `user`, are routed to them, or are them.
    const log = s.streamLog;
    const superseded = s.superseded;
    const roomsAt = s.streamRooms;
    for (let i = from; i < log.length; i++) {
      if (superseded[i]) continue;
      const u = log[i];
      const via = viaOf(u, roomsAt[i]);
      if (!via) continue;
      const record = s.lookup(u);
      if (!includeOffline && offline(record)) continue;
      out.push({ record, via });
    }
    return out;
  }
  const seen = new Set<string>([user]);
  for (const room of rooms.roomsOfUser(user)) {
    if (excluded.has(room)) continue;
    for (const m of rooms.joinedMembers(room)) seen.add(m);
  }
  for (const u of X) seen.add(u);
  for (const u of seen) {
    const record = s.lookup(u);
    if (!includeOffline && offline(record)) continue;
    // Every candidate here is the user, a roommate in a non-excluded room or in X: it has a via.
    out.push({ record, via: viaOf(u, rooms.roomsOfUser(u))! });
  }
  return out;
}
