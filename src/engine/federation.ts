// Outbound federation: destinations (R33), the local-records assertion (R34), pings
// (R35), per-destination queues (R39), staggered sends (R40), suppression (R41).
import { EDU_MAX, STAGGER_WINDOW, domainOf } from "./config.ts";
import { Klass } from "./queue.ts";
import type { Server } from "./server.ts";
import type { UserPresenceState } from "./state.ts";
import { formatPresence, RouterInconsistencyError } from "./wire.ts";
import type { PresenceEdu } from "../trace/types.ts";

interface Pending {
  record: UserPresenceState;
  via: string[];
  batch: number;
}

export interface DestinationQueue {
  /** R39: user_id → newest record; a replacement keeps its position. */
  pending: Map<string, Pending>;
  sendScheduled: boolean;
  /** Delivery time of the transaction in flight (one at a time per destination). */
  busyUntil: number;
}

/**
 * R33 (notify) / R35 (ping): rooms, then the router's second call, grouped per host as
 * Synapse's get_interested_remotes does; R34 checked per host group.
 */
export async function sendToInterestedDestinations(
  s: Server,
  states: readonly UserPresenceState[],
  kind: "notify" | "ping",
): Promise<void> {
  if (!s.set.tracking) return; // R41
  const local = states.filter((r) => s.isLocal(r.user_id)); // R32 / S9: never forward remote users
  if (!local.length) return;
  const rooms = s.world.rooms;
  // host → its group: records and their reasons side by side; `routed` marks groups the
  // router added to (only those can hold non-local records for R34).
  const hosts = new Map<string, HostGroup>();
  const add = (host: string, rec: UserPresenceState, via: string, routed: boolean) => {
    let g = hosts.get(host);
    if (!g) hosts.set(host, (g = { recs: [], vias: [], routed: false }));
    g.recs.push(rec);
    g.vias.push(via);
    if (routed) g.routed = true;
  };
  for (const rec of local) {
    for (const room of rooms.roomsOfUser(rec.user_id)) {
      if (s.set.excluded.has(room)) continue; // R74
      const reason = rooms.reason(room);
      for (const host of rooms.hostsIn(room)) add(host, rec, reason, false);
    }
  }
  // R33.2 / R37 call #2 (or #3 for pings): only the local records.
  const routed = await s.router.get_users_for_states(local, { site: kind === "ping" ? "ping" : "federation", for_user: null });
  for (const [key, recs] of routed) {
    const host = domainOf(key);
    // An invalid key raises during fan-out (R61 [inferred]).
    if (host === null) throw new RouterInconsistencyError(`router returned the key '${key}', which is not a user id`);
    for (const rec of recs) add(host, rec, "router", true);
  }
  const batch = ++s.fedBatch;
  for (const [host, g] of hosts) {
    // Room-only groups hold local records only: R34 has nothing to check there.
    const keep = g.routed ? checkLocal(s, g.recs, host) : g.recs;
    if (host === s.name || !allowed(s, host)) continue; // R33.3
    if (keep === g.recs) {
      for (let i = 0; i < g.recs.length; i++) enqueue(s, host, g.recs[i], g.vias[i], batch);
    } else {
      const ok = new Set(keep);
      for (let i = 0; i < g.recs.length; i++) if (ok.has(g.recs[i])) enqueue(s, host, g.recs[i], g.vias[i], batch);
    }
  }
}

interface HostGroup {
  recs: UserPresenceState[];
  vias: string[];
  routed: boolean;
}

/**
 * R34: the federation sender asserts every record it is given is local. Synapse hands
 * every host group (its own name included, skipped only afterwards) to the sender, so
 * the check runs per group before the own-server skip. With the fidelity toggle off,
 * non-local records are dropped instead.
 */
