// Active cross-check (issue 12): run the scenario again with probes at chosen instants;
// at each, call every server's router over every (user, state) pair of the scenario and
// get_interested_users for every local user, and return what they answered. The probe
// run's trace is thrown away: probing runs module code (which may keep state), so it never
// touches the real run. src/analysis/crosscheck.ts compares the answers (R64).
import type { Scenario } from "../scenario/types.ts";
import type { ModuleHost } from "./contracts.ts";
import { createServerApi } from "./moduleapi-impl.ts";
import { loadModules } from "./modules/index.ts";
import { Klass } from "./queue.ts";
import { startup } from "./timeouts.ts";
import { World } from "./world.ts";

/** The states a probe puts each user in (R1). */
export const PROBE_STATES = ["online", "unavailable", "offline"] as const;

export interface ProbeAnswers {
  /** Offset of the instant, ms. */
  at: number;
  server: string;
  /** get_users_for_states([u in state s]) → its keys; key `${user}\t${state}`. null: no result (R61 warnings/raise: nothing routed). */
  routes: Record<string, string[]>;
  /** get_interested_users(v) for each local user v: the users, or "ALL". */
  interest: Record<string, string[] | "ALL">;
}

export interface CrossCheckRun {
  instants: number[];
  probes: ProbeAnswers[];
  /** Set when the check could not run (too large, startup errors). */
  skipped: string | null;
}

/** Beyond this many router calls per instant, the check is skipped (it re-runs the whole scenario). */
export const MAX_PROBE_CALLS = 3_000;

/** The instants probed by default: the start, every step that may change routing (membership, module_api), and the end. */
export function defaultInstants(scenario: Scenario, end: number): number[] {
  const xs = new Set<number>([0]);
  for (const s of scenario.steps) {
    if (xs.size >= 8) break;
    if (s.kind === "membership" || s.kind === "module_api") xs.add(s.at);
  }
  xs.add(end);
  return [...xs].sort((a, b) => a - b);
}

export async function crossCheckRun(scenario: Scenario, opts: { host: ModuleHost; instants?: readonly number[] }): Promise<CrossCheckRun> {
  const world = new World(scenario, opts.host);
  const instants = [...(opts.instants ?? defaultInstants(scenario, world.end))].filter((t) => t >= 0 && t <= world.end).sort((a, b) => a - b);
  const users = scenario.users.map((u) => u.id);
  const routed = scenario.servers.filter((s) => s.modules.length > 0 || s.presence.presence_router !== null);
  const callsPerInstant = routed.reduce((n, s) => n + users.length * PROBE_STATES.length + users.filter((u) => u.endsWith(`:${s.name}`)).length, 0);
  if (callsPerInstant === 0) return { instants, probes: [], skipped: "no server has a presence router" };
  if (callsPerInstant * instants.length > MAX_PROBE_CALLS) {
    return { instants, probes: [], skipped: `${callsPerInstant * instants.length} router calls would be needed (limit ${MAX_PROBE_CALLS}); run it on a smaller world of the same shape` };
  }
  for (const s of world.servers.values()) {
    s.api = createServerApi(s);
    const loaded = await loadModules({ server: s.cfg, host: opts.host, api: s.api, emit: () => true, fidelity: scenario.fidelity, seed: scenario.seed, measure: false, onUnsettled: () => world.microtasksRunaway() });
    if (loaded.errors.length) return { instants, probes: [], skipped: `the modules did not load: ${loaded.errors[0]!.message}` };
    s.router = world.watchRouter(loaded.router);
  }
  const probes: ProbeAnswers[] = [];
  for (const at of instants) {
    // After the steps of that instant (Triggered runs after Step); the end probe is due at the end.
    world.queue.push(world.start + at, Klass.Triggered, async () => {
      for (const s of world.servers.values()) {
        if (!s.router.active) continue;
        const p: ProbeAnswers = { at, server: s.name, routes: {}, interest: {} };
        for (const u of users) {
          for (const state of PROBE_STATES) {
            const rec = s.peek(u).copy_and_replace({ state });
            const m = await s.router.get_users_for_states([rec]);
            p.routes[`${u}\t${state}`] = [...m.keys()];
          }
        }
        for (const v of users) {
          if (!s.isLocal(v)) continue;
          const r = await s.router.get_interested_users(v);
          p.interest[v] = r === "ALL" ? "ALL" : [...r];
        }
        probes.push(p);
      }
    });
  }
  for (const s of world.servers.values()) await startup(s);
  await world.run();
  return { instants, probes, skipped: null };
}
