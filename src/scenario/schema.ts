// A JSON Schema (draft-07) of scenario.yaml, for the editor (monaco-yaml: completion,
// hover, instant validation). The parser (parse.ts and the validate*.ts readers) stays
// the authority; this schema is built from the same key lists, and
// tests/scenario/schema.test.ts checks that both accept every example and lesson and both
// reject an unknown key in every fixed-key map.
//
// `scenarioSchema(ids)` adds what the open scenario declares (user ids, room ids, server
// names, module files, step labels) as `examples`: completions that never fail
// validation (an unknown user is the parser's error, with its "did you mean").
import { FIDELITY_KEYS, TOP_KEYS } from "./parse.ts";
import { PRESENCE_KEYS, SERVER_KEYS } from "./validateServers.ts";
import { ERRCODES, EXPECT_FIELDS, EXPECT_KINDS } from "./validateExpect.ts";
import { RECORD_FIELDS, WIRE_FIELDS } from "./validateExpectFields.ts";
import { ACTIONS, MEMBERSHIPS, type ActionKey } from "./stepKinds.ts";
import { closest } from "./suggest.ts";

export type JsonSchema = { [k: string]: unknown };

/** What the open scenario (and workspace) declares, offered as completions. */
export interface ScenarioIds {
  users: string[];
  rooms: string[];
  servers: string[];
  modules: string[];
  devices: string[];
  syncLabels: string[];
  requestLabels: string[];
}

export const NO_IDS: ScenarioIds = { users: [], rooms: [], servers: [], modules: [], devices: [], syncLabels: [], requestLabels: [] };

const STATES = ["online", "unavailable", "offline"];

/** Fields of each step action (stepKinds.ts): [allowed, required]. */
export const STEP_FIELDS: Record<ActionKey, [readonly string[], readonly string[]]> = {
  presence: [["user", "device", "state", "status_msg", "label"], ["user", "state"]],
  sync: [["user", "device", "set_presence", "since", "timeout", "full_state", "filter", "label"], ["user"]],
  client: [["user", "device", "run", "set_presence"], ["user", "run"]],
  activity: [["user", "device", "room"], ["user"]],
  membership: [["user", "room", "membership"], ["user", "room", "membership"]],
  module_api: [["server", "send_local_online_presence_to", "set_presence_for_users"], ["server"]],
  edu: [["origin", "destination", "push"], ["origin", "destination", "push"]],
  get_presence: [["user", "target", "label"], ["user", "target"]],
  restart: [["server"], ["server"]],
  until: [[], []],
};

const STEP_DOCS: Record<ActionKey, string> = {
  presence: "PUT /presence/{user}/status from a device (R8). Omitting status_msg clears it (S20).",
  sync: "One /sync request (R11–R16). since: omitted = this device's last next_batch; `initial` = no token; a label = that sync's next_batch.",
  client: "Starts or stops a client's sync loop (long-poll with timeout 30s, then poll again at once).",
  activity: "The user sends a message: a presence bump (R17).",
  membership: "A membership change, seen at once by every server with a member in the room (R36, R52).",
  module_api: "A call through the named server's ModuleApi (R67–R69): exactly one of send_local_online_presence_to, set_presence_for_users.",
  edu: "A raw inbound m.presence EDU, as if sent by origin (spoofed or malformed ones too, R42, R43).",
  get_presence: "GET /presence/{target}/status by user (R10).",
  restart: "Restarts a server: timers and devices are rebuilt from stored records (R21).",
  until: "Only advances the clock to `at`, so timeouts fire (R25). Write `until: {}`.",
};

function obj(properties: Record<string, JsonSchema>, keys: readonly string[], required: readonly string[] = [], description?: string): JsonSchema {
  const props: Record<string, JsonSchema> = {};
  for (const k of keys) props[k] = properties[k] ?? {};
  return {
    type: ["object", "null"],
    ...(description ? { description } : {}),
    properties: props,
    ...(required.length ? { required: [...required] } : {}),
    additionalProperties: false,
  };
}

const withExamples = (s: JsonSchema, xs: readonly string[]): JsonSchema => (xs.length ? { ...s, examples: [...xs] } : s);

