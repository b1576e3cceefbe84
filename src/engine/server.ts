// One simulated Synapse: its settings, records (R4), stored records and stream (R5),
// devices (R3), syncing counters (R7), full-presence marks (R6), wheel timer (R25),
// rate limiters (R9) and federation queues (R39). Behaviour lives in handler.ts,
// fanout.ts, federation.ts, sync.ts, rest.ts and timeouts.ts.
import type { Fidelity, ServerConfig } from "../scenario/types.ts";
import type { PresenceRouterHandle, ServerApi } from "./contracts.ts";
import { settingsOf, type Settings } from "./config.ts";
import type { DeviceMap } from "./devices.ts";
import { RateLimiter } from "./ratelimit.ts";
import type { UpdateConfig } from "./rules.ts";
import { UserPresenceState } from "./state.ts";
import { WheelTimer } from "./wheel.ts";
import type { World } from "./world.ts";
import type { DestinationQueue } from "./federation.ts";
import type { PendingSync } from "./sync.ts";

/** A sync token: presence stream position and membership stream position. */
export interface Token {
  p: number;
  m: number;
}

export function tokenString(t: Token): string {
  return `s${t.p}_${t.m}`;
}

export function parseToken(s: string): Token | null {
  const m = /^s(\d+)_(\d+)$/.exec(s);
  return m ? { p: Number(m[1]), m: Number(m[2]) } : null;
}

const EMPTY_ROUTER: PresenceRouterHandle = {
  active: false,
  get_users_for_states: async () => new Map(),
  get_interested_users: async () => new Set(),
};

export class Server {
  readonly name: string;
  readonly set: Settings;
  router: PresenceRouterHandle = EMPTY_ROUTER;
  api!: ServerApi;

  /** R4: current record per user (local and remote). */
  current = new Map<string, UserPresenceState>();
  /** Persisted records (what a restart reloads, R21; the ALL path's initial set, R51). */
  readonly stored = new Map<string, UserPresenceState>();
  /** R5: stream position → user (log[pos - 1]); lastPos in stream order of newest position. */
  readonly streamLog: string[] = [];
  readonly lastPos = new Map<string, number>();
  /**
   * 1 at index pos - 1 once the user at that position has a newer one: a scan of the
   * stream (R50, R51) skips it without a map lookup per position.
   */
  readonly superseded: number[] = [];
  /** The joined rooms of the user at each stream position (Rooms.liveRoomsOf: always current). */
  readonly streamRooms: ReadonlySet<string>[] = [];
  /** R3 */
  devices = new Map<string, DeviceMap>();
  /**
   * R7: in-flight presence-affecting syncs per user, then device (`String(device)`: the
   * pseudo-device null is "null"). Two maps, not a `user\0device` key: every sync start,
   * end and timeout tick asks, and a concatenated key is a new string to hash each time.
   */
  private syncs = new Map<string, Map<string, number>>();
  /** R6 */
  readonly fullMark = new Map<string, number>();
  wheel = new WheelTimer();
  /** R22.6 / R30 */
  unpersisted = new Set<string>();
  /** R8 and R12 use separate limiters. */
  putLimiter: RateLimiter;
  syncLimiter: RateLimiter;
  /** R39: outbound queues by destination. */
  fedQueues = new Map<string, DestinationQueue>();
  fedWake = { at: -1, count: 0 };
  fedBatch = 0;
  txnSeq = 0;
  /** Open long-polls by user. */
  pending = new Map<string, Set<PendingSync>>();
  /** Notifier user streams: token at which each user was last notified. */
  userStream = new Map<string, Token>();
  /** Bumped on restart: loops of an older generation stop. */
  generation = 0;

  /** R23's settings, built once (handle_update runs for every record of every batch). */
  readonly updateConfig: UpdateConfig;

  constructor(
    readonly cfg: ServerConfig,
    readonly world: World,
    readonly fidelity: Fidelity,
  ) {
    this.name = cfg.name;
    this.set = settingsOf(cfg);
    this.updateConfig = { G: this.set.G, S: this.set.S, I: this.set.I, persistOnly: !this.set.tracking };
    const rc = cfg.rc_presence.per_user;
    this.putLimiter = new RateLimiter(rc.per_second, rc.burst_count);
    this.syncLimiter = new RateLimiter(rc.per_second, rc.burst_count);
  }

  get now(): number {
    return this.world.now;
  }

  get streamPos(): number {
    return this.streamLog.length;
  }

  token(): Token {
    return { p: this.streamPos, m: this.world.rooms.pos };
  }

  /** domainOf(user_id) === name, without slicing a string (hot: every fan-out). */
  isLocal(user_id: string): boolean {
    const i = user_id.indexOf(":");
    return i >= 0 && user_id.length - i - 1 === this.name.length && user_id.endsWith(this.name);
  }

  /** R4 lookup for the pipeline and timeouts: no storage of defaults. */
  peek(user_id: string): UserPresenceState {
    return this.current.get(user_id) ?? UserPresenceState.default(user_id);
  }

  /** R4 read (current_state_for_user): falls back to storage, then the default, and keeps it. */
  lookup(user_id: string): UserPresenceState {
    let r = this.current.get(user_id);
    if (!r) {
      r = this.stored.get(user_id) ?? UserPresenceState.default(user_id);
      this.current.set(user_id, r);
    }
    return r;
  }

  /** A device is syncing while its counter is above zero; a counter that reaches zero is removed. */
  isSyncing(user_id: string, device_id: string | null): boolean {
    return this.syncs.get(user_id)?.has(String(device_id)) ?? false;
  }

  /** R14.1: a presence-affecting sync of this device begins. */
  syncStarted(user_id: string, device_id: string): void {
    let m = this.syncs.get(user_id);
    if (!m) this.syncs.set(user_id, (m = new Map()));
    m.set(device_id, (m.get(device_id) ?? 0) + 1);
  }

  /** R16: one of this device's syncs ended (a counter that was never started stays at zero). */
  syncStopped(user_id: string, device_id: string): void {
    const m = this.syncs.get(user_id);
    const n = (m?.get(device_id) ?? 1) - 1;
    if (n > 0) m!.set(device_id, n);
    else m?.delete(device_id);
  }

  /** R21: a restart forgets every in-flight sync. */
  forgetSyncs(): void {
    this.syncs = new Map();
  }

  /** R5: persist a batch with consecutive new stream positions. */
  persist(records: readonly UserPresenceState[]): void {
    for (const r of records) {
      const old = this.lastPos.get(r.user_id);
      if (old !== undefined) {
        this.superseded[old - 1] = 1;
        this.lastPos.delete(r.user_id);
      }
      this.streamLog.push(r.user_id);
      this.superseded.push(0);
      this.streamRooms.push(this.world.rooms.liveRoomsOf(r.user_id));
      this.lastPos.set(r.user_id, this.streamLog.length);
      this.stored.set(r.user_id, r);
    }
  }

  /** Users whose newest stream position is > from, in stream order (R50, R51). */
  changedSince(from: number): string[] {
    const out: string[] = [];
    for (let i = from; i < this.streamLog.length; i++) if (!this.superseded[i]) out.push(this.streamLog[i]);
    return out;
  }

  at(): number {
    return this.world.now - this.world.start;
  }
}
