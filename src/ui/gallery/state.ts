// Whether the examples gallery is open: the header's Examples button and the first-visit
// card open it.
import { create } from "zustand";

export const useGallery = create<{ open: boolean }>()(() => ({ open: false }));
