// Which glossary entry is open (null: the glossary is closed). Any rule link opens it.
// Kept in the playground's view store (playground.ts), not at module level.
import { useCallback } from "react";
import { useStore } from "zustand";
import { usePlaygroundInstance } from "../context.ts";

/** The open entry and stable actions: openRule(id) opens (or moves to) an entry, close() closes. */
export function useGlossary(): { open: string | null; openRule(id: string): void; close(): void } {
  const { view } = usePlaygroundInstance();
  const openRule = useCallback((id: string) => view.setState({ glossary: id }), [view]);
  const close = useCallback(() => view.setState({ glossary: null }), [view]);
  return { open: useStore(view, (s) => s.glossary), openRule, close };
}
