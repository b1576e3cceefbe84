// The seams of the engine. The engine core (src/engine) is pure and knows nothing of
// esbuild, workers or the DOM; module code reaches it only through these interfaces.
//
//   sandbox (ModuleHost) --evaluates--> module classes
//   engine/modules        --loads, registers, combines (R56–R63)--> PresenceRouterHandle
//   engine core           --implements--> ServerApi (what ModuleApi calls forward to)
import type { Fidelity, ServerConfig } from "../scenario/types.ts";
import type { ModuleErrorInfo, RouterCallSite, RunError, TraceEvent } from "../trace/types.ts";
import type { UserPresenceState } from "./state.ts";

/** What module code sees instead of the real clock, RNG and console (determinism). */
export interface ModuleEnv {
  /** Simulated clock, absolute epoch ms (drives Date.now() / new Date()). */
  now(): number;
  /** Seeded PRNG in [0, 1) (drives Math.random()). */
  random(): number;
  console(level: "debug" | "log" | "info" | "warn" | "error", args: unknown[]): void;
}

/** Thrown by ModuleHost.load when a file cannot be found, compiled or evaluated. */
export class ModuleLoadError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = "ModuleLoadError";
  }
}

/**
 * Evaluates compiled module files. Implemented by src/sandbox (Node runner, Vitest and
 * the browser worker all use the same implementation over compiled JS).
 */
export interface ModuleHost {
  /**
   * Evaluates `file` afresh and returns its exports. Each call gives a new module
   * instance (module-level state is per server). Throws ModuleLoadError.
   */
  load(file: string, env: ModuleEnv): Record<string, unknown>;
  /** Maps an error thrown by module code to the user's TypeScript source. */
  locate(err: unknown): ModuleErrorInfo;
  /**
   * Optional: the engine calls this when it enters module code (module evaluation,
   * parse_config, constructor, a router callback and, separately, reading what it
   * returned, a timer) and the returned function when it is back. Only the engine calls
   * it, so module code cannot fake progress; the sandbox's watchdog times these spans.
   * `at` is the simulated offset from the scenario start, ms.
   */
  enter?(module: string, what: string, at: number): () => void;
}

/** Records an event; returns `false` when the run's limit for that kind of event is reached (recorder.ts). */
export type TraceSink = (e: TraceEvent) => unknown;

/**
 * What the engine core offers one server's modules (the ModuleApi forwards here).
 * Calls made from module code pass the module's name; `module_api` steps pass null.
 * The engine emits the `module_call` trace events itself.
 */
export interface ServerApi {
  readonly server_name: string;
  /** Simulated clock, absolute ms. */
  now(): number;
  /**
   * Absolute ms of scenario offset 0 (Scenario.start_time). Trace events carry
   * `at = now() - start_time`; when absent, engine/modules uses 0 (absolute `at`).
   */
  readonly start_time?: number;
  is_mine(user_id: string): boolean;
  /** Known user of this server (declared in the scenario). */
  user_exists(user_id: string): boolean;
  /** R67, R68. Rejects (with the Synapse-like error) where Synapse raises (S13). */
  send_local_online_presence_to(users: string[], module: string | null): Promise<void>;
  /** R69. */
  set_presence_for_users(updates: Record<string, [string, string | null]>, module: string | null): Promise<void>;
  /** Current state events of a room as seen by this server (m.room.member events give memberships). */
  get_state_events_in_room(room_id: string, types?: Array<[string, string | null]>): Array<Record<string, unknown>>;
  update_room_membership(sender: string, target: string, room_id: string, membership: string, module: string | null): Promise<void>;
  /** Run `fn` on the simulated clock after `delay_ms` (module timers, sleep). */
  schedule(delay_ms: number, fn: () => unknown, module: string | null): { cancel(): void };
}

/** Where the engine calls the router from (recorded on router_call events); default "direct". */
export interface CallSite {
  site: RouterCallSite;
  for_user: string | null;
}

/** The combined presence router of one server (all registered callbacks, R59). */
export interface PresenceRouterHandle {
  /** True when at least one callback pair is registered. */
  readonly active: boolean;
  /**
   * R61: combine all get_users_for_states callbacks. Emits one router_call event per
   * callback. Keys in insertion order; values deduplicated by value (R2).
   */
  get_users_for_states(states: readonly UserPresenceState[], site?: CallSite): Promise<Map<string, UserPresenceState[]>>;
  /** R62: combine all get_interested_users callbacks ("ALL" short-circuits). */
  get_interested_users(user_id: string, site?: CallSite): Promise<Set<string> | "ALL">;
}

export interface LoadedModules {
  router: PresenceRouterHandle;
  /** Startup errors (R56–R58): a non-empty list stops the run. */
  errors: RunError[];
}

export interface LoadModulesOptions {
  server: ServerConfig;
  host: ModuleHost;
  api: ServerApi;
  emit: TraceSink;
  fidelity: Fidelity;
  seed: number;
  /**
   * Record wall-clock `ms` of router calls (the playground); false gives 0 (determinism).
   * Only the callback's own run is timed, not the engine's bookkeeping around it.
   */
  measure: boolean;
  /**
   * Called when a callback's promise did not settle within the engine's microtask bound:
   * module code is spinning the microtask queue, so the world must stop waiting for it
   * to drain (World.run's macrotask turn would never come).
   */
  onUnsettled?: () => void;
  /** Id for the next combined router call (World counts them across servers); default: a per-router counter. */
  nextCallId?: () => number;
  /**
   * False once `emit` drops every further router_call (the trace's event limit): the
   * call's input and output are then not copied for it (the event still reaches `emit`,
   * which counts every call and its `ms`). Default: always true.
   */
  tracing?: () => boolean;
}
