// The watchdog's shared-memory feed (src/sandbox/sharedSpans.ts): the engine's writer and
// the frame's reader on one SharedArrayBuffer (one thread here; the frame's clock is the
// `now` each tick passes). The frame stops a run when `stuck` names a span.
import { afterEach, describe, expect, it } from "vitest";
import { MAX_SPAN_LABELS, SPAN_FEED, sharedSpanWatch, sharedSpans, type SpanLabel } from "../../src/sandbox/sharedSpans.ts";
import { hostWithSpans } from "../../src/sandbox/spans.ts";
import { loadModules } from "../../src/engine/modules/index.ts";
import { entry, hostFromModules, loadOptions } from "../engine/support/host.ts";

function feed() {
  const watch = sharedSpanWatch();
  const labels: SpanLabel[] = [];
  const enter = sharedSpans(watch.buffer, (l) => (labels[labels.length] = l)); // not push: a test patches it
  const name = (i: number | undefined) => {
    const l = labels.find((x) => x.index === i);
    return l ? `${l.module} ${l.what}` : `#${i}`;
  };
  return { watch, labels, enter, name };
}

const BUDGET = 1000;

describe("shared span feed: layout", () => {
  it("the frame's buffer has the size and slots the engine writes (SPAN_FEED)", () => {
    const { watch, enter } = feed();
    expect(watch.buffer.byteLength).toBe(SPAN_FEED.BYTES);
    enter("router.ts", "parse_config", 1500);
    const ints = new Int32Array(watch.buffer, 0, SPAN_FEED.INTS);
    const at = new Float64Array(watch.buffer, SPAN_FEED.INTS * 4, 2);
    expect([ints[SPAN_FEED.ENTERED], ints[SPAN_FEED.OLDEST], ints[SPAN_FEED.OLDEST_LABEL], ints[SPAN_FEED.LAST], ints[SPAN_FEED.LAST_LABEL]]).toEqual([1, 1, 1, 1, 1]);
    expect([at[SPAN_FEED.OLDEST_AT], at[SPAN_FEED.LAST_AT]]).toEqual([1500, 1500]);
  });
});

