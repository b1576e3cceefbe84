// The normalized scenario: what `parseScenario` produces from scenario.yaml after
// validation and defaults (scenario-format.md §1–§3). The engine only ever sees this
// shape. All durations and `at` offsets are integer milliseconds.

export type PresenceEnabled = boolean | "untracked";

export interface SourcePos {
  /** 1-based line in scenario.yaml. */
  line: number;
  /** 1-based column (UTF-16 code units). */
  column: number;
}

/** A module reference: `router.ts` (default export) or `router.ts#TeamRouter`. */
export interface ModuleEntry {
  /** As written, e.g. "router.ts#TeamRouter". */
  module: string;
  /** File part, e.g. "router.ts" (a playground tab or a path relative to the scenario). */
  file: string;
  /** "default" or the named export. */
  export: string;
  /** The `config:` object exactly as written ({} when missing or null, R56). */
  config: unknown;
  /** Path of this entry inside the scenario, e.g. "servers.example.org.modules[0]". */
  path: string;
}

export interface ServerConfig {
  name: string;
  presence: {
    enabled: PresenceEnabled; // R70
    include_offline_users_on_sync: boolean; // R46
    last_active_granularity: number; // G
    sync_online_timeout: number; // S
    idle_timeout: number; // I
    presence_router: ModuleEntry | null; // R57
  };
  modules: ModuleEntry[]; // R56
  exclude_rooms_from_presence: string[]; // R74
  rc_presence: { per_user: { per_second: number; burst_count: number } }; // R9
  experimental_features: { msc3026_enabled: boolean }; // R1
  federation_domain_whitelist: string[] | null; // R33
  federation_rr_transactions_per_room_per_second: number; // R40
}

/** Simulator fidelity toggles (presence-semantics §12); all true by default. */
export interface Fidelity {
  periodic_repersist: boolean; // R30
  strict_async: boolean; // R60
  all_users_requires_mapping: boolean; // R51 / S8
  assert_local_federation_records: boolean; // R34 / R68
  status_msg_quirk: boolean; // R67 / S12
}

export interface UserDef {
  id: string;
  /** Device ids; default ["DEV"]. */
  devices: string[];
}

export interface RoomDef {
  id: string;
  /** Joined at time 0 (no join pushes, nobody newly joined). */
  members: string[];
}

export interface ClientDef {
  user: string;
  device: string;
  set_presence: string;
}

export interface PresenceFilter {
  types?: string[];
  not_types?: string[];
  senders?: string[];
  not_senders?: string[];
}

interface StepBase {
  /** Offset from the start in ms. */
  at: number;
  /** Index in the file's `steps:` list (ties in `at` keep file order). */
  index: number;
  /** e.g. "steps[3]". */
  path: string;
}

export type Step = StepBase &
  (
    | {
        kind: "presence";
        user: string;
        device: string;
        /** The PUT body as written: { presence, status_msg? } (status_msg may be null or any JSON). */
        body: Record<string, unknown>;
        label: string | null;
      }
    | {
        kind: "sync";
        user: string;
        device: string;
        set_presence: string; // default "online"; validated by the server (R11)
        /** undefined = device's last next_batch; "initial" = none; otherwise a label. */
        since: string | undefined;
        timeout: number; // ms, default 0
        full_state: boolean;
        filter: { presence?: PresenceFilter } | null;
        label: string | null;
      }
    | { kind: "client"; user: string; device: string; run: "start" | "stop"; set_presence: string }
    | { kind: "activity"; user: string; device: string; room: string | null }
    | { kind: "membership"; user: string; room: string; membership: "join" | "invite" | "leave" | "ban" | "knock" }
    | {
        kind: "module_api";
        server: string;
        call: "send_local_online_presence_to" | "set_presence_for_users";
        /** string[] for send_local_online_presence_to; Record<user, [state, status_msg]> for set_presence_for_users. */
        args: unknown;
      }
    | { kind: "edu"; origin: string; destination: string; push: unknown[] }
    | { kind: "get_presence"; user: string; target: string; label: string | null }
    | { kind: "restart"; server: string }
    | { kind: "until" }
  );

export type StepKind = Step["kind"];

/**
 * Expected presence content fields as on the wire (R54 for sync, R38 for EDU entries):
 * presence, last_active_ago, status_msg, currently_active. null = the field is absent
 * (the wire omits empty/unset fields rather than sending null).
 */
export type WireFields = Record<string, string | number | boolean | null>;

/**
 * Expected fields of a server's record (R2). *_ts fields are offsets from the scenario
 * start in ms, or "never" for a record that has 0 there; status_msg null = no status.
 */
export interface RecordExpect {
  state?: string;
  status_msg?: string | null;
  currently_active?: boolean;
  last_active_ts?: number | "never";
  last_federation_update_ts?: number | "never";
  last_user_sync_ts?: number | "never";
}

interface ExpectBase {
  name: string | null;
  /** e.g. "expect[2]". */
  path: string;
}

export type Expectation = ExpectBase &
  (
    | {
        kind: "sync";
        label: string;
        /** sender -> state string, or `content` fields to match (null = absent). */
        sees: Record<string, string | WireFields>;
        only: boolean;
      }
    | {
        kind: "state";
        /** user -> state string, or record fields to match (RecordExpect). */
        users: Record<string, string | RecordExpect>;
        at: number;
        server: string | null;
      }
    | {
        kind: "edus";
        destination: string;
        from: number;
        to: number | null;
        users: string[];
        only: boolean;
        /** user -> wire fields its last entry in the window must have (R38); null = absent. */
        entries?: Record<string, WireFields>;
        /** Exactly this many m.presence EDUs delivered in the window. */
        count?: number;
        /** No EDU in the window carries more entries than this (R39: Synapse sends at most 50). */
        max_entries_per_edu?: number;
      }
    | {
        kind: "request";
        /** Label of a presence, get_presence or sync step. */
        label: string;
        status: number;
        errcode?: string;
      }
    | { kind: "sees"; viewer: string; source: string }
    | { kind: "never_sees"; viewer: string; source: string }
    | { kind: "no_errors" }
  );

export interface Scenario {
  version: 1;
  /** ms; null = 30 s after the last step. */
  duration: number | null;
  seed: number;
  /** Absolute epoch ms of offset 0 (default 2026-01-01T00:00:00Z = 1767225600000). */
  start_time: number;
  servers: ServerConfig[];
  users: UserDef[];
  rooms: RoomDef[];
  clients: ClientDef[];
  /** Sorted by (at, index). */
  steps: Step[];
  expect: Expectation[];
  fidelity: Fidelity;
  /** [sim] Federation delivery delay range (R40); default { min: 0, max: 100 }. */
  federation_delay: { min: number; max: number };
}

export const DEFAULT_START_TIME = 1767225600000;