export function scenarioSchema(ids: ScenarioIds = NO_IDS): JsonSchema {
  const duration: JsonSchema = {
    description: "A duration: milliseconds (a whole number) or text such as 250ms, 30s, 5m, 1h, 1m30s.",
    anyOf: [
      { type: "integer", minimum: 0 },
      { type: "string", pattern: "^\\s*(\\d+|(\\d+(\\.\\d+)?\\s*(ms|s|m|h|d|w))+)\\s*$" },
    ],
  };
  const user = withExamples({ type: "string", description: "A user id declared under users:, e.g. @alice:example.org" }, ids.users);
  const room = withExamples({ type: "string", description: "A room id, e.g. !team:example.org" }, ids.rooms);
  const server = withExamples({ type: "string", description: "A server name declared under servers:" }, ids.servers);
  const device = withExamples({ type: "string", description: "A device of the user (default: the user's first device)" }, ids.devices);
  const stateReq = withExamples({ description: "The presence state sent as written (R8): online, unavailable or offline." }, STATES);
  const setPresence = withExamples({ type: "string", description: "The set_presence parameter (R11): online, unavailable or offline." }, STATES);
  const label = { type: ["string", "null"], description: "Names this request for since: and expect:." };
  const userList = { type: ["array", "null"], items: user };
  const strList = (d: string): JsonSchema => ({ type: ["array", "null"], items: { type: "string" }, description: d });
  const bool = (d: string): JsonSchema => ({ type: "boolean", description: d });
  /** A map keyed by user id: the declared users are listed as keys for completion. */
  const byUser = (value: JsonSchema, d: string): JsonSchema => ({
    type: ["object", "null"],
    description: d,
    properties: Object.fromEntries(ids.users.map((u) => [u, value])),
    additionalProperties: value,
  });

  const moduleEntry = obj(
    {
      module: withExamples({ type: "string", description: "A module file (a tab), optionally #ExportName (R56, R57)." }, ids.modules),
      config: { description: "Passed to parse_config exactly as written (R56)." },
    },
    ["module", "config"],
    ["module"],
  );

  const presence = obj(
    {
      enabled: { enum: [true, false, "untracked"], description: "R70: true, false or \"untracked\"." },
      include_offline_users_on_sync: bool("R46: include offline users in sync responses."),
      last_active_granularity: { ...duration, description: "G (default 60s)." },
      sync_online_timeout: { ...duration, description: "S (default 30s)." },
      idle_timeout: { ...duration, description: "I (default 5m); must exceed last_active_granularity." },
      presence_router: { anyOf: [moduleEntry, { type: "null" }], description: "Legacy-style router (R57)." },
    },
    PRESENCE_KEYS,
    [],
    "The homeserver.yaml presence: block.",
  );
  const serverSchema = obj(
    {
      presence,
      modules: { type: ["array", "null"], items: moduleEntry, description: "The homeserver.yaml modules: list (R56)." },
      exclude_rooms_from_presence: { ...strList("Rooms excluded from presence (R74)."), items: room },
      rc_presence: obj(
        { per_user: obj({ per_second: { type: "number", minimum: 0 }, burst_count: { type: "number", minimum: 0 } }, ["per_second", "burst_count"]) },
        ["per_user"],
        [],
        "The PUT /presence rate limit (R9).",
      ),
      experimental_features: obj({ msc3026_enabled: bool("R1: busy presence.") }, ["msc3026_enabled"]),
      federation_domain_whitelist: strList("R33: servers this one federates with (null: all)."),
      federation_rr_transactions_per_room_per_second: { type: "number", exclusiveMinimum: 0, description: "R40." },
    },
    SERVER_KEYS,
    [],
    "A simulated homeserver (its homeserver.yaml settings).",
  );

  const filter = obj(
    {
      presence: obj(
        { types: strList("Event types"), not_types: strList("Event types"), senders: { ...userList }, not_senders: { ...userList } },
        ["types", "not_types", "senders", "not_senders"],
      ),
    },
    ["presence"],
    [],
    "A Matrix filter; only its presence part applies.",
  );
  const fieldSchemas: Record<string, JsonSchema> = {
    user,
    device,
    state: stateReq,
    status_msg: { description: "The status message sent as written (null reaches the server)." },
    label,
    set_presence: setPresence,
    since: withExamples({ type: ["string", "null"], description: "initial, or an earlier sync's label." }, ["initial", ...ids.syncLabels]),
    timeout: duration,
    full_state: bool("Return the full state (never waits)."),
    filter: { anyOf: [filter, { type: "null" }] },
    run: { enum: ["start", "stop"] },
    room,
    membership: { enum: [...MEMBERSHIPS] },
    server,
    send_local_online_presence_to: { ...userList, description: "R68: local users whose presence is pushed." },
    set_presence_for_users: byUser({ type: "array", minItems: 2, maxItems: 2 }, "user → [state, status_msg] (R69)."),
    origin: { type: "string", description: "Any server name; spoofed origins are the point (R42, R43)." },
    destination: server,
    push: { type: "array", description: "The EDU's push entries, as on the wire (R38)." },
    target: user,
  };
  const step = (a: ActionKey): JsonSchema => {
    const [keys, required] = STEP_FIELDS[a];
    return {
      type: "object",
      properties: { at: { ...duration, description: "When, as an offset from the start." }, [a]: obj(fieldSchemas, keys, required, STEP_DOCS[a]) },
      required: ["at", a],
      additionalProperties: false,
    };
  };

  const wire = obj({}, WIRE_FIELDS);
  const record = obj({}, RECORD_FIELDS);
  const stateOr = (o: JsonSchema): JsonSchema => ({ anyOf: [withExamples({ type: "string" }, STATES), o] });
  const expectFields: Record<string, JsonSchema> = {
    name: { type: ["string", "null"], description: "Shown in the results." },
    sync: withExamples({ type: "string", description: "A sync step's label." }, ids.syncLabels),
    sees: byUser(stateOr(wire), "sender → expected state, or content fields."),
    only: bool("And no others."),
    state: byUser(stateOr(record), "user → expected state, or record fields."),
    at: duration,
    server: { anyOf: [server, { type: "null" }] },
    edus: obj({ destination: server, from: duration, to: { anyOf: [duration, { type: "null" }] } }, ["destination", "from", "to"], ["destination"]),
    users: userList,
    entries: byUser(wire, "user → fields of its EDU entry."),
    count: { type: ["integer", "null"], minimum: 0 },
    max_entries_per_edu: { type: ["integer", "null"], minimum: 1 },
    request: withExamples({ type: "string", description: "A presence, get_presence or sync step's label." }, ids.requestLabels),
    status: { type: "integer", minimum: 100, maximum: 599 },
    errcode: { anyOf: [{ type: "string", examples: ERRCODES }, { type: "null" }] },
    no_errors: { const: true },
  };
  const viewerSource = obj({ viewer: user, source: user }, ["viewer", "source"], ["viewer", "source"]);
  const expectation = (k: (typeof EXPECT_KINDS)[number]): JsonSchema => {
    const keys = EXPECT_FIELDS[k];
    const required = k === "state" ? ["state", "at"] : k === "request" ? ["request", "status"] : [k];
    const props = k === "sees" || k === "never_sees" ? { ...expectFields, [k]: viewerSource } : expectFields;
    return { ...obj(props, keys, required), type: "object" };
  };

  const topFields: Record<string, JsonSchema> = {
    version: { const: 1, description: "The scenario format version (1)." },
    duration: { anyOf: [duration, { type: "null" }], description: "When the run ends (default: 30 s after the last step)." },
    seed: { type: "integer", minimum: 0, maximum: 4294967295, description: "Fixes every pseudo-random choice (federation delay jitter)." },
    start_time: {
      anyOf: [{ type: "string" }, { type: "integer", minimum: 0 }],
      description: "The wall clock at offset 0: an ISO date-time such as 2026-01-01T00:00:00Z, or epoch ms.",
    },
    servers: {
      type: "object",
      description: "server name → homeserver settings.",
      minProperties: 1,
      additionalProperties: { anyOf: [serverSchema, { type: "null" }] },
    },
    users: {
      type: ["object", "null"],
      description: "Every user; the server part names a server above.",
      propertyNames: { pattern: "^@[^:]+:.+$" },
      additionalProperties: obj({ devices: { ...strList("Device ids (default: one device DEV)") } }, ["devices"]),
    },
    rooms: {
      type: ["object", "null"],
      description: "room id → joined members at time 0.",
      propertyNames: { pattern: "^!" },
      additionalProperties: userList,
    },
    clients: {
      type: ["array", "null"],
      description: "Clients that run a sync loop from time 0.",
      items: { ...obj({ user, device, set_presence: setPresence }, ["user", "device", "set_presence"], ["user"]), type: "object" },
    },
    steps: { type: ["array", "null"], description: "Applied in order of at (ties: file order).", items: { anyOf: ACTIONS.map(step) } },
    expect: { type: ["array", "null"], description: "Checks the run passes or fails.", items: { anyOf: EXPECT_KINDS.map(expectation) } },
    fidelity: obj(
      Object.fromEntries(FIDELITY_KEYS.map((k) => [k, bool("A simulator fidelity toggle (presence-semantics §12); default true.")])),
      FIDELITY_KEYS,
      [],
      "Simulator toggles (presence-semantics §12).",
    ),
    federation_delay: obj({ min: duration, max: duration }, ["min", "max"], [], "The EDU delivery delay range (R40); max at most 30s."),
  };
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    title: "Presence Router Playground scenario",
    ...obj(topFields, TOP_KEYS, ["servers"]),
    type: "object",
  };
}

