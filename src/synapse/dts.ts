// The declarations of the virtual module `synapse`, as the file
// node_modules/synapse/index.d.ts (Monaco: addExtraLib(SYNAPSE_DTS, SYNAPSE_DTS_PATH);
// tests type-check modules against it). Every member carries JSDoc with the Synapse
// behaviour and rule ids it maps to: this is what users read on hover. Keep it in step
// with runtime.ts and api.ts (tests/engine/modules.dts.test.ts checks both).

/** The path the editor and the type-check tests mount the declarations at. */
export const SYNAPSE_DTS_PATH = "file:///node_modules/synapse/index.d.ts";

export const SYNAPSE_DTS: string = `/**
 * The \`synapse\` module of the Presence Router Playground: what a Synapse presence-router
 * module can use, with Synapse's own (snake_case) names, so that Synapse's documentation
 * applies as written. Rule ids (R56, S6, ...) refer to the playground's presence
 * semantics (the "Rules" panel).
 *
 * Python to TypeScript: a Python dict is a Map or a plain object, a Python set is a Set,
 * keyword arguments are an object. Anything else where Synapse requires a set (an array,
 * say) is the wrong type and is handled as Synapse handles it: a warning, and that part
 * is skipped (R61, R62).
 */

/** The presence states Synapse knows (synapse.api.constants.PresenceState). */
export type PresenceStateValue = "online" | "unavailable" | "offline" | "org.matrix.msc3026.busy";

/**
 * Synapse's PresenceState constants.
 *
 * A user's state is one of these; clients set it with PUT /presence and with the
 * set_presence parameter of /sync.
 */
export declare const PresenceState: {
  /** "online": the user is active (syncing keeps it, R18, S2). */
  readonly ONLINE: "online";
  /** "unavailable": idle ("away"); set by a client or after idle_timeout without activity (R25). */
  readonly UNAVAILABLE: "unavailable";
  /** "offline": not connected; also what an unknown user looks like (R4). */
  readonly OFFLINE: "offline";
  /**
   * "org.matrix.msc3026.busy": only with experimental_features.msc3026_enabled (R1).
   * Busy survives syncs: only an explicit PUT changes it (S15).
   */
  readonly BUSY: "org.matrix.msc3026.busy";
};

/** The seven fields of a presence record as plain data (UserPresenceState.as_dict()). */
export interface UserPresenceStateDict {
  user_id: string;
  state: string;
  last_active_ts: number;
  last_federation_update_ts: number;
  last_user_sync_ts: number;
  status_msg: string | null;
  currently_active: boolean;
}

/**
 * Synapse's UserPresenceState (synapse.api.presence): one user's presence as a server
 * knows it. An immutable value (frozen): change a copy with copy_and_replace().
 *
 * Two records with the same seven fields are the same Set member when the router merges
 * results (R2, R61), as Python sets of frozen attrs records are, even if they are
 * different objects.
 */
export declare class UserPresenceState {
  /** Builds a record from all seven fields (it is frozen). */
  constructor(fields: UserPresenceStateDict);
  /**
   * The record of a user the server knows nothing about: offline, all timestamps 0,
   * no status message (R2, R4).
   */
  static default(user_id: string): UserPresenceState;
  /** The full Matrix user id, e.g. "@alice:example.org". Local or remote (S18). */
  readonly user_id: string;
  /** One of PresenceState's values ("online", "unavailable", "offline", busy). */
  readonly state: string;
  /**
   * Absolute ms of the user's last activity (a message, an online PUT, a presence-affecting
   * sync). Clients see it as last_active_ago (R54). 0 means never.
   */
  readonly last_active_ts: number;
  /** Absolute ms when this server last received this (remote) user's presence over federation, or re-federated it (R30). 0 means never. */
  readonly last_federation_update_ts: number;
  /** Absolute ms of the user's last /sync (drives the 30 s sync timeout, R26). 0 means never. */
  readonly last_user_sync_ts: number;
  /** The status message, or null. Omitting it in a PUT clears it (S20). */
  readonly status_msg: string | null;
  /**
   * Whether the user was active within the last minute. Sent to clients only for
   * "online"; flipping to false after about 60 s is itself a notified update (S21).
   */
  readonly currently_active: boolean;
  /** A new record with some fields replaced (Synapse's attrs.evolve); this one is unchanged. */
  copy_and_replace(changes: Partial<UserPresenceStateDict>): UserPresenceState;
  /** The seven fields as a plain object, in Synapse's order. */
  as_dict(): UserPresenceStateDict;
}

/**
 * The value a get_interested_users callback returns to mean "this user may see
 * everyone's presence" (synapse.events.presence_router.PresenceRouter.ALL_USERS).
 *
 * Returning it for a user also requires get_users_for_states to map that user to the
 * records they should see: in the ALL path, sync asks get_users_for_states a second
 * time and shows only result[syncingUser]. Without that mapping their /sync breaks
 * (R51, S8). It also stops the combination at once: later modules'
 * get_interested_users are not called (R62).
 */
export declare const PRESENCE_ALL_USERS: "ALL";

/** Synapse's synapse.events.presence_router.PresenceRouter, for its ALL_USERS constant. */
export declare class PresenceRouter {
  /** The constant "ALL" (same as PRESENCE_ALL_USERS): see there (R51, R62, S8). */
  static readonly ALL_USERS: "ALL";
}

/**
 * Synapse's synapse.config.ConfigError. Throw it from a static parse_config(config)
 * (or the constructor) when the module's config is wrong: Synapse refuses to start, and
 * the playground shows a configuration error at the module's config (R56, R57).
 */
export declare class ConfigError extends Error {
  /**
   * @param msg what is wrong and how to fix it
   * @param path where in the config, e.g. ["always_send_to_users", "0"]
   */
  constructor(msg: string, path?: Iterable<string> | null);
  /** Where in the config the problem is, when given. */
  readonly path: readonly string[] | null;
}

/**
 * get_users_for_states: "which users should receive these presence updates?".
 *
 * Called with every batch of notified changes on this server (local users' updates and
 * remote users' updates received over federation, S18), once for local wake-ups and
 * once more for outbound federation when the server federates (R37). Return a Map (or
 * plain object) from user id to a Set of the records that user should get.
 *
 * What it drives: which local users are woken (their waiting /sync re-checks), and which
 * remote servers get an EDU with exactly the records listed under their users (R31, R33,
 * S23). What it does NOT drive: what a local user's sync shows. That is decided by
 * get_interested_users (S6). Remote users' presence is never re-federated (S9), and
 * keys that are local users never produce EDUs (S23).
 *
 * Values must be Sets: a non-Set value stops processing the rest of this callback's
 * entries (the entries before it are kept, S17). Records are merged by value (R2, R61).
 * Must be async (R60).
 */
export type GetUsersForStatesCallback = (
  state_updates: readonly UserPresenceState[],
) => Promise<Map<string, Set<UserPresenceState>> | Record<string, Set<UserPresenceState>>>;

/**
 * get_interested_users: "whose presence may this user see, beyond shared rooms?".
 *
 * Called when a local user's /sync computes its presence section (once per sync, R65),
 * and by send_local_online_presence_to with a remote user's id (S16, R68). Return a Set
 * of user ids, or PresenceRouter.ALL_USERS. This is what decides what the user's sync
 * shows (R50). To see a remote user, the receiving server's router must list them here
 * (unless they share a room), and the sending server's router must map the records to
 * this user in get_users_for_states (R64).
 *
 * An array or any other non-Set is the wrong type: a warning, and this module's answer
 * is skipped (R62). Must be async (R60).
 */
export type GetInterestedUsersCallback = (user_id: string) => Promise<Set<string> | typeof PRESENCE_ALL_USERS>;

/**
 * The keyword arguments of register_presence_router_callbacks: both callbacks or neither.
 * Registering exactly one is an error at startup ("neither or both", R58).
 */
export type PresenceRouterCallbacks =
  | {
      /** See GetUsersForStatesCallback: drives wake-ups and outbound federation, not what sync shows (S6, R31, R33). */
      get_users_for_states: GetUsersForStatesCallback;
      /** See GetInterestedUsersCallback: drives what a user's sync shows (R50, R62). */
      get_interested_users: GetInterestedUsersCallback;
    }
  | { get_users_for_states?: undefined; get_interested_users?: undefined };

/** A state event as get_state_events_in_room returns it (Synapse's EventBase, as JSON). */
export interface StateEvent {
  /** e.g. "m.room.member". */
  type: string;
  /** For m.room.member: the user id whose membership this is. */
  state_key: string;
  /** For m.room.member: { membership: "join" | "invite" | "leave" | "ban" | "knock" }. */
  content: Record<string, unknown>;
  sender?: string;
  room_id?: string;
  event_id?: string;
  [field: string]: unknown;
}

/** What looping_background_call returns (Twisted's LoopingCall). */
export interface LoopingCall {
  /** Stops further calls. */
  stop(): void;
}

/** What delayed_background_call returns (Twisted's IDelayedCall). */
export interface DelayedCall {
  /** Cancels the call if it has not run yet. */
  cancel(): void;
}

/**
 * Synapse's ModuleApi (synapse.module_api.ModuleApi), as the simulated server that loaded
 * the module offers it. The constructor receives it as its second argument. Every call
 * appears in the trace as a module_call event.
 */
export interface ModuleApi {
  /** This server's name, e.g. "example.org" (the part after ":" in its users' ids). */
  readonly server_name: string;

  /** Whether the user id belongs to this server. */
  is_mine(user_id: string): boolean;

  /** "@localpart:server_name" for a localpart; a full user id (starting with "@") is returned as is. */
  get_qualified_user_id(username: string): string;

  /**
   * Registers a presence router (R56). Call it from the constructor with both callbacks;
   * each call appends one pair, and pairs run in registration order, each awaited (R59):
   * modules in the order of modules:, then a legacy presence.presence_router. Exactly one
   * of the two is a startup error "neither or both"; neither is a no-op (R58).
   */
  register_presence_router_callbacks(callbacks: PresenceRouterCallbacks): void;

  /**
   * Makes the given users see this server's local users' current presence (Synapse's
   * send_local_online_presence_to).
   *
   * Local targets (R67): each gets a snapshot on its next incremental sync; nothing is
   * pushed, and only one of them is woken. Surprise: one target's status_msg is cleared
   * and its last_active_ts bumped (S12).
   *
   * Remote targets (R68): computes what an initial sync of that user would show, which
   * calls get_interested_users with the REMOTE user's id (S16), and sends it over
   * federation. Rejects if any remote user's presence would be included (S13).
   */
  send_local_online_presence_to(users: Iterable<string>): Promise<void>;

  /**
   * Sets users' presence (Synapse >= 1.96): { user_id: [state, status_msg] }. Everyone
   * listed is notified even if nothing changed; works for local and remote users. It
   * bypasses devices, so such a local user never times out by device rules (R69).
   */
  set_presence_for_users(
    users: Map<string, readonly [string, string | null]> | Record<string, readonly [string, string | null]>,
  ): Promise<void>;

  /**
   * The room's current state events as this server sees them; types filters by
   * [type, state_key] (state_key null = any). m.room.member events give memberships.
   */
  get_state_events_in_room(room_id: string, types?: Iterable<[string, string | null]> | null): Promise<StateEvent[]>;

  /**
   * Changes a membership as a membership step would (joins push presence without
   * consulting the router, R36, S22).
   */
  update_room_membership(sender: string, target: string, room_id: string, new_membership: string): Promise<void>;

  /** The user id if that user exists on this server, else null. */
  check_user_exists(user_id: string): Promise<string | null>;

  /** The simulated clock, absolute ms (Date.now() in a module is the same clock). */
  get_current_time_msec(): number;

  /**
   * Calls f(...args) every msec ms of simulated time, the first time after msec (Synapse's
   * Clock.looping_call). An async f is awaited before the next call; exceptions are logged.
   */
  looping_background_call<A extends unknown[]>(f: (...args: A) => unknown, msec: number, ...args: A): LoopingCall;

  /** Calls f(...args) once, msec ms of simulated time from now. Exceptions are logged. */
  delayed_background_call<A extends unknown[]>(msec: number, f: (...args: A) => unknown, ...args: A): DelayedCall;

  /**
   * Resolves after \`seconds\` of simulated time. Not inside a router callback: the clock
   * stands still while the server waits for one, so it would never resolve.
   */
  sleep(seconds: number): Promise<void>;

  // Synapse ModuleApi members that the playground does not model: they throw
  // "ModuleApi.<name> is not available in the playground".

  /** @deprecated Not available in the playground (throws): no outbound HTTP. */
  readonly http_client: never;
  /** @deprecated Not available in the playground (throws). */
  readonly public_room_list_manager: never;
  /** @deprecated Not available in the playground (throws). */
  readonly public_baseurl: never;
  /** @deprecated Not available in the playground (throws). */
  readonly email_app_name: never;
  /** @deprecated Not available in the playground (throws): the simulator is a single process. */
  readonly worker_name: never;
  /** @deprecated Not available in the playground (throws): the simulator is a single process. */
  readonly worker_app: never;
  /** @deprecated Not available in the playground (throws). */
  readonly account_data_manager: never;
  /** @deprecated Not available in the playground (throws): only presence routers are simulated. */
  register_spam_checker_callbacks(callbacks: Record<string, unknown>): never;
  /** @deprecated Not available in the playground (throws): only presence routers are simulated. */
  register_account_validity_callbacks(callbacks: Record<string, unknown>): never;
  /** @deprecated Not available in the playground (throws): only presence routers are simulated. */
  register_third_party_rules_callbacks(callbacks: Record<string, unknown>): never;
  /** @deprecated Not available in the playground (throws): only presence routers are simulated. */
  register_password_auth_provider_callbacks(callbacks: Record<string, unknown>): never;
  /** @deprecated Not available in the playground (throws): only presence routers are simulated. */
  register_background_update_controller_callbacks(callbacks: Record<string, unknown>): never;
  /** @deprecated Not available in the playground (throws): only presence routers are simulated. */
  register_account_data_callbacks(callbacks: Record<string, unknown>): never;
  /** @deprecated Not available in the playground (throws): only presence routers are simulated. */
  register_media_repository_callbacks(callbacks: Record<string, unknown>): never;
  /** @deprecated Not available in the playground (throws): only presence routers are simulated. */
  register_ratelimit_callbacks(callbacks: Record<string, unknown>): never;
  /** @deprecated Not available in the playground (throws): only presence routers are simulated. */
  register_add_extra_fields_to_unsigned_client_event_callbacks(callbacks: Record<string, unknown>): never;
  /** @deprecated Not available in the playground (throws): there is no HTTP server. */
  register_web_resource(path: string, resource: unknown): never;
  /** @deprecated Not available in the playground (throws). */
  get_userinfo_by_id(user_id: string): never;
  /** @deprecated Not available in the playground (throws): there are no HTTP requests. */
  get_user_by_req(req: unknown, ...rest: unknown[]): never;
  /** @deprecated Not available in the playground (throws): users are declared in the scenario. */
  register(localpart: string, ...rest: unknown[]): never;
  /** @deprecated Not available in the playground (throws): users are declared in the scenario. */
  register_user(localpart: string, ...rest: unknown[]): never;
  /** @deprecated Not available in the playground (throws): devices are declared in the scenario. */
  register_device(user_id: string, ...rest: unknown[]): never;
  /** @deprecated Not available in the playground (throws). */
  record_user_external_id(auth_provider_id: string, remote_user_id: string, registered_user_id: string): never;
  /** @deprecated Not available in the playground (throws). */
  generate_short_term_login_token(user_id: string, ...rest: unknown[]): never;
  /** @deprecated Not available in the playground (throws). */
  invalidate_access_token(access_token: string): never;
  /** @deprecated Not available in the playground (throws): there is no database. */
  run_db_interaction(desc: string, func: (...args: unknown[]) => unknown, ...args: unknown[]): never;
  /** @deprecated Not available in the playground (throws). */
  register_cached_function(cached_func: unknown): never;
  /** @deprecated Not available in the playground (throws). */
  invalidate_cache(cached_func: unknown, keys: unknown[]): never;
  /** @deprecated Not available in the playground (throws). */
  complete_sso_login_async(registered_user_id: string, request: unknown, ...rest: unknown[]): never;
  /** @deprecated Not available in the playground (throws). */
  get_threepids_for_user(user_id: string): never;
  /** @deprecated Not available in the playground (throws): only presence and memberships are simulated. */
  create_and_send_event_into_room(event_dict: Record<string, unknown>): never;
  /** @deprecated Not available in the playground (throws). */
  should_run_background_tasks(): never;
  /** @deprecated Not available in the playground (throws): there are no pushers. */
  send_http_push_notification(user_id: string, device_id: string | null, content: unknown, tweaks?: unknown, default_payload?: unknown): never;
  /** @deprecated Not available in the playground (throws): there is no mail. */
  send_mail(recipient: string, subject: string, html: string, text: string): never;
  /** @deprecated Not available in the playground (throws). */
  get_user_ip_and_agents(user_id: string, since_ts?: number): never;
  /** @deprecated Not available in the playground (throws): use get_state_events_in_room. */
  get_room_state(room_id: string, event_filter?: unknown): never;
  /** @deprecated Not available in the playground (throws): there are no threads. */
  defer_to_thread(f: (...args: unknown[]) => unknown, ...args: unknown[]): never;
  /** @deprecated Not available in the playground (throws): there are no threads. */
  defer_to_threadpool(threadpool: unknown, f: (...args: unknown[]) => unknown, ...args: unknown[]): never;
  /** @deprecated Not available in the playground (throws): there are no push rules. */
  check_push_rule_actions(actions: unknown[]): never;
  /** @deprecated Not available in the playground (throws): there are no push rules. */
  set_push_rule_action(user_id: string, scope: string, kind: string, rule_id: string, actions: unknown[]): never;
  /** @deprecated Not available in the playground (throws). */
  get_monthly_active_users_by_service(start_timestamp?: number, end_timestamp?: number): never;
  /** @deprecated Not available in the playground (throws): there are no room aliases. */
  get_canonical_room_alias(room_id: string): never;
  /** @deprecated Not available in the playground (throws): there are no room aliases. */
  lookup_room_alias(room_alias: string): never;
  /** @deprecated Not available in the playground (throws): rooms are created by membership steps. */
  create_room(user_id: string, config: Record<string, unknown>, ratelimit?: boolean, creator_join_profile?: unknown): never;
  /** @deprecated Not available in the playground (throws): there are no profiles. */
  set_displayname(requester: unknown, new_displayname: string, deactivation?: boolean): never;
  /** @deprecated Not available in the playground (throws): there are no profiles. */
  get_profile_for_user(localpart: string): never;
  /** @deprecated Not available in the playground (throws): there are no admins. */
  is_user_admin(user_id: string): never;
  /** @deprecated Not available in the playground (throws): there are no admins. */
  set_user_admin(user_id: string, admin: boolean): never;
}
`;
