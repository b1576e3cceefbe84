// The pure state-machine rules: should_notify (R24), handle_update (R23),
// handle_timeout (R26, R27). No side effects except the timer inserts R23 asks for.
import { BUSY_TIMEOUT, FED_PING, FED_TIMEOUT } from "./config.ts";
import { combine, type DeviceMap } from "./devices.ts";
import { PRESENCE_STATES, type UserPresenceState } from "./state.ts";

const { ONLINE, OFFLINE, BUSY, UNAVAILABLE } = PRESENCE_STATES;

export interface Timers {
  G: number;
  S: number;
  I: number;
}

/** R24 */
export function shouldNotify(old: UserPresenceState, n: UserPresenceState, G: number): boolean {
  if (old.equals(n)) return false; // R24.1
  if (old.status_msg !== n.status_msg) return true; // R24.2
  if (old.state !== n.state) return true; // R24.3
  if (old.state === ONLINE) {
    // R24.4
    if (n.currently_active !== old.currently_active) return true;
    if (n.last_active_ts - old.last_active_ts > G && !n.currently_active) return true;
  } else if (n.last_active_ts - old.last_active_ts > G) {
    return true; // R24.5
  }
  return false;
}

export interface UpdateResult {
  record: UserPresenceState;
  notify: boolean;
  ping: boolean;
}

/**
 * R23. `insert(deadline)` adds a wheel-timer entry for the user. The intermediate
 * records of R23 are not materialised: the fields are worked out first and at most
 * two records are built (the one should_notify compares, and its notified copy).
 */
export function handleUpdate(
  prev: UserPresenceState,
  n: UserPresenceState,
  isLocal: boolean,
  now: number,
  persistOnly: boolean,
  t: Timers,
  insert: (deadline: number) => void,
): UpdateResult {
  let ping = false;
  let currentlyActive = n.currently_active;
  let fedTs = n.last_federation_update_ts;
  if (isLocal) {
    if (n.state === ONLINE) {
      if (!persistOnly) insert(n.last_active_ts + t.I);
      const active = now - n.last_active_ts < t.G; // strictly less
      currentlyActive = active;
      if (active && !persistOnly) insert(n.last_active_ts + t.G);
    }
    if (n.state !== OFFLINE) {
      if (!persistOnly) insert(n.last_user_sync_ts + t.S);
      if (now - fedTs > FED_PING) {
        fedTs = now;
        ping = true;
      }
    }
    if (n.state === BUSY && !persistOnly) insert(n.last_user_sync_ts + BUSY_TIMEOUT);
  } else if (!persistOnly) {
    insert(fedTs + FED_TIMEOUT);
  }
  if (currentlyActive !== n.currently_active || fedTs !== n.last_federation_update_ts) {
    n = n.copy_and_replace({ currently_active: currentlyActive, last_federation_update_ts: fedTs });
  }
  let notify = false;
  if (shouldNotify(prev, n, t.G)) {
    if (n.last_federation_update_ts !== now) n = n.copy_and_replace({ last_federation_update_ts: now });
    notify = true;
  }
  return { record: n, notify, ping };
}

/**
 * R26 (local) / R27 (remote). Mutates `devices` (device edits persist even when the
 * user record does not change). Returns the changed record or null.
 */
export function handleTimeout(
  s: UserPresenceState,
  isLocal: boolean,
  devices: DeviceMap | undefined,
  isSyncing: (device_id: string | null) => boolean,
  now: number,
  t: Timers,
): UserPresenceState | null {
  if (s.state === OFFLINE) return null; // R26.1
  let changed = false;
  if (isLocal) {
    if (devices) {
      let deviceChanged = false;
      const gone: Array<string | null> = [];
      for (const [id, d] of devices) {
        // R26.2.1: idle an online device after I without activity.
        if (d.state === ONLINE && now - d.last_active_ts > t.I) {
          d.state = UNAVAILABLE;
          deviceChanged = true;
        }
        // R26.2.2: remove a non-syncing device after S (busy: BUSY_TIMEOUT).
        if (!isSyncing(id)) {
          const limit = d.state === BUSY ? BUSY_TIMEOUT : t.S;
          if (now - Math.max(d.last_sync_ts, d.last_active_ts) > limit) {
            gone.push(id);
            deviceChanged = true;
          }
        }
      }
      for (const id of gone) devices.delete(id);
      if (deviceChanged) {
        const c = combine(devices.values()); // R26.3
        if (c !== s.state) {
          s = s.copy_and_replace({ state: c });
          changed = true;
        }
      }
    }
    if (now - s.last_active_ts > t.G) changed = true; // R26.4
    if (now - s.last_federation_update_ts > FED_PING) changed = true; // R26.5
  } else if (now - s.last_federation_update_ts > FED_TIMEOUT) {
    // R27: status_msg, currently_active and last_active_ts are kept.
    s = s.copy_and_replace({ state: OFFLINE });
    changed = true;
  }
  return changed ? s : null;
}
