// UserPresenceState (R2): an immutable value with seven fields. Modules receive these
// exact objects (frozen), so they can use Synapse's `copy_and_replace` / `as_dict`.
import type { PresenceRecord } from "../trace/types.ts";

export const PRESENCE_STATES = {
  ONLINE: "online",
  UNAVAILABLE: "unavailable",
  OFFLINE: "offline",
  BUSY: "org.matrix.msc3026.busy",
} as const;

const FIELDS = [
  "user_id",
  "state",
  "last_active_ts",
  "last_federation_update_ts",
  "last_user_sync_ts",
  "status_msg",
  "currently_active",
] as const;

export class UserPresenceState implements PresenceRecord {
  readonly user_id!: string;
  readonly state!: string;
  readonly last_active_ts!: number;
  readonly last_federation_update_ts!: number;
  readonly last_user_sync_ts!: number;
  readonly status_msg!: string | null;
  readonly currently_active!: boolean;

  constructor(r: PresenceRecord) {
    for (const f of FIELDS) (this as any)[f] = r[f];
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

  copy_and_replace(changes: Partial<PresenceRecord>): UserPresenceState {
    return new UserPresenceState({ ...this.as_dict(), ...changes });
  }

  /** Plain data with the fields in R2 order (used for the trace, too). */
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

  /** R2: value equality over all seven fields. */
  equals(o: PresenceRecord): boolean {
    return FIELDS.every((f) => this[f] === o[f]);
  }
}

/** A string key with value semantics (all seven fields), for Python-set-like dedupe. */
export function recordKey(r: PresenceRecord): string {
  return JSON.stringify([
    r.user_id,
    r.state,
    r.last_active_ts,
    r.last_federation_update_ts,
    r.last_user_sync_ts,
    r.status_msg,
    r.currently_active,
  ]);
}
