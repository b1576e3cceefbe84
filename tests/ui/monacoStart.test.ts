// When the editor loads Monaco (src/ui/editor/monacoStart.ts): after the first graph, or
// 1.5 s, for TypeScript; a Python workspace past those 1.5 s waits for its live graph, a
// failure, a trace whose graph does not come within the grace, or the fallback.
import { describe, expect, test } from "vitest";
import { monacoStart, MONACO_FALLBACK_MS, MONACO_FIRST_GRAPH_WAIT_MS, MONACO_GRACE_MS, waitsForLiveGraph, type MonacoStartSignals } from "../../src/ui/editor/monacoStart.ts";
import { BIG_SCENARIO_CHARS } from "../../src/worker/protocol.ts";

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((ok) => (resolve = ok));
  return { promise, resolve };
}

/** Signals the test fires by hand; `sleeps` lists every timer asked for. */
function signals() {
  const graph = deferred();
  const trace = deferred();
  const timers = new Map<number, Array<() => void>>();
  let failureCb: (() => void) | null = null;
  let subscribed = 0;
  const s: MonacoStartSignals = {
    firstGraph: graph.promise,
    firstTrace: trace.promise,
    onFailure(cb) {
      failureCb = cb;
      subscribed++;
      return () => {
        subscribed--;
        failureCb = null;
      };
    },
    sleep(ms) {
      return new Promise((ok) => timers.set(ms, [...(timers.get(ms) ?? []), ok]));
    },
  };
  return {
    s,
    graph: graph.resolve,
    trace: trace.resolve,
    fail: () => failureCb?.(),
    fire: (ms: number) => (timers.get(ms) ?? []).forEach((f) => f()),
    sleeps: () => [...timers.keys()].sort((a, b) => a - b),
    subscribed: () => subscribed,
  };
}

/** Whether the promise has resolved, after the microtasks queued so far. */
async function resolved(p: Promise<void>): Promise<boolean> {
  let done = false;
  void p.then(() => (done = true));
  for (let i = 0; i < 10; i++) await Promise.resolve();
  return done;
}

describe("the first graph, or 1.5 s without one (TypeScript)", () => {
  test("the first graph starts it", async () => {
    const x = signals();
    const { ready } = monacoStart(x.s, () => false);
    expect(await resolved(ready)).toBe(false);
    x.graph();
    expect(await resolved(ready)).toBe(true);
    expect(x.subscribed()).toBe(0); // the failure subscription is dropped once resolved
  });
  test("without a graph, the 1.5 s timer; a failure or a trace before it does not", async () => {
    const x = signals();
    let asked = 0;
    const { ready } = monacoStart(x.s, () => (asked++, false));
    x.fail();
    x.trace();
    x.fire(MONACO_GRACE_MS);
    expect(await resolved(ready)).toBe(false);
    expect(asked).toBe(0); // asked only when the timer fires
    x.fire(MONACO_FIRST_GRAPH_WAIT_MS);
    expect(await resolved(ready)).toBe(true);
    expect(asked).toBe(1);
  });
  test("a Python workspace's graph within the 1.5 s starts it at once", async () => {
    const x = signals();
    const { ready } = monacoStart(x.s, () => true);
    x.graph();
    expect(await resolved(ready)).toBe(true);
  });
});

describe("a Python workspace past the 1.5 s: its live graph first", () => {
  /** Started, and past the first timer, with no graph yet. */
  async function pastTimer() {
    const x = signals();
    const r = monacoStart(x.s, () => true);
    x.fire(MONACO_FIRST_GRAPH_WAIT_MS);
    expect(await resolved(r.ready)).toBe(false);
    return { x, ...r };
  }
  test("waits for the graph", async () => {
    const { x, ready } = await pastTimer();
    x.graph();
    expect(await resolved(ready)).toBe(true);
    expect(x.subscribed()).toBe(0);
  });
  test("a failed first compile or run starts it", async () => {
    const { x, ready } = await pastTimer();
    expect(x.subscribed()).toBe(1);
    x.fail();
    expect(await resolved(ready)).toBe(true);
  });
  test("a trace whose graph does not come within the grace starts it; before the grace it waits", async () => {
    const { x, ready } = await pastTimer();
    x.trace();
    expect(await resolved(ready)).toBe(false);
    expect(x.sleeps()).toEqual([MONACO_GRACE_MS, MONACO_FIRST_GRAPH_WAIT_MS, MONACO_FALLBACK_MS]);
    x.fire(MONACO_GRACE_MS);
    expect(await resolved(ready)).toBe(true);
  });
  test("a trace, then its graph within the grace", async () => {
    const { x, ready } = await pastTimer();
    x.trace();
    expect(await resolved(ready)).toBe(false);
    x.graph();
    expect(await resolved(ready)).toBe(true);
  });
  test("the fallback, when nothing comes", async () => {
    const { x, ready } = await pastTimer();
    x.fire(MONACO_GRACE_MS); // no trace yet: nobody waits on a grace timer
    expect(await resolved(ready)).toBe(false);
    x.fire(MONACO_FALLBACK_MS);
    expect(await resolved(ready)).toBe(true);
  });
  test("cancel drops the failure subscription", () => {
    const x = signals();
    const { cancel } = monacoStart(x.s, () => true);
    expect(x.subscribed()).toBe(1);
    cancel();
    expect(x.subscribed()).toBe(0);
  });
});

describe("which workspaces wait for their live graph", () => {
  test("Python modules, or a scenario longer than BIG_SCENARIO_CHARS; not a small TypeScript one", () => {
    const ts = { "router.ts": "export default class R {}" };
    expect(waitsForLiveGraph({ files: ts, scenario: "servers: []\n" })).toBe(false);
    expect(waitsForLiveGraph({ files: { "my_router.py": "class R: pass\n" }, scenario: "" })).toBe(true);
    expect(waitsForLiveGraph({ files: ts, scenario: "x".repeat(BIG_SCENARIO_CHARS) })).toBe(false);
    expect(waitsForLiveGraph({ files: ts, scenario: "x".repeat(BIG_SCENARIO_CHARS + 1) })).toBe(true);
  });
});
