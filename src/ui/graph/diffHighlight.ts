// The run-diff highlight drawn on the graph: the inspector (Changes) computes a diff
// between two runs and stores it in the playground's view store as [from, to] user-id
// pairs; GraphPanel passes it to <DeliveryGraph diff>. null clears it.
import { useCallback } from "react";
import { useStore } from "zustand";
import { usePlaygroundInstance } from "../context.ts";
import type { RunDiffHighlight } from "./style.ts";

export type { RunDiffHighlight } from "./style.ts";

export function useGraphDiff(): RunDiffHighlight | null {
  return useStore(usePlaygroundInstance().view, (s) => s.graphDiff);
}

/** The setter (stable), for effects: `useSetGraphDiff()(diff)`. */
export function useSetGraphDiff(): (diff: RunDiffHighlight | null) => void {
  const { view } = usePlaygroundInstance();
  return useCallback((graphDiff: RunDiffHighlight | null) => view.setState({ graphDiff }), [view]);
}
