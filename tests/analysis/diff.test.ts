import { describe, expect, it } from "vitest";
import { diffRuns, graphDiff, isUnchanged, summarizeRun, summaryLine } from "../../src/analysis/diff.ts";
import type { Finding } from "../../src/analysis/consistency.ts";
import type { EduSentEvent, ExpectationResult } from "../../src/trace/types.ts";
import { delivery, gis, makeTrace } from "./builders.ts";

const A = "@alice:a.org";
const B = "@bob:a.org";
const C = "@carol:a.org";
const servers = ["a.org", "b.org"];
const users = [A, B, C];

function edu(at: number): EduSentEvent {
  return { at, server: "a.org", type: "edu_sent", destination: "b.org", txn_id: "1", edu: { edu_type: "m.presence", content: { push: [] } } };
}

function finding(viewer: string, source: string, kind: Finding["kind"] = "woken_not_visible"): Finding {
  return { severity: "warning", kind, server: "a.org", viewer, source, message: `${viewer} ${source}`, example: { event: 0, at: 0 }, rules: [] };
}

const exp = (name: string, ok: boolean): ExpectationResult => ({ name, ok, detail: ok ? "fine" : "wrong" });

describe("run diff", () => {
  it("summarizes deliveries, router calls, EDUs, expectations and findings", () => {
    const t = makeTrace({ servers, users, events: [gis(0, "a.org", B, [A]), gis(1, "a.org", C, []), edu(2)], deliveries: [delivery(0, A, B, ["router"])] });
    t.expectations = [exp("x", true), exp("y", false)];
    const s = summarizeRun(t, [finding(B, A)]);
    expect(s).toEqual({ deliveries: 1, routerCalls: 2, edus: 1, expectations: { passed: 1, total: 2 }, findings: 1 });
    expect(summaryLine(s)).toBe("1 delivery · 2 router calls · 1 EDU · expectations 1/2 · 1 finding");
    expect(summaryLine({ deliveries: 0, routerCalls: 1, edus: 2, expectations: { passed: 0, total: 0 }, findings: 0 })).toBe(
      "0 deliveries · 1 router call · 2 EDUs · no expectations · 0 findings",
    );
  });

  it("lists deliveries removed and added per (source, viewer) pair, and count changes", () => {
    const prev = makeTrace({ servers, users, deliveries: [delivery(0, A, B, ["router"]), delivery(5, A, B, ["router"]), delivery(0, A, C, ["room:!r"]), delivery(0, A, "b.org", [])] });
    const next = makeTrace({ servers, users, deliveries: [delivery(0, A, B, ["router"]), delivery(0, C, B, ["router"])] });
    const d = diffRuns(prev, next);
    expect(d.added).toEqual([{ source: C, viewer: B, transport: "sync", before: 0, after: 1, delivery: 1 }]);
    expect(d.removed.map((p) => [p.source, p.viewer, p.transport, p.before])).toEqual([
      [A, C, "sync", 1],
      [A, "b.org", "federation", 1],
    ]);
    expect(d.changed).toEqual([{ source: A, viewer: B, transport: "sync", before: 2, after: 1, delivery: 0 }]);
    // Federation pairs (viewer is a server) are not drawn as user edges.
    expect(graphDiff(d)).toEqual({ added: [[C, B]], removed: [[A, C]] });
    expect(isUnchanged(d)).toBe(false);
  });

  it("the same run twice is unchanged", () => {
    const t = makeTrace({ servers, users, deliveries: [delivery(0, A, B, ["router"])] });
    t.expectations = [exp("x", true)];
    const d = diffRuns(t, structuredClone(t), [finding(B, A)], [finding(B, A)]);
    expect(isUnchanged(d)).toBe(true);
    expect(graphDiff(d)).toEqual({ added: [], removed: [] });
  });

  it("reports expectations that flipped, appeared and went, by name (repeats numbered)", () => {
    const prev = makeTrace({ servers, users });
    prev.expectations = [exp("sees", true), exp("sees", true), exp("old", true)];
    const next = makeTrace({ servers, users });
    next.expectations = [exp("sees", true), exp("sees", false), exp("new", false)];
    const d = diffRuns(prev, next);
    expect(d.flipped).toEqual([{ name: "sees #2", ok: false, detail: "wrong" }]);
    expect(d.expectationsAdded).toEqual(["new"]);
    expect(d.expectationsRemoved).toEqual(["old"]);
  });

  it("reports findings new and gone by (kind, server, viewer, source)", () => {
    const t = makeTrace({ servers, users });
    const d = diffRuns(t, t, [finding(B, A), finding(C, A)], [finding(C, A), finding(C, A, "visible_not_woken")]);
    expect(d.findingsGone.map((f) => [f.viewer, f.source, f.kind])).toEqual([[B, A, "woken_not_visible"]]);
    expect(d.findingsNew.map((f) => [f.viewer, f.source, f.kind])).toEqual([[C, A, "visible_not_woken"]]);
    expect(d.before.findings).toBe(2);
    expect(d.after.findings).toBe(2);
  });
});
