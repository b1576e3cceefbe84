// The lesson and example modules (and the new-module skeletons) type-check against the `synapse` declarations the
// editor uses (src/synapse/dts.ts), so learners never start from red squiggles that are
// not part of the exercise.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildLessons } from "../../src/lessons/build.ts";
import { readLessonFiles, ROOT } from "./pipeline.ts";
import { SKELETONS, skeleton } from "../../src/ui/newModule/skeletons.ts";
import { typeErrors as check } from "../support/typecheck.ts";

/** Type-checks all modules in one program (one module per file); error messages by name. */
function typeErrors(modules: Array<[string, string]>): Map<string, string[]> {
  const out = new Map<string, string[]>(modules.map(([n]) => [n, []]));
  for (const e of check(Object.fromEntries(modules))) {
    if (!out.has(e.file)) out.set(e.file, []);
    out.get(e.file)!.push(`${e.line ? `${e.line}:${e.column} ` : ""}${e.message}`);
  }
  return out;
}

const MODULES: Array<[string, string]> = [];
// TypeScript lessons only: a Python lesson's router.py is checked by running it.
for (const l of buildLessons(readLessonFiles()).filter((x) => x.moduleFile.endsWith(".ts"))) {
  MODULES.push([`lessons/${l.id}/starter.ts`, l.starter], [`lessons/${l.id}/solution.ts`, l.solution]);
}
for (const ex of ["buddy-list-router", "room-membership-router", "federated-routers", "send-local-online-presence", "buggy-disagreeing-router"]) {
  MODULES.push([`examples/${ex}/router.ts`, readFileSync(join(ROOT, "examples", ex, "router.ts"), "utf8")]);
}
MODULES.push(["examples-generated/scale-10k-users/router.ts", readFileSync(join(ROOT, "examples-generated", "scale-10k-users", "router.ts"), "utf8")]);

// The new-module menu's TypeScript skeletons (src/ui/newModule/skeletons.ts).
for (const k of SKELETONS.filter((k) => k.lang === "ts")) MODULES.push([`skeleton-${k.style}.ts`, skeleton("team.ts", k)]);

// Lesson 1's starter registers only one of the paired callbacks on purpose (R58): the
// editor underlines exactly that, and the run refuses to start. Nothing else may be red.
const INTENDED: Record<string, RegExp> = {
  "lessons/01-shared-rooms/starter.ts": /'get_users_for_states' is missing/,
};

describe("lesson and example modules type-check against the synapse declarations", () => {
  const errors = typeErrors(MODULES);

  it("R58 the only type error is the intended one in lesson 1's starter", () => {
    expect(errors.get("(global)") ?? []).toEqual([]);
    for (const [name] of MODULES) {
      const errs = errors.get(name) ?? [];
      const intended = INTENDED[name];
      if (intended) {
        expect(errs.length, `${name}: ${errs.join("; ")}`).toBe(1);
        expect(errs[0]).toMatch(intended);
      } else expect(errs, name).toEqual([]);
    }
  });

  it("checks every lesson starter and solution, six example routers (the default first) and the two TypeScript skeletons", () => {
    expect(MODULES.length).toBeGreaterThanOrEqual(18);
    expect(MODULES.map(([n]) => n)).toEqual(expect.arrayContaining(["skeleton-modern.ts", "skeleton-legacy.ts"]));
  });
});
