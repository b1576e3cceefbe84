// Formatting simulated time: the one formatter lives in src/trace/time.ts.
export { formatOffset, formatAbsolute, formatTimestamp } from "../trace/time.ts";

/** Wall-clock time of day of start_time + offset, ISO style in UTC: "00:01:05.250Z". */
export function formatWallClock(startTime: number, ms: number): string {
  return new Date(startTime + ms).toISOString().slice(11, 24);
}
