// The presence handler of one server: set_state (R18), bump (R17), sync end (R16),
// the update pipeline (R22) and periodic persistence (R30).
import type { StateCause } from "../trace/types.ts";
import { combine, getOrCreateDevice } from "./devices.ts";
import { fanOut } from "./fanout.ts";
import { sendToInterestedDestinations } from "./federation.ts";
import { handleUpdate } from "./rules.ts";
import type { Server } from "./server.ts";
import { PRESENCE_STATES, UserPresenceState } from "./state.ts";
import type { PresenceRecord } from "../trace/types.ts";
import { HttpError } from "./wire.ts";

const { ONLINE, UNAVAILABLE, OFFLINE, BUSY } = PRESENCE_STATES;

/** R1: states a client (or module via set_state) may set. */
export function isValidPresence(s: Server, presence: unknown): boolean {
  if (presence === ONLINE || presence === UNAVAILABLE || presence === OFFLINE) return true;
  return presence === BUSY && s.set.busyAllowed;
}

/**
 * R22 pipeline. Throws only what Synapse raises out of it (R34 via fan-out); the
 * records are stored and woken before that happens.
 */
export async function pipeline(
  s: Server,
  records: readonly UserPresenceState[],
  cause: StateCause,
  forceNotify = false,
): Promise<void> {
  const now = s.now;
  if (!s.set.enabled) {
    // R22.1 / R73: presence disabled drops every update.
    if (records.length) s.world.log(s, "debug", `presence is disabled: dropped ${records.length} update(s)`);
    return;
  }
  // R22.2: the last record per user wins (keeping the first one's position).
  let updates: readonly UserPresenceState[] = records;
  if (records.length > 1) {
    const byUser = new Map<string, UserPresenceState>();
    for (const r of records) byUser.set(r.user_id, r);
    if (byUser.size !== records.length) updates = [...byUser.values()];
  }
  const cfg = s.updateConfig; // R22.3: "untracked" sets no timers
  const notify: UserPresenceState[] = [];
  const ping: UserPresenceState[] = [];
  const notified = new Array<boolean>(updates.length);
  const at = s.at();
  const wheel = s.wheel;
  const rec = s.world.recorder; // past its event limit, state events are not built
  for (let i = 0; i < updates.length; i++) {
    const n = updates[i];
    const u = n.user_id;
    const prev = s.peek(u);
    const res = handleUpdate(prev, n, s.isLocal(u), now, cfg);
    for (const d of res.timers) wheel.insert(now, u, d); // R25
    const isNotified = (notified[i] = res.notify || forceNotify);
    s.current.set(u, res.record);
    if (rec.accepting && !prev.equals(res.record)) {
      rec.emit({
        at,
        server: s.name,
        type: "state",
        user: u,
        before: prev.traceDict(),
        after: res.record.traceDict(),
        notified: isNotified,
        cause,
      });
    }
    if (isNotified) notify.push(res.record);
    else if (res.ping) ping.push(res.record); // R22.4
  }
  if (notify.length) {
    // R22.5: persist as one batch, then fan out (§5).
    s.persist(notify);
    await fanOut(s, notify);
  }
  // R22.6: (users are unique here) notified ones are persisted, the others not yet.
  for (let i = 0; i < updates.length; i++) {
    if (notified[i]) s.unpersisted.delete(updates[i].user_id);
    else s.unpersisted.add(updates[i].user_id);
  }
  // R22.7 / R35: pings go to remote servers only (a user is either notified or pinged).
  if (ping.length) await sendToInterestedDestinations(s, ping, "ping");
}

/** R18 set_state. `device_id` null is the pseudo-device (R67). */
export async function setState(
  s: Server,
  user: string,
  device_id: string | null,
  state: { presence: unknown; status_msg?: unknown },
  isSync: boolean,
  forceNotify: boolean,
  cause: StateCause,
): Promise<void> {
  let presence = state.presence;
  if (!isValidPresence(s, presence)) throw new HttpError(400, "M_UNKNOWN", "Invalid presence state"); // R18.1
  if (!s.set.tracking) return; // R18.2
  const now = s.now;
  const prev = s.lookup(user); // R18.3
  if (isSync && prev.state === BUSY) presence = BUSY; // R18.4 busy stickiness (S15)
  let devices = s.devices.get(user);
  if (!devices) s.devices.set(user, (devices = new Map()));
  const d = getOrCreateDevice(devices, device_id); // R18.5
  d.state = presence as string;
  d.last_active_ts = now;
  if (isSync) d.last_sync_ts = now;
  const combined = combine(devices.values()); // R18.6
  const changes: Partial<PresenceRecord> = { state: combined };
  if (combined === ONLINE || combined === BUSY) changes.last_active_ts = now; // R18.7
  if (isSync) changes.last_user_sync_ts = now;
  else changes.status_msg = (state.status_msg ?? null) as string | null; // S20: absent clears
  await pipeline(s, [prev.copy_and_replace(changes)], cause, forceNotify); // R18.8
}

/** R17 bump_presence_active_time (a message, typing, receipt, read marker). */
export async function bumpActive(s: Server, user: string, device_id: string | null): Promise<void> {
  if (!s.set.tracking) return;
  const now = s.now;
  let devices = s.devices.get(user);
  if (!devices) s.devices.set(user, (devices = new Map()));
  const d = getOrCreateDevice(devices, device_id);
  d.last_active_ts = now;
  if (d.state === UNAVAILABLE) d.state = ONLINE; // offline stays offline, busy stays busy
  const prev = s.lookup(user);
  await pipeline(s, [prev.copy_and_replace({ last_active_ts: now, state: combine(devices.values()) })], "activity");
}

/** R16: end of a presence-affecting sync (only last_user_sync_ts changes; S4). */
export async function syncEnded(s: Server, user: string, device_id: string): Promise<void> {
  s.syncStopped(user, device_id);
  const prev = s.lookup(user);
  await pipeline(s, [prev.copy_and_replace({ last_user_sync_ts: s.now })], "sync_end");
}

/**
 * R30: write every unpersisted user to the stream as one batch (new positions, no
 * wake-ups, no federation; S11). With fidelity.periodic_repersist off, the records
 * are stored without new stream positions.
 */
export function persistUnpersisted(s: Server): void {
  if (!s.unpersisted.size) return;
  const recs = [...s.unpersisted].map((u) => s.current.get(u) ?? UserPresenceState.default(u));
  s.unpersisted = new Set();
  if (s.fidelity.periodic_repersist) s.persist(recs);
  else for (const r of recs) s.stored.set(r.user_id, r);
}
