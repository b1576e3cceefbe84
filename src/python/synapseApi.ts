// What a Python module can use from the playground's `synapse` package, as data: its
// modules, classes and members with their Python signatures and a one-line doc. The
// editor's completion and hover (src/ui/editor/python) are generated from this table;
// tests/python/synapseApi.test.ts imports the package in Pyodide and fails when the
// table and the Python text (./synapsePackage.ts, ./bridgePackage.ts) disagree on a
// module, a name, a member, a parameter list or async-ness. Change both together.

export type PyMemberKind = "method" | "async" | "classmethod" | "property" | "field" | "constant";

export interface PyMember {
  name: string;
  kind: PyMemberKind;
  /** Parameters as inspect.signature prints them, without self/cls (methods only). */
  params?: string;
  /** The type a reader expects back (shown, not checked: the package has no annotations). */
  type: string;
  doc: string;
}

export interface PyClass {
  /** The module that defines it (where tests import it from). */
  module: string;
  doc: string;
  /** Constructor parameters as inspect.signature prints them, when a module builds one. */
  init?: string;
  members: PyMember[];
}

export interface PyModule {
  doc: string;
  /** Its public names (`__all__`); each is a key of PY_CLASSES or PY_NAMES. */
  names: string[];
}

const USER_PRESENCE_STATE_FIELDS: PyMember[] = [
  { name: "user_id", kind: "field", type: "str", doc: 'The full user id, e.g. "@alice:example.org"; local or remote (S18).' },
  { name: "state", kind: "field", type: "str", doc: 'One of PresenceState\'s values: "online", "unavailable", "offline" (or busy, R1).' },
  { name: "last_active_ts", kind: "field", type: "int", doc: "Absolute ms of the user's last activity; clients see it as last_active_ago (R54). 0 means never." },
  {
    name: "last_federation_update_ts",
    kind: "field",
    type: "int",
    doc: "Absolute ms when this server last received (or re-sent) this remote user's presence over federation (R30). 0 means never.",
  },
  { name: "last_user_sync_ts", kind: "field", type: "int", doc: "Absolute ms of the user's last /sync; drives the 30 s sync timeout (R26). 0 means never." },
  { name: "status_msg", kind: "field", type: "str | None", doc: "The status message, or None. A PUT without one clears it (S20)." },
  { name: "currently_active", kind: "field", type: "bool", doc: "Active within the last minute; sent to clients only when online (S21)." },
];

