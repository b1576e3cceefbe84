// The ModuleApi object a module's constructor receives (module-api.md "ModuleApi in the
// playground"). Everything forwards to the engine's ServerApi; timers run on the
// simulated clock. Members Synapse has but the playground does not model throw a clear
// error naming themselves.
import type { ModuleHost, ServerApi } from "../contracts.ts";
import { inModule } from "./enter.ts";
import { describeType, isMap, isSet } from "./format.ts";

/** One call of register_presence_router_callbacks (R56, R58). */
export interface CallbackPair {
  get_users_for_states: unknown;
  get_interested_users: unknown;
}

export interface ModuleApiOptions {
  api: ServerApi;
  /** The module as written in the scenario (tags module_call events and timers). */
  module: string;
  /** Receives each accepted registration (R56: each call appends). */
  register(pair: CallbackPair): void;
  /** Reports an exception thrown by a module's background call (timers). */
  onBackgroundError(err: unknown, what: string): void;
  /** Timers are spans of module code for the watchdog (ModuleHost.enter). */
  host?: ModuleHost;
}

/** R58: Synapse's exact message. */
export const NEITHER_OR_BOTH =
  "PresenceRouter modules must register neither or both of the paired callbacks: " +
  "[get_users_for_states, get_interested_users]";

/** Synapse ModuleApi members that exist but are not modelled (properties, then methods). */
export const UNAVAILABLE_PROPERTIES = [
  "http_client",
  "public_room_list_manager",
  "public_baseurl",
  "email_app_name",
  "worker_name",
  "worker_app",
  "account_data_manager",
] as const;

export const UNAVAILABLE_METHODS = [
  "register_spam_checker_callbacks",
  "register_account_validity_callbacks",
  "register_third_party_rules_callbacks",
  "register_password_auth_provider_callbacks",
  "register_background_update_controller_callbacks",
  "register_account_data_callbacks",
  "register_media_repository_callbacks",
  "register_ratelimit_callbacks",
  "register_add_extra_fields_to_unsigned_client_event_callbacks",
  "register_web_resource",
  "get_userinfo_by_id",
  "get_user_by_req",
  "register",
  "register_user",
  "register_device",
  "record_user_external_id",
  "generate_short_term_login_token",
  "invalidate_access_token",
  "run_db_interaction",
  "register_cached_function",
  "invalidate_cache",
  "complete_sso_login_async",
  "get_threepids_for_user",
  "create_and_send_event_into_room",
  "should_run_background_tasks",
  "send_http_push_notification",
  "send_mail",
  "get_user_ip_and_agents",
  "get_room_state",
  "defer_to_thread",
  "defer_to_threadpool",
  "check_push_rule_actions",
  "set_push_rule_action",
  "get_monthly_active_users_by_service",
  "get_canonical_room_alias",
  "lookup_room_alias",
  "create_room",
  "set_displayname",
  "get_profile_for_user",
  "is_user_admin",
  "set_user_admin",
] as const;

function unavailable(name: string): Error {
  return new Error(`ModuleApi.${name} is not available in the playground`);
}

/** Python-like iterable of user ids: an array, a Set or any iterable except a string. */
function userList(users: unknown, what: string): string[] {
  const iterate = typeof users === "object" && users !== null ? (users as Partial<Iterable<unknown>>)[Symbol.iterator] : undefined;
  if (typeof iterate !== "function") {
    throw new TypeError(`${what} expects a list or Set of user ids, got ${describeType(users)}`);
  }
  const out: string[] = [];
  const it = isSet(users) ? Set.prototype.values.call(users) : (iterate.call(users) as Iterator<unknown>);
  for (let r = it.next(); !r.done; r = it.next()) {
    if (typeof r.value !== "string") throw new TypeError(`${what}: user ids must be strings, got ${describeType(r.value)}`);
    out.push(r.value);
  }
  return out;
}

/** R69 argument: a Map or plain object of user_id → [state, status_msg]. */
function presenceUpdates(users: unknown): Record<string, [string, string | null]> {
  const entries: Array<[unknown, unknown]> = isMap(users)
    ? [...Map.prototype.entries.call(users)]
    : typeof users === "object" && users !== null && !Array.isArray(users)
      ? Object.entries(users)
      : (() => {
          throw new TypeError(`set_presence_for_users expects a Map or object of user_id → [state, status_msg], got ${describeType(users)}`);
        })();
  const out: Record<string, [string, string | null]> = {};
  for (const [user, v] of entries) {
    if (typeof user !== "string") throw new TypeError(`set_presence_for_users: user ids must be strings, got ${describeType(user)}`);
    if (!Array.isArray(v) || v.length !== 2 || typeof v[0] !== "string" || (v[1] !== null && v[1] !== undefined && typeof v[1] !== "string")) {
      throw new TypeError(`set_presence_for_users: the value for ${user} must be [state, status_msg], got ${describeType(v)}`);
    }
    out[user] = [v[0], (v[1] as string | null | undefined) ?? null];
  }
  return out;
}