function checkLocal(s: Server, recs: UserPresenceState[], host: string): UserPresenceState[] {
  const bad = recs.filter((r) => !s.isLocal(r.user_id));
  if (!bad.length) return recs;
  if (s.fidelity.assert_local_federation_records) {
    throw new RouterInconsistencyError(
      `presence router: records of non-local user(s) ${[...new Set(bad.map((r) => r.user_id))].join(", ")} ` +
        `were routed to ${host}; Synapse only federates its own users' presence (R34)`,
    );
  }
  s.world.log(s, "warning", `dropped non-local record(s) bound for ${host} (R34 assertion disabled)`);
  return recs.filter((r) => s.isLocal(r.user_id));
}

function allowed(s: Server, host: string): boolean {
  return !s.set.whitelist || s.set.whitelist.has(host);
}

/** send_presence_to_destinations for fixed hosts (R36 joins, R68 snapshots). Throws per R34. */
export function enqueueForDestinations(s: Server, recs: readonly UserPresenceState[], hosts: string[], via: string): void {
  if (!s.set.tracking || !recs.length || !hosts.length) return; // R41
  const ok = checkLocal(s, [...recs], hosts.join(", "));
  const batch = ++s.fedBatch;
  for (const host of hosts) {
    if (host === s.name || !allowed(s, host)) continue;
    for (const rec of ok) enqueue(s, host, rec, via, batch);
  }
}

function enqueue(s: Server, host: string, rec: UserPresenceState, via: string, batch: number): void {
  let q = s.fedQueues.get(host);
  if (!q) s.fedQueues.set(host, (q = { pending: new Map(), sendScheduled: false, busyUntil: -Infinity }));
  const old = q.pending.get(rec.user_id);
  if (old && old.batch === batch) {
    // Same fan-out reached this host for several reasons: one entry, every reason.
    old.record = rec;
    if (!old.via.includes(via)) old.via.push(via);
  } else {
    // A newer fan-out replaces the entry; Map.set keeps an existing key's position (R39).
    q.pending.set(rec.user_id, { record: rec, via: [via], batch });
  }
  if (!q.sendScheduled) scheduleSend(s, host, q);
}

/** R40: the first destination woken at an instant goes at once, later ones staggered. */
function scheduleSend(s: Server, host: string, q: DestinationQueue): void {
  const now = s.now;
  if (s.fedWake.at !== now) s.fedWake = { at: now, count: 0 };
  const step = 1000 / s.set.rrPerSecond;
  const offset = Math.min(Math.round(s.fedWake.count * step), STAGGER_WINDOW);
  s.fedWake.count++;
  const at = Math.max(now + offset, q.busyUntil);
  q.sendScheduled = true;
  s.world.schedule(at, Klass.Federation, () => sendTransaction(s, host, q));
}

/** Builds one transaction (one m.presence EDU of ≤ 50 entries, R38/R39) and ships it. */
function sendTransaction(s: Server, host: string, q: DestinationQueue): void {
  q.sendScheduled = false;
  if (!q.pending.size) return;
  const now = s.now;
  const entries: Pending[] = [];
  for (const [u, p] of q.pending) {
    if (entries.length >= EDU_MAX) break;
    entries.push(p);
    q.pending.delete(u);
  }
  const edu: PresenceEdu = {
    edu_type: "m.presence",
    content: { push: entries.map((p) => formatPresence(p.record, now, true) as PresenceEdu["content"]["push"][number]) },
  };
  const txn_id = `${s.name}:${++s.txnSeq}`;
  s.world.recorder.emit({ at: s.at(), server: s.name, type: "edu_sent", destination: host, txn_id, edu });
  const delay = s.world.federationDelay();
  const deliverAt = Math.max(now + delay, q.busyUntil);
  q.busyUntil = deliverAt;
  const vias = new Map(entries.map((p) => [p.record.user_id, p.via]));
  // Delivery is injected by the World (inbound.ts is not imported here: inbound EDUs
  // feed the pipeline, which fans out to this file).
  s.world.schedule(deliverAt, Klass.Federation, () => s.world.deliverEdu(s.name, host, edu, vias));
  if (q.pending.size) {
    q.sendScheduled = true;
    s.world.schedule(deliverAt, Klass.Federation, () => sendTransaction(s, host, q));
  }
}
