// Whether the shortcut sheet is open (opened by `?` or the Settings menu). Kept in the
// playground's view store (playground.ts), not at module level.
import { useCallback } from "react";
import { useStore } from "zustand";
import { usePlaygroundInstance } from "../context.ts";

/** [open, setOpen]; setOpen is stable (effects may depend on it). */
export function useShortcutSheet(): [boolean, (open: boolean) => void] {
  const { view } = usePlaygroundInstance();
  const setOpen = useCallback((open: boolean) => view.setState({ shortcutSheet: open }), [view]);
  return [useStore(view, (s) => s.shortcutSheet), setOpen];
}
