// The runner registers how a generated "scale to N users" world is run (a separate,
// fresh engine sandbox with the current compile, the same pipeline and watchdog as a
// normal run); the Cost tab asks for it. Kept apart so the tab needs no runner import.
import type { Trace } from "../trace/types.ts";

export type ScaleRun = (scenarioText: string) => Promise<Trace>;

let current: ScaleRun | null = null;

export function setScaleRunner(run: ScaleRun | null): void {
  current = run;
}

export function scaleRunner(): ScaleRun | null {
  return current;
}
