// Whether the shortcut sheet is open (opened by `?` or the Settings menu).
import { create } from "zustand";

export const useShortcutSheet = create<{ open: boolean }>()(() => ({ open: false }));

export function openShortcutSheet(): void {
  useShortcutSheet.setState({ open: true });
}

export function closeShortcutSheet(): void {
  useShortcutSheet.setState({ open: false });
}
