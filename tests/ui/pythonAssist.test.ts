// Completion and hover for the `synapse` package in .py files (src/ui/editor/pythonAssist.ts):
// what is offered where, from the table the Python package is checked against.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pythonCompletions, pythonHover } from "../../src/ui/editor/pythonAssist.ts";
import { PY_CLASSES, PY_MODULES } from "../../src/python/synapseApi.ts";

const EXAMPLE = readFileSync(join(import.meta.dirname, "..", "..", "examples", "example-presence-router-py", "my_router.py"), "utf8");

/** Completions with the cursor at "|" in `text`. */
function complete(text: string) {
  const i = text.indexOf("|");
  const src = text.slice(0, i) + text.slice(i + 1);
  const before = src.slice(0, i).split("\n");
  const r = pythonCompletions(src, before.length, before.at(-1)!.length + 1);
  return r && { labels: r.items.map((x) => x.label), startColumn: r.startColumn, items: r.items };
}
function hover(text: string, word: string, occurrence = 0) {
  const lines = text.split("\n");
  let seen = 0;
  for (let l = 0; l < lines.length; l++) {
    let c = lines[l]!.indexOf(word);
    while (c >= 0) {
      if (seen++ === occurrence) return pythonHover(text, l + 1, c + 2);
      c = lines[l]!.indexOf(word, c + 1);
    }
  }
  throw new Error(`no ${word}`);
}
const API_MEMBERS = PY_CLASSES.ModuleApi!.members.map((m) => m.name);
const STATE_MEMBERS = PY_CLASSES.UserPresenceState!.members.map((m) => m.name);

describe("Python completion for the synapse package", () => {
  it("after self._module_api. lists every ModuleApi member with its signature and doc", () => {
    const src = EXAMPLE.replace("        self._module_api = module_api\n", "        self._module_api = module_api\n        self._module_api.|\n");
    const r = complete(src)!;
    expect(r.labels).toEqual(API_MEMBERS);
    const send = r.items.find((x) => x.label === "send_local_online_presence_to")!;
    expect(send.detail).toBe("async send_local_online_presence_to(users) -> None");
    expect(send.doc).toMatch(/R67/);
  });

  it("the receiver's class comes from the text: annotation, assignment, Synapse's names", () => {
    expect(complete("def f(x: ModuleApi):\n    x.|")!.labels).toEqual(API_MEMBERS);
    expect(complete("def __init__(self, config, thing: ModuleApi):\n    self.h = thing\n    self.h.se|")).toMatchObject({ labels: API_MEMBERS, startColumn: 12 });
    expect(complete("api.|")!.labels).toEqual(API_MEMBERS);
    expect(complete("self.api.|")!.labels).toEqual(API_MEMBERS);
    expect(complete("module_api.|")!.labels).toEqual(API_MEMBERS);
    // Not every name ending in "api" is the ModuleApi.
    expect(complete("rapid.|")).toBeNull();
    expect(complete("self.apis.|")).toBeNull();
  });

  it("UserPresenceState members after a loop variable over the states, an annotated name, or state/update/s in a callback", () => {
    const inLoop = EXAMPLE.replace("if update.state_key not in", "if update.|state_key not in");
    expect(complete(inLoop)!.labels).toEqual(STATE_MEMBERS);
    expect(complete("x: UserPresenceState = y\nx.|")!.labels).toEqual(STATE_MEMBERS);
    expect(complete("async def gufs(self, states):\n    for s in states:\n        s.|")!.labels).toEqual(STATE_MEMBERS);
    expect(complete("async def get_interested_users(self, user_id):\n    state.|")!.labels).toEqual(STATE_MEMBERS);
    // Outside a callback, a bare `state` is nothing we know.
    expect(complete("def other(self, user_id):\n    state.|")).toBeNull();
    expect(complete("state.|")).toBeNull();
    expect(STATE_MEMBERS).toEqual(expect.arrayContaining(["state", "last_active_ts", "status_msg", "currently_active", "copy_and_replace", "as_dict"]));
  });

  it("on a class, only what a class offers: PresenceRouter.ALL_USERS, UserPresenceState.default", () => {
    expect(complete("return PresenceRouter.|")!.labels).toEqual(["ALL_USERS"]);
    expect(complete("UserPresenceState.|")!.labels).toEqual(["default", "from_dict"]);
    expect(complete("PresenceState.O|")).toMatchObject({ labels: ["OFFLINE", "UNAVAILABLE", "ONLINE", "BUSY"], startColumn: 15 });
  });

  it("from synapse. completes module paths; from a module, import completes its names", () => {
    const r = complete("from synapse.|")!;
    expect(r.labels).toEqual(Object.keys(PY_MODULES));
    expect(r.labels).toEqual(expect.arrayContaining(["synapse.module_api", "synapse.events.presence_router", "synapse.handlers.presence", "synapse.module_api.errors"]));
    expect(r.startColumn).toBe(6); // replaces the whole dotted path typed so far
    expect(complete("import syn|")!.startColumn).toBe(8);
    expect(complete("from typing|")).toBeNull();
    expect(complete("from synapse.module_api import |")!.labels).toEqual(["ModuleApi", "ConfigError", "PresenceRouter", "UserPresenceState"]);
    expect(complete("from synapse.module_api.errors import SynapseError, Con|")).toMatchObject({ startColumn: 53 });
    expect(complete("from synapse.events.presence_router import (|")!.labels).toEqual(["PresenceRouter"]);
    expect(complete("from typing import |")).toBeNull();
  });
});

