// Holds back run requests that need a fresh Python interpreter while the user types.
// Every Python run that begins uses up one engine worker whose interpreter took ~0.5 s of
// CPU to restore (fresh realm per run, docs/security.md), so a run begun per keystroke
// drains the ready spares and the burst's last key waits for a restore. While requests
// come closer together than `gapMs`, one waits until `quietMs` pass without a newer one:
// a burst begins one run for its first key and one for its last. A lone edit goes at once.

/** Requests closer together than this (ms) are typing... */
export const TYPING_GAP_MS = 400;
/** ...and a held request waits this long (ms) for a newer one. */
export const QUIET_MS = 180;

export interface GateClock {
  now(): number;
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const realClock: GateClock = {
  now: () => performance.now(),
  set: (run, ms) => setTimeout(run, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export class TypingGate<T> {
  private last = -Infinity;
  private timer: unknown = null;

  constructor(
    private readonly send: (request: T) => void,
    private readonly clock: GateClock = realClock,
    private readonly gapMs = TYPING_GAP_MS,
    private readonly quietMs = QUIET_MS,
  ) {}

  /** The newest request; `holdable`: it needs a fresh interpreter (a Python run). */
  offer(request: T, holdable: boolean): void {
    const now = this.clock.now();
    const typing = now - this.last < this.gapMs;
    this.last = now;
    this.cancel(); // a held older request is dropped: the newest wins
    if (holdable && typing) {
      this.timer = this.clock.set(() => {
        this.timer = null;
        this.send(request);
      }, this.quietMs);
    } else this.send(request);
  }

  /** Drops a held request (the sandbox goes away). */
  cancel(): void {
    this.clock.clear(this.timer); // clearing null (nothing held) is a no-op
    this.timer = null;
  }
}
