// Duration values in scenarios and homeserver settings (scenario-format §1, presence-semantics §1):
// an integer is milliseconds; a string is one or more <number><unit> parts, e.g. "250ms",
// "30s", "5m", "1h", "1m30s", "1.5s". Units are Synapse's (ms, s, m, h, d, w); Synapse
// itself takes a single part, compound strings like "1m30s" are this project's addition.

const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

const PART = /(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)/y;

export type DurationResult = { ok: true; ms: number } | { ok: false; message: string };

/** Parses a duration value as written in YAML (number or string). */
export function parseDuration(value: unknown): DurationResult {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return { ok: false, message: "a duration must be a finite number of milliseconds" };
    if (!Number.isInteger(value))
      return { ok: false, message: `a duration in milliseconds must be a whole number (got ${value}); write e.g. "1.5s" for fractions` };
    if (value < 0) return { ok: false, message: `a duration cannot be negative (got ${value})` };
    return { ok: true, ms: value };
  }
  if (typeof value !== "string") {
    return { ok: false, message: `expected a duration such as 30s, 5m, 1m30s or a number of milliseconds` };
  }
  const s = value.trim();
  if (s === "") return { ok: false, message: "empty duration; write e.g. 30s, 5m or 250ms" };
  if (/^-/.test(s)) return { ok: false, message: `a duration cannot be negative (got "${value}")` };
  if (/^\d+$/.test(s)) return { ok: true, ms: Number(s) };
  let total = 0;
  let pos = 0;
  const seen = new Set<string>();
  while (pos < s.length) {
    PART.lastIndex = pos;
    const m = PART.exec(s);
    if (!m) return { ok: false, message: badDuration(value) };
    if (seen.has(m[2])) return { ok: false, message: `duration "${value}" repeats the unit "${m[2]}"` };
    seen.add(m[2]);
    total += Number(m[1]) * UNIT_MS[m[2]];
    pos = PART.lastIndex;
    while (s[pos] === " ") pos++;
  }
  // Decimal parts ("1.1s") carry float noise: accept totals within 1e-6 of a whole ms.
  const ms = Math.round(total);
  if (Math.abs(total - ms) > 1e-6) return { ok: false, message: `duration "${value}" is not a whole number of milliseconds` };
  if (!Number.isSafeInteger(ms)) return { ok: false, message: `duration "${value}" is too large` };
  return { ok: true, ms };
}

function badDuration(value: string): string {
  return `"${value}" is not a duration; use a number of milliseconds or a string like 250ms, 30s, 5m, 1h or 1m30s`;
}

/** Formats milliseconds compactly for messages: 0s, 250ms, 1m30s, 2h, 1h0m5s, 1.5s, 7d. */
export function formatDuration(ms: number): string {
  if (ms === 0) return "0s";
  if (ms < 0) return `-${formatDuration(-ms)}`;
  if (ms < 1000) return `${ms}ms`;
  const d = Math.floor(ms / 86_400_000);
  const h = Math.floor((ms % 86_400_000) / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const sms = ms % 60_000;
  const sec = sms % 1000 === 0 ? `${sms / 1000}s` : `${(sms / 1000).toFixed(3).replace(/0+$/, "")}s`;
  let out = d ? `${d}d` : "";
  if (h || (d && (m || sms))) out += `${h}h`;
  if (m || ((d || h) && sms)) out += `${m}m`;
  if (sms) out += sec;
  return out;
}
