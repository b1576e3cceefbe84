// The run status in words, for the header, the embed bar and the stale graph's label:
// one place decides what a failure is called, so a scenario typo reads as a scenario
// error everywhere, never as "run failed".
import type { PlaygroundState } from "./store.ts";

type StatusSource = Pick<PlaygroundState, "compile" | "run" | "scenarioIssues" | "runFailure"> & Partial<Pick<PlaygroundState, "progress">>;

function scenarioBad(s: StatusSource): boolean {
  return s.scenarioIssues.some((i) => i.severity === "error");
}

/** A run's progress (0–1) in whole percent, rounded down: 100 only when it is done. */
export const percentDone = (progress: number): number => Math.floor(progress * 100);

/** One line for the status slot. */
export function statusText(s: StatusSource): string {
  if (s.compile.status === "compiling") return "compiling…";
  if (s.compile.status === "error") return "does not compile";
  if (s.run.status === "running") return s.progress == null ? "running…" : `running… ${percentDone(s.progress)} %`;
  if (s.run.status === "failed") return scenarioBad(s) ? "scenario.yaml has errors" : "run failed";
  if (s.run.status === "ok") return `ran in ${Math.round(s.run.ms ?? 0).toLocaleString("en-US")} ms`;
  return "starting…";
}

/** The graph's note while the first run of what is open goes on (a big world takes seconds). */
export function runningNote(s: Pick<PlaygroundState, "run" | "progress">): string | null {
  if (s.run.status !== "running") return null;
  return s.progress == null ? "Running…" : `Running… ${percentDone(s.progress)} % of the simulated time`;
}

/** Why the trace on screen is not the newest inputs' (shown with a stale graph), or null. */
export function staleReason(s: StatusSource): string | null {
  if (s.compile.status === "error") return "the module does not compile (see Problems)";
  if (s.run.status !== "failed") return null;
  if (scenarioBad(s)) return "scenario.yaml has errors (see Problems)";
  return "the newest run failed (see Problems)";
}
