// The watchdog's feed inside the engine worker (browser) or the runner's worker (Node):
// a ModuleHost whose `enter` posts one "enter" message when the engine enters module
// code and one "exit" when it is back (contracts.ts ModuleHost.enter). Only the engine
// calls `enter`; a module calling its own methods or callbacks posts nothing, so module
// code can neither fake progress nor flood the channel. The watchdog (iframe-runtime.ts,
// src/cli/contain.ts) times each open span against the callback budget on its own clock.
import type { ModuleHost } from "../engine/contracts.ts";
import type { SpanMark } from "../worker/protocol.ts";

export function watchedHost(inner: ModuleHost, post: (m: SpanMark) => void): ModuleHost {
  let seq = 0;
  return {
    load: (file, env) => inner.load(file, env),
    locate: (err) => inner.locate(err),
    enter(module, what, at) {
      const id = ++seq;
      post({ type: "enter", seq: id, module, what, at });
      let open = true;
      return () => {
        if (!open) return;
        open = false;
        post({ type: "exit", seq: id });
      };
    },
  };
}
