// Plausible wrong answers must fail the lesson's checks, and the documented alternative
// answers must pass: the checks judge what the run does, not the code's text. Each
// variant is the lesson's solution with one targeted edit.
import { describe, expect, it } from "vitest";
import { buildLessons, LESSON_MODULE_FILE, type Lesson } from "../../src/lessons/build.ts";
import { explain, readLessonFiles, runWithFiles } from "./pipeline.ts";

const LESSONS = buildLessons(readLessonFiles());

function lesson(id: string): Lesson {
  const l = LESSONS.find((x) => x.id === id);
  if (!l) throw new Error(`no lesson ${id}`);
  return l;
}

/** The solution with `from` replaced by `to`; fails loudly if `from` is not there. */
function variant(id: string, from: string | RegExp, to: string): string {
  const src = lesson(id).solution;
  const out = src.replace(from, to);
  if (out === src) throw new Error(`${id}: the edit found nothing to replace (${String(from)})`);
  return out;
}

async function run(id: string, code: string) {
  return runWithFiles(lesson(id).scenario, { [LESSON_MODULE_FILE]: code });
}

function failedNames(o: Awaited<ReturnType<typeof run>>): string[] {
  return o.verdict.failed.map((f) => f.name);
}

describe("lesson checks: near misses fail, alternatives pass", () => {
  it("R58 01: registering neither callback is as good as an empty router", async () => {
    const code = variant("01-shared-rooms", /api\.register_presence_router_callbacks\(\{[\s\S]*?\}\);/, "void api;");
    const o = await run("01-shared-rooms", code);
    expect(o.verdict.passed, explain(o)).toBe(true);
  });

  it("S6 02: interest without routing is not enough (the waiting sync is never woken)", async () => {
    const code = variant("02-first-router", "return new Map([[MONITOR, for_monitor]]);", "return new Map();");
    const o = await run("02-first-router", code);
    expect(o.verdict.passed).toBe(false);
    expect(failedNames(o).some((n) => n.includes("waiting sync"))).toBe(true);
  });

  it("R62 02: an array instead of a Set is skipped with a warning", async () => {
    const code = variant("02-first-router", "if (user_id === MONITOR) return new Set(WATCHED);", "if (user_id === MONITOR) return WATCHED as any;");
    const o = await run("02-first-router", code);
    expect(o.verdict.passed).toBe(false);
  });

  it("S8 03: routing only online updates breaks the monitor's sync once someone is not online", async () => {
    const code = variant(
      "03-all-users",
      "return new Map([[MONITOR, new Set(states)]]);",
      "const online = [...states].filter((s) => s.state === 'online');\n    return online.length ? new Map([[MONITOR, new Set(online)]]) : new Map();",
    );
    const o = await run("03-all-users", code);
    expect(o.verdict.passed).toBe(false);
  });

  it("S8 04: dropping the monitor's key when the filtered set is empty fails its next sync", async () => {
    const code = variant("04-config", "result.set(user_id, desired);", "if (desired.size) result.set(user_id, desired);");
    const o = await run("04-config", code);
    expect(o.verdict.passed).toBe(false);
    const next = o.trace.events.find((e) => e.type === "sync" && e.label === "monitor_next");
    expect(next && next.type === "sync" && next.error?.status).toBe(500);
  });

  it("R50 05: fixing only the sending side gets the EDUs out, but Carol still does not see Alice", async () => {
    const code = variant(
      "05-federation",
      "return new Set(this.config.team.filter((u) => u !== user_id));",
      "return new Set(this.config.team.filter((u) => u !== user_id && this.api.is_mine(u)));",
    );
    const o = await run("05-federation", code);
    expect(o.verdict.passed).toBe(false);
    const failed = failedNames(o);
    expect(failed.some((n) => n.startsWith("Carol sees Alice"))).toBe(true);
    expect(failed.some((n) => n.includes("sends Alice's presence"))).toBe(false);
  });

  it("R64 06: listing everyone as interesting leaks Bob to Alice", async () => {
    const code = variant("06-consistency", "return new Set(this.everyone().filter((u) => this.watches(user_id, u)));", "return new Set(this.everyone());");
    const o = await run("06-consistency", code);
    expect(o.verdict.passed).toBe(false);
  });

  it("R67 07: being on duty from the start shows people before the shift", async () => {
    const code = variant("07-online-snapshot", "private on_duty = false;", "private on_duty = true;");
    const o = await run("07-online-snapshot", code);
    expect(o.verdict.passed).toBe(false);
    expect(failedNames(o).some((n) => n.startsWith("before the shift"))).toBe(true);
  });
});