/** The ids a scenario text declares (best effort: a broken document gives what it can). */
export function idsOf(doc: unknown, modules: string[]): ScenarioIds {
  const ids: ScenarioIds = { ...NO_IDS, modules, users: [], rooms: [], servers: [], devices: [], syncLabels: [], requestLabels: [] };
  if (!doc || typeof doc !== "object") return ids;
  const d = doc as Record<string, unknown>;
  const keys = (x: unknown): string[] => (x && typeof x === "object" && !Array.isArray(x) ? Object.keys(x) : []);
  ids.servers = keys(d.servers);
  ids.users = keys(d.users);
  ids.rooms = keys(d.rooms);
  const devices = new Set<string>();
  for (const u of Object.values((d.users as Record<string, unknown>) ?? {})) {
    const ds = (u as { devices?: unknown } | null)?.devices;
    if (Array.isArray(ds)) for (const x of ds) if (typeof x === "string") devices.add(x);
  }
  ids.devices = [...devices];
  if (Array.isArray(d.steps)) {
    for (const s of d.steps as unknown[]) {
      if (!s || typeof s !== "object") continue;
      for (const [k, v] of Object.entries(s)) {
        const l = (v as { label?: unknown } | null)?.label;
        if (typeof l !== "string") continue;
        if (k === "sync") ids.syncLabels.push(l);
        if (k === "sync" || k === "presence" || k === "get_presence") ids.requestLabels.push(l);
      }
    }
  }
  return ids;
}

