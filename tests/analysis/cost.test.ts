import { describe, expect, it } from "vitest";
import { runCost } from "../../src/analysis/cost.ts";
import { formatCost } from "../../src/trace/text.ts";
import type { EduSentEvent, SyncEvent, WakeEvent } from "../../src/trace/types.ts";
import { gis, gufs, makeTrace, rec, syncEv } from "./builders.ts";

const A = "@alice:a.org";
const B = "@bob:a.org";

function edu(at: number, destination: string, n: number): EduSentEvent {
  return { at, server: "a.org", type: "edu_sent", destination, txn_id: String(at), edu: { edu_type: "m.presence", content: { push: Array.from({ length: n }, (_, i) => ({ user_id: `@u${i}:a.org`, presence: "online" })) } } };
}
const wake = (at: number): WakeEvent => ({ at, server: "a.org", type: "wake", user: B, reasons: ["router"] });

describe("run cost", () => {
  it("counts combined router calls by call id, states passed, ALL-path syncs, EDUs per destination, wake-ups and syncs", () => {
    const events = [
      gufs(0, "a.org", [rec(A), rec(B)], {}, "m1.ts", { call: 1 }),
      gufs(0, "a.org", [rec(A), rec(B)], {}, "m2.ts", { call: 1 }), // same call, second module
      gis(1000, "a.org", B, "ALL", "m1.ts", { call: 2, site: "sync", for_user: B }),
      gufs(1000, "a.org", [rec(A)], { [B]: [rec(A)] }, "m1.ts", { call: 3, site: "sync", for_user: B }),
      wake(59_999),
      edu(59_999, "b.org", 2),
      edu(60_000, "b.org", 3), // exactly one minute: the second bucket
      edu(61_000, "c.org", 1),
      syncEv(61_000, "a.org", B, [A]) as SyncEvent,
    ];
    const c = runCost(makeTrace({ servers: ["a.org"], users: [A, B], end: 120_000, events }));
    expect(c).toMatchObject({ duration: 120_000, gufs_calls: 2, gufs_states: 3, gis_calls: 1, module_calls: 4, all_path_syncs: 1, edus: 3, edu_entries: 6, wakeups: 1, sync_responses: 1 });
    expect(c.per_destination).toEqual({ "b.org": { edus: 2, entries: 5 }, "c.org": { edus: 1, entries: 1 } });
    expect(c.per_minute).toHaveLength(3);
    expect(c.per_minute[0]).toMatchObject({ gufs_calls: 2, edus: 1, edu_entries: 2, wakeups: 1, sync_responses: 0 });
    expect(c.per_minute[1]).toMatchObject({ gufs_calls: 0, edus: 2, edu_entries: 4, sync_responses: 1 });
    expect(c.per_minute[2]).toMatchObject({ edus: 0 });
  });

  it("formats per run, per destination and per simulated minute", () => {
    const c = runCost(makeTrace({ servers: ["a.org"], users: [A, B], end: 120_000, events: [gis(0, "a.org", B, [A], "m.ts", { call: 1 }), gis(70_000, "a.org", B, [A], "m.ts", { call: 2 }), edu(1, "b.org", 2)] }));
    const text = formatCost(c).join("\n");
    expect(text).toContain("get_interested_users: 2 calls");
    expect(text).toContain("→ b.org: 1 EDUs, 2 entries");
    expect(text).toContain("per simulated minute: 1 router calls, 0.5 EDUs");
    expect(text).toContain("busiest minute: 0");
  });
});
