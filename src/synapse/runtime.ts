// Runtime values of the virtual module `synapse` (module-api.md "Exports of synapse").
// The sandbox returns `synapseRuntime` for `require("synapse")`, so module code and the
// engine share these very classes (`instanceof UserPresenceState` / `ConfigError` work).
import { PRESENCE_STATES, UserPresenceState } from "../engine/state.ts";

/** R62: the value a get_interested_users callback returns to mean "every user". */
export const PRESENCE_ALL_USERS = "ALL" as const;

/** Synapse's `synapse.events.presence_router.PresenceRouter` (only its constant matters here). */
export class PresenceRouter {
  static readonly ALL_USERS = PRESENCE_ALL_USERS;
}

/** Synapse's `synapse.api.constants.PresenceState` (BUSY needs msc3026, R1). */
export const PresenceState = Object.freeze({ ...PRESENCE_STATES });

/**
 * Synapse's `synapse.config.ConfigError(msg, path=None)`: thrown from `parse_config`
 * (or a constructor) for a bad config; the run stops with a configuration error (R56).
 */
export class ConfigError extends Error {
  readonly path: readonly string[] | null;
  constructor(msg: string, path?: Iterable<string> | null) {
    super(msg);
    this.name = "ConfigError";
    this.path = path ? Object.freeze([...path]) : null;
  }
}

export { UserPresenceState };

/** What `require("synapse")` evaluates to inside the sandbox. */
export const synapseRuntime: Readonly<Record<string, unknown>> = Object.freeze({
  __esModule: true,
  PresenceRouter,
  PRESENCE_ALL_USERS,
  PresenceState,
  ConfigError,
  UserPresenceState,
});

/** True for a ConfigError, also one from another realm or a hand-made subclass. */
export function isConfigError(err: unknown): boolean {
  if (err instanceof ConfigError) return true;
  try {
    return typeof err === "object" && err !== null && (err as { name?: unknown }).name === "ConfigError";
  } catch {
    return false;
  }
}