/** Every alternative of a schema (anyOf / oneOf flattened). */
function alternatives(s: unknown): JsonSchema[] {
  if (!s || typeof s !== "object") return [];
  const o = s as JsonSchema;
  const alts = [...((o.anyOf as unknown[]) ?? []), ...((o.oneOf as unknown[]) ?? [])];
  return alts.length ? alts.flatMap(alternatives) : [o];
}

/** The keys the schema allows in the map at `path` (keys and list indexes). */
export function keysAt(schema: JsonSchema, path: readonly (string | number)[]): string[] {
  let here = alternatives(schema);
  for (const p of path) {
    here = here.flatMap((s) => {
      if (typeof p === "number") return alternatives(s.items);
      const props = s.properties as Record<string, unknown> | undefined;
      if (props && Object.hasOwn(props, p)) return alternatives(props[p]);
      return typeof s.additionalProperties === "object" ? alternatives(s.additionalProperties) : [];
    });
  }
  const keys = new Set<string>();
  for (const s of here) for (const k of Object.keys((s.properties as object | undefined) ?? {})) keys.add(k);
  return [...keys];
}

/** The parser's wording for an unknown key (reader.ts `fields`), from the schema. */
export function unknownKeyMessage(schema: JsonSchema, path: readonly (string | number)[], key: string): string {
  const allowed = keysAt(schema, path);
  const s = closest(key, allowed);
  const hint = s ? `; did you mean ${s}?` : allowed.length ? ` (allowed: ${allowed.join(", ")})` : "";
  return `unknown key "${key}"${hint}`;
}
