// Collects the trace's events and deliveries. Events are appended in time order; a
// slot can be reserved for an event whose content is known only later (a request's
// response, a module call's error) so that it still precedes its effects.
import type { Delivery, TraceEvent } from "../trace/types.ts";

export class Recorder {
  private events: Array<TraceEvent | null> = [];
  /** Reserved slots not filled yet (all() copies the list only when some remain). */
  private open = 0;
  readonly deliveries: Delivery[] = [];

  emit(e: TraceEvent): void {
    this.events.push(e);
  }

  reserve(): number {
    this.events.push(null);
    this.open++;
    return this.events.length - 1;
  }

  fill(slot: number, e: TraceEvent): void {
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
