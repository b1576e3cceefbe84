// The typing gate (src/sandbox/typingGate.ts): Python run requests closer together than
// the typing gap wait for a quiet period; a lone request, or one without Python, goes at once.
import { describe, expect, it } from "vitest";
import { QUIET_MS, TYPING_GAP_MS, TypingGate, type GateClock } from "../../src/sandbox/typingGate.ts";

/** A hand-driven clock: `advance(ms)` fires the timers that fall due, in order. */
function fakeClock() {
  let t = 1000;
  let timers: Array<{ at: number; run: () => void; id: number }> = [];
  let next = 1;
  const clock: GateClock = {
    now: () => t,
    set: (run, ms) => {
      const id = next++;
      timers.push({ at: t + ms, run, id });
      return id;
    },
    clear: (h) => void (timers = timers.filter((x) => x.id !== h)),
  };
  const advance = (ms: number) => {
    const end = t + ms;
    for (;;) {
      const due = timers.filter((x) => x.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      timers = timers.filter((x) => x !== due);
      t = due.at;
      due.run();
    }
    t = end;
  };
  return { clock, advance, pending: () => timers.length };
}

function setup() {
  const f = fakeClock();
  const sent: string[] = [];
  const gate = new TypingGate<string>((r) => sent.push(r), f.clock);
  return { ...f, sent, gate };
}

describe("TypingGate", () => {
  it("sends a lone Python request at once", () => {
    const { gate, sent } = setup();
    gate.offer("a", true);
    expect(sent).toEqual(["a"]);
  });

  it("a burst of Python requests sends the first at once and the last after the quiet period, none between", () => {
    const { gate, sent, advance } = setup();
    for (const k of ["a", "b", "c", "d", "e"]) {
      gate.offer(k, true);
      advance(60);
    }
    expect(sent).toEqual(["a"]);
    advance(QUIET_MS - 60 - 1);
    expect(sent).toEqual(["a"]); // 1 ms before the quiet period ends
    advance(1);
    expect(sent).toEqual(["a", "e"]);
  });

  it("the typing gap: a request exactly TYPING_GAP_MS after the last goes at once; 1 ms sooner it is held", () => {
    const at = setup();
    at.gate.offer("a", true);
    at.advance(TYPING_GAP_MS);
    at.gate.offer("b", true);
    expect(at.sent).toEqual(["a", "b"]);

    const under = setup();
    under.gate.offer("a", true);
    under.advance(TYPING_GAP_MS - 1);
    under.gate.offer("b", true);
    expect(under.sent).toEqual(["a"]);
    under.advance(QUIET_MS);
    expect(under.sent).toEqual(["a", "b"]);
  });

  it("the gap is measured from the previous request, held or not: steady typing keeps the newest held", () => {
    const { gate, sent, advance } = setup();
    gate.offer("a", true);
    // Each key comes before the previous one's quiet period ends.
    for (const k of ["b", "c", "d"]) {
      advance(QUIET_MS - 1);
      gate.offer(k, true);
    }
    expect(sent).toEqual(["a"]);
    advance(QUIET_MS);
    expect(sent).toEqual(["a", "d"]);
  });

  it("requests without Python are never held, and drop a held Python request (the newest wins)", () => {
    const { gate, sent, advance, pending } = setup();
    gate.offer("a", true);
    advance(10);
    gate.offer("b", true); // held
    expect(pending()).toBe(1);
    advance(10);
    gate.offer("ts", false);
    expect(sent).toEqual(["a", "ts"]);
    expect(pending()).toBe(0);
    advance(QUIET_MS * 2);
    expect(sent).toEqual(["a", "ts"]);
  });

  it("cancel drops a held request", () => {
    const { gate, sent, advance } = setup();
    gate.offer("a", true);
    gate.offer("b", true);
    gate.cancel();
    advance(QUIET_MS * 2);
    expect(sent).toEqual(["a"]);
  });
});
