// The one way simulated time is written, everywhere (trace text, analysis sentences, every
// view): an offset from the run's start as +mm:ss.mmm, and the absolute time it stands
// for (start_time + offset, UTC) where a view has room for it (hover titles). Pure.

function pad(n: number, w: number): string {
  return String(n).padStart(w, "0");
}

/** Offset from the start as +mm:ss.mmm (minutes grow past 59: +75:00.000). */
export function formatOffset(ms: number): string {
  const sign = ms < 0 ? "-" : "+";
  const a = Math.round(Math.abs(ms));
  const m = Math.floor(a / 60000);
  const s = Math.floor((a % 60000) / 1000);
  return `${sign}${pad(m, 2)}:${pad(s, 2)}.${pad(a % 1000, 3)}`;
}

/** The absolute time of start_time + offset: "2026-01-01 00:00:30.000 UTC". */
export function formatAbsolute(startTime: number, ms: number): string {
  const d = new Date(startTime + ms);
  if (Number.isNaN(d.getTime())) return "invalid time";
  return `${d.toISOString().slice(0, 23).replace("T", " ")} UTC`;
}

/** A record timestamp (ms since the epoch, 0 = never) as an offset: "+00:30.000", "never". */
export function formatTimestamp(startTime: number, ts: number): string {
  return ts === 0 ? "never" : formatOffset(ts - startTime);
}
