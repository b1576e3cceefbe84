// A small scenario builder for engine tests: fills the defaults of src/scenario/types.ts
// (Synapse defaults, presence-semantics §1; real rc_presence 0.1/s burst 1; fidelity all
// on; federation_delay 0–100 ms; start_time 2026-01-01).
import type { Fidelity, ModuleEntry, PresenceFilter, Scenario, ServerConfig, Step } from "../../../src/scenario/types.ts";
import { DEFAULT_START_TIME } from "../../../src/scenario/types.ts";
import { runScenario } from "../../../src/engine/index.ts";
import type { ModuleHost } from "../../../src/engine/contracts.ts";
import type { Trace, TraceEvent } from "../../../src/trace/types.ts";
import { hostFromModules } from "./host.ts";

export const T0 = DEFAULT_START_TIME;

export interface ServerSpec {
  enabled?: boolean | "untracked";
  include_offline_users_on_sync?: boolean;
  G?: number;
  S?: number;
  I?: number;
  modules?: Array<string | ModuleEntry>;
  presence_router?: string | ModuleEntry | null;
  exclude?: string[];
  rc?: { per_second: number; burst_count: number };
  msc3026?: boolean;
  whitelist?: string[] | null;
  rr?: number;
}

type Dist<T> = T extends unknown ? Omit<T, "index" | "path"> : never;
export type StepSpec = Dist<Step>;

export interface Spec {
  servers?: Record<string, ServerSpec>;
  /** user id → devices (default ["DEV"]), or a list of ids. */
  users?: Record<string, string[]> | string[];
  rooms?: Record<string, string[]>;
  clients?: Array<{ user: string; device?: string; set_presence?: string }>;
  steps?: StepSpec[];
  duration?: number | null;
  seed?: number;
  fidelity?: Partial<Fidelity>;
  federation_delay?: { min: number; max: number };
}

export function moduleEntry(m: string | ModuleEntry, path: string, config: unknown = {}): ModuleEntry {
  if (typeof m !== "string") return m;
  const [file, exp] = m.split("#");
  return { module: m, file, export: exp ?? "default", config, path };
}

export function server(name: string, o: ServerSpec = {}): ServerConfig {
  return {
    name,
    presence: {
      enabled: o.enabled ?? true,
      include_offline_users_on_sync: o.include_offline_users_on_sync ?? false,
      last_active_granularity: o.G ?? 60_000,
      sync_online_timeout: o.S ?? 30_000,
      idle_timeout: o.I ?? 300_000,
      presence_router: o.presence_router ? moduleEntry(o.presence_router, `servers.${name}.presence.presence_router`) : null,
    },
    modules: (o.modules ?? []).map((m, i) => moduleEntry(m, `servers.${name}.modules[${i}]`)),
    exclude_rooms_from_presence: o.exclude ?? [],
    rc_presence: { per_user: o.rc ?? { per_second: 0.1, burst_count: 1 } },
    experimental_features: { msc3026_enabled: o.msc3026 ?? false },
    federation_domain_whitelist: o.whitelist ?? null,
    federation_rr_transactions_per_room_per_second: o.rr ?? 50,
  };
}

export function scenario(spec: Spec): Scenario {
  const servers = Object.entries(spec.servers ?? { "example.org": {} }).map(([n, o]) => server(n, o));
  const users = new Map<string, string[]>();
  if (Array.isArray(spec.users)) for (const u of spec.users) users.set(u, ["DEV"]);
  else for (const [u, d] of Object.entries(spec.users ?? {})) users.set(u, d.length ? d : ["DEV"]);
  for (const ms of Object.values(spec.rooms ?? {})) for (const u of ms) if (!users.has(u)) users.set(u, ["DEV"]);
  const steps = (spec.steps ?? []).map((s, index) => ({ ...s, index, path: `steps[${index}]` }) as Step);
  steps.sort((a, b) => a.at - b.at || a.index - b.index);
  return {
    version: 1,
    duration: spec.duration ?? null,
    seed: spec.seed ?? 1,
    start_time: T0,
    servers,
    users: [...users].map(([id, devices]) => ({ id, devices })),
    rooms: Object.entries(spec.rooms ?? {}).map(([id, members]) => ({ id, members })),
    clients: (spec.clients ?? []).map((c) => ({ user: c.user, device: c.device ?? "DEV", set_presence: c.set_presence ?? "online" })),
    steps,
    expect: [],
    fidelity: {
      periodic_repersist: true,
      strict_async: true,
      all_users_requires_mapping: true,
      assert_local_federation_records: true,
      status_msg_quirk: true,
      ...spec.fidelity,
    },
    federation_delay: spec.federation_delay ?? { min: 0, max: 100 },
  };
}

