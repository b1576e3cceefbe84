// The run-diff highlight drawn on the graph: whoever computes a diff between two runs
// (the Changes view) calls setGraphDiff({ added, removed }) with [from, to] user-id
// pairs; GraphPanel passes it to <DeliveryGraph diff>. null clears it.
import { create } from "zustand";
import type { RunDiffHighlight } from "./style.ts";

export type { RunDiffHighlight } from "./style.ts";

export const useGraphDiff = create<{ diff: RunDiffHighlight | null }>(() => ({ diff: null }));

export function setGraphDiff(diff: RunDiffHighlight | null): void {
  useGraphDiff.setState({ diff });
}
