// The watchdog's feed (src/sandbox/spans.ts, ModuleHost.enter): the engine opens a span
// at each of its own entries into module code, including reading what a callback
// returned; a module calling its own methods opens none, so it cannot fake progress.
import { describe, expect, it } from "vitest";
import { loadModules } from "../../src/engine/modules/index.ts";
import { UserPresenceState } from "../../src/engine/state.ts";
import { watchedHost } from "../../src/sandbox/spans.ts";
import type { SpanMark } from "../../src/worker/protocol.ts";
import { entry, hostFromModules, loadOptions } from "../engine/support/host.ts";

const alice = () =>
  new UserPresenceState({ user_id: "@alice:example.org", state: "online", last_active_ts: 0, last_federation_update_ts: 0, last_user_sync_ts: 0, status_msg: null, currently_active: false });

/** Spans as "enter what" / "exit what", in order. */
function spans(marks: SpanMark[]): string[] {
  const names = new Map<number, string>();
  return marks.map((m) => {
    if (m.type === "enter") names.set(m.seq, `${m.module} ${m.what}`);
    return `${m.type} ${names.get(m.seq)}`;
  });
}

async function setup(cls: unknown, legacy = false) {
  const marks: SpanMark[] = [];
  const host = watchedHost(hostFromModules({ "router.ts": { default: cls } }), (m) => marks.push(m));
  const e = entry("router.ts");
  const opts = loadOptions(host, legacy ? [] : [e], { legacy: legacy ? { ...e, path: "servers.example.org.presence.presence_router" } : null });
  const loaded = await loadModules(opts);
  return { marks, router: loaded.router };
}

describe("spans of module code (watchdog feed)", () => {
  it("module evaluation, parse_config, the constructor, each callback and reading its result are spans, paired and in order", async () => {
    class Router {
      static parse_config(c: unknown) {
        return c;
      }
      constructor(_c: unknown, api: { register_presence_router_callbacks(o: object): void }) {
        api.register_presence_router_callbacks({
          get_users_for_states: async () => new Map([["@bob:example.org", new Set([alice()])]]),
          get_interested_users: async () => new Set(["@bob:example.org"]),
        });
      }
    }
    const { marks, router } = await setup(Router);
    await router.get_users_for_states([alice()]);
    await router.get_interested_users("@bob:example.org");
    expect(spans(marks)).toEqual([
      "enter router.ts module evaluation",
      "exit router.ts module evaluation",
      "enter router.ts parse_config",
      "exit router.ts parse_config",
      "enter router.ts constructor",
      "exit router.ts constructor",
      "enter router.ts get_users_for_states",
      "exit router.ts get_users_for_states",
      "enter router.ts get_users_for_states (reading its result)",
      "exit router.ts get_users_for_states (reading its result)",
      "enter router.ts get_interested_users",
      "exit router.ts get_interested_users",
      "enter router.ts get_interested_users (reading its result)",
      "exit router.ts get_interested_users (reading its result)",
    ]);
  });

  it("a module calling its own router methods opens no spans: only the engine's call is one", async () => {
    class Legacy {
      get_users_for_states() {
        for (let i = 0; i < 50; i++) this.get_interested_users();
        return new Map();
      }
      get_interested_users() {
        return new Set<string>();
      }
    }
    const { marks, router } = await setup(Legacy, true);
    marks.length = 0;
    await router.get_users_for_states([alice()]);
    expect(spans(marks)).toEqual([
      "enter router.ts get_users_for_states",
      "exit router.ts get_users_for_states",
      "enter router.ts get_users_for_states (reading its result)",
      "exit router.ts get_users_for_states (reading its result)",
    ]);
  });

  it("a getter the engine reads on a result runs inside the 'reading its result' span", async () => {
    const seen: string[] = [];
    let marksRef: SpanMark[] = [];
    class Router {
      constructor(_c: unknown, api: { register_presence_router_callbacks(o: object): void }) {
        api.register_presence_router_callbacks({
          get_users_for_states: async () => ({
            get ["@bob:example.org"]() {
              const open = marksRef.filter((m) => m.type === "enter").length - marksRef.filter((m) => m.type === "exit").length;
              const last = [...marksRef].reverse().find((m) => m.type === "enter");
              seen.push(`${open} ${last?.type === "enter" ? last.what : ""}`);
              return new Set();
            },
          }),
          get_interested_users: async () => new Set(),
        });
      }
    }
    const { marks, router } = await setup(Router);
    marksRef = marks;
    await router.get_users_for_states([alice()]);
    expect(seen).toEqual(["1 get_users_for_states (reading its result)"]);
  });

  it("a span whose code throws is still closed", async () => {
    class Throws {
      constructor() {
        throw new Error("boom");
      }
    }
    const { marks } = await setup(Throws);
    expect(spans(marks).slice(-2)).toEqual(["enter router.ts constructor", "exit router.ts constructor"]);
  });
});
