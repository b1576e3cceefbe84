// R3 device records and R19 combine.
import { PRESENCE_STATES } from "./state.ts";

export interface DeviceRecord {
  device_id: string | null;
  state: string;
  last_active_ts: number;
  last_sync_ts: number;
}

/** Per user: device id (null = pseudo-device, R21/R67) → record, in creation order. */
export type DeviceMap = Map<string | null, DeviceRecord>;

/** R1: priority for combining devices. */
export function priority(state: string): number {
  switch (state) {
    case PRESENCE_STATES.BUSY:
      return 4;
    case PRESENCE_STATES.ONLINE:
      return 3;
    case PRESENCE_STATES.UNAVAILABLE:
      return 2;
    default:
      return 1;
  }
}

/** R3: a new device starts offline with zero timestamps. */
export function newDevice(device_id: string | null): DeviceRecord {
  return { device_id, state: PRESENCE_STATES.OFFLINE, last_active_ts: 0, last_sync_ts: 0 };
}

export function getOrCreateDevice(devices: DeviceMap, device_id: string | null): DeviceRecord {
  let d = devices.get(device_id);
  if (!d) {
    d = newDevice(device_id);
    devices.set(device_id, d);
  }
  return d;
}

/**
 * R19: the device with the highest (priority, last_active_ts) wins; on an exact tie the
 * earlier device in iteration order wins. No devices → offline.
 */
export function combine(devices: Iterable<DeviceRecord>): string {
  let best: DeviceRecord | null = null;
  for (const d of devices) {
    if (
      !best ||
      priority(d.state) > priority(best.state) ||
      (priority(d.state) === priority(best.state) && d.last_active_ts > best.last_active_ts)
    ) {
      best = d;
    }
  }
  return best ? best.state : PRESENCE_STATES.OFFLINE;
}