export const PY_CLASSES: Record<string, PyClass> = {
  ModuleApi: {
    module: "_playground.api",
    doc: "The API object a module's constructor receives as its second argument: Synapse's ModuleApi as the simulated server offers it. Every call shows in the trace.",
    members: [
      { name: "server_name", kind: "property", type: "str", doc: 'This server\'s name, e.g. "example.org".' },
      { name: "is_mine", kind: "method", params: "id", type: "bool", doc: "Whether the user id (str or UserID) belongs to this server." },
      { name: "get_qualified_user_id", kind: "method", params: "username", type: "str", doc: '"@localpart:server_name" for a localpart; a full user id is returned as it is.' },
      {
        name: "register_presence_router_callbacks",
        kind: "method",
        params: "*, get_users_for_states=None, get_interested_users=None",
        type: "None",
        doc: "Registers a presence router from the constructor: both callbacks or neither (R56, R58); registrations run in order (R59).",
      },
      {
        name: "send_local_online_presence_to",
        kind: "async",
        params: "users",
        type: "None",
        doc: "Makes these users see this server's local users' current presence: a snapshot on a local user's next sync (R67), an EDU to a remote one (R68, S16).",
      },
      {
        name: "set_presence_for_users",
        kind: "async",
        params: "users",
        type: "None",
        doc: "Sets presence: {user_id: (state, status_msg)}. Everyone listed is notified, changed or not; bypasses devices (R69).",
      },
      {
        name: "get_state_events_in_room",
        kind: "async",
        params: "room_id, types=None",
        type: "list[dict]",
        doc: "The room's current state events as this server sees them; types filters by (type, state_key).",
      },
      {
        name: "update_room_membership",
        kind: "async",
        params: "sender, target, room_id, new_membership, content=None, remote_room_hosts=None",
        type: "dict",
        doc: "Changes a membership as a scenario membership step does (a join pushes presence without the router, R36, S22).",
      },
      { name: "check_user_exists", kind: "async", params: "user_id", type: "str | None", doc: "The user id if that user exists on this server, else None." },
      { name: "get_current_time_msec", kind: "method", params: "", type: "int", doc: "The simulated clock in absolute ms (time.time() is the same clock, in seconds)." },
      {
        name: "looping_background_call",
        kind: "method",
        params: "f, msec, *args, desc=None, run_on_all_instances=False, **kwargs",
        type: "None",
        doc: "Calls f(*args, **kwargs) every msec ms of simulated time, first after msec; a coroutine is awaited before the next call.",
      },
      {
        name: "delayed_background_call",
        kind: "method",
        params: "msec, f, *args, desc=None, **kwargs",
        type: "DelayedCall",
        doc: "Calls f(*args, **kwargs) once, msec ms of simulated time from now; .cancel() stops it.",
      },
      {
        name: "sleep",
        kind: "async",
        params: "seconds",
        type: "None",
        doc: "Waits seconds of simulated time. Not inside a router callback: the clock stands still while the server waits for one.",
      },
    ],
  },
  UserPresenceState: {
    module: "synapse.handlers.presence",
    doc: "One user's presence record as a server knows it (R2). Frozen: change a copy with copy_and_replace(). Records with equal fields are one set member (R61).",
    members: [
      ...USER_PRESENCE_STATE_FIELDS,
      { name: "as_dict", kind: "method", params: "", type: "dict", doc: "The seven fields as a dict, in Synapse's order." },
      { name: "copy_and_replace", kind: "method", params: "**kwargs", type: "UserPresenceState", doc: "A new record with the given fields replaced; this one is unchanged." },
      { name: "default", kind: "classmethod", params: "user_id", type: "UserPresenceState", doc: "The record of a user the server knows nothing about: offline, timestamps 0 (R4)." },
      { name: "from_dict", kind: "classmethod", params: "d", type: "UserPresenceState", doc: "A record from a dict with the seven fields (as as_dict() returns)." },
    ],
  },
  PresenceRouter: {
    module: "synapse.events.presence_router",
    doc: "Synapse's presence router; a module only needs its ALL_USERS constant.",
    members: [
      {
        name: "ALL_USERS",
        kind: "constant",
        type: "str",
        doc: 'get_interested_users returns it ("ALL") to let a user see everyone; get_users_for_states must then map that user too (R51, R62, S8).',
      },
    ],
  },
  PresenceState: {
    module: "synapse.api.constants",
    doc: "The presence values Synapse knows.",
    members: [
      { name: "OFFLINE", kind: "constant", type: "str", doc: '"offline": not connected; also how an unknown user looks (R4).' },
      { name: "UNAVAILABLE", kind: "constant", type: "str", doc: '"unavailable": idle; set by a client or after the idle timeout (R25).' },
      { name: "ONLINE", kind: "constant", type: "str", doc: '"online": active; syncing keeps it (R18, S2).' },
      { name: "BUSY", kind: "constant", type: "str", doc: '"org.matrix.msc3026.busy": only with msc3026 enabled (R1); syncs keep it (S15).' },
    ],
  },
  ConfigError: {
    module: "synapse.config._base",
    doc: "Raise it from parse_config (or the constructor) for a bad module config: the homeserver does not start (R56, R57).",
    init: "msg, path=None",
    members: [
      { name: "msg", kind: "field", type: "str", doc: "What is wrong and how to fix it." },
      { name: "path", kind: "field", type: "list[str] | None", doc: 'Where in the config, e.g. ["watchers", "0"].' },
    ],
  },
  SynapseError: {
    module: "synapse.module_api.errors",
    doc: "An error with an HTTP status code and a Matrix errcode.",
    init: "code, msg, errcode='M_UNKNOWN'",
    members: [
      { name: "code", kind: "field", type: "int", doc: "The HTTP status code." },
      { name: "msg", kind: "field", type: "str", doc: "The message." },
      { name: "errcode", kind: "field", type: "str", doc: 'The Matrix error code, e.g. "M_UNKNOWN".' },
    ],
  },
  UserID: {
    module: "synapse.types",
    doc: "A parsed user id (@localpart:domain).",
    init: "localpart, domain",
    members: [
      { name: "localpart", kind: "field", type: "str", doc: "The part between @ and :." },
      { name: "domain", kind: "field", type: "str", doc: "The server name after the first :." },
      { name: "from_string", kind: "classmethod", params: "s", type: "UserID", doc: 'Parses "@localpart:domain"; anything else raises ValueError.' },
      { name: "to_string", kind: "method", params: "", type: "str", doc: 'The id as "@localpart:domain" (also str(user_id)).' },
    ],
  },
};

/** Exported names that are not classes with members worth listing. */
export const PY_NAMES: Record<string, string> = {
  InvalidClientCredentialsError: "A SynapseError for bad credentials (HTTP 401).",
  RedirectException: "Raised to redirect an HTTP request (nothing in a presence router uses it).",
};

export const PY_MODULES: Record<string, PyModule> = {
  synapse: { doc: "The playground's stand-in for Synapse's module interface (presence routers).", names: [] },
  "synapse.module_api": {
    doc: "ModuleApi, the object a module's constructor receives, and the names modules import with it.",
    names: ["ModuleApi", "ConfigError", "PresenceRouter", "UserPresenceState"],
  },
  "synapse.module_api.errors": {
    doc: "The exceptions a module may raise or catch; ConfigError rejects a module's config (R56).",
    names: ["ConfigError", "SynapseError", "InvalidClientCredentialsError", "RedirectException"],
  },
  "synapse.events": { doc: "Event-related modules.", names: [] },
  "synapse.events.presence_router": { doc: "PresenceRouter, for its ALL_USERS constant (R62).", names: ["PresenceRouter"] },
  "synapse.handlers": { doc: "Handler modules.", names: [] },
  "synapse.handlers.presence": { doc: "UserPresenceState, one user's presence record (R2).", names: ["UserPresenceState"] },
  "synapse.api": { doc: "API constants.", names: [] },
  "synapse.api.constants": { doc: "PresenceState, the presence values.", names: ["PresenceState"] },
  "synapse.config": { doc: "ConfigError, for a bad module config (R56).", names: ["ConfigError"] },
  "synapse.types": { doc: "UserID, a parsed user id.", names: ["UserID"] },
};

/** "async send_local_online_presence_to(users) -> None", as completion and hover show it. */
export function pySignature(m: PyMember): string {
  if (m.params === undefined) return `${m.name}: ${m.type}`;
  const prefix = m.kind === "async" ? "async " : m.kind === "classmethod" ? "@classmethod " : "";
  return `${prefix}${m.name}(${m.params}) -> ${m.type}`;
}
