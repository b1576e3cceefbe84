// One real macrotask turn: by the time it resolves, every microtask queued before it has
// run, so a module's detached promise chains have settled or are parked on a simulated
// timer (World.run uses it before the clock moves; scenario-format §5).
//
// The primitive is captured when this file is first evaluated: in the engine worker that
// is before lockdown (src/sandbox/lockdown.ts) and before any module code, so a module
// cannot replace it. Node (CLI, Vitest) has setImmediate; a Chromium worker posts a task
// to its own scheduler (`scheduler.postTask`: a message to a private MessageChannel
// travels through the browser's IPC layer even within one thread, ~14 µs a turn on a
// quiet machine and several times that while both cores are busy, and the 10,000-user
// hour takes ~27,000 turns); other browsers use the MessageChannel (setTimeout(0) is
// clamped to 4 ms when nested); setTimeout is the last resort. No time is read: nothing
// here reaches the trace.
type Turn = () => Promise<void>;

/** The host primitives pickTurn looks for (a parameter, so each branch can be tested in Node). */
export interface TurnHost {
  setImmediate?: (f: () => void) => unknown;
  scheduler?: { postTask?: (f: () => void, options: { priority: "user-blocking" }) => Promise<unknown> };
  MessageChannel?: typeof MessageChannel;
  setTimeout?: (f: () => void, ms: number) => unknown;
}

export function pickTurn(g: TurnHost): Turn {
  const immediate = g.setImmediate;
  if (typeof immediate === "function") return () => new Promise((resolve) => void immediate(resolve));
  const scheduler = g.scheduler;
  const postTask = scheduler?.postTask;
  if (typeof postTask === "function") {
    const post = postTask.bind(scheduler);
    // The highest priority: module code that floods the scheduler with its own tasks then
    // only takes turns with the engine (first in, first out) instead of starving it. No
    // abort signal: the task's own promise never rejects.
    return () => new Promise((resolve) => void post(resolve, { priority: "user-blocking" }));
  }
  const Channel = g.MessageChannel;
  if (typeof Channel === "function") {
    const ch = new Channel();
    const waiting: Array<() => void> = [];
    ch.port1.onmessage = () => waiting.shift()?.();
    const post = ch.port2.postMessage.bind(ch.port2);
    return () =>
      new Promise((resolve) => {
        waiting.push(resolve);
        post(null);
      });
  }
  const timeout = g.setTimeout;
  if (typeof timeout === "function") return () => new Promise((resolve) => void timeout(resolve, 0));
  return () => Promise.resolve(); // no host primitive: microtask chains may then lag one instant
}

export const macrotask: Turn = pickTurn(globalThis as TurnHost);
