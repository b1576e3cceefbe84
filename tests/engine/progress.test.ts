// The run's progress (RunOptions.onProgress): the share of the simulated duration done,
// reported each time another hundredth has passed, for the playground's progress bar.
// It is wall-clock free and leaves the trace as it was.
import { describe, expect, it } from "vitest";
import { runScenario } from "../../src/engine/index.ts";
import { hostFromModules } from "./support/host.ts";
import { put, scenario, sync } from "./support/build.ts";

const spec = (duration: number) =>
  scenario({
    users: ["@a:example.org", "@b:example.org"],
    rooms: { "!r:example.org": ["@a:example.org", "@b:example.org"] },
    clients: [{ user: "@b:example.org" }],
    steps: [put(0, "@a:example.org", "online"), sync(1_000, "@b:example.org"), put(duration / 2, "@a:example.org", "unavailable")],
    duration,
  });
const host = hostFromModules({});

async function progressOf(duration: number): Promise<number[]> {
  const seen: number[] = [];
  await runScenario(spec(duration), { host, onProgress: (d) => seen.push(d) });
  return seen;
}

describe("run progress", () => {
  it("rises from 0 towards 1, at most once per hundredth of the duration", async () => {
    const seen = await progressOf(600_000);
    expect(seen[0]).toBe(0); // the first item, at the start
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThan(seen[i - 1]!);
    expect(seen.every((d) => d >= 0 && d <= 1)).toBe(true);
    expect(seen.length).toBeLessThanOrEqual(101);
    // A syncing client wakes at least every 30 s: every hundredth (6 s) is not reported,
    // but most are, and the last report is near the end.
    expect(seen.length).toBeGreaterThan(15);
    expect(seen.at(-1)!).toBeGreaterThan(0.9);
    // Two reports are at least a hundredth apart (a floor of the 1/100 steps).
    for (let i = 1; i < seen.length; i++) expect(Math.floor(seen[i]! * 100)).toBeGreaterThan(Math.floor(seen[i - 1]! * 100));
  });

  it("reports the exact share of simulated time", async () => {
    const seen = await progressOf(600_000);
    // put at 300 s: half the duration, reported as exactly 0.5.
    expect(seen).toContain(0.5);
  });

  it("leaves the trace byte for byte as without it", async () => {
    const a = await runScenario(spec(600_000), { host });
    const b = await runScenario(spec(600_000), { host, onProgress: () => {} });
    const text = (t: typeof a) => JSON.stringify({ events: t.events, deliveries: t.deliveries, final: t.final, expectations: t.expectations });
    expect(text(b)).toBe(text(a));
    expect(a.events.length).toBeGreaterThan(5);
  });
});
