// Delivery reasons (scenario-format §4 `via`) as drawable kinds, their priority and colours.

export type ViaKind = "router" | "module_api" | "join" | "room" | "self";

/** Strongest / most informative first: a delivery with several vias is drawn as the first that applies. */
export const VIA_PRIORITY: readonly ViaKind[] = ["router", "module_api", "join", "room", "self"];

export const VIA_LABELS: Record<ViaKind, string> = {
  router: "presence router",
  module_api: "module API (send_local_online_presence_to)",
  join: "membership push (join)",
  room: "shared room",
  self: "own presence",
};

/** Colours readable on light and dark backgrounds. */
export const VIA_COLORS: Record<ViaKind, string> = {
  router: "#d946ef",
  module_api: "#f59e0b",
  join: "#10b981",
  room: "#3b82f6",
  self: "#94a3b8",
};

/** "room:!x:hs" → "room"; unknown strings → null (ignored, consumers skip what they do not know). */
export function viaKind(via: string): ViaKind | null {
  if (via.startsWith("room:")) return "room";
  switch (via) {
    case "router":
    case "module_api":
    case "join":
    case "self":
      return via;
    default:
      return null;
  }
}

/** The strongest kind among `vias` that `enabled` allows, or null when none is enabled. */
export function strongestVia(vias: readonly string[], enabled?: Readonly<Record<ViaKind, boolean>>): ViaKind | null {
  const present = new Set<ViaKind>();
  for (const v of vias) {
    const k = viaKind(v);
    if (k !== null && (!enabled || enabled[k])) present.add(k);
  }
  for (const k of VIA_PRIORITY) if (present.has(k)) return k;
  return null;
}
