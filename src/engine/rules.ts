// The pure state-machine rules (Synapse's handlers/presence.py module-level functions):
// should_notify (R24), handle_update (R23), handle_timeout (R26, R27). They return the
// new record and the effects to apply; handler.ts and timeouts.ts apply them.
import { BUSY_TIMEOUT, FED_PING, FED_TIMEOUT } from "./config.ts";
import { combine, type DeviceMap, type DeviceRecord } from "./devices.ts";
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

/** The timers and mode one update is judged with (R23). */
export interface UpdateConfig extends Timers {
  /** R22.3: tracking off ("untracked"): records are stored but no timers are set. */
  persistOnly: boolean;
}

/**
 * What the server must do with the result of handle_update (the caller applies it):
 * `notify` persists the record at once and fans it out (R22.5: local wake-ups and
 * federation sends, R31–R34); otherwise it waits for the periodic persist (R22.6, R30),
 * and `ping` sends it to remote servers only (R22.7, R35). `timers` are wheel-timer
 * deadlines for the user (R25).
 */
export interface UpdateResult {
  record: UserPresenceState;
  notify: boolean;
  ping: boolean;
  timers: number[];
}

/**
 * R23, pure (Synapse's handle_update). The intermediate records of R23 are not
 * materialised: the fields are worked out first and at most two records are built (the
 * one should_notify compares, and its notified copy).
 */
export function handleUpdate(prev: UserPresenceState, n: UserPresenceState, isLocal: boolean, now: number, cfg: UpdateConfig): UpdateResult {
  const timers: number[] = [];
  const setTimers = !cfg.persistOnly;
  let ping = false;
  let currentlyActive = n.currently_active;
  let fedTs = n.last_federation_update_ts;
  if (isLocal) {
    if (n.state === ONLINE) {
      if (setTimers) timers.push(n.last_active_ts + cfg.I);
      const active = now - n.last_active_ts < cfg.G; // strictly less
      currentlyActive = active;
      if (active && setTimers) timers.push(n.last_active_ts + cfg.G);
    }
    if (n.state !== OFFLINE) {
      if (setTimers) timers.push(n.last_user_sync_ts + cfg.S);
      if (now - fedTs > FED_PING) {
        fedTs = now;
        ping = true;
      }
    }
    if (n.state === BUSY && setTimers) timers.push(n.last_user_sync_ts + BUSY_TIMEOUT);
  } else if (setTimers) {
    timers.push(fedTs + FED_TIMEOUT);
  }
  if (currentlyActive !== n.currently_active || fedTs !== n.last_federation_update_ts) {
    n = n.copy_and_replace({ currently_active: currentlyActive, last_federation_update_ts: fedTs });
  }
  let notify = false;
  if (shouldNotify(prev, n, cfg.G)) {
    if (n.last_federation_update_ts !== now) n = n.copy_and_replace({ last_federation_update_ts: now });
    notify = true;
  }
  return { record: n, notify, ping, timers };
}

/**
 * The result of handle_timeout: the changed record (null: unchanged, nothing to do) and
 * the user's new device map when a device was idled or removed (null: unchanged).
 * Device edits stand even when the record does not change (R26.3).
 */
export interface TimeoutResult {
  record: UserPresenceState | null;
  devices: DeviceMap | null;
}

const UNCHANGED: TimeoutResult = { record: null, devices: null };

/** R26 (local) / R27 (remote), pure (Synapse's handle_timeout). `devices` is not modified. */
export function handleTimeout(
  s: UserPresenceState,
  isLocal: boolean,
  devices: ReadonlyMap<string | null, DeviceRecord> | undefined,
  isSyncing: (device_id: string | null) => boolean,
  now: number,
  t: Timers,
): TimeoutResult {
  if (s.state === OFFLINE) return UNCHANGED; // R26.1
  let changed = false;
  let newDevices: DeviceMap | null = null;
  if (isLocal) {
    if (devices) {
      let deviceChanged = false;
      const kept: DeviceMap = new Map();
      for (const [id, d] of devices) {
        let state = d.state;
        // R26.2.1: idle an online device after I without activity.
        if (state === ONLINE && now - d.last_active_ts > t.I) {
          state = UNAVAILABLE;
          deviceChanged = true;
        }
        // R26.2.2: remove a non-syncing device after S (busy: BUSY_TIMEOUT).
        if (!isSyncing(id)) {
          const limit = state === BUSY ? BUSY_TIMEOUT : t.S;
          if (now - Math.max(d.last_sync_ts, d.last_active_ts) > limit) {
            deviceChanged = true;
            continue;
          }
        }
        kept.set(id, state === d.state ? d : { ...d, state });
      }
      if (deviceChanged) {
        newDevices = kept;
        const c = combine(kept.values()); // R26.3
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
  return changed || newDevices ? { record: changed ? s : null, devices: newDevices } : UNCHANGED;
}