describe("shared span feed: timing on the frame's clock", () => {
  it("no span open: nothing to time", () => {
    const { watch } = feed();
    expect(watch.oldest(0)).toBeNull();
    expect(watch.stuck(99999, BUDGET)).toBeNull();
    expect(watch.open()).toBe(false);
    expect(watch.last()).toBeNull();
  });

  it("a span open exactly the budget is not stopped; 1 ms past the budget it is, named with its simulated time", () => {
    const { watch, enter, name } = feed();
    enter("router.ts#R", "get_interested_users", 2000);
    expect(watch.stuck(100, BUDGET)).toBeNull(); // first seen at 100: timed from there
    expect(watch.stuck(100 + BUDGET, BUDGET)).toBeNull();
    const s = watch.stuck(100 + BUDGET + 1, BUDGET);
    expect(s && { what: name(s.label), at: s.at, since: s.since }).toEqual({ what: "router.ts#R get_interested_users", at: 2000, since: 100 });
  });

  it("a span is timed from the first tick after its entry, not from a later one", () => {
    const { watch, enter } = feed();
    watch.oldest(0);
    enter("router.ts", "constructor", 0);
    expect(watch.oldest(50)?.since).toBe(50);
    expect(watch.oldest(500)?.since).toBe(50);
    expect(watch.stuck(50 + BUDGET, BUDGET)).toBeNull();
    expect(watch.stuck(51 + BUDGET, BUDGET)).not.toBeNull();
  });

  it("an exit is seen at once: a finished span is never taken for an open one", () => {
    const { watch, enter } = feed();
    const leave = enter("router.ts", "get_users_for_states", 0);
    watch.oldest(0);
    leave();
    expect(watch.oldest(10)).toBeNull();
    expect(watch.stuck(10 * BUDGET, BUDGET)).toBeNull();
    expect(watch.open()).toBe(false);
    leave(); // a second call changes nothing
    expect(watch.open()).toBe(false);
  });

  it("the end of the oldest span does not restart the clock of one opened while it ran (no relay of spans can keep the watchdog quiet)", () => {
    const { watch, enter, name } = feed();
    const a = enter("router.ts", "get_users_for_states", 0);
    watch.oldest(0);
    enter("router.ts", "get_interested_users", 0); // b: seen open from tick 50
    watch.oldest(50);
    watch.oldest(100);
    a(); // module code can decide when a's promise settles
    expect(watch.stuck(50 + BUDGET, BUDGET)).toBeNull();
    const s = watch.stuck(51 + BUDGET, BUDGET);
    expect(s && name(s.label)).toBe("router.ts get_interested_users");
    expect(s?.since).toBe(50);
  });

  it("a span entered before the first tick of an older one that has since ended counts from that tick", () => {
    const { watch, enter } = feed();
    const a = enter("router.ts", "get_users_for_states", 0);
    enter("router.ts", "delayed_background_call timer", 0);
    watch.oldest(0);
    a();
    expect(watch.oldest(900)?.since).toBe(0);
    expect(watch.stuck(BUDGET, BUDGET)).toBeNull();
    expect(watch.stuck(BUDGET + 1, BUDGET)).not.toBeNull();
  });

  it("nested spans: the inner one's exit leaves the outer one timed from its own first tick", () => {
    const { watch, enter, name } = feed();
    enter("router.ts", "get_users_for_states", 0);
    watch.oldest(0);
    const inner = enter("router.ts", "get_users_for_states (reading its result)", 0);
    watch.oldest(50);
    inner();
    const o = watch.oldest(60);
    expect(o && { what: name(o.label), since: o.since }).toEqual({ what: "router.ts get_users_for_states", since: 0 });
  });

  it("after every span closed, a new span starts a new clock", () => {
    const { watch, enter } = feed();
    const a = enter("router.ts", "get_users_for_states", 0);
    watch.oldest(0);
    a();
    watch.oldest(500);
    enter("router.ts", "get_interested_users", 1000);
    expect(watch.oldest(900)?.since).toBe(900);
    expect(watch.stuck(900 + BUDGET, BUDGET)).toBeNull();
    expect(watch.stuck(901 + BUDGET, BUDGET)).not.toBeNull();
  });

  it("many spans entered and closed between two ticks leave only the open one to time", () => {
    const { watch, enter, name } = feed();
    watch.oldest(0);
    for (let i = 0; i < 5000; i++) enter("router.ts", "looping_background_call timer", i)();
    enter("router.ts", "get_interested_users", 7);
    const o = watch.oldest(50);
    expect(o && { what: name(o.label), at: o.at, since: o.since }).toEqual({ what: "router.ts get_interested_users", at: 7, since: 50 });
  });

  it("the newest span entered is kept for the run budget's and a crash's message", () => {
    const { watch, enter, name } = feed();
    enter("router.ts", "get_users_for_states", 0);
    enter("hide.py", "get_interested_users", 3000);
    const l = watch.last();
    expect(l && { what: name(l.label), at: l.at }).toEqual({ what: "hide.py get_interested_users", at: 3000 });
    expect(watch.open()).toBe(true);
  });

  it("a record the engine is rewriting (BUSY) is read again at the next tick, not taken as closed", () => {
    const { watch, enter } = feed();
    enter("router.ts", "get_users_for_states", 0);
    watch.oldest(0);
    const ints = new Int32Array(watch.buffer, 0, SPAN_FEED.INTS);
    ints[SPAN_FEED.OLDEST] = SPAN_FEED.BUSY;
    expect(watch.oldest(100)).toBeUndefined();
    expect(watch.stuck(5000, BUDGET)).toBeNull();
    ints[SPAN_FEED.OLDEST] = 1;
    expect(watch.oldest(5001)?.since).toBe(0);
  });
});

describe("shared span feed: the writer's list of open spans and the reader's checkpoints", () => {
  it("a span's exit called twice changes nothing the second time (the list keeps the spans opened since)", () => {
    const { watch, enter } = feed();
    const a = enter("router.ts", "constructor", 0); // seq 1
    const b = enter("router.ts", "get_users_for_states", 0); // seq 2
    b();
    enter("router.ts", "get_interested_users", 0); // seq 3, still open
    b(); // again: must not unlink seq 3
    a();
    expect(watch.open()).toBe(true);
    const ints = new Int32Array(watch.buffer, 0, SPAN_FEED.INTS);
    expect(ints[SPAN_FEED.OLDEST]).toBe(3);
  });

  it("closing a span in the middle keeps the younger ones in the list", () => {
    const { watch, enter } = feed();
    const a = enter("router.ts", "constructor", 0); // 1
    const b = enter("router.ts", "parse_config", 0); // 2
    enter("router.ts", "get_users_for_states", 0); // 3, open
    b();
    enter("router.ts", "get_interested_users", 0); // 4, open
    a();
    const ints = new Int32Array(watch.buffer, 0, SPAN_FEED.INTS);
    expect(ints[SPAN_FEED.OLDEST]).toBe(3);
  });

  it("labels are told apart by module and callback, not by their concatenation", () => {
    const { enter, labels } = feed();
    enter("ab", "c", 0)();
    enter("a", "bc", 0)();
    expect(labels.map((l) => l.index)).toEqual([1, 2]);
  });

  it("after all spans closed, the next spans' checkpoints start afresh: a younger span is timed from its own first tick", () => {
    const { watch, enter } = feed();
    enter("router.ts", "constructor", 0)();
    watch.oldest(0);
    expect(watch.oldest(500)).toBeNull(); // nothing open: checkpoints dropped
    const b = enter("router.ts", "get_users_for_states", 0);
    expect(watch.oldest(900)?.since).toBe(900);
    enter("router.ts", "get_interested_users", 0);
    expect(watch.oldest(1000)?.since).toBe(900);
    b();
    expect(watch.oldest(1100)?.since).toBe(1000);
  });

  it("an oldest span published after this tick read ENTERED (the engine ran between the two reads) is timed from this tick, once", () => {
    const { watch } = feed();
    const ints = new Int32Array(watch.buffer, 0, SPAN_FEED.INTS);
    ints[SPAN_FEED.OLDEST_LABEL] = 0;
    ints[SPAN_FEED.OLDEST] = 1; // ENTERED still reads 0
    expect(watch.oldest(100)?.since).toBe(100);
    ints[SPAN_FEED.ENTERED] = 1; // the store the tick had missed
    expect(watch.oldest(200)?.since).toBe(100);
    expect(watch.stuck(100 + BUDGET, BUDGET)).toBeNull();
    expect(watch.stuck(101 + BUDGET, BUDGET)).not.toBeNull();
  });
});