describe("Python hover for the synapse package", () => {
  it("a class name shows its doc and the module to import it from", () => {
    const h = hover(EXAMPLE, "PresenceRouter", 1)!; // the import line's name
    expect(h.contents).toContain("class PresenceRouter  # synapse.events.presence_router");
    expect(h.contents).toContain(PY_CLASSES.PresenceRouter!.doc);
    expect(hover(EXAMPLE, "PresenceRouter.ALL_USERS")!.contents).toContain("class PresenceRouter");
    expect(hover(EXAMPLE, "ModuleApi", 1)!.contents).toContain("# synapse.module_api");
  });

  it("a member shows its signature and doc; the hovered range is the word", () => {
    const h = hover(EXAMPLE, "ALL_USERS")!;
    expect(h.contents).toContain("PresenceRouter.ALL_USERS: str");
    const line = EXAMPLE.split("\n").findIndex((l) => l.includes("ALL_USERS"));
    const col = EXAMPLE.split("\n")[line]!.indexOf("ALL_USERS") + 1;
    expect([h.startColumn, h.endColumn]).toEqual([col, col + "ALL_USERS".length]);
    const api = "def __init__(self, config, api):\n    await self._module_api.send_local_online_presence_to(users)";
    expect(hover(api, "send_local")!.contents).toContain("ModuleApi.async send_local_online_presence_to(users) -> None");
    expect(hover("x.copy_and_replace(state='online')", "copy_and")!.contents).toContain("UserPresenceState.copy_and_replace(**kwargs)");
  });

  it("a module path shows the module's doc, each prefix its own", () => {
    expect(hover(EXAMPLE, "presence_router", 0)!.contents).toContain("module synapse.events.presence_router");
    expect(hover(EXAMPLE, "events")!.contents).toContain("module synapse.events\n");
    expect(hover("from synapse.module_api.errors import ConfigError", "errors")!.contents).toContain(PY_MODULES["synapse.module_api.errors"]!.doc);
  });

  it("nothing for names that are not the synapse package's", () => {
    expect(hover(EXAMPLE, "typing")).toBeNull();
    expect(hover(EXAMPLE, "Dict")).toBeNull();
    expect(hover(EXAMPLE, "wanted")).toBeNull();
    expect(hover("from mine import PresenceRouter", "PresenceRouter")).toBeNull();
    // A member name two classes share, on an unknown receiver: no guess.
    expect(hover("x.msg", "msg")).toBeNull();
  });
});
