// Constants (presence-semantics §1) and config modes (R70–R75) of one simulated server.
import type { ServerConfig } from "../scenario/types.ts";

export const BUSY_TIMEOUT = 3_600_000;
/** R23/R26: resend interval for unchanged local presence to remote servers. */
export const FED_PING = 1_500_000;
/** R27/R29: remote users go offline after this long without news. */
export const FED_TIMEOUT = 1_800_000;
/** R25: period of the timeout loop; first run 35 s after start. */
export const TICK = 5_000;
export const FIRST_TICK = 35_000;
/** R30: period of the periodic persist loop; first run 120 s after start. */
export const PERSIST_TICK = 60_000;
export const FIRST_PERSIST = 120_000;
/** R36: offline records older than this are not pushed to newly joined servers. */
export const JOIN_STALE = 604_800_000;
/** R39: max entries per m.presence EDU. */
export const EDU_MAX = 50;
/** R40: everything queued is sent within about 30 s. */
export const STAGGER_WINDOW = 30_000;

/** The timers and switches of one server, read once from its ServerConfig. */
export interface Settings {
  name: string;
  G: number;
  S: number;
  I: number;
  /** R70: read paths (sync presence, GET) work. */
  enabled: boolean;
  /** R70/R71: writes, timers, inbound and outbound federation. */
  tracking: boolean;
  /** R74 */
  excluded: Set<string>;
  includeOfflineOnSync: boolean;
  busyAllowed: boolean;
  whitelist: Set<string> | null;
  rrPerSecond: number;
}

export function settingsOf(cfg: ServerConfig): Settings {
  const e = cfg.presence.enabled;
  return {
    name: cfg.name,
    G: cfg.presence.last_active_granularity,
    S: cfg.presence.sync_online_timeout,
    I: cfg.presence.idle_timeout,
    enabled: e !== false, // R70: "untracked" reads like enabled
    tracking: e === true, // R70: only `true` tracks
    excluded: new Set(cfg.exclude_rooms_from_presence),
    includeOfflineOnSync: cfg.presence.include_offline_users_on_sync,
    busyAllowed: cfg.experimental_features.msc3026_enabled,
    whitelist: cfg.federation_domain_whitelist ? new Set(cfg.federation_domain_whitelist) : null,
    rrPerSecond: cfg.federation_rr_transactions_per_room_per_second,
  };
}

/** "Local" = everything after the first ':' equals the server name (§0). */
export function domainOf(user_id: string): string | null {
  const i = user_id.indexOf(":");
  return i < 0 ? null : user_id.slice(i + 1);
}
