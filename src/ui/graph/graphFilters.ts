// What the filter bar controls (pure data; Filters.tsx edits it).
import type { ViaKind } from "./via.ts";

export interface GraphFilters {
  /** Reasons to show. A delivery shows when any of its vias is enabled; it is drawn as the strongest enabled one. */
  vias: Record<ViaKind, boolean>;
  /** Servers whose deliveries are shown (by the server where the delivery happened); null = all. */
  servers: string[] | null;
  /** Case-insensitive substring of a user id; non-empty = only edges touching a matching user. */
  search: string;
  /** Show federation deliveries (server → server edges). */
  federation: boolean;
  /** Show only deliveries in the recent window before `time`. */
  recentOnly: boolean;
  /** Show router decisions that delivered nothing (dashed edges). */
  decisions: boolean;
}

export const DEFAULT_FILTERS: GraphFilters = {
  vias: { router: true, module_api: true, join: true, room: true, self: true },
  servers: null,
  search: "",
  federation: true,
  recentOnly: false,
  decisions: true,
};

/** Simulated ms before `time` within which a delivery counts as recent (highlighted). */
export const RECENT_WINDOW_MS = 3000;

/** True when the filters are the defaults (nothing hidden by a filter). */
export function isDefaultFilters(f: GraphFilters): boolean {
  return (
    f.servers === null &&
    f.search.trim() === "" &&
    f.federation === DEFAULT_FILTERS.federation &&
    f.recentOnly === DEFAULT_FILTERS.recentOnly &&
    f.decisions === DEFAULT_FILTERS.decisions &&
    Object.entries(DEFAULT_FILTERS.vias).every(([k, v]) => f.vias[k as ViaKind] === v)
  );
}
