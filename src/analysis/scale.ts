// "Scale to N users" (issue 12 part 6), the arithmetic half: given the cost of the same
// world at 2–3 sizes (src/scenario/scale.ts makes the bigger worlds, the normal
// pipeline runs them), fit how router calls, EDUs and wake-ups per simulated minute grow
// with the number of users, and project them to N users. Pure and deterministic.
import type { RunCost } from "../trace/types.ts";

export const SCALE_METRICS = ["router_calls", "edus", "edu_entries", "wakeups"] as const;
export type ScaleMetric = (typeof SCALE_METRICS)[number];

export const METRIC_LABELS: Record<ScaleMetric, string> = {
  router_calls: "router calls / min",
  edus: "EDUs / min",
  edu_entries: "EDU entries / min",
  wakeups: "wake-ups / min",
};

export interface ScalePoint {
  users: number;
  copies: number;
  /** Per simulated minute. */
  values: Record<ScaleMetric, number>;
}

export interface MetricFit {
  /** "constant" (no change), "linear" (a + b·n), or "quadratic" (the n² term matters). */
  growth: "constant" | "linear" | "quadratic";
  /** value ≈ a + b·n + c·n² (c = 0 unless quadratic). */
  a: number;
  b: number;
  c: number;
  /** The fitted value at the target number of users, rounded to one decimal. */
  projected: number;
}

export interface ScaleProjection {
  target: number;
  points: ScalePoint[];
  fits: Record<ScaleMetric, MetricFit>;
}

/** Per-minute router calls (both callbacks), EDUs, EDU entries and wake-ups of one run's cost. */
export function perMinute(cost: RunCost): Record<ScaleMetric, number> {
  const minutes = cost.duration > 0 ? cost.duration / 60_000 : 1;
  return {
    router_calls: (cost.gufs_calls + cost.gis_calls) / minutes,
    edus: cost.edus / minutes,
    edu_entries: cost.edu_entries / minutes,
    wakeups: cost.wakeups / minutes,
  };
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Least-squares line through the points. */
function line(xs: number[], ys: number[]): { a: number; b: number } {
  const n = xs.length;
  const mx = xs.reduce((s, x) => s + x, 0) / n;
  const my = ys.reduce((s, y) => s + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
  }
  const b = sxx === 0 ? 0 : sxy / sxx;
  return { a: my - b * mx, b };
}

/** Least-squares parabola (normal equations, 3×3, Cramer's rule); null when singular (fewer than 3 distinct sizes). */
function parabola(xs: number[], ys: number[]): { a: number; b: number; c: number } | null {
  const s = (k: number) => xs.reduce((t, x) => t + x ** k, 0);
  const t = (k: number) => xs.reduce((acc, x, i) => acc + x ** k * ys[i]!, 0);
  const m = [
    [s(0), s(1), s(2)],
    [s(1), s(2), s(3)],
    [s(2), s(3), s(4)],
  ];
  const r = [t(0), t(1), t(2)];
  const det = (q: number[][]) =>
    q[0]![0]! * (q[1]![1]! * q[2]![2]! - q[1]![2]! * q[2]![1]!) - q[0]![1]! * (q[1]![0]! * q[2]![2]! - q[1]![2]! * q[2]![0]!) + q[0]![2]! * (q[1]![0]! * q[2]![1]! - q[1]![1]! * q[2]![0]!);
  const d = det(m);
  if (Math.abs(d) < 1e-9 * Math.max(1, Math.abs(m[2]![2]!))) return null;
  const col = (j: number) => det(m.map((row, i) => row.map((v, k) => (k === j ? r[i]! : v))));
  return { a: col(0) / d, b: col(1) / d, c: col(2) / d };
}

/**
 * How one metric grows. Quadratic when the n² term accounts for more than 10% of the
 * value at the largest measured size (a linear fit would then be off by as much);
 * constant when every size gives the same value.
 */
export function fitMetric(xs: number[], ys: number[], target: number): MetricFit {
  if (ys.every((y) => y === ys[0])) return { growth: "constant", a: ys[0] ?? 0, b: 0, c: 0, projected: round1(ys[0] ?? 0) };
  const q = parabola(xs, ys);
  const xmax = Math.max(...xs);
  const ymax = Math.max(...ys.map(Math.abs));
  if (q && Math.abs(q.c) * xmax * xmax > 0.1 * ymax) {
    return { growth: "quadratic", ...q, projected: round1(q.a + q.b * target + q.c * target * target) };
  }
  const l = line(xs, ys);
  return { growth: "linear", a: l.a, b: l.b, c: 0, projected: round1(l.a + l.b * target) };
}

/** The projection to `target` users from measured points (sorted by size). */
export function projectScale(points: ScalePoint[], target: number): ScaleProjection {
  const sorted = [...points].sort((a, b) => a.users - b.users);
  const xs = sorted.map((p) => p.users);
  const fits = Object.fromEntries(SCALE_METRICS.map((m) => [m, fitMetric(xs, sorted.map((p) => p.values[m]), target)])) as Record<ScaleMetric, MetricFit>;
  return { target, points: sorted, fits };
}

/** The sizes the projection runs: the world itself and 2× and 4× copies of it. */
export const SCALE_COPIES = [1, 2, 4] as const;

/** Text lines for the CLI (and tests): one line per size, then one per metric. */
export function formatProjection(p: ScaleProjection): string {
  const lines = [`Scale to ${p.target} users (the same world copied ${p.points.map((x) => `${x.copies}×`).join(", ")}; per simulated minute):`];
  for (const x of p.points) {
    lines.push(`  ${x.users} users: ${SCALE_METRICS.map((m) => `${round1(x.values[m])} ${METRIC_LABELS[m]}`).join(", ")}`);
  }
  for (const m of SCALE_METRICS) {
    const f = p.fits[m];
    lines.push(`  ${METRIC_LABELS[m]}: ${f.growth}${f.growth === "constant" ? "" : ` (${formula(f)})`} → ${f.projected} at ${p.target} users`);
  }
  return lines.join("\n") + "\n";
}

function formula(f: MetricFit): string {
  const n = (x: number) => (Math.abs(x) < 1e-9 ? "0" : Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 1 ? x.toFixed(2) : x.toPrecision(3));
  return f.growth === "quadratic" ? `${n(f.a)} + ${n(f.b)}·n + ${n(f.c)}·n²` : `${n(f.a)} + ${n(f.b)}·n`;
}
