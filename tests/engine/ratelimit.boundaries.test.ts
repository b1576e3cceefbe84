// R9 leaky-bucket boundary pairs with a burst above 1 (Synapse's Ratelimiter.can_do_action).
import { describe, expect, it } from "vitest";
import { RateLimiter } from "../../src/engine/ratelimit.ts";

describe("R9 rate limiter boundaries", () => {
  it("R9 burst 3 at 0.5/s: three at once, the fourth waits exactly 2 s (1 ms early is refused)", () => {
    const l = new RateLimiter(0.5, 3);
    for (let i = 0; i < 3; i++) expect(l.attempt("u", 0)).toEqual({ allowed: true, retry_after_ms: 0 });
    expect(l.attempt("u", 0)).toEqual({ allowed: false, retry_after_ms: 2000 });
    // 1000 * (2 - 1.999) is 0.99999… in floating point: truncated to 0, as Synapse's int() does.
    expect(l.attempt("u", 1_999)).toEqual({ allowed: false, retry_after_ms: 0 });
    expect(l.attempt("u", 2_000)).toEqual({ allowed: true, retry_after_ms: 0 });
    // Refusals do not count: the next slot is 2 s after the last allowed one.
    expect(l.attempt("u", 2_000)).toEqual({ allowed: false, retry_after_ms: 2000 });
    expect(l.attempt("u", 3_999).allowed).toBe(false);
    expect(l.attempt("u", 4_000).allowed).toBe(true);
  });
  it("R9 a drained bucket starts afresh: a full burst again, then the same 2 s wait", () => {
    const l = new RateLimiter(0.5, 3);
    for (let i = 0; i < 3; i++) l.attempt("u", 0);
    for (let i = 0; i < 3; i++) expect(l.attempt("u", 100_000).allowed).toBe(true);
    expect(l.attempt("u", 100_000)).toEqual({ allowed: false, retry_after_ms: 2000 });
    expect(l.attempt("u", 101_999).allowed).toBe(false);
    expect(l.attempt("u", 102_000).allowed).toBe(true);
  });
  it("R9 partly drained: after 1 s at 1/s with burst 2 one more is allowed, not two", () => {
    const l = new RateLimiter(1, 2);
    expect(l.attempt("u", 0).allowed).toBe(true);
    expect(l.attempt("u", 0).allowed).toBe(true);
    expect(l.attempt("u", 0)).toEqual({ allowed: false, retry_after_ms: 1000 });
    expect(l.attempt("u", 1_000).allowed).toBe(true);
    expect(l.attempt("u", 1_000)).toEqual({ allowed: false, retry_after_ms: 1000 });
    expect(l.attempt("u", 1_500)).toEqual({ allowed: false, retry_after_ms: 500 });
  });
});
