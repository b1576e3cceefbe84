// The React side of createPlayground (playground.ts): main.tsx creates ONE playground
// and provides it here; components read its stores through hooks (usePlayground,
// useSession, useLearn). Nothing about the playground lives at module level, so two
// playgrounds (two tests, two roots) never share state.
import { createContext, createElement, useContext, type ReactNode } from "react";
import type { Playground } from "./playground.ts";

export const PlaygroundContext = createContext<Playground | null>(null);

export function PlaygroundProvider({ playground, children }: { playground: Playground; children: ReactNode }) {
  return createElement(PlaygroundContext.Provider, { value: playground }, children);
}

/** The playground of the nearest provider; throws outside one (a wiring mistake). */
export function usePlaygroundInstance(): Playground {
  const pg = useContext(PlaygroundContext);
  if (!pg) throw new Error("No playground: render inside <PlaygroundProvider> (main.tsx creates it).");
  return pg;
}
