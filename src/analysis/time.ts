// Formatting simulated time (pure, deterministic).

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

/** Wall-clock time of day of start_time + offset, ISO style in UTC: "00:01:05.250Z". */
export function formatWallClock(startTime: number, ms: number): string {
  return new Date(startTime + ms).toISOString().slice(11, 24);
}
