// An in-memory ModuleHost for engine tests: "files" are factories returning exports,
// e.g. hostFromModules({ "router.ts": () => ({ default: class { ... } }) }).
// Each load() calls the factory again (a fresh module instance, as the real sandbox).
import { ModuleLoadError, type ModuleEnv, type ModuleHost } from "../../../src/engine/contracts.ts";
import type { LoadModulesOptions, ServerApi } from "../../../src/engine/contracts.ts";
import type { Fidelity, ModuleEntry, ServerConfig } from "../../../src/scenario/types.ts";
import type { ModuleErrorInfo, TraceEvent } from "../../../src/trace/types.ts";

export interface TestHost extends ModuleHost {
  /** The env passed to each load, by file (the last one). */
  readonly envs: Map<string, ModuleEnv>;
  /** Files loaded, in order. */
  readonly loads: string[];
}

export function hostFromModules(
  files: Record<string, Record<string, unknown> | ((env: ModuleEnv) => Record<string, unknown>)>,
): TestHost {
  const envs = new Map<string, ModuleEnv>();
  const loads: string[] = [];
  return {
    envs,
    loads,
    load(file: string, env: ModuleEnv) {
      loads.push(file);
      envs.set(file, env);
      if (!Object.prototype.hasOwnProperty.call(files, file)) {
        throw new ModuleLoadError(`Cannot find module file ${file}`, file);
      }
      const f = files[file];
      try {
        return typeof f === "function" ? f(env) : f;
      } catch (e) {
        throw new ModuleLoadError(`${file}: ${e instanceof Error ? e.message : String(e)}`, file, 1, 1);
      }
    },
    locate(err: unknown): ModuleErrorInfo {
      if (err instanceof Error) return { message: `${err.name}: ${err.message}` };
      return { message: String(err) };
    },
  };
}

export const START = 1767225600000;

/** A ServerApi that records every call and runs timers on a hand-cranked clock. */
export interface RecordingServerApi extends ServerApi {
  calls: Array<{ method: string; args: unknown[] }>;
  /** Advances the clock by `ms`, running due timers in (time, creation) order. */
  advance(ms: number): Promise<void>;
  users: Set<string>;
  /** Makes the next send_local_online_presence_to reject with this error. */
  failNext: Error | null;
}

export function recordingServerApi(server_name = "example.org", users: string[] = []): RecordingServerApi {
  let now = START;
  let seq = 0;
  const timers: Array<{ due: number; seq: number; fn: () => unknown; cancelled: boolean }> = [];
  const calls: RecordingServerApi["calls"] = [];
  const api: RecordingServerApi = {
    server_name,
    start_time: START,
    calls,
    users: new Set(users),
    failNext: null,
    now: () => now,
    is_mine: (u) => u.endsWith(`:${server_name}`),
    user_exists: (u) => api.users.has(u),
    send_local_online_presence_to(users, module) {
      calls.push({ method: "send_local_online_presence_to", args: [users, module] });
      const f = api.failNext;
      api.failNext = null;
      return f ? Promise.reject(f) : Promise.resolve();
    },
    set_presence_for_users(updates, module) {
      calls.push({ method: "set_presence_for_users", args: [updates, module] });
      return Promise.resolve();
    },
    get_state_events_in_room(room_id, types) {
      calls.push({ method: "get_state_events_in_room", args: [room_id, types] });
      return [{ type: "m.room.member", state_key: "@a:example.org", content: { membership: "join" }, room_id }];
    },
    update_room_membership(sender, target, room_id, membership, module) {
      calls.push({ method: "update_room_membership", args: [sender, target, room_id, membership, module] });
      return Promise.resolve();
    },
    schedule(delay_ms, fn, module) {
      calls.push({ method: "schedule", args: [delay_ms, module] });
      const t = { due: now + delay_ms, seq: seq++, fn, cancelled: false };
      timers.push(t);
      return { cancel: () => void (t.cancelled = true) };
    },
    async advance(ms) {
      const end = now + ms;
      for (;;) {
        const due = timers
          .filter((t) => !t.cancelled && t.due <= end)
          .sort((a, b) => a.due - b.due || a.seq - b.seq)[0];
        if (!due) break;
        timers.splice(timers.indexOf(due), 1);
        now = due.due;
        await due.fn();
        for (let i = 0; i < 20; i++) await undefined; // let promise chains reschedule
      }
      now = end;
    },
  };
  return api;
}

export const FIDELITY: Fidelity = {
  periodic_repersist: true,
  strict_async: true,
  all_users_requires_mapping: true,
  assert_local_federation_records: true,
  status_msg_quirk: true,
};

/** A ModuleEntry for "file.ts" or "file.ts#Name". */
export function entry(module: string, config: unknown = {}, path = "servers.example.org.modules[0]"): ModuleEntry {
  const [file, name] = module.split("#");
  return { module, file: file!, export: name ?? "default", config, path };
}

export function serverConfig(modules: ModuleEntry[], presence_router: ModuleEntry | null = null, name = "example.org"): ServerConfig {
  return {
    name,
    presence: {
      enabled: true,
      include_offline_users_on_sync: false,
      last_active_granularity: 60000,
      sync_online_timeout: 30000,
      idle_timeout: 300000,
      presence_router,
    },
    modules,
    exclude_rooms_from_presence: [],
    rc_presence: { per_user: { per_second: 0.1, burst_count: 1 } },
    experimental_features: { msc3026_enabled: false },
    federation_domain_whitelist: null,
    federation_rr_transactions_per_room_per_second: 50,
  };
}

/** Options for loadModules with a recording api and an event list. */
export function loadOptions(
  host: ModuleHost,
  modules: ModuleEntry[],
  extra: Partial<LoadModulesOptions> & { legacy?: ModuleEntry | null } = {},
): LoadModulesOptions & { api: RecordingServerApi; events: TraceEvent[] } {
  const events: TraceEvent[] = [];
  const api = (extra.api as RecordingServerApi | undefined) ?? recordingServerApi();
  return {
    server: extra.server ?? serverConfig(modules, extra.legacy ?? null),
    host,
    api,
    emit: (e) => events.push(e),
    fidelity: extra.fidelity ?? FIDELITY,
    seed: extra.seed ?? 1,
    measure: extra.measure ?? false,
    events,
  };
}

/** Router callbacks of one test module; a missing one answers "nothing". */
export type CallbackPair = { get_users_for_states?: unknown; get_interested_users?: unknown };

/** One modern module "mN.ts" per pair, each registering its callbacks (for hostFromModules). */
export function modernRouterFiles(pairs: CallbackPair[]): Record<string, () => Record<string, unknown>> {
  const files: Record<string, () => Record<string, unknown>> = {};
  pairs.forEach((p, i) => {
    files[`m${i}.ts`] = () => ({
      default: class {
        constructor(_c: unknown, api: { register_presence_router_callbacks(c: object): void }) {
          api.register_presence_router_callbacks({
            get_users_for_states: p.get_users_for_states ?? (async () => new Map()),
            get_interested_users: p.get_interested_users ?? (async () => new Set()),
          });
        }
      },
    });
  });
  return files;
}
