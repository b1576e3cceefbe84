// A simulated time in a view: +mm:ss.mmm, with the absolute time on hover. Every view
// shows times through this (or simTimeTitle where only a string fits, e.g. SVG titles).
import { formatAbsolute, formatOffset } from "../../trace/time.ts";
import { usePlayground } from "../store.ts";

export function useStartTime(): number | null {
  return usePlayground((s) => s.trace?.scenario.start_time ?? null);
}

/** "+00:30.000 (2026-01-01 00:00:30.000 UTC)", or just the offset without a run. */
export function simTimeTitle(ms: number, startTime: number | null): string {
  return startTime === null ? formatOffset(ms) : `${formatOffset(ms)} (${formatAbsolute(startTime, ms)})`;
}

export function SimTime({ ms, className }: { ms: number; className?: string }) {
  const start = useStartTime();
  return (
    <time
      className={`font-mono tabular-nums ${className ?? ""}`}
      data-sim-time={ms}
      title={start === null ? undefined : formatAbsolute(start, ms)}
      dateTime={start === null ? undefined : new Date(start + ms).toISOString()}
    >
      {formatOffset(ms)}
    </time>
  );
}
