// Fan-out of a notified batch: local wake-ups (R31) and outbound federation (R32–R34);
// membership-driven pushes to remote servers (R36).
import { JOIN_STALE, domainOf } from "./config.ts";
import { enqueueForDestinations, sendToInterestedDestinations } from "./federation.ts";
import type { MembershipEvent } from "./rooms.ts";
import type { Server } from "./server.ts";
import { PRESENCE_STATES, type UserPresenceState } from "./state.ts";

/**
 * R31 + R32/R33 for one notified batch (local and remote records mixed). Wake events
 * list every cause (rooms, self, router). Room members are woken only when they have
 * a pending sync; a record's own local user and local router keys always are (R31).
 *
 * Only users who will be woken (pending ∪ self ∪ router) are looked for in the rooms
 * (checked after the router call, as before). Per room the cheaper side is scanned:
 * the room's members on this server, or the candidates (then ordered by join sequence,
 * which is the order the members are listed in). Same wake order and reasons as
 * scanning every member.
 */
export async function fanOut(s: Server, batch: readonly UserPresenceState[]): Promise<void> {
  const rooms = s.world.rooms;
  const excluded = s.set.excluded;
  const selfWoken = new Set<string>();
  for (const r of batch) if (s.isLocal(r.user_id)) selfWoken.add(r.user_id);
  // R31 / R37 call #1: all notified records, local and remote.
  const routed = await s.router.get_users_for_states(batch, { site: "wake", for_user: null });
  const routerWoken = new Set<string>();
  for (const key of routed.keys()) if (s.isLocal(key)) routerWoken.add(key); // remote keys ignored here

  // Candidates: everyone who may be woken.
  const pending = s.pending;
  const candidates: string[] = [];
  for (const u of pending.keys()) candidates.push(u);
  for (const u of selfWoken) if (!pending.has(u)) candidates.push(u);
  for (const u of routerWoken) if (!pending.has(u) && !selfWoken.has(u)) candidates.push(u);
  const isCandidate = (u: string) => pending.has(u) || selfWoken.has(u) || routerWoken.has(u);

  const roomReasons = new Map<string, string[]>();
  const addReason = (m: string, reason: string) => {
    const rs = roomReasons.get(m);
    if (!rs) roomReasons.set(m, [reason]);
    else if (!rs.includes(reason)) rs.push(reason);
  };
  if (candidates.length) {
    const seenRooms = new Set<string>();
    const hits: Array<[number, string]> = [];
    for (const r of batch) {
      for (const room of rooms.roomsOfUser(r.user_id)) {
        if (excluded.has(room)) continue; // R74
        // A room met again (another record of the batch) changes nothing: its members
        // already carry its reason.
        if (seenRooms.has(room)) continue;
        seenRooms.add(room);
        const members = rooms.localMembers(room, s.name);
        if (!members.size) continue;
        const reason = rooms.reason(room);
        if (members.size <= candidates.length) {
          for (const m of members.keys()) if (isCandidate(m)) addReason(m, reason);
        } else {
          hits.length = 0;
          for (const c of candidates) {
            const seq = members.get(c);
            if (seq !== undefined) hits.push([seq, c]);
          }
          if (hits.length > 1) hits.sort((a, b) => a[0] - b[0]);
          for (const [, m] of hits) addReason(m, reason);
        }
      }
    }
  }

  const woken = new Map<string, string[]>();
  const add = (u: string) => {
    if (woken.has(u)) return;
    const reasons = roomReasons.get(u) ?? [];
    if (selfWoken.has(u)) reasons.push("self");
    if (routerWoken.has(u)) reasons.push("router");
    woken.set(u, reasons);
  };
  for (const u of roomReasons.keys()) add(u);
  for (const u of selfWoken) add(u);
  for (const u of routerWoken) add(u);
  const at = s.at();
  for (const [user, reasons] of woken) {
    if (s.world.recorder.accepting) s.world.recorder.emit({ at, server: s.name, type: "wake", user, reasons });
    s.world.notifyUser(s, user);
  }
  // R32–R34: outbound federation for the local records of the batch.
  if (s.set.tracking) await sendToInterestedDestinations(s, batch, "notify");
}

/**
 * R36: pushes on joins, run on server `s` for one membership event. The router is not
 * consulted and nobody is woken.
 */
export function joinPushes(s: Server, ev: MembershipEvent): void {
  if (!s.set.tracking) return; // R41
  // Only became-join: Rooms.change() makes no event for join → join, so any join event
  // comes from another membership.
  if (ev.membership !== "join") return;
  if (s.set.excluded.has(ev.room)) return; // R74: skip the room entirely
  const rooms = s.world.rooms;
  const newly = ev.user;
  const prevLocal: string[] = [];
  const prevRemoteHosts = new Set<string>();
  for (const u of rooms.joinedMembers(ev.room)) {
    if (u === newly) continue;
    if (s.isLocal(u)) prevLocal.push(u);
    else prevRemoteHosts.add(domainOf(u) ?? "");
  }
  const newLocal = s.isLocal(newly) ? [newly] : [];
  const newRemoteHosts = new Set<string>();
  if (!s.isLocal(newly)) {
    const h = domainOf(newly) ?? "";
    if (!prevRemoteHosts.has(h)) newRemoteHosts.add(h);
  }
  const now = s.now;
  if (prevLocal.length && newRemoteHosts.size) {
    // Drop stale offline records (never-active defaults always go).
    const recs = prevLocal
      .map((u) => s.lookup(u))
      .filter((r) => r.state !== PRESENCE_STATES.OFFLINE || now - r.last_active_ts < JOIN_STALE || r.status_msg !== null);
    enqueueForDestinations(s, recs, [...newRemoteHosts], "join");
  }
  if (newLocal.length && (prevRemoteHosts.size || newRemoteHosts.size)) {
    const recs = newLocal.map((u) => s.lookup(u)); // no offline filtering
    enqueueForDestinations(s, recs, [...prevRemoteHosts, ...newRemoteHosts], "join");
  }
}
