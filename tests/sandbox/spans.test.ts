// The watchdog's feed (src/sandbox/spans.ts, ModuleHost.enter): the engine opens a span
// at each of its own entries into module code, including reading what a callback
// returned; a module calling its own methods opens none, so it cannot fake progress.
import * as esbuild from "esbuild";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileModules } from "../../src/compile/index.ts";
import { runScenario } from "../../src/engine/index.ts";
import { createModuleHost } from "../../src/sandbox/host.ts";
import { parseScenario } from "../../src/scenario/parse.ts";
import { loadModules } from "../../src/engine/modules/index.ts";
import { UserPresenceState } from "../../src/engine/state.ts";
import { END_REPORT_MS, spanFeed, watchedHost } from "../../src/sandbox/spans.ts";
import type { SpanMark } from "../../src/worker/protocol.ts";
import { entry, hostFromModules, loadOptions } from "../engine/support/host.ts";

const alice = () =>
  new UserPresenceState({ user_id: "@alice:example.org", state: "online", last_active_ts: 0, last_federation_update_ts: 0, last_user_sync_ts: 0, status_msg: null, currently_active: false });

/** Spans as "enter what" / "exit what", in order (batched ends unfolded where they were reported). */
function spans(marks: SpanMark[]): string[] {
  const names = new Map<number, string>();
  const out: string[] = [];
  for (const m of marks) {
    if (m.type === "enter") {
      for (const c of m.closed ?? []) out.push(`exit ${names.get(c)}`);
      names.set(m.seq, `${m.module} ${m.what}`);
      out.push(`enter ${names.get(m.seq)}`);
    } else {
      for (const c of m.seqs) out.push(`exit ${names.get(c)}`);
    }
  }
  return out;
}

/** Spans open after these marks. */
const openCount = (marks: SpanMark[]) => spans(marks).filter((x) => x.startsWith("enter")).length - spans(marks).filter((x) => x.startsWith("exit")).length;

async function setup(cls: unknown, legacy = false) {
  const marks: SpanMark[] = [];
  const feed = spanFeed((m) => marks.push(m));
  const host = feed.watch(hostFromModules({ "router.ts": { default: cls } }));
  const e = entry("router.ts");
  const opts = loadOptions(host, legacy ? [] : [e], { legacy: legacy ? { ...e, path: "servers.example.org.presence.presence_router" } : null });
  const loaded = await loadModules(opts);
  return { marks, router: loaded.router, feed };
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
    const { marks, router, feed } = await setup(Router);
    await router.get_users_for_states([alice()]);
    await router.get_interested_users("@bob:example.org");
    feed.flush();
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
    const { marks, router, feed } = await setup(Legacy, true);
    feed.flush();
    marks.length = 0;
    await router.get_users_for_states([alice()]);
    feed.flush();
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
              const last = [...marksRef].reverse().find((m) => m.type === "enter");
              seen.push(`${openCount(marksRef)} ${last?.type === "enter" ? last.what : ""}`);
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
    const { marks, feed } = await setup(Throws);
    feed.flush();
    expect(spans(marks).slice(-2)).toEqual(["enter router.ts constructor", "exit router.ts constructor"]);
  });
});

