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
 */
export async function fanOut(s: Server, batch: readonly UserPresenceState[]): Promise<void> {
  const rooms = s.world.rooms;
  const excluded = s.set.excluded;
  const roomReasons = new Map<string, string[]>();
  for (const r of batch) {
    for (const room of rooms.roomsOfUser(r.user_id)) {
      if (excluded.has(room)) continue; // R74
      for (const m of rooms.joinedMembers(room)) {
        if (!s.isLocal(m)) continue;
        let rs = roomReasons.get(m);
        if (!rs) roomReasons.set(m, (rs = []));
        const reason = `room:${room}`;
        if (!rs.includes(reason)) rs.push(reason);
      }
    }
  }
  const selfWoken = new Set(batch.filter((r) => s.isLocal(r.user_id)).map((r) => r.user_id));
  // R31 / R37 call #1: all notified records, local and remote.
  const routed = await s.router.get_users_for_states(batch);
  const routerWoken = new Set<string>();
  for (const key of routed.keys()) if (s.isLocal(key)) routerWoken.add(key); // remote keys ignored here

  const woken = new Map<string, string[]>();
  const add = (u: string) => {
    if (woken.has(u)) return;
    const reasons = [...(roomReasons.get(u) ?? [])];
    if (selfWoken.has(u)) reasons.push("self");
    if (routerWoken.has(u)) reasons.push("router");
    woken.set(u, reasons);
  };
  for (const u of roomReasons.keys()) if (s.pending.has(u) || selfWoken.has(u) || routerWoken.has(u)) add(u);
  for (const u of selfWoken) add(u);
  for (const u of routerWoken) add(u);
  for (const [user, reasons] of woken) {
    s.world.recorder.emit({ at: s.at(), server: s.name, type: "wake", user, reasons });
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
  if (ev.membership !== "join" || ev.prev === "join") return; // only became-join
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
