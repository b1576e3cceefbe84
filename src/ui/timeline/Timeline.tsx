// The timeline: play/pause, speed, step to the previous/next event, a scrubber over
// [0, trace.scenario.end], the simulated clock (+mm:ss.mmm, the absolute time on hover),
// and tick marks for events (state changes coloured by the new state, so the
// online → unavailable → offline timeouts are visible at a glance).
//
// Props (controlled; props in, callbacks out):
//   trace, time, onTime(t), playing, onPlayingChange(p), speed, onSpeedChange(s)
// Playback runs on requestAnimationFrame inside this component: each frame advances
// time by (frame dt) × speed and stops at the end. Wall-clock frame time only paces
// the animation; it never enters results.
// Keyboard (when the timeline has focus): space play/pause, ←/→ previous/next event.
import { memo, useEffect, useMemo, useRef, type KeyboardEvent } from "react";
import { matches, shortcut } from "../shortcuts/table.ts";
import type { Trace } from "../../trace/types.ts";
import { formatAbsolute, formatOffset } from "../../trace/time.ts";
import { simTimeTitle } from "../time/SimTime.tsx";
import { STATE_COLORS } from "../graph/style.ts";
import { advance, clampTime, nextEventTime, prevEventTime, SPEEDS, tickMarks, type TickMark } from "./events.ts";

export interface TimelineProps {
  trace: Trace | null;
  time: number;
  onTime(t: number): void;
  playing: boolean;
  onPlayingChange(p: boolean): void;
  speed: number;
  onSpeedChange(s: number): void;
  className?: string;
}

/** Longest frame gap honoured (a background tab must not jump to the end). */
const MAX_FRAME_MS = 100;

const KIND_COLORS: Record<Exclude<TickMark["kind"], "state">, string> = {
  sync: "#64748b",
  federation: "#0ea5e9",
  router: "#d946ef",
  error: "#dc2626",
};

export function Timeline({ trace, time, onTime, playing, onPlayingChange, speed, onSpeedChange, className }: TimelineProps) {
  const end = trace?.scenario.end ?? 0;
  const ticks = useMemo(() => (trace ? tickMarks(trace) : []), [trace]);
  const live = useRef({ time, speed, onTime, onPlayingChange, end });
  live.current = { time, speed, onTime, onPlayingChange, end };

  useEffect(() => {
    if (!playing || !trace) return;
    let last: number | null = null;
    let raf = 0;
    const frame = (now: number) => {
      const L = live.current;
      if (last !== null) {
        const step = advance(L.time, Math.min(now - last, MAX_FRAME_MS), L.speed, L.end);
        L.time = step.time; // keep advancing even if the parent re-renders late
        L.onTime(step.time);
        if (step.done) {
          L.onPlayingChange(false);
          return;
        }
      }
      last = now;
      raf = requestAnimationFrame(frame);
    };
    raf = requestAnimationFrame(frame);
    return () => cancelAnimationFrame(raf);
  }, [playing, trace]);

  const togglePlay = () => {
    if (!trace) return;
    if (!playing && time >= end) onTime(0); // replay from the start
    onPlayingChange(!playing);
  };
  const step = (dir: 1 | -1) => {
    if (!trace) return;
    const t = dir > 0 ? nextEventTime(trace, time) : prevEventTime(trace, time);
    if (t !== null) onTime(clampTime(t, end));
    else onTime(dir > 0 ? end : 0);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target instanceof HTMLSelectElement) return;
    // The keys are those of the shortcut table (shortcuts/table.ts, shown by `?`).
    if (matches(shortcut("play"), e)) {
      e.preventDefault();
      togglePlay();
    } else if (matches(shortcut("next-event"), e) || matches(shortcut("prev-event"), e)) {
      e.preventDefault();
      step(matches(shortcut("next-event"), e) ? 1 : -1);
    }
  };

  const btn = "rounded border border-slate-300 px-2 py-0.5 disabled:opacity-40 dark:border-slate-600";
  return (
    <div
      tabIndex={0}
      onKeyDown={onKeyDown}
      role="group"
      aria-label="Timeline"
      data-testid="timeline"
      data-time={time}
      className={`flex flex-col gap-1 px-2 py-1 text-xs text-slate-800 outline-none focus-visible:ring-2 focus-visible:ring-sky-500 dark:text-slate-200 ${className ?? ""}`}
    >
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" className={btn} onClick={() => step(-1)} disabled={!trace} title="Previous event (←)" aria-label="Previous event">
          ◂ prev
        </button>
        <button type="button" onClick={togglePlay} disabled={!trace} title="Play / pause (space)" aria-label={playing ? "Pause" : "Play"} className={`${btn} w-14`}>
          {playing ? "pause" : "play"}
        </button>
        <button type="button" className={btn} onClick={() => step(1)} disabled={!trace} title="Next event (→)" aria-label="Next event">
          next ▸
        </button>
        <label className="inline-flex items-center gap-1">
          speed
          <select value={speed} onChange={(e) => onSpeedChange(Number(e.target.value))} className="rounded border border-slate-300 bg-transparent dark:border-slate-600" aria-label="Speed">
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
        </label>
        <span className="font-mono tabular-nums" data-testid="timeline-clock" title={trace ? formatAbsolute(trace.scenario.start_time, time) : undefined}>
          {formatOffset(time)}
        </span>
        <span className="ml-auto font-mono tabular-nums text-slate-500" title={trace ? `the run ends at ${formatAbsolute(trace.scenario.start_time, end)}` : undefined}>/ {formatOffset(end)}</span>
      </div>
      <Ticks ticks={ticks} start={trace?.scenario.start_time ?? null} end={end} onTime={onTime} />
      <input
        type="range"
        min={0}
        max={end}
        step={1}
        value={Math.min(time, end)}
        disabled={!trace}
        onChange={(e) => onTime(clampTime(Number(e.target.value), end))}
        onKeyDown={(e) => {
          // Arrow keys step between events rather than by 1 ms.
          if (e.key === "ArrowLeft" || e.key === "ArrowRight") e.preventDefault();
        }}
        aria-label="Simulated time"
        className="w-full"
      />
    </div>
  );
}

/**
 * The event ticks: the same on every playback frame (only the clock and cursor move),
 * so memoised: hundreds of spans are not re-rendered 60 times a second.
 */
const Ticks = memo(function Ticks({ ticks, start, end, onTime }: { ticks: readonly TickMark[]; start: number | null; end: number; onTime(t: number): void }) {
  const pct = (t: number) => `${end > 0 ? (t / end) * 100 : 0}%`;
  return (
    <div className="relative h-3" aria-hidden="true">
      {ticks.map((t) => (
        <span
          key={`${t.event}`}
          title={`${simTimeTitle(t.at, start)} ${t.title}${t.count > 1 ? ` (+${t.count - 1} more)` : ""}`}
          onClick={() => onTime(t.at)}
          className={`absolute w-0.5 cursor-pointer ${t.kind === "state" ? "top-0 h-2" : "top-2 h-1"}`}
          style={{ left: pct(t.at), background: t.kind === "state" ? STATE_COLORS[t.state ?? "unknown"] : KIND_COLORS[t.kind] }}
        />
      ))}
    </div>
  );
});
