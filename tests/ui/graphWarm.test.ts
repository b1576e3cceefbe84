// A big result's graph data built ahead of its render, a piece per turn (src/ui/graph/warm.ts).
import { describe, expect, it } from "vitest";
import { WARM_FROM_DELIVERIES, needsWarming, warmGraph } from "../../src/ui/graph/warm.ts";
import { delivery, makeTrace } from "../analysis/builders.ts";

const A = "@a:a.org";
const withDeliveries = (n: number) => makeTrace({ servers: ["a.org"], users: [A], deliveries: Array.from({ length: n }, (_, i) => delivery(i, A, A, ["self"])) });

describe("warmGraph", () => {
  it(`warms results of ${WARM_FROM_DELIVERIES} deliveries or more, not one fewer`, () => {
    expect(needsWarming(withDeliveries(WARM_FROM_DELIVERIES))).toBe(true);
    expect(needsWarming(withDeliveries(WARM_FROM_DELIVERIES - 1))).toBe(false);
  });

  it("builds one piece per turn: three turns, the last after the layout's input", async () => {
    let turns = 0;
    await warmGraph(withDeliveries(10), async () => void turns++);
    expect(turns).toBe(3);
  });
});
