// Where the timeline opens (src/ui/timeline/opening.ts): the first moment every user who
// receives presence has received some, not the end of the run.
import * as esbuild from "esbuild";
import { describe, expect, it } from "vitest";
import { openingTime } from "../../src/ui/timeline/opening.ts";
import { createPlaygroundStore } from "../../src/ui/store.ts";
import { graphAt, visibleEdges } from "../../src/ui/graph/model.ts";
import { runScenarioFile } from "../../src/cli/run.ts";
import { DEFAULT_EXAMPLE_DIR } from "../../src/build/plugins.ts";
import { delivery, makeTrace } from "../analysis/builders.ts";

const A = "@alice:a.org";
const B = "@bob:a.org";
const C = "@carol:a.org";

// Deliveries out of time order: each viewer's FIRST delivery counts, the latest of those wins.
const trace = () =>
  makeTrace({
    servers: ["a.org", "b.org"],
    users: [A, B, C],
    end: 100_000,
    deliveries: [
      delivery(30_000, A, B, ["room:!r:a.org"]),
      delivery(5_000, A, A, ["self"]),
      delivery(12_000, A, B, ["room:!r:a.org"]),
      delivery(20_000, B, C, ["router"]),
      delivery(90_000, C, A, ["router"]),
      delivery(95_000, A, "b.org", ["room:!r:a.org"]),
    ],
  });

describe("openingTime", () => {
  it("is the latest of each receiving user's first sync delivery", () => {
    // Alice first at 5 s, Bob at 12 s (not 30 s), Carol at 20 s; the later deliveries
    // and the federation delivery do not move it.
    expect(openingTime(trace())).toBe(20_000);
  });

  it("draws the last user's first delivery at that moment, and not 1 ms before", () => {
    const t = trace();
    const at = openingTime(t);
    const toCarol = (time: number) => visibleEdges(t, time).some((e) => e.target === C);
    expect(toCarol(at)).toBe(true);
    expect(toCarol(at - 1)).toBe(false);
  });

  it("uses federation deliveries when there is no sync delivery", () => {
    const t = makeTrace({
      servers: ["a.org", "b.org", "c.org"],
      users: [A],
      end: 100_000,
      deliveries: [delivery(40_000, A, "c.org", ["router"]), delivery(7_000, A, "b.org", ["room:!r:a.org"]), delivery(3_000, A, "c.org", ["router"])],
    });
    expect(openingTime(t)).toBe(7_000);
  });

  it("opens at the end when nothing was delivered, and never past the end", () => {
    expect(openingTime(makeTrace({ servers: ["a.org"], users: [A], end: 42_000 }))).toBe(42_000);
    const late = makeTrace({ servers: ["a.org"], users: [A], end: 42_000, deliveries: [delivery(42_001, A, A, ["self"])] });
    expect(openingTime(late)).toBe(42_000);
    const atEnd = makeTrace({ servers: ["a.org"], users: [A], end: 42_000, deliveries: [delivery(42_000, A, A, ["self"])] });
    expect(openingTime(atEnd)).toBe(42_000);
    const before = makeTrace({ servers: ["a.org"], users: [A], end: 42_000, deliveries: [delivery(41_999, A, A, ["self"])] });
    expect(openingTime(before)).toBe(41_999);
  });
});

describe("the store opens a fresh view there", () => {
  it("a first run sets the opening time; a later run keeps the user's time, clamped to the end", () => {
    const store = createPlaygroundStore();
    store.getState().runSucceeded(trace(), [], 1);
    expect(store.getState().time).toBe(20_000);
    store.getState().setTime(100_000); // exactly the end: kept
    store.getState().runSucceeded(trace(), [], 1);
    expect(store.getState().time).toBe(100_000);
    store.getState().setTime(100_001); // past the end: clamped
    store.getState().runSucceeded(trace(), [], 1);
    expect(store.getState().time).toBe(100_000);
  });

  it("loading an example forgets the time, and Reset view goes back to the opening time", () => {
    const store = createPlaygroundStore();
    store.getState().runSucceeded(trace(), [], 1);
    store.getState().setTime(70_000);
    store.getState().resetView();
    expect(store.getState().time).toBe(20_000);
    store.getState().loadExample("x", {}, "");
    expect(store.getState().time).toBeNull();
    store.getState().runSucceeded(trace(), [], 1);
    expect(store.getState().time).toBe(20_000);
  });
});

describe("the default example opens alive", () => {
  it("at +00:20.000: all four users online, each with an incoming edge, the router pair drawn; at the end Alice is offline", async () => {
    const r = await runScenarioFile(`${DEFAULT_EXAMPLE_DIR}/scenario.yaml`, { esbuild });
    expect(r.kind).toBe("ran");
    if (r.kind !== "ran") return;
    const t = r.trace;
    const at = openingTime(t);
    expect(at).toBe(20_000); // Dave's client starts at 20 s: his initial sync is the last first delivery
    const view = graphAt(t, at);
    const users = view.nodes.filter((n) => n.kind === "user");
    expect(users.map((n) => [n.id, n.state])).toEqual([
      ["@alice:example.org", "online"],
      ["@bob:example.org", "online"],
      ["@carol:example.org", "online"],
      ["@dave:example.org", "online"],
    ]);
    for (const u of users) expect(view.edges.some((e) => e.target === u.id && e.source !== u.id), u.id).toBe(true);
    expect(view.edges.some((e) => e.source === "@alice:example.org" && e.target === "@dave:example.org" && e.kind === "router")).toBe(true);
    expect(view.edges.some((e) => e.source === "@dave:example.org" && e.target === "@alice:example.org" && e.kind === "router")).toBe(true);
    const end = graphAt(t, t.scenario.end);
    expect(end.nodes.find((n) => n.id === "@alice:example.org")?.state).toBe("offline");
    expect(r.trace.expectations.every((e) => e.ok)).toBe(true);
  });
});