// ---- step helpers -------------------------------------------------------------

export function put(at: number, user: string, presence: unknown, status_msg?: unknown, o: { device?: string; label?: string; body?: Record<string, unknown> } = {}): StepSpec {
  const body = o.body ?? (status_msg === undefined ? { presence } : { presence, status_msg });
  return { kind: "presence", at, user, device: o.device ?? "DEV", body, label: o.label ?? null };
}

export function sync(
  at: number,
  user: string,
  o: { device?: string; set_presence?: string; since?: string; timeout?: number; full_state?: boolean; filter?: PresenceFilter; label?: string } = {},
): StepSpec {
  return {
    kind: "sync",
    at,
    user,
    device: o.device ?? "DEV",
    set_presence: o.set_presence ?? "online",
    since: o.since,
    timeout: o.timeout ?? 0,
    full_state: o.full_state ?? false,
    filter: o.filter ? { presence: o.filter } : null,
    label: o.label ?? null,
  };
}

export const client = (at: number, user: string, run: "start" | "stop", set_presence = "online", device = "DEV"): StepSpec => ({ kind: "client", at, user, device, run, set_presence });
export const activity = (at: number, user: string, device = "DEV", room: string | null = null): StepSpec => ({ kind: "activity", at, user, device, room });
export const membership = (at: number, user: string, room: string, m: "join" | "invite" | "leave" | "ban" | "knock"): StepSpec => ({ kind: "membership", at, user, room, membership: m });
export const moduleApi = (at: number, server: string, call: "send_local_online_presence_to" | "set_presence_for_users", args: unknown): StepSpec => ({ kind: "module_api", at, server, call, args });
export const edu = (at: number, origin: string, destination: string, push: unknown[]): StepSpec => ({ kind: "edu", at, origin, destination, push });
export const getPresence = (at: number, user: string, target: string, label: string | null = null): StepSpec => ({ kind: "get_presence", at, user, target, label });
export const restart = (at: number, server: string): StepSpec => ({ kind: "restart", at, server });
export const until = (at: number): StepSpec => ({ kind: "until", at });

// ---- running and reading traces -------------------------------------------------

const NO_MODULES: ModuleHost = hostFromModules({});

export function run(spec: Spec | Scenario, host: ModuleHost = NO_MODULES, measure = false): Promise<Trace> {
  const sc = "version" in spec ? spec : scenario(spec);
  return runScenario(sc, { host, measure });
}

export type Ev<K extends TraceEvent["type"]> = Extract<TraceEvent, { type: K }>;

export function events<K extends TraceEvent["type"]>(t: Trace, type: K, pred: (e: Ev<K>) => boolean = () => true): Ev<K>[] {
  return t.events.filter((e): e is Ev<K> => e.type === type && pred(e as Ev<K>));
}

export function syncByLabel(t: Trace, label: string): Ev<"sync"> {
  const s = events(t, "sync", (e) => e.label === label)[0];
  if (!s) throw new Error(`no sync labelled ${label}`);
  return s;
}

/** sender → content of a sync response's presence events. */
export function seen(e: Ev<"sync">): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const p of e.response.presence?.events ?? []) out[p.sender] = p.content as unknown as Record<string, unknown>;
  return out;
}

export function senders(e: Ev<"sync">): string[] {
  return (e.response.presence?.events ?? []).map((p) => p.sender).sort();
}

/** The state events of a user on a server (default: the user's own). */
export function states(t: Trace, user: string, server?: string): Ev<"state">[] {
  const srv = server ?? user.slice(user.indexOf(":") + 1);
  return events(t, "state", (e) => e.user === user && e.server === srv);
}

/** The record a server held for a user at offset `at` (after everything at `at`). */
export function stateAt(t: Trace, user: string, at: number, server?: string): string {
  let st = "offline";
  for (const e of states(t, user, server)) if (e.at <= at) st = e.after.state;
  return st;
}
