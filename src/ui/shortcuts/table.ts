// Every keyboard shortcut of the playground, in one table: the app's key handler
// (App.tsx, the timeline) matches keys with `matches()` on these entries, and the
// shortcut sheet (`?`) renders its labels from the same entries, so the two cannot
// disagree. Entries of scope "editor" are Monaco's own bindings, listed for reference.

export type Scope = "global" | "editor" | "timeline" | "dialog";

/** One key combination. `mod` is Ctrl, or Cmd on a Mac; `shift: undefined` = either. */
export interface KeySpec {
  /** KeyboardEvent.key (letters case-insensitive), or "1-9" for any digit 1 to 9. */
  key: string;
  mod: boolean;
  alt: boolean;
  shift?: boolean;
}

export interface Shortcut {
  id: string;
  scope: Scope;
  keys: KeySpec;
  description: string;
}

const k = (key: string, mod = false, o: { alt?: boolean; shift?: boolean } = {}): KeySpec => ({ key, mod, alt: o.alt ?? false, shift: o.shift });

export const SHORTCUTS = [
  { id: "run", scope: "global", keys: k("Enter", true, { shift: false }), description: "Run the scenario again" },
  { id: "tab", scope: "global", keys: k("1-9", true, { shift: false }), description: "Switch to editor tab 1…9" },
  { id: "share", scope: "global", keys: k("s", true, { shift: true }), description: "Copy a share link" },
  // `?` is Shift+/ on most layouts: shift is not checked.
  { id: "help", scope: "global", keys: k("?"), description: "Show these shortcuts (outside the editor and text fields)" },
  { id: "complete", scope: "editor", keys: k(" ", true, { shift: false }), description: "Complete (synapse API, snippets, scenario keys and ids)" },
  { id: "format", scope: "editor", keys: k("f", false, { alt: true, shift: true }), description: "Format the file" },
  { id: "palette", scope: "editor", keys: k("F1"), description: "Command palette" },
  { id: "find", scope: "editor", keys: k("f", true, { shift: false }), description: "Find in the file" },
  { id: "definition", scope: "editor", keys: k("F12"), description: "Go to definition" },
  { id: "play", scope: "timeline", keys: k(" ", false, { shift: false }), description: "Play / pause (timeline focused)" },
  { id: "next-event", scope: "timeline", keys: k("ArrowRight"), description: "Next event (timeline focused)" },
  { id: "prev-event", scope: "timeline", keys: k("ArrowLeft"), description: "Previous event (timeline focused)" },
  { id: "close", scope: "dialog", keys: k("Escape"), description: "Close a dialog, menu or popover" },
] as const satisfies readonly Shortcut[];

export type ShortcutId = (typeof SHORTCUTS)[number]["id"];
export type GlobalShortcutId = Extract<(typeof SHORTCUTS)[number], { scope: "global" }>["id"];

export function shortcut(id: ShortcutId): Shortcut {
  return SHORTCUTS.find((s) => s.id === id)!;
}

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** Whether the event is this shortcut; for "1-9" the digit is the event's key. */
export function matches(s: Shortcut, e: KeyLike): boolean {
  const spec = s.keys;
  if ((e.ctrlKey || e.metaKey) !== spec.mod || e.altKey !== spec.alt) return false;
  if (spec.shift !== undefined && e.shiftKey !== spec.shift) return false;
  if (spec.key === "1-9") return /^[1-9]$/.test(e.key);
  // With Alt (and on a Mac, Option) e.key can be a composed character: compare by letter.
  return spec.key.length === 1 ? e.key.toLowerCase() === spec.key.toLowerCase() : e.key === spec.key;
}

const NAMES: Record<string, string> = { " ": "Space", ArrowLeft: "←", ArrowRight: "→", Escape: "Esc", "1-9": "1…9" };

/** The keys as shown to the user: ["Ctrl", "Shift", "S"] (["⌘", "⇧", "S"] on a Mac). */
export function keyLabel(spec: KeySpec, mac = false): string[] {
  const out: string[] = [];
  if (spec.mod) out.push(mac ? "⌘" : "Ctrl");
  if (spec.alt) out.push(mac ? "⌥" : "Alt");
  if (spec.shift) out.push(mac ? "⇧" : "Shift");
  out.push(NAMES[spec.key] ?? (spec.key.length === 1 ? spec.key.toUpperCase() : spec.key));
  return out;
}

/** True when the key went to a place that types text (so `?` must stay a character). */
export function typesText(target: EventTarget | null): boolean {
  const el = target as (HTMLElement & { isContentEditable?: boolean }) | null;
  if (!el || typeof el.closest !== "function") return false;
  if (el.isContentEditable) return true;
  if (el.closest(".monaco-editor")) return true;
  const tag = el.tagName;
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  if (tag !== "INPUT") return false;
  const type = (el as HTMLInputElement).type;
  return !["checkbox", "radio", "button", "submit", "reset", "range", "color", "file"].includes(type);
}

export const SCOPE_TITLES: Record<Scope, string> = {
  global: "Anywhere",
  editor: "In the editor",
  timeline: "Timeline",
  dialog: "Dialogs",
};
