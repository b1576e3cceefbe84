// How undelivered router decisions and run-diff highlights look (pure data, shared by the
// WebGL renderer, the SVG fallback, the image export and the legend).
import type { UndeliveredOutcome } from "./model.ts";

export interface DashedLook {
  color: string;
  /** Dash and gap in screen pixels. */
  dash: number;
  gap: number;
  label: string;
  /** One sentence for the legend and the edge panel. */
  help: string;
}

export const OUTCOME_LOOKS: Record<UndeliveredOutcome, DashedLook> = {
  woken_nothing: {
    color: "#f97316",
    dash: 8,
    gap: 5,
    label: "routed, woken, nothing to see",
    help: "get_users_for_states routed it and the target's sync was woken, but get_interested_users did not let them see it (S6)",
  },
  no_sync: {
    color: "#dc2626",
    dash: 3,
    gap: 4,
    label: "routed, not delivered: no sync",
    help: "the target never syncs in this scenario, so nothing can reach them: add a client",
  },
  unknown_target: {
    color: "#dc2626",
    dash: 10,
    gap: 3,
    label: "routed to an unknown user",
    help: "the router returned a user id that is not a user of this scenario",
  },
  not_delivered: {
    color: "#64748b",
    dash: 5,
    gap: 5,
    label: "decided, not delivered",
    help: "routed or allowed by the router, but no delivery of it (yet) at this time",
  },
};

export const DIFF_LOOKS = {
  added: { color: "#16a34a", label: "new since last run" },
  removed: { color: "#94a3b8", dash: 6, gap: 6, label: "gone since last run" },
} as const;

/** Marks added to a flagged user's label. */
export const FLAG_MARKS = { no_sync: "⚠ no sync", unknown_target: "⚠ not in scenario" } as const;
