// Presence over time (src/analysis/swimlane.ts): one lane per user, coloured by state,
// with every state change marked (timeouts outlined, their cause in the tooltip and in
// the list below) and a thin row per device (syncs held open, PUT ticks). The timeline's
// time is a vertical line. Positions are percentages, so the SVG stretches with the panel.
import { useMemo, useState } from "react";
import type { Trace } from "../../trace/types.ts";
import { presenceLane, type PresenceLane } from "../../analysis/swimlane.ts";
import { displayState } from "../../analysis/presence.ts";
import { STATE_COLORS } from "../graph/style.ts";
import { usePlayground } from "../store.ts";
import { RuleText } from "../glossary/RuleText.tsx";
import { SimTime, simTimeTitle, useStartTime } from "../time/SimTime.tsx";
import { formatOffset } from "../../trace/time.ts";

const LANE = 16;
const DEVICE = 7;
const GAP = 3;

function pct(t: number, end: number): string {
  return `${end > 0 ? Math.min(100, Math.max(0, (t / end) * 100)) : 0}%`;
}

function laneHeight(l: PresenceLane, devices: boolean): number {
  return LANE + (devices ? l.devices.length * (DEVICE + GAP) : 0) + GAP * 2;
}

/** The SVG of several lanes stacked, sharing one time axis. */
export function LanesSvg({ lanes, time, devices, onJump }: { lanes: PresenceLane[]; time: number | null; devices: boolean; onJump(event: number): void }) {
  const end = lanes[0]?.end ?? 0;
  const start = useStartTime();
  const at = (ms: number) => simTimeTitle(ms, start);
  const height = lanes.reduce((h, l) => h + laneHeight(l, devices), 0) + 14;
  let y = 0;
  return (
    <svg width="100%" height={height} role="img" aria-label="Presence over time" className="block overflow-visible text-slate-500">
      {lanes.map((l) => {
        const top = y;
        y += laneHeight(l, devices);
        return (
          <g key={l.user} data-testid="lane" data-user={l.user} data-states={l.changes.map((c) => `${c.at}:${c.to}`).join(" ")}>
            {l.segments.map((s) => (
              <rect key={s.from} x={pct(s.from, end)} y={top + GAP} width={pct(s.to - s.from, end)} height={LANE} fill={STATE_COLORS[displayState(s.state)]} opacity={s.currently_active ? 1 : 0.75}>
                <title>{`${l.user}: ${s.state}${s.status_msg ? ` “${s.status_msg}”` : ""}${s.currently_active ? " (currently active)" : ""}, ${at(s.from)} – ${at(s.to)}`}</title>
              </rect>
            ))}
            {l.changes.map((c) => (
              <g key={c.event} className="cursor-pointer" onClick={() => onJump(c.event)}>
                <line x1={pct(c.at, end)} x2={pct(c.at, end)} y1={top + GAP - 2} y2={top + GAP + LANE + 2} stroke={c.timeout ? "#dc2626" : "#0f172a"} strokeWidth={c.timeout ? 2 : 1} strokeDasharray={c.timeout ? "3 2" : undefined} />
                <title>{`${at(c.at)} ${c.from} → ${c.to}: ${c.why}`}</title>
              </g>
            ))}
            {devices &&
              l.devices.map((d, i) => {
                const dy = top + GAP + LANE + GAP + i * (DEVICE + GAP);
                return (
                  <g key={d.device}>
                    <rect x="0" y={dy} width="100%" height={DEVICE} fill="currentColor" opacity={0.08} />
                    {d.syncs.map((s) => (
                      <rect key={s.event} x={pct(s.from, end)} y={dy} width={pct(Math.max(s.to - s.from, end / 400), end)} height={DEVICE} fill={s.failed ? "#dc2626" : "#0284c7"}>
                        <title>{`${d.device}: sync ${at(s.from)} – ${at(s.to)}${s.failed ? " (failed)" : ""}`}</title>
                      </rect>
                    ))}
                    {d.puts.map((p) => (
                      <rect key={p.event} x={pct(p.at, end)} y={dy - 1} width="2" height={DEVICE + 2} fill="#0f172a">
                        <title>{`${d.device}: PUT ${p.state} at ${at(p.at)}`}</title>
                      </rect>
                    ))}
                  </g>
                );
              })}
          </g>
        );
      })}
      {[0, 0.25, 0.5, 0.75, 1].map((f) => (
        <text key={f} x={pct(f * end, end)} y={height - 2} fontSize="9" fill="currentColor" textAnchor={f === 0 ? "start" : f === 1 ? "end" : "middle"}>
          {formatOffset(f * end)}
          <title>{at(f * end)}</title>
        </text>
      ))}
      {time !== null && <line x1={pct(time, end)} x2={pct(time, end)} y1={0} y2={height - 12} stroke="#0ea5e9" strokeWidth={1.5} />}
    </svg>
  );
}

