// The watchdog's feed inside the engine worker (browser) or the runner's process (Node):
// a ModuleHost whose `enter` tells the watchdog when the engine enters module code and
// when it is back (contracts.ts ModuleHost.enter). Only the engine calls `enter`; a
// module calling its own methods or callbacks reports nothing, so module code can neither
// fake progress nor flood the channel. Two feeds:
// - messages (here): one "enter" and one "exit" message per span, posted at once; the
//   watchdog (iframe-runtime.ts, src/cli/contain.ts) times each open span on its own clock;
// - shared memory (sharedSpans.ts), used by the browser when the sandbox is cross-origin
//   isolated: the engine writes the oldest open span into a SharedArrayBuffer the frame
//   reads on its watchdog tick; no message per span.
import type { ModuleHost } from "../engine/contracts.ts";
import type { SpanMark } from "../worker/protocol.ts";

/** Opens a span; the returned function closes it (idempotent). */
export type EnterSpan = (module: string, what: string, at: number) => () => void;

/** `inner` with the watchdog's `enter`. */
export function hostWithSpans(inner: ModuleHost, enter: EnterSpan): ModuleHost {
  return {
    load: (file, env) => inner.load(file, env),
    locate: (err) => inner.locate(err),
    enter,
  };
}

/** The message feed: an "enter" and an "exit" per span, posted at once. */
export function messageSpans(post: (m: SpanMark) => void): EnterSpan {
  let seq = 0;
  return (module, what, at) => {
    const id = ++seq;
    post({ type: "enter", seq: id, module, what, at });
    let open = true;
    return () => {
      if (!open) return;
      open = false;
      post({ type: "exit", seq: id });
    };
  };
}

/** `inner` with the message feed. */
export function watchedHost(inner: ModuleHost, post: (m: SpanMark) => void): ModuleHost {
  return hostWithSpans(inner, messageSpans(post));
}
