// Cost tab, "Scale to N users" (issue 12 part 6): runs the same world copied 2× and 4×
// (src/scenario/scale.ts) in a sandbox of its own, with the current module, and shows
// router calls, EDUs, EDU entries and wake-ups per simulated minute at each size, how
// they grow (linear or quadratic fit) and the projection to N users. The CLI prints the
// same numbers (`npm run sim -- … --scale N`).
import { useState } from "react";
import type { Trace } from "../../trace/types.ts";
import { usePlayground } from "../store.ts";
import { usePlaygroundInstance } from "../context.ts";
import { scaleModule } from "../lazy.ts";
import { METRIC_LABELS, SCALE_METRICS, type ScaleProjection } from "../../analysis/scale.ts";

type State = { status: "idle" } | { status: "running" } | { status: "done"; p: ScaleProjection; key: Trace } | { status: "failed"; message: string };

const round1 = (x: number) => (Math.round(x * 10) / 10).toString();

export function ScaleSection({ trace }: { trace: Trace }) {
  const scenario = usePlayground((s) => s.scenario);
  const pg = usePlaygroundInstance();
  const [target, setTarget] = useState("1000");
  const [state, setState] = useState<State>({ status: "idle" });
  const n = Number(target);
  const valid = Number.isInteger(n) && n >= 1 && n <= 10_000_000;
  const project = () => {
    if (!valid) return;
    setState({ status: "running" });
    scaleModule.load().then((m) => m.measureScale(scenario, trace, n, (text) => pg.runScaled(text))).then(
      (p) => setState({ status: "done", p, key: trace }),
      (e: unknown) => setState({ status: "failed", message: e instanceof Error ? e.message : String(e) }),
    );
  };
  const cell = "px-2 py-0.5 text-right tabular-nums";
  const shown = state.status === "done" && state.key === trace ? state.p : null;
  return (
    <section data-testid="scale" data-status={state.status}>
      <h4 className="font-semibold">Scale to N users</h4>
      <p className="text-slate-500">
        Runs this world copied 2× and 4× (every user, room, client and step repeated; the same servers and router config) with your module, and fits how the
        per-minute cost grows.
      </p>
      <div className="mt-1 flex items-center gap-2">
        <label>
          N ={" "}
          <input
            type="number"
            min={1}
            className="w-24 rounded border border-slate-300 px-1 dark:border-slate-600 dark:bg-slate-900"
            value={target}
            onChange={(e) => setTarget(e.target.value)}
            aria-label="Number of users to project to"
            data-testid="scale-target"
          />{" "}
          users
        </label>
        <button type="button" className="rounded border border-slate-300 px-2 py-0.5 disabled:opacity-50 dark:border-slate-600" disabled={!valid || state.status === "running"} onClick={project} data-testid="scale-run">
          {state.status === "running" ? "Running 2× and 4×…" : "Project"}
        </button>
        {!valid && <span className="text-red-700 dark:text-red-400">a whole number from 1 to 10,000,000</span>}
      </div>
      {state.status === "failed" && <p className="text-red-700 dark:text-red-400">Could not project: {state.message}</p>}
      {shown && (
        <table className="mt-1 w-fit" data-testid="scale-table">
          <thead className="text-slate-500">
            <tr>
              <th className="text-left font-normal">per simulated minute</th>
              {shown.points.map((x) => (
                <th key={x.users} className={`${cell} font-normal`}>
                  {x.users} users ({x.copies}×)
                </th>
              ))}
              <th className={`${cell} font-normal`}>growth</th>
              <th className={`${cell} font-semibold`}>at {shown.target} users</th>
            </tr>
          </thead>
          <tbody>
            {SCALE_METRICS.map((m) => (
              <tr key={m} className="border-t border-slate-100 dark:border-slate-800" data-testid="scale-row" data-metric={m} data-growth={shown.fits[m].growth} data-projected={shown.fits[m].projected}>
                <td className="pr-2">{METRIC_LABELS[m]}</td>
                {shown.points.map((x) => (
                  <td key={x.users} className={cell}>
                    {round1(x.values[m])}
                  </td>
                ))}
                <td className={cell}>{shown.fits[m].growth}</td>
                <td className={`${cell} font-semibold`}>{shown.fits[m].projected}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
