// Replies in arrival order while some are prepared over several turns (src/sandbox/inOrder.ts).
import { describe, expect, it } from "vitest";
import { inOrder } from "../../src/sandbox/inOrder.ts";

/** A promise settled from outside. */
function gate() {
  let open!: () => void;
  let fail!: (e: unknown) => void;
  const p = new Promise<void>((res, rej) => ((open = res), (fail = rej)));
  return { p, open, fail };
}
const flush = () => new Promise((r) => setTimeout(r, 0));

/** Runs `body` with console.error recording into the array it is given, then restores it. */
async function capturingErrors(body: (errors: unknown[][]) => Promise<void>): Promise<void> {
  const errors: unknown[][] = [];
  const was = console.error;
  console.error = (...a: unknown[]) => void errors.push(a);
  try {
    await body(errors);
  } finally {
    console.error = was;
  }
}

describe("inOrder", () => {
  it("a value that arrives while a later one is still being prepared waits for that one too", async () => {
    const got: string[] = [];
    const ga = gate();
    const gb = gate();
    const push = inOrder<string>((v) => got.push(v), (v) => (v === "a" ? ga.p : v === "b" ? gb.p : null));
    push("a");
    push("b");
    ga.open();
    await flush();
    expect(got).toEqual(["a"]);
    push("c"); // b is still being prepared
    expect(got).toEqual(["a"]);
    gb.open();
    await flush();
    expect(got).toEqual(["a", "b", "c"]);
  });

  it("a delivery that throws is logged; the values after it are still delivered", async () => {
    const got: string[] = [];
    const g = gate();
    await capturingErrors(async (errors) => {
      const push = inOrder<string>(
        (v) => {
          if (v === "a") throw new Error("deliver a");
          got.push(v);
        },
        (v) => (v === "a" ? g.p : null),
      );
      push("a");
      push("b");
      g.open();
      await flush();
      expect(got).toEqual(["b"]);
      expect(errors.length).toBe(1);
    });
  });

  it("a value that needs no preparing, with nothing waiting, is delivered at once (synchronously)", () => {
    const got: string[] = [];
    const push = inOrder<string>((v) => got.push(v), () => null);
    push("a");
    expect(got).toEqual(["a"]);
  });

  it("a value that arrives while another is being prepared waits for it, even if it needs nothing", async () => {
    const got: string[] = [];
    const g = gate();
    const push = inOrder<string>((v) => got.push(v), (v) => (v === "big" ? g.p : null));
    push("big");
    push("small");
    await flush();
    expect(got).toEqual([]);
    g.open();
    await flush();
    expect(got).toEqual(["big", "small"]);
    push("later"); // the queue has drained: at once again
    expect(got).toEqual(["big", "small", "later"]);
  });

  it("a queued value is prepared when its turn comes, not on arrival", async () => {
    const order: string[] = [];
    const g = gate();
    const push = inOrder<string>(
      (v) => order.push(`deliver ${v}`),
      (v) => {
        order.push(`prepare ${v}`);
        return v === "a" ? g.p : Promise.resolve();
      },
    );
    push("a");
    push("b");
    expect(order).toEqual(["prepare a"]);
    g.open();
    await flush();
    expect(order).toEqual(["prepare a", "deliver a", "prepare b", "deliver b"]);
  });

  it("a failed preparation still delivers its value, and the ones after it", async () => {
    const got: string[] = [];
    const g = gate();
    await capturingErrors(async (errors) => {
      const push = inOrder<string>((v) => got.push(v), (v) => (v === "a" ? g.p : null));
      push("a");
      push("b");
      g.fail(new Error("boom"));
      await flush();
      expect(got).toEqual(["a", "b"]);
      expect(errors.length).toBe(1);
      expect((errors[0] as unknown[])[0]).toBe("preparing a reply failed");
    });
  });
});
