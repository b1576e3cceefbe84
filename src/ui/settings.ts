// Workspace settings (the Settings menu): theme, editor font size and word wrap. Kept in
// localStorage; a storage failure keeps them for this page only.
import { create } from "zustand";

export type Theme = "system" | "light" | "dark";
export interface Settings {
  theme: Theme;
  fontSize: number;
  wordWrap: boolean;
}

const KEY = "prp.settings.v1";
export const FONT_SIZES = [12, 13, 14, 16, 18] as const;
export const DEFAULT_SETTINGS: Settings = { theme: "system", fontSize: 13, wordWrap: false };

/** Stored settings, each field checked (a bad or missing field takes its default). */
export function readSettings(raw: string | null): Settings {
  let x: Partial<Record<keyof Settings, unknown>> = {};
  try {
    const v: unknown = raw ? JSON.parse(raw) : {};
    if (v && typeof v === "object") x = v as typeof x;
  } catch {
    // unreadable: defaults
  }
  return {
    theme: x.theme === "light" || x.theme === "dark" || x.theme === "system" ? x.theme : DEFAULT_SETTINGS.theme,
    fontSize: FONT_SIZES.includes(x.fontSize as (typeof FONT_SIZES)[number]) ? (x.fontSize as number) : DEFAULT_SETTINGS.fontSize,
    wordWrap: typeof x.wordWrap === "boolean" ? x.wordWrap : DEFAULT_SETTINGS.wordWrap,
  };
}

function load(): Settings {
  try {
    return readSettings(localStorage.getItem(KEY));
  } catch {
    return DEFAULT_SETTINGS;
  }
}

export const useSettings = create<Settings & { set(p: Partial<Settings>): void }>()((setState, get) => ({
  // load() catches everything: no storage in Node, and a blocked one whose getter throws
  // (even `typeof localStorage` throws then).
  ...load(),
  set(p) {
    setState(p);
    const { theme, fontSize, wordWrap } = get();
    try {
      localStorage.setItem(KEY, JSON.stringify({ theme, fontSize, wordWrap }));
    } catch {
      // storage full or blocked: this page keeps them
    }
  },
}));

/** Whether the page is dark now (the system's choice when theme is "system"). */
export function isDark(theme: Theme): boolean {
  return theme === "dark" || (theme === "system" && window.matchMedia("(prefers-color-scheme: dark)").matches);
}

/** Keeps <html class="dark"> in step with the setting and the system; returns a stop function. */
export function applyTheme(): () => void {
  const mq = window.matchMedia("(prefers-color-scheme: dark)");
  const apply = () => document.documentElement.classList.toggle("dark", isDark(useSettings.getState().theme));
  apply();
  mq.addEventListener("change", apply);
  const unsub = useSettings.subscribe(apply);
  return () => {
    mq.removeEventListener("change", apply);
    unsub();
  };
}
