// Whether the examples gallery is open: the header's Examples button and the first-visit
// card open it. Kept in the playground's view store (playground.ts), not at module level.
import { useCallback } from "react";
import { useStore } from "zustand";
import { usePlaygroundInstance } from "../context.ts";

/** [open, setOpen]; setOpen is stable (the dialog's effects depend on it). */
export function useGalleryOpen(): [boolean, (open: boolean) => void] {
  const { view } = usePlaygroundInstance();
  const setOpen = useCallback((open: boolean) => view.setState({ galleryOpen: open }), [view]);
  return [useStore(view, (s) => s.galleryOpen), setOpen];
}
