// The graph's camera frame (src/ui/graph/cameraFrame.ts): the layout's bounds with room
// for labels, and the comparison that spares a full redraw when a re-run's frame is the
// same.
import { describe, expect, test } from "vitest";
import { cameraFrame, sameFrame, type Frame } from "../../src/ui/graph/cameraFrame.ts";

const node = (id: string, x: number, y: number) => ({ id, x, y });

describe("cameraFrame", () => {
  test("no nodes, no frame", () => {
    expect(cameraFrame([])).toBeNull();
  });

  test("the bounds padded by 15 % across (at least 4) and 5 % down (at least 1)", () => {
    expect(cameraFrame([node("a", 0, 0), node("b", 100, 40)])).toEqual({ x: [-15, 115], y: [-2, 42] });
    // The span, not the sum of the ends, sets the padding.
    expect(cameraFrame([node("a", 20, 60), node("b", 120, 100)])).toEqual({ x: [5, 135], y: [58, 102] });
    // Small spans get the minimum padding.
    expect(cameraFrame([node("a", 1, 2), node("b", 3, 4)])).toEqual({ x: [-3, 7], y: [1, 5] });
    expect(cameraFrame([node("a", 5, 5)])).toEqual({ x: [1, 9], y: [4, 6] });
  });

  test("a node's force-layout position wins over its cluster position", () => {
    const positions = new Map([["b", { x: 200, y: 0 }]]);
    expect(cameraFrame([node("a", 0, 0), node("b", 100, 40)], positions)).toEqual({ x: [-30, 230], y: [-1, 1] });
    expect(cameraFrame([node("a", 0, 0), node("b", 100, 40)], null)).toEqual({ x: [-15, 115], y: [-2, 42] });
  });
});

describe("sameFrame", () => {
  const f: Frame = { x: [1, 2], y: [3, 4] };
  test("equal values are the same frame, whatever the objects", () => {
    expect(sameFrame({ x: [1, 2], y: [3, 4] }, f)).toBe(true);
  });
  test("no frame yet is never the same", () => {
    expect(sameFrame(null, f)).toBe(false);
    expect(sameFrame(undefined, f)).toBe(false);
  });
  test.each([
    [{ x: [0, 2], y: [3, 4] }],
    [{ x: [1, 2.5], y: [3, 4] }],
    [{ x: [1, 2], y: [3.1, 4] }],
    [{ x: [1, 2], y: [3, 5] }],
  ])("any one bound differing is another frame: %j", (a) => {
    expect(sameFrame(a, f)).toBe(false);
  });
});
