// Whether the examples gallery is open: the header's Examples button and the first-visit
// card open it. Kept in the playground's view store (playground.ts), not at module level.
import { useStore } from "zustand";
import { usePlaygroundInstance } from "../context.ts";

export function useGalleryOpen(): [boolean, (open: boolean) => void] {
  const { view } = usePlaygroundInstance();
  return [useStore(view, (s) => s.galleryOpen), (open) => view.setState({ galleryOpen: open })];
}
