// The recorder's reserved slots: an event whose content is known later keeps its place
// before the events it causes; an unfilled slot never shows in the trace.
import { describe, expect, it } from "vitest";
import { Recorder } from "../../src/engine/recorder.ts";
import type { TraceEvent } from "../../src/trace/types.ts";

const wake = (i: number): TraceEvent => ({ at: i, server: "example.org", type: "wake", user: "@a:example.org", reasons: [] });
const ats = (r: Recorder) => r.all().map((e) => e.at);

describe("recorder slots", () => {
  it("a filled slot keeps its place; unfilled slots are left out", () => {
    const r = new Recorder();
    const s1 = r.reserve();
    expect(r.emit(wake(2))).toBe(true);
    const s2 = r.reserve();
    r.emit(wake(4));
    expect([s1, s2]).toEqual([0, 2]);
    expect(ats(r)).toEqual([2, 4]);
    r.fill(s1, wake(1));
    expect(ats(r)).toEqual([1, 2, 4]);
    r.fill(s2, wake(3));
    expect(ats(r)).toEqual([1, 2, 3, 4]);
  });

  it("filling a slot twice replaces it and does not lose track of open slots", () => {
    const r = new Recorder();
    const a = r.reserve();
    const b = r.reserve();
    r.fill(a, wake(1));
    r.fill(a, wake(5)); // replaced
    expect(ats(r)).toEqual([5]);
    r.fill(b, wake(6));
    expect(ats(r)).toEqual([5, 6]);
  });

  it("all() is a copy: changing it does not change the recorder", () => {
    const r = new Recorder();
    r.emit(wake(1));
    const first = r.all();
    first.push(wake(9));
    first[0] = wake(8);
    expect(ats(r)).toEqual([1]);
    const slot = r.reserve();
    const withOpen = r.all();
    withOpen.push(wake(7));
    expect(ats(r)).toEqual([1]);
    r.fill(slot, wake(2));
    expect(ats(r)).toEqual([1, 2]);
  });
});
