// `servers:` — one homeserver.yaml subset per server, with Synapse's defaults
// (presence-semantics §1, §10) and Synapse's config checks.
import { parseModuleRef } from "./moduleRef.ts";
import type { ModuleEntry, PresenceEnabled, ServerConfig } from "./types.ts";
import type { Reader, V } from "./reader.ts";
import { roomIdProblem, serverNameProblem } from "./ids.ts";

/** Synapse's defaults (presence-semantics §1, R70, R75). */
export function defaultServer(name: string): ServerConfig {
  return {
    name,
    presence: {
      enabled: true, // R70
      include_offline_users_on_sync: false, // R46
      last_active_granularity: 60_000, // G
      sync_online_timeout: 30_000, // S
      idle_timeout: 300_000, // I
      presence_router: null, // R57
    },
    modules: [], // R56
    exclude_rooms_from_presence: [], // R74
    rc_presence: { per_user: { per_second: 0.1, burst_count: 1 } }, // R9: Synapse's real limit
    experimental_features: { msc3026_enabled: false }, // R1
    federation_domain_whitelist: null, // R33
    federation_rr_transactions_per_room_per_second: 50, // R40
  };
}

export const SERVER_KEYS = [
  "presence",
  "modules",
  "exclude_rooms_from_presence",
  "rc_presence",
  "experimental_features",
  "federation_domain_whitelist",
  "federation_rr_transactions_per_room_per_second",
] as const;

export const PRESENCE_KEYS = [
  "enabled",
  "include_offline_users_on_sync",
  "last_active_granularity",
  "sync_online_timeout",
  "idle_timeout",
  "presence_router",
] as const;

export function readServers(r: Reader, v: V): ServerConfig[] {
  const es = r.entries(v, "servers");
  if (!es) return [];
  if (es.length === 0) r.err(v, "servers must name at least one homeserver, e.g. servers: { example.org: {} }");
  if (es.length > r.limits.servers) {
    r.err(v, `too many servers (${es.length}; at most ${r.limits.servers})`);
    return [];
  }
  const out: ServerConfig[] = [];
  for (const e of es) {
    const p = serverNameProblem(e.key);
    if (p) r.is.error(e.keyNode, e.path, p);
    out.push(readServer(r, e, e.key));
  }
  return out;
}

function readServer(r: Reader, v: V, name: string): ServerConfig {
  const s = defaultServer(name);
  const f = r.fields(v, `server ${name}`, SERVER_KEYS);
  if (!f) return s;
  if (f.presence) readPresence(r, f.presence, s);
  if (f.modules) {
    const its = r.items(f.modules, "modules") ?? [];
    for (const it of its) {
      const m = readModuleEntry(r, it);
      if (m) s.modules.push(m);
    }
  }
  if (f.exclude_rooms_from_presence) {
    const rooms = r.strList(f.exclude_rooms_from_presence, "exclude_rooms_from_presence");
    if (rooms) {
      const its = r.items(f.exclude_rooms_from_presence, "")!;
      rooms.forEach((id, i) => {
        const p = roomIdProblem(id);
        if (p) r.err(its[i], p);
      });
      s.exclude_rooms_from_presence = rooms;
    }
  }
  if (f.rc_presence) {
    const rc = r.fields(f.rc_presence, "rc_presence", ["per_user"]);
    if (rc?.per_user) {
      const pu = r.fields(rc.per_user, "rc_presence.per_user", ["per_second", "burst_count"]);
      if (pu?.per_second) s.rc_presence.per_user.per_second = r.num(pu.per_second, "per_second", { min: 0 }) ?? 0.1;
      if (pu?.burst_count) s.rc_presence.per_user.burst_count = r.num(pu.burst_count, "burst_count", { min: 0 }) ?? 1;
    }
  }
  if (f.experimental_features) {
    const x = r.fields(f.experimental_features, "experimental_features", ["msc3026_enabled"]);
    if (x?.msc3026_enabled) s.experimental_features.msc3026_enabled = r.bool(x.msc3026_enabled, "msc3026_enabled") ?? false;
  }
  if (f.federation_domain_whitelist && !r.isNull(f.federation_domain_whitelist)) {
    s.federation_domain_whitelist = r.strList(f.federation_domain_whitelist, "federation_domain_whitelist") ?? null;
  }
  if (f.federation_rr_transactions_per_room_per_second) {
    const n = r.num(f.federation_rr_transactions_per_room_per_second, "federation_rr_transactions_per_room_per_second", {
      min: 0,
      minExclusive: true,
    });
    if (n !== undefined) s.federation_rr_transactions_per_room_per_second = n;
  }
  return s;
}

function readPresence(r: Reader, v: V, s: ServerConfig): void {
  const f = r.fields(v, "presence", PRESENCE_KEYS);
  if (!f) return;
  const p = s.presence;
  if (f.enabled) p.enabled = readEnabled(r, f.enabled) ?? true;
  if (f.include_offline_users_on_sync)
    p.include_offline_users_on_sync = r.bool(f.include_offline_users_on_sync, "include_offline_users_on_sync") ?? false;
  const g = f.last_active_granularity && r.duration(f.last_active_granularity, "last_active_granularity");
  const st = f.sync_online_timeout && r.duration(f.sync_online_timeout, "sync_online_timeout");
  const i = f.idle_timeout && r.duration(f.idle_timeout, "idle_timeout");
  // Synapse's config check (§1): G > 0, S > 0, I > G.
  if (typeof g === "number") {
    if (g <= 0) r.err(f.last_active_granularity, "last_active_granularity must be greater than 0");
    else p.last_active_granularity = g;
  }
  if (typeof st === "number") {
    if (st <= 0) r.err(f.sync_online_timeout, "sync_online_timeout must be greater than 0");
    else p.sync_online_timeout = st;
  }
  if (typeof i === "number") p.idle_timeout = i;
  if ((f.idle_timeout || f.last_active_granularity) && p.idle_timeout <= p.last_active_granularity && g !== 0) {
    r.err(
      f.idle_timeout ?? f.last_active_granularity,
      `idle_timeout (${p.idle_timeout} ms) must be greater than last_active_granularity (${p.last_active_granularity} ms), as Synapse requires`,
    );
  }
  if (f.presence_router && !r.isNull(f.presence_router)) p.presence_router = readModuleEntry(r, f.presence_router) ?? null;
}

/** R70: true | false | "untracked". */
function readEnabled(r: Reader, v: V): PresenceEnabled | undefined {
  const n = r.resolve(v.node);
  const x = n && "value" in n ? (n as { value: unknown }).value : undefined;
  if (x === true || x === false || x === "untracked") return x;
  r.err(v, `enabled must be true, false or "untracked", got ${r.describe(v.node)}`);
  return undefined;
}

/** R56/R57: `{ module: file.ts | file.ts#Export, config? }` (moduleRef.ts checks the reference). */
export function readModuleEntry(r: Reader, v: V): ModuleEntry | undefined {
  const f = r.fields(v, "a module entry", ["module", "config"], ["module"]);
  if (!f?.module) return undefined;
  const spec = r.str(f.module, "module");
  if (spec === undefined) return undefined;
  const parsed = parseModuleRef(spec);
  if (!parsed.ok) {
    r.err(f.module, parsed.message);
    return undefined;
  }
  const { file, export: exp } = parsed.ref;
  let config: unknown = {};
  if (f.config && !r.isNull(f.config)) config = r.json(f.config, "config"); // R56: {} when missing or null
  return { module: spec, file, export: exp, config: config ?? {}, path: v.path };
}