describe("shared span feed: labels", () => {
  it("each (module, callback) is posted once, with its index; the buffer holds only numbers", () => {
    const { enter, labels } = feed();
    enter("router.ts", "get_users_for_states", 0)();
    enter("router.ts", "get_users_for_states", 10)();
    enter("hide.py", "get_users_for_states", 20)();
    expect(labels).toEqual([
      { type: "span-label", index: 1, module: "router.ts", what: "get_users_for_states" },
      { type: "span-label", index: 2, module: "hide.py", what: "get_users_for_states" },
    ]);
  });

  it(`past ${MAX_SPAN_LABELS} distinct labels the rest share index 0 and post nothing`, () => {
    const { enter, labels, watch } = feed();
    for (let i = 0; i < MAX_SPAN_LABELS; i++) enter(`m${i}.ts`, "constructor", 0)();
    expect(labels.length).toBe(MAX_SPAN_LABELS);
    enter("late.ts", "constructor", 0);
    expect(labels.length).toBe(MAX_SPAN_LABELS);
    expect(watch.oldest(0)?.label).toBe(0);
    expect(MAX_SPAN_LABELS).toBe(1000);
  });
});

describe("shared span feed: module code cannot disturb the writer", () => {
  const saved = { store: Atomics.store, mapSet: Map.prototype.set, mapDelete: Map.prototype.delete, push: Array.prototype.push };
  afterEach(() => {
    Atomics.store = saved.store;
    Map.prototype.set = saved.mapSet;
    Map.prototype.delete = saved.mapDelete;
    Array.prototype.push = saved.push;
    for (const k of ["id", "next", "prev", "label", "at"]) delete (Object.prototype as Record<string, unknown>)[k];
  });

  it("patching Atomics.store, Map/Array methods and Object.prototype after the feed is made changes nothing it reports", () => {
    const { watch, enter, name } = feed(); // made before "module code", as the engine worker does
    watch.oldest(0);
    // What a hostile module could do to the realm it shares with the engine:
    Atomics.store = (() => 0) as unknown as typeof Atomics.store;
    Map.prototype.set = function (this: Map<unknown, unknown>) {
      return this;
    };
    Map.prototype.delete = () => true;
    Array.prototype.push = () => 0;
    for (const k of ["id", "next", "prev", "label", "at"]) Object.defineProperty(Object.prototype, k, { configurable: true, get: () => null, set: () => {} });
    const a = enter("router.ts", "get_users_for_states", 0);
    enter("router.ts", "get_interested_users", 5);
    a();
    const o = watch.oldest(50);
    expect(o && { what: name(o.label), at: o.at }).toEqual({ what: "router.ts get_interested_users", at: 5 });
  });

  it("the engine's spans reach the buffer through hostWithSpans (module evaluation, parse_config, constructor, callback)", async () => {
    const { watch, enter, name } = feed();
    const seen: string[] = [];
    class Router {
      static parse_config(c: unknown) {
        const o = watch.oldest(0);
        seen.push(o ? name(o.label) : "none");
        return c;
      }
      constructor(_c: unknown, api: { register_presence_router_callbacks(o: object): void }) {
        api.register_presence_router_callbacks({ get_users_for_states: async () => new Map(), get_interested_users: async () => new Set() });
      }
    }
    const host = hostWithSpans(hostFromModules({ "router.ts": { default: Router } }), enter);
    await loadModules(loadOptions(host, [entry("router.ts")]));
    expect(seen).toEqual(["router.ts parse_config"]);
    expect(watch.open()).toBe(false);
  });
});
