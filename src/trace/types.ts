// The run trace (scenario-format.md §4). The engine produces it, the playground draws
// it, the headless runner prints it. Key order in emitted objects follows this file,
// so that the JSON is byte-for-byte deterministic.

/** UserPresenceState as plain data: all seven fields (R2). */
export interface PresenceRecord {
  user_id: string;
  state: string;
  last_active_ts: number;
  last_federation_update_ts: number;
  last_user_sync_ts: number;
  status_msg: string | null;
  currently_active: boolean;
}

/** R54 client content (and R38 with user_id). */
export interface PresenceContent {
  presence: string;
  last_active_ago?: number;
  status_msg?: string;
  currently_active?: boolean;
}

export interface PresenceEvent {
  type: "m.presence";
  sender: string;
  content: PresenceContent;
}

export interface PresenceEdu {
  edu_type: "m.presence";
  content: { push: Array<PresenceContent & { user_id: string }> };
}

export type StateCause = "put" | "sync" | "sync_end" | "activity" | "timeout" | "edu" | "module_api" | "restart" | "startup";

interface EventBase {
  at: number;
  server: string;
}

export interface RequestEvent extends EventBase {
  type: "request";
  label: string | null;
  request: {
    user: string;
    device: string | null;
    method: "GET" | "PUT";
    path: string;
    target: string;
    body?: unknown;
  };
  response: { status: number; body: unknown };
}

export interface StateEvent extends EventBase {
  type: "state";
  user: string;
  before: PresenceRecord;
  after: PresenceRecord;
  notified: boolean;
  cause: StateCause;
}

/**
 * Where in the engine a router call was made (the call site), so analysis never has to
 * infer it from event order:
 * - "wake": R31 fan-out of a notified batch (who is woken);
 * - "federation" / "ping": R33 outbound federation of a notified batch / of pinged records;
 * - "sync": R49 get_interested_users for `for_user`'s /sync, and R51 the ALL_USERS path's
 *   get_users_for_states (only result[for_user] is used);
 * - "snapshot": R68 send_local_online_presence_to's initial-style computation for `for_user`;
 * - "direct": called outside a simulated request (tests, an active cross-check).
 */
export type RouterCallSite = "wake" | "federation" | "ping" | "sync" | "snapshot" | "direct";

export interface RouterCallEvent extends EventBase {
  type: "router_call";
  /**
   * Id of the combined call (R61/R62): every module's event of one call of the server's
   * router shares it. Unique in the trace, increasing in trace order.
   */
  call: number;
  site: RouterCallSite;
  /** The user the call is made for ("sync", "snapshot"); null for the other sites. */
  for_user: string | null;
  module: string;
  callback: "get_users_for_states" | "get_interested_users";
  input: PresenceRecord[] | string;
  /** get_users_for_states: { key: records[] }; get_interested_users: string[] | "ALL"; null on error / wrong type. */
  output: Record<string, PresenceRecord[]> | string[] | "ALL" | null;
  ms: number;
  warnings: string[];
  error: ModuleErrorInfo | null;
}

export interface ModuleErrorInfo {
  message: string;
  /** Where in the user's source (mapped through the sourcemap), when known. */
  file?: string;
  line?: number;
  column?: number;
  stack?: string;
}

export interface WakeEvent extends EventBase {
  type: "wake";
  user: string;
  /** room:<id> for each shared non-excluded room, "self", "router". */
  reasons: string[];
}

export interface SyncEvent extends EventBase {
  type: "sync";
  started_at: number;
  label: string | null;
  user: string;
  device: string;
  /**
   * R46: "initial" = no since token; "incremental" = since, no full_state; "full_state" =
   * since and full_state: computed as initial (offline hidden) plus every joined,
   * invited or knocking member of the user's rooms with their current record (R52).
   */
  mode: "initial" | "incremental" | "full_state";
  since: string | null;
  next_batch: string;
  response: { presence?: { events: PresenceEvent[] } };
  error: { status: number; errcode: string; message: string } | null;
}

export interface EduSentEvent extends EventBase {
  type: "edu_sent";
  destination: string;
  txn_id: string;
  edu: PresenceEdu;
}

export interface EduReceivedEvent extends EventBase {
  type: "edu_received";
  origin: string;
  edu: unknown;
  accepted: string[];
  rejected: Array<{ user_id: unknown; reason: string }>;
}

export interface ModuleCallEvent extends EventBase {
  type: "module_call";
  call: string;
  args: unknown[];
  module: string | null;
  error: string | null;
}

export interface LogEvent extends EventBase {
  type: "log";
  level: "debug" | "info" | "warning" | "error";
  message: string;
  /** Set for module console output and module warnings. */
  module?: string;
}

export interface ErrorEvent extends EventBase {
  type: "error";
  message: string;
  module?: string;
  error?: ModuleErrorInfo;
}

export type TraceEvent =
  | RequestEvent
  | StateEvent
  | RouterCallEvent
  | WakeEvent
  | SyncEvent
  | EduSentEvent
  | EduReceivedEvent
  | ModuleCallEvent
  | LogEvent
  | ErrorEvent;

export type Via = string; // "room:<id>" | "router" | "self" | "module_api" | "join"

export interface Delivery {
  at: number;
  server: string;
  source: string;
  /** A user id (transport sync) or a server name (transport federation). */
  viewer: string;
  transport: "sync" | "federation";
  state: string;
  via: Via[];
}

export interface ExpectationResult {
  name: string;
  ok: boolean;
  detail: string;
  /** Index into events of the event that decides it, when there is one. */
  event?: number;
  path?: string;
}

/** A problem that stopped the run (scenario-format §5, §6). */
export interface RunError {
  kind: "scenario" | "module" | "config";
  message: string;
  file?: string;
  line?: number;
  column?: number;
  path?: string;
}

/** What a run cost, in counts (src/analysis/cost.ts); per run and per simulated minute. */
export interface CostCounts {
  /** Combined get_users_for_states calls (R61: one per call of the server's router, whatever the number of modules). */
  gufs_calls: number;
  /** Presence states passed to get_users_for_states, summed over its calls. */
  gufs_states: number;
  /** Combined get_interested_users calls (R62). */
  gis_calls: number;
  /** Module callback invocations (each module of each call). */
  module_calls: number;
  /** Syncs that took the ALL_USERS path (R51: a get_users_for_states over every candidate). */
  all_path_syncs: number;
  edus: number;
  /** Entries in those EDUs (one per user per EDU, R38). */
  edu_entries: number;
  /** Users woken (R31), one per wake event. */
  wakeups: number;
  sync_responses: number;
}

export interface RunCost extends CostCounts {
  /** Simulated duration, ms. */
  duration: number;
  /** destination server → EDUs and entries sent to it. */
  per_destination: Record<string, { edus: number; entries: number }>;
  /** per_minute[i] counts what happened in [i min, i+1 min). */
  per_minute: CostCounts[];
}

export interface Trace {
  version: 1;
  scenario: { servers: string[]; users: string[]; start_time: number; end: number };
  events: TraceEvent[];
  deliveries: Delivery[];
  final: Record<string, Record<string, PresenceRecord>>;
  expectations: ExpectationResult[];
  errors: RunError[];
  /** What the run cost (added by the pipeline after the engine ran). */
  cost?: RunCost;
}
