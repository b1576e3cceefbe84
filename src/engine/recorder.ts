// Collects the trace's events and deliveries. Events are appended in time order; a
// slot can be reserved for an event whose content is known only later (a request's
// response, a module call's error) so that it still precedes its effects.
import type { Delivery, TraceEvent } from "../trace/types.ts";

export class Recorder {
  private events: Array<TraceEvent | null> = [];
  readonly deliveries: Delivery[] = [];

  emit(e: TraceEvent): void {
    this.events.push(e);
  }

  reserve(): number {
    this.events.push(null);
    return this.events.length - 1;
  }

  fill(slot: number, e: TraceEvent): void {
    this.events[slot] = e;
  }

  deliver(d: Delivery): void {
    this.deliveries.push(d);
  }

  all(): TraceEvent[] {
    return this.events.filter((e): e is TraceEvent => e !== null);
  }
}
