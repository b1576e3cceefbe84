// Collects the trace's events and deliveries. Events are appended in time order; a
// slot can be reserved for an event whose content is known only later (a request's
// response, a module call's error) so that it still precedes its effects.
//
// Playground limits (docs/security.md): a module can print or cause without end, so a
// run keeps at most LIMITS.events trace events and LIMITS.consoleLines /
// LIMITS.consoleBytes of module console output. What is over a limit is dropped, once
// noted by a warning that names the limit; the run itself goes on.
//
// Storage is columnar (src/trace/columns.ts): a big run keeps numbers and a string
// table, not hundreds of thousands of objects; `all()` / `deliveries` materialise.
import { TraceColumns } from "../trace/columns.ts";
import type { Delivery, TraceEvent } from "../trace/types.ts";

export const LIMITS = { events: 200_000, consoleLines: 10_000, consoleBytes: 1_000_000 } as const;

/** Console events carry this (symbol keys are not cloned or serialised). */
export const CONSOLE = Symbol("console output");

export class Recorder {
  readonly columns = new TraceColumns();
  private consoleLines = 0;
  private consoleBytes = 0;
  private full = { events: false, console: false };
  /**
   * Every router call offered, kept or dropped, and its `ms`: the bench compares the
   * engine's time with the module's over the whole run (RunStats, index.ts).
   */
  readonly offered = { router_calls: 0, module_ms: 0 };

  /**
   * False once the event limit's warning is written: every later event other than
   * console output is dropped, so a caller may skip building it (that is most of a big
   * run's events: building them was most of its garbage).
   */
  get accepting(): boolean {
    return !this.full.events;
  }

  /** Records e; false when it was dropped (over a limit). */
  emit(e: TraceEvent): boolean {
    if (e.type === "router_call") {
      this.offered.router_calls++;
      this.offered.module_ms += e.ms;
    }
    if ((e as { [CONSOLE]?: boolean })[CONSOLE] && !this.consoleFits(e)) return false;
    if (this.columns.length >= LIMITS.events) {
      this.overflow("events", e, `the run reached the playground limit of ${LIMITS.events} trace events; later events were not recorded (deliveries and final states are complete)`);
      return false;
    }
    this.columns.push(e);
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
    this.columns.push({ at: e.at, server: e.server, type: "log", level: "warning", message, module });
  }

  /** A slot for an event known later; -1 when the event limit is reached (fill ignores it). */
  reserve(): number {
    if (this.columns.length >= LIMITS.events) return -1;
    return this.columns.reserve();
  }

  fill(slot: number, e: TraceEvent): void {
    if (slot < 0) {
      this.overflow("events", e, `the run reached the playground limit of ${LIMITS.events} trace events; later events were not recorded (deliveries and final states are complete)`);
      return;
    }
    this.columns.fill(slot, e);
  }

  deliver(d: Delivery): void {
    this.columns.deliver(d);
  }

  /** The deliveries, materialised (a fresh array). */
  get deliveries(): Delivery[] {
    return this.columns.deliveries();
  }

  /** The events, materialised (a fresh array; unfilled slots left out). */
  all(): TraceEvent[] {
    return this.columns.events();
  }
}
