// Whether the page is dark (Settings → Theme, or the system's choice), live: the graph's
// WebGL colours cannot come from CSS.
import { useEffect, useState } from "react";
import { isDark, useSettings } from "../settings.ts";

export function usePrefersDark(): boolean {
  const theme = useSettings((s) => s.theme);
  const query = typeof window !== "undefined" && window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
  const [system, setSystem] = useState(query?.matches ?? false);
  useEffect(() => {
    if (!query) return;
    const on = (e: MediaQueryListEvent) => setSystem(e.matches);
    query.addEventListener("change", on);
    return () => query.removeEventListener("change", on);
  }, [query]);
  return theme === "system" ? system : isDark(theme);
}
