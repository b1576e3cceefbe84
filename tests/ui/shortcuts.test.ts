// The shortcut table (src/ui/shortcuts/table.ts): the matcher the app's key handler uses
// and the labels the `?` sheet shows come from the same entries.
import { describe, expect, test } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { SHORTCUTS, keyLabel, matches, shortcut, typesText, type KeyLike, type KeySpec } from "../../src/ui/shortcuts/table.ts";
import { ShortcutList, ShortcutSheet } from "../../src/ui/shortcuts/ShortcutSheet.tsx";
import { createStore } from "zustand";
import { PlaygroundContext } from "../../src/ui/context.ts";
import type { Playground, ViewState } from "../../src/ui/playground.ts";

/** The key event a user makes for a spec (Ctrl as the modifier; "1-9" → "3"). */
function press(spec: KeySpec, over: Partial<KeyLike> = {}): KeyLike {
  return { key: spec.key === "1-9" ? "3" : spec.key, ctrlKey: spec.mod, metaKey: false, altKey: spec.alt, shiftKey: spec.shift ?? false, ...over };
}

describe("shortcut table", () => {
  test("every shortcut matches the keys it shows, and no other shortcut of its scope does", () => {
    for (const s of SHORTCUTS) {
      expect(matches(s, press(s.keys)), s.id).toBe(true);
      const others = SHORTCUTS.filter((o) => o.scope === s.scope && o.id !== s.id && matches(o, press(s.keys)));
      expect(others.map((o) => o.id), s.id).toEqual([]);
    }
  });

  test("modifiers must be exact: Ctrl+Enter runs, Ctrl+Shift+Enter and Alt+Ctrl+Enter do not; Cmd counts as Ctrl", () => {
    const run = shortcut("run");
    expect(matches(run, { key: "Enter", ctrlKey: true, metaKey: false, altKey: false, shiftKey: false })).toBe(true);
    expect(matches(run, { key: "Enter", ctrlKey: false, metaKey: true, altKey: false, shiftKey: false })).toBe(true);
    expect(matches(run, { key: "Enter", ctrlKey: true, metaKey: false, altKey: false, shiftKey: true })).toBe(false);
    expect(matches(run, { key: "Enter", ctrlKey: true, metaKey: false, altKey: true, shiftKey: false })).toBe(false);
    expect(matches(run, { key: "Enter", ctrlKey: false, metaKey: false, altKey: false, shiftKey: false })).toBe(false);
  });

  test("Ctrl+1…9: each digit 1 to 9, not 0; share is Ctrl+Shift+S in either case", () => {
    const tab = shortcut("tab");
    for (const d of "123456789") expect(matches(tab, press(tab.keys, { key: d })), d).toBe(true);
    expect(matches(tab, press(tab.keys, { key: "0" }))).toBe(false);
    const share = shortcut("share");
    expect(matches(share, press(share.keys, { key: "S" }))).toBe(true);
    expect(matches(share, press(share.keys, { shiftKey: false }))).toBe(false);
  });

  test("`?` matches with or without Shift (layouts differ), never with Ctrl", () => {
    const help = shortcut("help");
    expect(matches(help, { key: "?", ctrlKey: false, metaKey: false, altKey: false, shiftKey: true })).toBe(true);
    expect(matches(help, { key: "?", ctrlKey: false, metaKey: false, altKey: false, shiftKey: false })).toBe(true);
    expect(matches(help, { key: "?", ctrlKey: true, metaKey: false, altKey: false, shiftKey: true })).toBe(false);
    expect(matches(help, { key: "/", ctrlKey: false, metaKey: false, altKey: false, shiftKey: true })).toBe(false);
  });

  test("labels: Ctrl+Shift+S, ⌘⇧S on a Mac, Space and arrows by name", () => {
    expect(keyLabel(shortcut("share").keys)).toEqual(["Ctrl", "Shift", "S"]);
    expect(keyLabel(shortcut("share").keys, true)).toEqual(["⌘", "⇧", "S"]);
    expect(keyLabel(shortcut("tab").keys)).toEqual(["Ctrl", "1…9"]);
    expect(keyLabel(shortcut("format").keys)).toEqual(["Alt", "Shift", "F"]);
    expect(keyLabel(shortcut("play").keys)).toEqual(["Space"]);
    expect(keyLabel(shortcut("next-event").keys)).toEqual(["→"]);
    expect(keyLabel(shortcut("close").keys)).toEqual(["Esc"]);
  });

  test("typesText: fields and the editor type `?`; buttons, checkboxes and the page do not", () => {
    const el = (tagName: string, o: { type?: string; inEditor?: boolean; editable?: boolean } = {}) =>
      ({ tagName, type: o.type ?? "", isContentEditable: o.editable ?? false, closest: (sel: string) => (sel === ".monaco-editor" && o.inEditor ? {} : null) }) as unknown as EventTarget;
    expect(typesText(el("INPUT", { type: "text" }))).toBe(true);
    expect(typesText(el("INPUT", { type: "search" }))).toBe(true);
    expect(typesText(el("TEXTAREA"))).toBe(true);
    expect(typesText(el("SELECT"))).toBe(true);
    expect(typesText(el("TEXTAREA", { inEditor: true }))).toBe(true);
    expect(typesText(el("DIV", { editable: true }))).toBe(true);
    expect(typesText(el("INPUT", { type: "checkbox" }))).toBe(false);
    expect(typesText(el("BUTTON"))).toBe(false);
    expect(typesText(el("BODY"))).toBe(false);
    expect(typesText(null)).toBe(false);
  });

  test("the sheet lists every shortcut of the table with its label", () => {
    // Open or closed is the playground's view state (one per playground, not module-level).
    // (The open sheet needs a browser: tests/browser/tools.test.ts opens it.)
    const view = createStore<Pick<ViewState, "shortcutSheet">>()(() => ({ shortcutSheet: false }));
    const closed = renderToStaticMarkup(createElement(PlaygroundContext.Provider, { value: { view } as unknown as Playground }, createElement(ShortcutSheet)));
    expect(closed).toBe("");
    const html = renderToStaticMarkup(createElement(ShortcutList, { mac: false }));
    for (const s of SHORTCUTS) {
      expect(html, s.id).toContain(`data-id="${s.id}"`);
      expect(html, s.id).toContain(s.description.replace(/&/g, "&amp;"));
    }
    expect(html).toContain("<kbd");
    expect(html).toContain("<kbd");
  });
});
