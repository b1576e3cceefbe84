// What the run cost (src/analysis/cost.ts): router calls and states passed per callback,
// ALL_USERS-path syncs, EDUs and entries per destination, wake-ups and sync responses,
// per run and per simulated minute. The same numbers are in the trace (`cost`) and in the
// CLI's text output.
import { useMemo } from "react";
import type { CostCounts, Trace } from "../../trace/types.ts";
import { runCost } from "../../analysis/cost.ts";
import { ScaleSection } from "./ScaleSection.tsx";
import { RuleText } from "../glossary/RuleText.tsx";

const ROWS: Array<[keyof CostCounts, string]> = [
  ["gufs_calls", "get_users_for_states calls"],
  ["gufs_states", "states passed to get_users_for_states"],
  ["all_path_syncs", "ALL_USERS-path syncs (R51)"],
  ["gis_calls", "get_interested_users calls"],
  ["module_calls", "module callback invocations"],
  ["wakeups", "wake-ups (R31)"],
  ["sync_responses", "sync responses"],
  ["edus", "presence EDUs sent"],
  ["edu_entries", "EDU entries"],
];

const MAX_MINUTES = 120;

export function CostTab({ trace }: { trace: Trace }) {
  const cost = useMemo(() => trace.cost ?? runCost(trace), [trace]);
  const minutes = cost.duration / 60_000;
  const rate = (n: number) => (minutes > 0 ? (Math.round((n / minutes) * 10) / 10).toString() : "–");
  const peak = (k: keyof CostCounts) => Math.max(0, ...cost.per_minute.map((m) => m[k]));
  const dests = Object.entries(cost.per_destination);
  const cell = "px-2 py-0.5 text-right tabular-nums";
  return (
    <div className="flex h-full flex-col gap-3 overflow-auto p-2 text-xs text-slate-800 dark:text-slate-200" data-testid="cost" data-gufs-calls={cost.gufs_calls} data-edus={cost.edus}>
      <table className="w-fit">
        <thead className="text-slate-500">
          <tr>
            <th className="text-left font-normal">over {(Math.round(minutes * 100) / 100).toString()} simulated min</th>
            <th className={`${cell} font-normal`}>run</th>
            <th className={`${cell} font-normal`}>per min</th>
            <th className={`${cell} font-normal`}>busiest min</th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map(([k, label]) => (
            <tr key={k} className="border-t border-slate-100 dark:border-slate-800">
              <td className="pr-2"><RuleText text={label} /></td>
              <td className={cell}>{cost[k]}</td>
              <td className={cell}>{rate(cost[k])}</td>
              <td className={cell}>{peak(k)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ScaleSection trace={trace} />
      <section>
        <h4 className="font-semibold">EDUs per destination</h4>
        {dests.length === 0 ? (
          <p className="text-slate-500">No presence EDU was sent.</p>
        ) : (
          <table className="w-fit">
            <tbody>
              {dests.map(([d, x]) => (
                <tr key={d}>
                  <td className="pr-2">→ {d}</td>
                  <td className={cell}>{x.edus} EDUs</td>
                  <td className={cell}>{x.entries} entries</td>
                  <td className={cell}>{x.edus ? (Math.round((x.entries / x.edus) * 10) / 10).toString() : "0"} per EDU</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section>
        <h4 className="font-semibold">Per simulated minute</h4>
        <table className="w-fit">
          <thead className="text-slate-500">
            <tr>
              <th className="text-left font-normal">minute</th>
              <th className={`${cell} font-normal`}>router calls</th>
              <th className={`${cell} font-normal`}>states</th>
              <th className={`${cell} font-normal`}>wake-ups</th>
              <th className={`${cell} font-normal`}>syncs</th>
              <th className={`${cell} font-normal`}>EDUs</th>
              <th className={`${cell} font-normal`}>entries</th>
            </tr>
          </thead>
          <tbody>
            {cost.per_minute.slice(0, MAX_MINUTES).map((m, i) => (
              <tr key={i} className="border-t border-slate-100 dark:border-slate-800">
                <td>{i}</td>
                <td className={cell}>{m.gufs_calls + m.gis_calls}</td>
                <td className={cell}>{m.gufs_states}</td>
                <td className={cell}>{m.wakeups}</td>
                <td className={cell}>{m.sync_responses}</td>
                <td className={cell}>{m.edus}</td>
                <td className={cell}>{m.edu_entries}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {cost.per_minute.length > MAX_MINUTES && <p className="text-slate-500">First {MAX_MINUTES} minutes shown; the trace JSON has them all.</p>}
      </section>
    </div>
  );
}
