// The combined presence router of one server: R59 order, R61/R62 combination, R63
// isolation. One `router_call` trace event per callback invocation.
import type { CallSite, ModuleHost, PresenceRouterHandle, ServerApi, TraceSink } from "../contracts.ts";
import type { Fidelity } from "../../scenario/types.ts";
import type { ModuleErrorInfo, PresenceRecord, RouterCallEvent } from "../../trace/types.ts";
import { recordKey, type UserPresenceState } from "../state.ts";
import { traceAt } from "./env.ts";
import { describeType, isSet, safeMessage } from "./format.ts";
import { invokeCallback, type Outcome, type Timing } from "./invoke.ts";
import { inModule, inModuleAsync } from "./enter.ts";
import { MAX_RESULT_ITEMS, ResultTooLarge, mappingEntries, setValues, toPresenceState } from "./validate.ts";

/** One registered callback pair, in registration order (R59). */
export interface Registration {
  /** The module as written in the scenario, e.g. "router.ts#TeamRouter". */
  module: string;
  /** R57 legacy presence_router: may return plain values (R60). */
  legacy: boolean;
  get_users_for_states: unknown;
  get_interested_users: unknown;
}

export interface RouterContext {
  api: ServerApi;
  emit: TraceSink;
  host: ModuleHost;
  fidelity: Fidelity;
  measure: boolean;
  /** See LoadModulesOptions.onUnsettled. */
  onUnsettled?: () => void;
  /** See LoadModulesOptions.nextCallId. */
  nextCallId?: () => number;
  /** See LoadModulesOptions.tracing. */
  tracing?: () => boolean;
}

const DIRECT: CallSite = { site: "direct", for_user: null };

type Callback = RouterCallEvent["callback"];

/** Warnings kept per call; a million bad values must not make a million strings. */
const MAX_WARNINGS = 20;

function tooLarge(): string {
  return `returned more than ${MAX_RESULT_ITEMS} items (playground limit); result skipped`;
}

/**
 * `measure: true`: a Timing that invokeCallback fills with the time spent running the
 * callback (not the engine's bookkeeping around it, nor other work interleaved while
 * the engine waits for its promise).
 */
function timing(measure: boolean): Timing | undefined {
  const perf = (globalThis as { performance?: { now(): number } }).performance;
  if (!measure || !perf) return undefined;
  return { now: () => perf.now(), ms: 0 };
}

class Warnings {
  readonly list: string[] = [];
  private dropped = 0;
  add(w: string) {
    if (this.list.length < MAX_WARNINGS) this.list.push(w);
    else this.dropped++;
  }
  done(): string[] {
    if (this.dropped) this.list.push(`… and ${this.dropped} more warnings`);
    return this.list;
  }
}

