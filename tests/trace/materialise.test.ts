// Materialising a columnar trace in slices (src/trace/materialise.ts): the same arrays as
// reading it at once, a turn of the event loop whenever a slice's time is up, none before.
import { describe, expect, it } from "vitest";
import { TraceColumns, attachColumns, columnsOf } from "../../src/trace/columns.ts";
import { ROWS_PER_LOOK, materialiseInSteps, nextTurn, turnFor } from "../../src/trace/materialise.ts";
import type { Delivery, TraceEvent } from "../../src/trace/types.ts";

function lazyTrace(nEvents: number, nDeliveries: number) {
  const c = new TraceColumns();
  for (let i = 0; i < nEvents; i++) c.push({ at: i, server: "a.org", type: "wake", user: `@u${i % 7}:a.org`, reasons: ["self"] });
  for (let i = 0; i < nDeliveries; i++) c.deliver({ at: i, server: "a.org", source: "@a:a.org", viewer: `@v${i % 5}:a.org`, transport: "sync", state: "online", via: ["self"] });
  return { trace: attachColumns({ events: [] as TraceEvent[], deliveries: [] as Delivery[] }, c), c };
}

/** A clock that moves `tick` ms each time it is read. */
const clock = (tick: number) => {
  let t = 0;
  return () => (t += tick);
};

describe("materialiseInSteps", () => {
  it("gives the same events and deliveries as reading them at once, as plain arrays", async () => {
    const { trace, c } = lazyTrace(ROWS_PER_LOOK * 2 + 5, ROWS_PER_LOOK + 1);
    await materialiseInSteps(trace, async () => {});
    expect(columnsOf(trace)).toBeUndefined(); // no longer lazy
    expect(Object.getOwnPropertyDescriptor(trace, "events")?.get).toBeUndefined();
    expect(JSON.stringify(trace.events)).toBe(JSON.stringify(c.events()));
    expect(trace.deliveries).toEqual(c.deliveries());
    expect(trace.events.length).toBe(ROWS_PER_LOOK * 2 + 5);
    expect(trace.deliveries.length).toBe(ROWS_PER_LOOK + 1);
    expect(Object.keys(trace)).toEqual(["events", "deliveries"]); // keys keep their place
  });

  it("yields once per look when each look finds the slice's time up, never when it is not", async () => {
    const { trace } = lazyTrace(ROWS_PER_LOOK * 3, ROWS_PER_LOOK * 2);
    let turns = 0;
    // Each look reads the clock once; 25 ms between reads: every look's slice is used up.
    await materialiseInSteps(trace, async () => void turns++, 25, clock(25));
    expect(turns).toBe(5); // 3 event looks + 2 delivery looks
    const other = lazyTrace(ROWS_PER_LOOK * 3, ROWS_PER_LOOK * 2).trace;
    let none = 0;
    await materialiseInSteps(other, async () => void none++, 25, clock(24.9));
    // 24.9 ms per read: the 2nd look finds 49.8 ms since the start → a turn, and so on.
    expect(none).toBe(2);
    const idle = lazyTrace(ROWS_PER_LOOK * 3, ROWS_PER_LOOK * 2).trace;
    let zero = 0;
    await materialiseInSteps(idle, async () => void zero++, 25, () => 0);
    expect(zero).toBe(0);
  });

  it("by default reads the real clock: with a slice longer than the work, no turn is taken", async () => {
    const { trace } = lazyTrace(ROWS_PER_LOOK * 3, ROWS_PER_LOOK);
    let turns = 0;
    await materialiseInSteps(trace, async () => void turns++, 1e9);
    expect(turns).toBe(0);
    expect(trace.events.length).toBe(ROWS_PER_LOOK * 3);
  });

  it("nextTurn uses the browser's scheduler.yield where there is one", async () => {
    const g = globalThis as { scheduler?: unknown };
    const had = "scheduler" in g;
    const was = g.scheduler;
    let asked = 0;
    const yielded = Promise.resolve();
    g.scheduler = { yield: () => (asked++, yielded) };
    try {
      expect(nextTurn()).toBe(yielded);
      expect(asked).toBe(1);
    } finally {
      if (had) g.scheduler = was;
      else delete g.scheduler;
    }
  });

  it("leaves a trace without columns as it is", async () => {
    const events = [{ at: 0, server: "a.org", type: "log", level: "info", message: "m" }] as TraceEvent[];
    const trace = { events, deliveries: [] as Delivery[] };
    let turns = 0;
    await materialiseInSteps(trace, async () => void turns++, 0);
    expect(trace.events).toBe(events);
    expect(turns).toBe(0);
  });

  it("nextTurn is a macrotask turn: a microtask chain queued before it has finished (Node: the channel branch)", async () => {
    let hops = 0;
    const chain = async () => {
      for (let i = 0; i < 50; i++) {
        await null;
        hops++;
      }
    };
    void chain();
    await nextTurn();
    expect(hops).toBe(50);
  });
});

describe("turnFor", () => {
  /** A MessageChannel stand-in that records posts and closes, delivering on demand. */
  const fakeChannel = () => {
    const log: string[] = [];
    const made: Array<{ port1: { onmessage: (() => void) | null } }> = [];
    class Channel {
      port1 = { onmessage: null as (() => void) | null, close: () => log.push("close 1") };
      port2 = { postMessage: (m: unknown) => log.push(`post ${String(m)}`), close: () => log.push("close 2") };
      constructor() {
        made.push(this);
        log.push("new");
      }
    }
    return { Channel: Channel as unknown as typeof MessageChannel, log, made };
  };

  it("prefers scheduler.yield, called on the scheduler", async () => {
    const calls: unknown[] = [];
    const scheduler = {
      yield(this: unknown) {
        calls.push(this);
        return Promise.resolve();
      },
    };
    const ch = fakeChannel();
    await turnFor({ scheduler, MessageChannel: ch.Channel, setTimeout: () => expect.unreachable() })();
    expect(calls).toEqual([scheduler]);
    expect(ch.log).toEqual([]);
  });

  it("without a scheduler, posts to a fresh channel and settles when its message arrives, closing both ports", async () => {
    const ch = fakeChannel();
    const turn = turnFor({ scheduler: {}, MessageChannel: ch.Channel, setTimeout: () => expect.unreachable() });
    let settled = false;
    const p = turn().then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    expect(ch.log).toEqual(["new", "post null"]);
    ch.made[0].port1.onmessage!();
    await p;
    expect(settled).toBe(true);
    expect(ch.log).toEqual(["new", "post null", "close 1", "close 2"]);
    void turn();
    expect(ch.made.length).toBe(2);
  });

  it("without a scheduler or channels, a setTimeout of 0; with nothing, a resolved promise", async () => {
    const delays: number[] = [];
    await turnFor({
      setTimeout: (f, ms) => {
        delays.push(ms);
        f();
      },
    })();
    expect(delays).toEqual([0]);
    await expect(turnFor({})()).resolves.toBeUndefined();
  });
});
