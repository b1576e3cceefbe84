// Which glossary entry is open (null: the glossary is closed). Any rule link opens it.
import { create } from "zustand";

export const useGlossary = create<{ open: string | null }>()(() => ({ open: null }));

export function openRule(id: string): void {
  useGlossary.setState({ open: id });
}

export function closeGlossary(): void {
  useGlossary.setState({ open: null });
}