export function createRouter(regs: readonly Registration[], ctx: RouterContext): PresenceRouterHandle {
  const { api, emit, host, fidelity } = ctx;
  let calls = 0;
  const nextCallId = ctx.nextCallId ?? (() => ++calls);

  const call = async (reg: Registration, callback: Callback, arg: unknown) => {
    const at = traceAt(api);
    const t = timing(ctx.measure);
    const outcome: Outcome = await inModuleAsync(host, reg.module, callback, at, () =>
      invokeCallback(reg[callback], arg, {
        name: callback,
        legacy: reg.legacy,
        strictAsync: fidelity.strict_async,
        host,
        timing: t,
      }),
    );
    if (!outcome.ok && outcome.unsettled) ctx.onUnsettled?.();
    return { at, outcome, ms: t ? Math.round(t.ms * 1000) / 1000 : 0 };
  };

  const record = (
    id: number,
    where: CallSite,
    reg: Registration,
    callback: Callback,
    at: number,
    ms: number,
    input: RouterCallEvent["input"],
    output: RouterCallEvent["output"],
    warnings: string[],
    error: ModuleErrorInfo | null,
  ) => {
    emit({ at, server: api.server_name, type: "router_call", call: id, site: where.site, for_user: where.for_user, module: reg.module, callback, input, output, ms, warnings, error });
    // R63: Synapse logs and carries on; the playground shows the same in its console.
    // (A log, not an `error` event: the router_call already carries the error.)
    if (error) {
      emit({ at, server: api.server_name, type: "log", level: "error", message: `${reg.module} ${callback} raised ${error.message}; skipped (R63)`, module: reg.module });
    }
    for (const w of warnings) {
      emit({ at, server: api.server_name, type: "log", level: "warning", message: `${reg.module} ${callback} ${w}`, module: reg.module });
    }
  };

  /** R61 for one callback's result: the entries to merge (S17: up to the first non-Set). */
  const readMapping = (value: unknown, w: Warnings, given: ReadonlySet<unknown>): Array<[string, UserPresenceState[]]> | null => {
    let entries: Array<[unknown, unknown]> | null;
    try {
      entries = mappingEntries(value);
    } catch (e) {
      w.add(e instanceof ResultTooLarge ? tooLarge() : `could not be read (${safeMessage(e)}); skipped`);
      return null;
    }
    if (entries === null) {
      w.add(`returned ${describeType(value)}; expected a Map or a plain object of user_id → Set of states (skipped)`);
      return null;
    }
    const out: Array<[string, UserPresenceState[]]> = [];
    const budget = { left: MAX_RESULT_ITEMS };
    // Only the size limit can throw below: a real Set's iterator and toPresenceState run
    // no module code that could raise (toPresenceState catches its own reads).
    try {
      for (const [key, v] of entries) {
        if (!isSet(v)) {
          const k = typeof key === "string" ? JSON.stringify(key) : describeType(key);
          w.add(`returned ${describeType(v)} for ${k}; expected a Set (this and the remaining entries skipped, S17)`);
          break;
        }
        if (typeof key !== "string") {
          w.add(`returned ${describeType(key)} as a key; expected a user id string (entry skipped)`);
          continue;
        }
        const states: UserPresenceState[] = [];
        for (const x of setValues(v, budget)) {
          // One of the engine's own (frozen) input records comes back as itself; anything
          // else is copied (toPresenceState), so no module object reaches the engine.
          const s = given.has(x) ? (x as UserPresenceState) : toPresenceState(x);
          if (typeof s === "string") w.add(`for ${JSON.stringify(key)}: ${s} (value skipped)`);
          else states.push(s);
        }
        out.push([key, states]);
      }
    } catch {
      w.add(tooLarge());
      return null;
    }
    return out;
  };

  const get_users_for_states = async (states: readonly UserPresenceState[], where: CallSite = DIRECT) => {
    // R61.1: zero callbacks → {}.
    const merged = new Map<string, Map<string, UserPresenceState>>();
    if (regs.length === 0) return new Map<string, UserPresenceState[]>(); // fast path: every fan-out calls this
    const id = nextCallId();
    const input = Object.freeze([...states]); // modules cannot touch the engine's array
    const given = new Set<unknown>(input);
    // Past the trace's event limit the router_call is dropped: no copies for it.
    const tracing = ctx.tracing?.() ?? true;
    const inputPlain = tracing ? input.map((s) => s.traceDict()) : [];
    for (const reg of [...regs]) {
      const { at, outcome, ms } = await call(reg, "get_users_for_states", input);
      const w = new Warnings();
      let output: Record<string, PresenceRecord[]> | null = null;
      if (!outcome.ok) {
        if (outcome.warning) w.add(outcome.warning);
      } else {
        // Reading the result may run module code (getters, iterators): a span of its own.
        const entries = inModule(host, reg.module, "get_users_for_states (reading its result)", at, () => readMapping(outcome.value, w, given));
        if (entries) {
          output = {};
          for (const [key, list] of entries) {
            // R61.2 / R2: set union by value, insertion order.
            let into = merged.get(key);
            if (!into) merged.set(key, (into = new Map()));
            for (const s of list) {
              const k = recordKey(s);
              if (!into.has(k)) into.set(k, s);
            }
            if (!tracing) continue;
            // Keys of one mapping are unique; defineProperty keeps "__proto__" an ordinary key.
            const plain = list.map((s) => s.traceDict());
            if (key === "__proto__") Object.defineProperty(output, key, { value: plain, enumerable: true, writable: true, configurable: true });
            else output[key] = plain;
          }
        }
      }
      record(id, where, reg, "get_users_for_states", at, ms, inputPlain, output, w.done(), outcome.ok ? null : outcome.error);
    }
    const routed = new Map<string, UserPresenceState[]>();
    for (const [k, m] of merged) routed.set(k, [...m.values()]);
    return routed;
  };

  const get_interested_users = async (user_id: string, where: CallSite = DIRECT): Promise<Set<string> | "ALL"> => {
    const acc = new Set<string>(); // R62.3: a fresh set; modules' sets are never mutated
    if (regs.length === 0) return acc;
    const id = nextCallId();
    for (const reg of [...regs]) {
      const { at, outcome, ms } = await call(reg, "get_interested_users", user_id);
      const w = new Warnings();
      let output: string[] | "ALL" | null = null;
      if (!outcome.ok) {
        if (outcome.warning) w.add(outcome.warning);
      } else if (outcome.value === "ALL") {
        // R62.2: ALL returns at once; later callbacks are not called.
        record(id, where, reg, "get_interested_users", at, ms, user_id, "ALL", w.done(), null);
        return "ALL";
      } else {
        const value = outcome.value;
        output = inModule(host, reg.module, "get_interested_users (reading its result)", at, () => {
          if (!isSet(value)) {
            w.add(`expected a Set, got ${describeType(value)} (skipped; return a Set of user ids or PresenceRouter.ALL_USERS)`);
            return null;
          }
          try {
            const users: string[] = [];
            for (const u of setValues(value, { left: MAX_RESULT_ITEMS })) {
              if (typeof u === "string") users.push(u);
              else w.add(`returned a Set containing ${describeType(u)}; expected user id strings (value skipped)`);
            }
            for (const u of users) acc.add(u);
            return users;
          } catch {
            w.add(tooLarge()); // the only throw: a real Set's iterator runs no module code
            return null;
          }
        });
      }
      record(id, where, reg, "get_interested_users", at, ms, user_id, output, w.done(), outcome.ok ? null : outcome.error);
    }
    return acc;
  };

  return {
    get active() {
      return regs.length > 0;
    },
    get_users_for_states,
    get_interested_users,
  };
}