describe("batched ends (the feed posts every start at once, ends later)", () => {
  function feedAt(t: { now: number }, defer?: (fn: () => void) => void) {
    const marks: SpanMark[] = [];
    const host = watchedHost(hostFromModules({}), (m) => marks.push(m), { now: () => t.now, ...(defer && { defer }) });
    return { marks, host };
  }

  it("an end rides on the next enter: two spans, two messages, no exit", () => {
    const t = { now: 0 };
    const { marks, host } = feedAt(t);
    host.enter!("router.ts", "a", 0)();
    host.enter!("router.ts", "b", 5);
    expect(marks).toEqual([
      { type: "enter", seq: 1, module: "router.ts", what: "a", at: 0 },
      { type: "enter", seq: 2, module: "router.ts", what: "b", at: 5, closed: [1] },
    ]);
  });

  it("quiet() reports ends only once they are END_REPORT_MS old (boundary: 1 ms before, exactly at)", () => {
    const t = { now: 100 };
    const { marks, host } = feedAt(t);
    const leaveA = host.enter!("router.ts", "a", 0);
    t.now = 110;
    leaveA();
    const leaveB = host.enter!("router.ts", "b", 0);
    t.now = 111;
    leaveB(); // b ended at 111, a's end already went with b's enter
    t.now = 111 + END_REPORT_MS - 1;
    host.quiet!();
    expect(marks.filter((m) => m.type === "exit")).toEqual([]);
    t.now = 111 + END_REPORT_MS;
    host.quiet!();
    expect(marks.filter((m) => m.type === "exit")).toEqual([{ type: "exit", seqs: [2] }]);
    host.quiet!();
    expect(marks.filter((m) => m.type === "exit")).toHaveLength(1); // nothing new: nothing posted
  });

  it("the age counts from the oldest unreported end", () => {
    const t = { now: 0 };
    const { marks, host } = feedAt(t);
    const a = host.enter!("router.ts", "a", 0);
    const b = host.enter!("router.ts", "b", 0);
    a(); // ended at 0
    t.now = END_REPORT_MS - 1;
    b();
    t.now = END_REPORT_MS;
    host.quiet!();
    expect(marks.at(-1)).toEqual({ type: "exit", seqs: [1, 2] });
  });

  it("defer: one timer per batch, a new one after it ran", () => {
    const timers: Array<() => void> = [];
    const { marks, host } = feedAt({ now: 0 }, (fn) => timers.push(fn));
    const a = host.enter!("router.ts", "a", 0);
    const b = host.enter!("router.ts", "b", 0);
    a();
    b();
    expect(timers).toHaveLength(1);
    timers[0]!();
    expect(marks.at(-1)).toEqual({ type: "exit", seqs: [1, 2] });
    host.enter!("router.ts", "c", 0)();
    expect(timers).toHaveLength(2);
    timers[1]!();
    expect(marks.at(-1)).toEqual({ type: "exit", seqs: [3] });
    timers[1]!(); // a stale timer with nothing ended posts nothing
    expect(marks.filter((m) => m.type === "exit")).toHaveLength(2);
  });

  it("a span left twice ends once; a span still open is never reported ended", () => {
    const feedMarks: SpanMark[] = [];
    const feed = spanFeed((m) => feedMarks.push(m));
    const host = feed.watch(hostFromModules({}));
    const a = host.enter!("router.ts", "a", 0);
    host.enter!("router.ts", "b", 0); // stays open
    a();
    a();
    feed.flush();
    feed.flush();
    expect(feedMarks.filter((m) => m.type === "exit")).toEqual([{ type: "exit", seqs: [1] }]);
  });

  it("hosts watched by one feed share its seq counter (a run and its cross-check)", () => {
    const marks: SpanMark[] = [];
    const feed = spanFeed((m) => marks.push(m));
    feed.watch(hostFromModules({})).enter!("router.ts", "a", 0)();
    feed.watch(hostFromModules({})).enter!("router.ts", "b", 0);
    expect(marks.map((m) => (m.type === "enter" ? m.seq : -1))).toEqual([1, 2]);
  });
});

describe("the engine's quiet points", () => {
  it("a real run: the engine calls quiet() between its pieces of work, and after a flush every span is ended", async () => {
    const dir = join(import.meta.dirname, "..", "..", "examples", "buddy-list-router");
    const parsed = parseScenario(readFileSync(join(dir, "scenario.yaml"), "utf8"), "scenario.yaml");
    if (!parsed.ok) throw new Error("example scenario invalid");
    const compiled = await compileModules(esbuild, { "router.ts": readFileSync(join(dir, "router.ts"), "utf8") }, ["router.ts"]);
    const marks: SpanMark[] = [];
    const feed = spanFeed((m) => marks.push(m), { now: () => 0 });
    const watched = feed.watch(createModuleHost(compiled));
    let quiets = 0;
    const host = { ...watched, quiet: () => (quiets++, watched.quiet!()) };
    const trace = await runScenario(parsed.scenario, { host });
    expect(trace.errors).toEqual([]);
    expect(quiets).toBeGreaterThanOrEqual(parsed.scenario.steps.length);
    const before = openCount(marks);
    expect(before).toBeGreaterThan(0); // the clock never moved: quiet() reported nothing
    feed.flush();
    expect(openCount(marks)).toBe(0);
    // Fewer messages than two per span: ends rode on the next start.
    const enters = marks.filter((m) => m.type === "enter").length;
    expect(marks.length).toBeLessThan(2 * enters);
  });
});
