// The event queue (scenario-format §5 "Time order"): items come out by time, then class
// (federation, tick, step, triggered), then insertion order, whatever order they went in.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EventQueue, Klass } from "../../src/engine/queue.ts";

type Entry = { time: number; klass: Klass; id: number };

function drain(q: EventQueue): number[] {
  const out: number[] = [];
  for (let it = q.pop(); it; it = q.pop()) out.push((it.run as () => number)());
  return out;
}

describe("EventQueue", () => {
  it("§5 pops by time, then class, then insertion order (any push order, any size)", () => {
    const entry = fc.record({ time: fc.integer({ min: 0, max: 6 }), klass: fc.constantFrom(Klass.Federation, Klass.Tick, Klass.Step, Klass.Triggered) });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 40 }), (xs) => {
        const q = new EventQueue();
        const entries: Entry[] = xs.map((x, id) => ({ ...x, id }));
        for (const e of entries) q.push(e.time, e.klass, () => e.id);
        expect(q.size).toBe(entries.length);
        const want = [...entries].sort((a, b) => a.time - b.time || a.klass - b.klass || a.id - b.id).map((e) => e.id);
        expect(drain(q)).toEqual(want);
        expect(q.size).toBe(0);
      }),
      { numRuns: 300, seed: 9 },
    );
  });

  it("§5 items interleaved with pops still come out in order", () => {
    const q = new EventQueue();
    q.push(5, Klass.Step, () => "a");
    q.push(5, Klass.Federation, () => "b");
    expect(q.pop()?.run()).toBe("b");
    q.push(5, Klass.Tick, () => "c");
    q.push(4, Klass.Triggered, () => "d");
    q.push(5, Klass.Step, () => "e");
    expect(drain(q as EventQueue)).toEqual(["d", "c", "a", "e"]);
  });

  it("peek shows the next item without removing it; an empty queue gives undefined", () => {
    const q = new EventQueue();
    expect(q.peek()).toBeUndefined();
    expect(q.pop()).toBeUndefined();
    const late = q.push(10, Klass.Federation, () => 1);
    const early = q.push(3, Klass.Triggered, () => 2);
    expect(q.peek()).toBe(early);
    expect(q.size).toBe(2);
    expect(q.pop()).toBe(early);
    expect(q.peek()).toBe(late);
    expect(q.pop()).toBe(late);
    expect(q.size).toBe(0);
    expect(q.pop()).toBeUndefined();
  });

  it("a pushed item starts not cancelled and carries its time and class", () => {
    const q = new EventQueue();
    const it1 = q.push(7, Klass.Tick, () => 0);
    expect(it1).toMatchObject({ time: 7, klass: Klass.Tick, cancelled: false });
  });
});