/**
 * The lanes with the playhead at the store's time: the only part of a lane view that
 * re-renders at each playback frame (the user list's checkboxes and the changes list do
 * not).
 */
function LanesAtTime(props: { lanes: PresenceLane[]; devices: boolean; onJump(event: number): void }) {
  const time = usePlayground((s) => s.time);
  return <LanesSvg {...props} time={time} />;
}

/** One user's lane with device rows and the list of state changes (the User tab). */
export function UserSwimlane({ trace, user }: { trace: Trace; user: string }) {
  const jump = usePlayground((s) => s.jumpToEvent);
  const lane = useMemo(() => presenceLane(trace, user), [trace, user]);
  return (
    <section className="border-b border-slate-200 p-2 text-xs dark:border-slate-700" data-testid="swimlane" aria-label={`Presence of ${user} over time`}>
      <h4 className="font-semibold">Presence over time{lane.devices.length ? ` (and per device: syncs in blue, PUTs as ticks)` : ""}</h4>
      <LanesAtTime lanes={[lane]} devices onJump={jump} />
      <ol className="mt-1" data-testid="swimlane-changes">
        {lane.changes.map((c) => (
          <li key={c.event}>
            <button type="button" className="text-left underline decoration-dotted" onClick={() => jump(c.event)}>
              <SimTime ms={c.at} />
            </button>{" "}
            <span className={c.timeout ? "font-semibold text-red-700 dark:text-red-400" : ""}>
              {c.from} → {c.to}
            </span>
            : <RuleText text={c.why} />
          </li>
        ))}
      </ol>
    </section>
  );
}

const MAX_LANES = 8;

/** Several users side by side (the Presence tab): the selected user first, then the ones ticked. */
export function PresenceTab({ trace }: { trace: Trace }) {
  const jump = usePlayground((s) => s.jumpToEvent);
  const selected = usePlayground((s) => s.selectedUser);
  const select = usePlayground((s) => s.select);
  const users = trace.scenario.users;
  const [picked, setPicked] = useState<string[] | null>(null);
  const chosen = picked ?? users.slice(0, 4);
  const shown = [...new Set([...(selected ? [selected] : []), ...chosen])].filter((u) => users.includes(u)).slice(0, MAX_LANES);
  const key = shown.join("\n");
  const lanes = useMemo(() => key.split("\n").filter(Boolean).map((u) => presenceLane(trace, u)), [trace, key]);
  const toggle = (u: string) => setPicked(chosen.includes(u) ? chosen.filter((x) => x !== u) : [...chosen, u]);
  return (
    <div className="flex h-full gap-2 overflow-auto p-2 text-xs" data-testid="presence-lanes">
      <fieldset className="max-h-full w-48 shrink-0 overflow-auto">
        <legend className="font-semibold">Users (up to {MAX_LANES})</legend>
        {users.slice(0, 200).map((u) => (
          <label key={u} className="block truncate">
            <input type="checkbox" checked={shown.includes(u)} disabled={u === selected} onChange={() => toggle(u)} /> {u}
          </label>
        ))}
      </fieldset>
      <div className="min-w-0 flex-1">
        <div className="flex">
          <div className="w-40 shrink-0">
            {lanes.map((l) => (
              <div key={l.user} className="truncate" style={{ height: laneHeight(l, false) }}>
                <button type="button" className={`underline decoration-dotted ${l.user === selected ? "font-semibold" : ""}`} title={`Select ${l.user} (User tab: device rows and causes)`} onClick={() => select(l.user)}>
                  {l.user}
                </button>
              </div>
            ))}
          </div>
          <div className="min-w-0 flex-1">
            <LanesAtTime lanes={lanes} devices={false} onJump={jump} />
          </div>
        </div>
      </div>
    </div>
  );
}
