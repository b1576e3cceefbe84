// Active cross-check, the comparison half (R64): given what both callbacks answered for
// every (user, state) pair at chosen instants (src/engine/crosscheck.ts probes them in
// the sandbox), list every pair on which they disagree, and say whether the run itself
// exercised it (the consistency checker found it from the run's own calls) or only the
// probe shows it: the disagreements Synapse's docs warn about that a run can miss.
import type { CrossCheckRun } from "../engine/crosscheck.ts";
import type { Finding } from "./consistency.ts";
import { RoomSharing, type RoomHints } from "./rooms.ts";
import { formatOffset } from "./time.ts";
import type { Trace } from "../trace/types.ts";

export interface Disagreement {
  kind: "woken_not_visible" | "visible_not_woken" | "all_without_mapping";
  server: string;
  viewer: string;
  /** Whose presence ("*" for all_without_mapping). */
  source: string;
  /** The probed states of `source` concerned (woken_not_visible: routed ones; visible_not_woken: unrouted ones). */
  states: string[];
  /** Instants (offsets, ms) at which the probe showed it. */
  at: number[];
  /** The run's own consistency findings show the same pair (false: only the probe found it). */
  exercised: boolean;
  message: string;
  rules: string[];
}

export interface CrossCheckReport {
  instants: number[];
  disagreements: Disagreement[];
  skipped: string | null;
  /** Number of (viewer, source) pairs compared per instant and server, summed. */
  pairs: number;
}

/** Compares the probe's answers. `trace`/`findings` are the real run's, for `exercised` and shared rooms. */
export function compareProbes(run: CrossCheckRun, users: readonly string[], opts: { trace?: Trace; findings?: readonly Finding[]; hints?: RoomHints } = {}): CrossCheckReport {
  const rooms = opts.trace ? new RoomSharing(opts.trace, opts.hints ?? {}) : null;
  const seen = new Set((opts.findings ?? []).map((f) => `${f.kind}\t${f.server}\t${f.viewer}\t${f.source}`));
  const found = new Map<string, Disagreement>();
  let pairs = 0;
  const add = (d: Omit<Disagreement, "at" | "exercised">, at: number) => {
    const key = `${d.kind}\t${d.server}\t${d.viewer}\t${d.source}`;
    const old = found.get(key);
    if (old) {
      if (!old.at.includes(at)) old.at.push(at);
      for (const s of d.states) if (!old.states.includes(s)) old.states.push(s);
      return;
    }
    found.set(key, { ...d, at: [at], exercised: seen.has(key) });
  };
  for (const p of run.probes) {
    const states = [...new Set(Object.keys(p.routes).map((k) => k.slice(k.indexOf("\t") + 1)))];
    for (const [viewer, interest] of Object.entries(p.interest)) {
      if (interest === "ALL") {
        // R51: the ALL path reads result[viewer] of one get_users_for_states over every candidate.
        const anyKey = Object.values(p.routes).some((keys) => keys.includes(viewer));
        if (!anyKey) {
          add({ kind: "all_without_mapping", server: p.server, viewer, source: "*", states: [], rules: ["R51", "S8"],
            message: `get_interested_users('${viewer}') returns ALL_USERS, but get_users_for_states never has a key '${viewer}' for any probed user: ${viewer}'s sync fails with HTTP 500 (S8).` }, p.at);
        }
        continue;
      }
      for (const source of users) {
        if (source === viewer) continue;
        pairs++;
        if (rooms?.shared(p.server, viewer, source)) continue;
        const visible = interest.includes(source);
        const routed = states.filter((s) => p.routes[`${source}\t${s}`]?.includes(viewer));
        if (!visible && routed.length) {
          add({ kind: "woken_not_visible", server: p.server, viewer, source, states: routed, rules: ["R31", "R50", "R64", "S6"],
            message: `get_users_for_states routes ${source} (${routed.join(", ")}) to ${viewer}, but get_interested_users('${viewer}') does not list ${source}: ${viewer} is woken and sees nothing.` }, p.at);
        } else if (visible && routed.length < states.length) {
          const missing = states.filter((s) => !routed.includes(s));
          add({ kind: "visible_not_woken", server: p.server, viewer, source, states: missing, rules: ["R31", "R49", "R64"],
            message: `get_interested_users('${viewer}') lists ${source}, but get_users_for_states does not route ${source}'s ${missing.join(" / ")} updates to ${viewer}: ${viewer} is not woken for them.` }, p.at);
        }
      }
    }
  }
  const disagreements = [...found.values()].sort((a, b) => Number(a.exercised) - Number(b.exercised) || a.at[0]! - b.at[0]! || cmp(a.viewer, b.viewer) || cmp(a.source, b.source));
  return { instants: run.instants, disagreements, skipped: run.skipped, pairs };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** "at +00:00.000, +02:00.000" */
export function instantsText(at: readonly number[]): string {
  return at.map(formatOffset).join(", ");
}
