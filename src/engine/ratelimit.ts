// R9: Synapse's leaky-bucket rate limiter, keyed by user id.
export interface RateDecision {
  allowed: boolean;
  retry_after_ms: number;
}

export class RateLimiter {
  private buckets = new Map<string, { count: number; start_s: number }>();
  constructor(
    private readonly rate: number,
    private readonly burst: number,
  ) {}

  /** One attempt at `now_ms`; an allowed attempt counts, a denied one changes nothing. */
  attempt(key: string, now_ms: number): RateDecision {
    const now_s = now_ms / 1000;
    let b = this.buckets.get(key) ?? { count: 0, start_s: now_s };
    let used = b.count - (now_s - b.start_s) * this.rate;
    if (used < 0) {
      used = 0;
      b = { count: 0, start_s: now_s };
    }
    if (used > this.burst - 1) {
      const retry = Math.floor(1000 * (b.start_s + (b.count - this.burst + 1) / this.rate - now_s));
      return { allowed: false, retry_after_ms: retry };
    }
    this.buckets.set(key, { count: b.count + 1, start_s: b.start_s });
    return { allowed: true, retry_after_ms: 0 };
  }
}
