// UserPresenceState (R2): an immutable value with seven fields. Modules receive these
// exact objects (frozen), so they can use Synapse's `copy_and_replace` / `as_dict`.
import type { PresenceRecord } from "../trace/types.ts";

export const PRESENCE_STATES = {
  ONLINE: "online",
  UNAVAILABLE: "unavailable",
  OFFLINE: "offline",
  BUSY: "org.matrix.msc3026.busy",
} as const;

const hasField = (c: object, f: string) => Object.prototype.propertyIsEnumerable.call(c, f);

export class UserPresenceState implements PresenceRecord {
  readonly user_id!: string;
  readonly state!: string;
  readonly last_active_ts!: number;
  readonly last_federation_update_ts!: number;
  readonly last_user_sync_ts!: number;
  readonly status_msg!: string | null;
  readonly currently_active!: boolean;
  /** The trace's plain copy (built once, shared by every event that shows this record). */
  #dict: PresenceRecord | null = null;
  /** recordKey() of this record, built once (records pass through several router calls). */
  #key: string | null = null;

  /** recordKey(r), cached on the record. */
  static keyOf(r: UserPresenceState): string {
    return (r.#key ??= valueKey(r));
  }

  constructor(r: PresenceRecord) {
    this.user_id = r.user_id;
    this.state = r.state;
    this.last_active_ts = r.last_active_ts;
    this.last_federation_update_ts = r.last_federation_update_ts;
    this.last_user_sync_ts = r.last_user_sync_ts;
    this.status_msg = r.status_msg;
    this.currently_active = r.currently_active;
    Object.freeze(this);
  }

  /** R2/R4: the record of a user the server knows nothing about. */
  static default(user_id: string): UserPresenceState {
    return new UserPresenceState({
      user_id,
      state: "offline",
      last_active_ts: 0,
      last_federation_update_ts: 0,
      last_user_sync_ts: 0,
      status_msg: null,
      currently_active: false,
    });
  }

  /** Like `{ ...this.as_dict(), ...changes }`: own enumerable fields of `changes` win. */
  copy_and_replace(changes: Partial<PresenceRecord>): UserPresenceState {
    const c = changes as PresenceRecord;
    return new UserPresenceState({
      user_id: hasField(c, "user_id") ? c.user_id : this.user_id,
      state: hasField(c, "state") ? c.state : this.state,
      last_active_ts: hasField(c, "last_active_ts") ? c.last_active_ts : this.last_active_ts,
      last_federation_update_ts: hasField(c, "last_federation_update_ts") ? c.last_federation_update_ts : this.last_federation_update_ts,
      last_user_sync_ts: hasField(c, "last_user_sync_ts") ? c.last_user_sync_ts : this.last_user_sync_ts,
      status_msg: hasField(c, "status_msg") ? c.status_msg : this.status_msg,
      currently_active: hasField(c, "currently_active") ? c.currently_active : this.currently_active,
    });
  }

  /** Plain data with the fields in R2 order (a fresh object: modules may change it). */
  as_dict(): PresenceRecord {
    return {
      user_id: this.user_id,
      state: this.state,
      last_active_ts: this.last_active_ts,
      last_federation_update_ts: this.last_federation_update_ts,
      last_user_sync_ts: this.last_user_sync_ts,
      status_msg: this.status_msg,
      currently_active: this.currently_active,
    };
  }

  /**
   * The engine's trace copy: as_dict(), built once per record and frozen, so every
   * event showing this record (state before/after, router_call input/output, final)
   * shares one object instead of copying it again. Same JSON.
   */
  traceDict(): PresenceRecord {
    return (this.#dict ??= Object.freeze(this.as_dict()));
  }

  /** R2: value equality over all seven fields. */
  equals(o: PresenceRecord): boolean {
    return (
      this === o ||
      (this.user_id === o.user_id &&
        this.state === o.state &&
        this.last_active_ts === o.last_active_ts &&
        this.last_federation_update_ts === o.last_federation_update_ts &&
        this.last_user_sync_ts === o.last_user_sync_ts &&
        this.status_msg === o.status_msg &&
        this.currently_active === o.currently_active)
    );
  }
}

/**
 * A string key with value semantics (all seven fields), for Python-set-like dedupe.
 * Injective without JSON.stringify: the only free-form strings (user_id, state,
 * status_msg) are length-prefixed; numbers and booleans print unambiguously.
 */
export function recordKey(r: PresenceRecord): string {
  return r instanceof UserPresenceState ? UserPresenceState.keyOf(r) : valueKey(r);
}

function valueKey(r: PresenceRecord): string {
  const m = r.status_msg;
  return (
    r.user_id.length + ":" + r.user_id + r.state.length + ":" + r.state +
    "|" + r.last_active_ts + "|" + r.last_federation_update_ts + "|" + r.last_user_sync_ts +
    "|" + (m === null ? "n" : "s" + m.length + ":" + m) + "|" + (r.currently_active ? 1 : 0)
  );
}
