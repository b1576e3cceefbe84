// The real macrotask turn World.run takes before the clock moves (src/engine/macrotask.ts,
// scenario-format §5): each host primitive, the order it prefers them in, and that a turn
// resolves only when the host runs it.
import { describe, expect, it, vi } from "vitest";
import { macrotask, pickTurn } from "../../src/engine/macrotask.ts";

const settled = async (p: Promise<void>) => {
  let done = false;
  void p.then(() => (done = true));
  for (let i = 0; i < 20; i++) await Promise.resolve();
  return done;
};

/** A MessageChannel whose messages are delivered by hand. */
function fakeChannel() {
  const posted: unknown[] = [];
  let port1: { onmessage: (() => void) | null } = { onmessage: null };
  class Channel {
    port1 = port1;
    port2 = { postMessage: (v: unknown) => posted.push(v) };
    constructor() {
      port1 = this.port1;
    }
  }
  return { Channel: Channel as unknown as typeof MessageChannel, posted, deliver: () => port1.onmessage?.() };
}

describe("pickTurn", () => {
  it("setImmediate first: the turn resolves when the host runs the callback, not before", async () => {
    const queued: Array<() => void> = [];
    const setImmediate = vi.fn((f: () => void) => queued.push(f));
    const setTimeout = vi.fn();
    const turn = pickTurn({ setImmediate, setTimeout, MessageChannel: fakeChannel().Channel });
    const p = turn();
    expect(setImmediate).toHaveBeenCalledTimes(1);
    expect(setTimeout).not.toHaveBeenCalled();
    expect(await settled(p)).toBe(false);
    queued[0]!();
    expect(await settled(p)).toBe(true);
  });

  it("then the scheduler's postTask, called on the scheduler: the turn resolves when the task runs", async () => {
    const queued: Array<() => void> = [];
    const thisArgs: unknown[] = [];
    const priorities: unknown[] = [];
    const scheduler = {
      postTask(this: unknown, f: () => void, options: unknown) {
        thisArgs.push(this);
        queued.push(f);
        priorities.push(options);
        return new Promise<void>(() => {});
      },
    };
    const ch = fakeChannel();
    const setTimeout = vi.fn();
    const turn = pickTurn({ scheduler, MessageChannel: ch.Channel, setTimeout });
    const a = turn();
    const b = turn();
    expect(queued.length).toBe(2);
    expect(thisArgs).toEqual([scheduler, scheduler]);
    expect(priorities).toEqual([{ priority: "user-blocking" }, { priority: "user-blocking" }]);
    expect(ch.posted).toEqual([]);
    expect(setTimeout).not.toHaveBeenCalled();
    expect(await settled(a)).toBe(false);
    queued[0]!();
    expect(await settled(a)).toBe(true);
    expect(await settled(b)).toBe(false);
    queued[1]!();
    expect(await settled(b)).toBe(true);
    // setImmediate still comes first; a scheduler without postTask is passed over.
    const immediate = vi.fn();
    pickTurn({ setImmediate: immediate, scheduler })();
    expect(immediate).toHaveBeenCalledTimes(1);
    expect(queued.length).toBe(2);
    pickTurn({ scheduler: {}, MessageChannel: ch.Channel })();
    expect(ch.posted).toEqual([null]);
  });

  it("a private MessageChannel next: one null message per turn, turns resolve in order", async () => {
    const ch = fakeChannel();
    const setTimeout = vi.fn();
    const turn = pickTurn({ MessageChannel: ch.Channel, setTimeout });
    const a = turn();
    const b = turn();
    expect(ch.posted).toEqual([null, null]);
    expect(setTimeout).not.toHaveBeenCalled();
    expect(await settled(a)).toBe(false);
    ch.deliver();
    expect(await settled(a)).toBe(true);
    expect(await settled(b)).toBe(false);
    ch.deliver();
    expect(await settled(b)).toBe(true);
    // A stray message with nobody waiting is harmless.
    ch.deliver();
  });

  it("setTimeout(0) as the last host primitive", async () => {
    const queued: Array<[() => void, number]> = [];
    const turn = pickTurn({ setTimeout: (f: () => void, ms: number) => queued.push([f, ms]) });
    const p = turn();
    expect(queued.map(([, ms]) => ms)).toEqual([0]);
    expect(await settled(p)).toBe(false);
    queued[0]![0]();
    expect(await settled(p)).toBe(true);
  });

  it("no primitive at all: a resolved promise", async () => {
    expect(await settled(pickTurn({})())).toBe(true);
  });

  it("the engine's turn (Node: setImmediate) lets queued microtask chains finish first", async () => {
    let steps = 0;
    const chain = async () => {
      for (let i = 0; i < 100; i++) {
        await Promise.resolve();
        steps++;
      }
    };
    void chain();
    await macrotask();
    expect(steps).toBe(100);
  });
});
