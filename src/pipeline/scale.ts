// "Scale to N users" (issue 12 part 6), shared by the CLI and the playground: run the
// same world at 2× and 4× (src/scenario/scale.ts) through whatever runs a scenario text
// (the contained engine in the CLI, the sandbox worker with its watchdog in the
// browser), and fit the per-minute costs (src/analysis/scale.ts).
import { runCost } from "../analysis/cost.ts";
import { perMinute, projectScale, SCALE_COPIES, type ScalePoint, type ScaleProjection } from "../analysis/scale.ts";
import { scaleScenarioText } from "../scenario/scale.ts";
import type { Trace } from "../trace/types.ts";

/** Runs one generated scenario text; resolves to its trace, or rejects with a reason. */
export type RunText = (scenarioText: string, copies: number) => Promise<Trace>;

/** `base` is the run of `scenarioText` itself (1×). */
export async function measureScale(scenarioText: string, base: Trace, target: number, runText: RunText): Promise<ScaleProjection> {
  const point = (t: Trace, copies: number): ScalePoint => ({ users: t.scenario.users.length, copies, values: perMinute(t.cost ?? runCost(t)) });
  const points: ScalePoint[] = [point(base, 1)];
  for (const copies of SCALE_COPIES) {
    if (copies === 1) continue;
    const t = await runText(scaleScenarioText(scenarioText, copies), copies);
    if (t.errors.length) throw new Error(`the ${copies}× world stopped: ${t.errors[0]!.message}`);
    points.push(point(t, copies));
  }
  return projectScale(points, target);
}