function delayMs(ms: unknown, what: string): number {
  if (typeof ms !== "number" || !Number.isFinite(ms) || ms < 0) {
    throw new TypeError(`${what}: the delay must be a non-negative number of ms, got ${describeType(ms)}`);
  }
  return ms;
}

export function createModuleApi(opts: ModuleApiOptions): Record<string, unknown> {
  const { api, module } = opts;

  /** Runs a module function from a timer; its failures are logged, never thrown (R63). */
  const runBackground = (f: () => unknown, what: string): Promise<void> => {
    try {
      // The watchdog times the timer's synchronous run (an async one may sleep for long).
      const ret = opts.host ? inModule(opts.host, module, `${what} timer`, api.now() - (api.start_time ?? 0), f) : f();
      return Promise.resolve(ret).then(
        () => undefined,
        (e: unknown) => opts.onBackgroundError(e, what),
      );
    } catch (e) {
      opts.onBackgroundError(e, what);
      return Promise.resolve();
    }
  };

  const moduleApi: Record<string, unknown> = {
    server_name: api.server_name,
    is_mine: (user_id: unknown) => typeof user_id === "string" && api.is_mine(user_id),
    get_qualified_user_id: (username: string) =>
      username.startsWith("@") ? username : `@${username}:${api.server_name}`,

    /** R56, R58: each call appends one pair; exactly one of the two raises. */
    register_presence_router_callbacks(callbacks?: Partial<CallbackPair> | null, ...rest: unknown[]) {
      // Synapse's signature is keyword-only: positional use or unknown names raise TypeError.
      if (rest.length || typeof callbacks === "function" || (callbacks != null && typeof callbacks !== "object")) {
        throw new TypeError("register_presence_router_callbacks takes keyword arguments: pass one object { get_users_for_states, get_interested_users }");
      }
      for (const k of callbacks ? Object.keys(callbacks) : []) {
        if (k !== "get_users_for_states" && k !== "get_interested_users") {
          throw new TypeError(`register_presence_router_callbacks() got an unexpected keyword argument '${k}' (expected get_users_for_states and get_interested_users)`);
        }
      }
      const gufs = callbacks?.get_users_for_states ?? null;
      const giu = callbacks?.get_interested_users ?? null;
      if ((gufs === null) !== (giu === null)) throw new Error(NEITHER_OR_BOTH);
      if (gufs === null) return; // neither: a no-op (R58)
      opts.register({ get_users_for_states: gufs, get_interested_users: giu });
    },

    /** R67, R68. */
    send_local_online_presence_to: async (users: unknown) =>
      api.send_local_online_presence_to(userList(users, "send_local_online_presence_to"), module),

    /** R69. */
    set_presence_for_users: async (users: unknown) => api.set_presence_for_users(presenceUpdates(users), module),

    get_state_events_in_room: async (room_id: string, types?: Iterable<[string, string | null]> | null) =>
      api.get_state_events_in_room(room_id, types == null ? undefined : [...types].map(([t, k]) => [t, k ?? null])),

    update_room_membership: async (sender: string, target: string, room_id: string, new_membership: string) =>
      api.update_room_membership(sender, target, room_id, new_membership, module),

    check_user_exists: async (user_id: string) => (api.user_exists(user_id) ? user_id : null),

    get_current_time_msec: () => api.now(),

    /** Synapse's Clock.looping_call: first call after `msec`, then every `msec`; waits for an async f. */
    looping_background_call(f: (...args: unknown[]) => unknown, msec: number, ...args: unknown[]) {
      const interval = delayMs(msec, "looping_background_call");
      if (interval === 0) throw new TypeError("looping_background_call: msec must be > 0");
      let timer: { cancel(): void }; // set below, before stop() can be called
      let stopped = false;
      const tick = () => {
        const started = api.now();
        void runBackground(() => f(...args), "looping_background_call").then(() => {
          if (stopped) return;
          const elapsed = api.now() - started;
          // Twisted's LoopingCall skips intervals missed while f was running.
          timer = api.schedule(interval - (elapsed % interval), tick, module);
        });
      };
      timer = api.schedule(interval, tick, module);
      return {
        stop() {
          stopped = true;
          timer.cancel();
        },
      };
    },

    delayed_background_call(msec: number, f: (...args: unknown[]) => unknown, ...args: unknown[]) {
      const t = api.schedule(delayMs(msec, "delayed_background_call"), () => runBackground(() => f(...args), "delayed_background_call"), module);
      return { cancel: () => t.cancel() };
    },

    sleep: (seconds: number) =>
      new Promise<void>((resolve) => {
        api.schedule(delayMs(seconds, "sleep") * 1000, () => resolve(), module);
      }),
  };

  for (const name of UNAVAILABLE_PROPERTIES) {
    Object.defineProperty(moduleApi, name, {
      get() {
        throw unavailable(name);
      },
      enumerable: false,
    });
  }
  for (const name of UNAVAILABLE_METHODS) {
    moduleApi[name] = () => {
      throw unavailable(name);
    };
  }
  return Object.freeze(moduleApi);
}
