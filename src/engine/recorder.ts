// Collects the trace's events and deliveries. Events are appended in time order; a
// slot can be reserved for an event whose content is known only later (a request's
// response, a module call's error) so that it still precedes its effects.
//
// Playground limits (docs/security.md): a module can print or cause without end, so a
// run keeps at most LIMITS.events trace events and LIMITS.consoleLines /
// LIMITS.consoleBytes of module console output. What is over a limit is dropped, once
// noted by a warning that names the limit; the run itself goes on.
import type { Delivery, TraceEvent } from "../trace/types.ts";

export const LIMITS = { events: 200_000, consoleLines: 10_000, consoleBytes: 1_000_000 } as const;

/** Console events carry this (symbol keys are not cloned or serialised). */
export const CONSOLE = Symbol("console output");

export class Recorder {
  private events: Array<TraceEvent | null> = [];
  /** Reserved slots not filled yet (all() copies the list only when some remain). */
  private open = 0;
  private consoleLines = 0;
  private consoleBytes = 0;
  private full = { events: false, console: false };
  readonly deliveries: Delivery[] = [];

  /** Records e; false when it was dropped (over a limit). */
  emit(e: TraceEvent): boolean {
    if ((e as { [CONSOLE]?: boolean })[CONSOLE] && !this.consoleFits(e)) return false;
    if (this.events.length >= LIMITS.events) {
      this.overflow("events", e, `the run reached the playground limit of ${LIMITS.events} trace events; later events were not recorded (deliveries and final states are complete)`);
      return false;
    }
    this.events.push(e);
    return true;
  }

  private consoleFits(e: TraceEvent): boolean {
    const bytes = e.type === "log" ? e.message.length : 0;
    if (this.consoleLines + 1 <= LIMITS.consoleLines && this.consoleBytes + bytes <= LIMITS.consoleBytes) {
      this.consoleLines++;
      this.consoleBytes += bytes;
      return true;
    }
    this.overflow("console", e, `console output reached the playground limit of ${LIMITS.consoleLines} lines per run (or ${LIMITS.consoleBytes} characters); later output was not recorded`);
    return false;
  }

  /** The first time a limit is hit: one warning past the limit, naming it. */
  private overflow(which: "events" | "console", e: TraceEvent, message: string): void {
    if (this.full[which]) return;
    this.full[which] = true;
    const module = which === "console" && e.type === "log" && e.module ? e.module : "playground limit";
    this.events.push({ at: e.at, server: e.server, type: "log", level: "warning", message, module });
  }

  /** A slot for an event known later; -1 when the event limit is reached (fill ignores it). */
  reserve(): number {
    if (this.events.length >= LIMITS.events) return -1;
    this.events.push(null);
    this.open++;
    return this.events.length - 1;
  }

  fill(slot: number, e: TraceEvent): void {
    if (slot < 0) {
      this.overflow("events", e, `the run reached the playground limit of ${LIMITS.events} trace events; later events were not recorded (deliveries and final states are complete)`);
      return;
    }
    if (this.events[slot] === null) this.open--;
    this.events[slot] = e;
  }

  deliver(d: Delivery): void {
    this.deliveries.push(d);
  }

  /** The events (a fresh array: the recorder keeps its own). */
  all(): TraceEvent[] {
    return this.open ? this.events.filter((e): e is TraceEvent => e !== null) : (this.events.slice() as TraceEvent[]);
  }
}
