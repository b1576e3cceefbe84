// The time model (scenario-format §5 "The clock waits for ready work"): work ready at
// an instant (a request, its router calls and fan-out, a client loop's next request,
// a module's detached promise chains) finishes before the clock moves, so trace `at`
// values never decrease. Checked over every example, every lesson solution and seeded
// generated worlds.
import * as esbuild from "esbuild";
import fc from "fast-check";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runScenarioFile } from "../../src/cli/run.ts";
import { run as runPipeline } from "../../src/pipeline/index.ts";
import { sharedPythonNode } from "../../src/python/node.ts";
import { compileModules } from "../../src/compile/index.ts";
import { runScenario } from "../../src/engine/index.ts";
import { buildLessons, LESSON_MODULE_FILE } from "../../src/lessons/build.ts";
import { createModuleHost } from "../../src/sandbox/host.ts";
import { parseScenario } from "../../src/scenario/parse.ts";
import type { Trace } from "../../src/trace/types.ts";
import { client, events, membership, moduleApi, put, run, scenario, sync, activity, edu, restart, until, type Spec, type StepSpec } from "./support/build.ts";
import { hostWith, routerOf } from "./support/routers.ts";

const ROOT = join(import.meta.dirname, "..", "..");

/** The first place where `at` goes backwards, or null. */
function firstDecrease(t: Trace): string | null {
  let last = -Infinity;
  for (let i = 0; i < t.events.length; i++) {
    const e = t.events[i];
    if (e.at < last) return `event #${i} (${e.type} on ${e.server}) at ${e.at} after ${last}`;
    last = e.at;
  }
  let lastD = -Infinity;
  for (const d of t.deliveries) {
    if (d.at < lastD) return `delivery ${d.source} → ${d.viewer} at ${d.at} after ${lastD}`;
    lastD = d.at;
  }
  return null;
}

describe("§5 the clock waits for ready work: trace `at` never decreases", () => {
  const examples = readdirSync(join(ROOT, "examples"), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  for (const name of examples) {
    it(`example ${name}`, async () => {
      const o = await runScenarioFile(join(ROOT, "examples", name, "scenario.yaml"), { esbuild });
      if (o.kind === "invalid") throw new Error(o.problems.join("\n"));
      expect(firstDecrease(o.trace)).toBeNull();
    });
  }

  const files: Record<string, string> = {};
  for (const d of readdirSync(join(ROOT, "lessons"), { withFileTypes: true })) {
    if (!d.isDirectory()) continue;
    for (const f of readdirSync(join(ROOT, "lessons", d.name))) files[`../../lessons/${d.name}/${f}`] = readFileSync(join(ROOT, "lessons", d.name, f), "utf8");
  }
  for (const l of buildLessons(files)) {
    it(`lesson ${l.id} solution`, { timeout: 180_000 }, async () => {
      if (l.moduleFile !== LESSON_MODULE_FILE) {
        // A Python lesson: through the pipeline, with Pyodide.
        const r = await runPipeline({ scenario: { text: l.scenario, path: "scenario.yaml" }, files: { [l.moduleFile]: l.solution } }, { esbuild, python: sharedPythonNode });
        if (r.kind !== "ran") throw new Error(r.kind);
        expect(r.trace.errors).toEqual([]);
        expect(firstDecrease(r.trace)).toBeNull();
        return;
      }
      const parsed = parseScenario(l.scenario, `lessons/${l.id}/scenario.yaml`);
      if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join("\n"));
      const compiled = await compileModules(esbuild, { [LESSON_MODULE_FILE]: l.solution }, [LESSON_MODULE_FILE]);
      const trace = await runScenario(parsed.scenario, { host: createModuleHost(compiled) });
      expect(trace.errors).toEqual([]);
      expect(firstDecrease(trace)).toBeNull();
    });
  }

  it("a client loop's first request and its fan-out are stamped at the loop's start, before a later step", async () => {
    // Alice's loop starts at 0 with a router that awaits several times; the PUT at 1 ms
    // must come after every event of the loop's first request.
    const slow = routerOf(
      async (states) => {
        for (let i = 0; i < 50; i++) await Promise.resolve();
        return new Map([["@bob:example.org", new Set(states)]]);
      },
      async () => new Set(["@alice:example.org"]),
    );
    const t = await run(
      {
        servers: { "example.org": { modules: ["r.ts"] } },
        users: ["@alice:example.org", "@bob:example.org"],
        clients: [{ user: "@alice:example.org" }],
        steps: [put(1, "@bob:example.org", "online"), until(2)],
        duration: 2,
      },
      hostWith({ "r.ts": slow }),
    );
    expect(firstDecrease(t)).toBeNull();
    const first = t.events.findIndex((e) => e.type === "request");
    const loopWork = t.events.filter((e, i) => i < first);
    expect(loopWork.some((e) => e.type === "wake" && e.user === "@bob:example.org" && e.at === 0)).toBe(true);
    expect(events(t, "request")[0].at).toBe(1);
  });

  it("a module's detached promise chain settles at the instant it was started", async () => {
    // get_users_for_states starts set_presence_for_users without awaiting it, behind a
    // long chain of awaits: its state change belongs to the PUT's instant (1 s).
    let fired = false;
    const detached = routerOf(
      async (states, api) => {
        if (!fired) {
          fired = true;
          void (async () => {
            for (let i = 0; i < 20_000; i++) await Promise.resolve();
            await api.set_presence_for_users({ "@carol:example.org": ["unavailable", "from module"] });
          })();
        }
        return new Map([["@bob:example.org", new Set(states)]]);
      },
      async () => new Set(),
    );
    const t = await run(
      {
        servers: { "example.org": { modules: ["r.ts"] } },
        users: ["@alice:example.org", "@bob:example.org", "@carol:example.org"],
        steps: [put(1000, "@alice:example.org", "online"), put(1001, "@bob:example.org", "online"), until(2000)],
        duration: 2000,
      },
      hostWith({ "r.ts": detached }),
    );
    expect(firstDecrease(t)).toBeNull();
    const carol = events(t, "state", (e) => e.user === "@carol:example.org");
    expect(carol.map((e) => [e.at, e.after.state])).toEqual([[1000, "unavailable"]]);
  });

  it("a module sleeping in a background call resumes at its simulated deadline", async () => {
    const sleeper = routerOf(
      async () => new Map(),
      async () => new Set(),
      (api) => {
        api.delayed_background_call(1000, async () => {
          await api.sleep(2);
          for (let i = 0; i < 20_000; i++) await Promise.resolve();
          await api.set_presence_for_users({ "@carol:example.org": ["online", null] });
        });
      },
    );
    const t = await run(
      {
        servers: { "example.org": { modules: ["r.ts"] } },
        users: ["@carol:example.org"],
        steps: [until(3000), put(3001, "@carol:example.org", "unavailable")],
        duration: 4000,
      },
      hostWith({ "r.ts": sleeper }),
    );
    expect(firstDecrease(t)).toBeNull();
    expect(events(t, "state", (e) => e.user === "@carol:example.org").map((e) => [e.at, e.after.state])).toEqual([
      [3000, "online"],
      [3001, "unavailable"],
    ]);
  });
});

// ---- generated worlds -----------------------------------------------------------

const SERVERS = ["a.org", "b.org"];
const USERS = ["@u1:a.org", "@u2:a.org", "@u3:a.org", "@v1:b.org", "@v2:b.org"];
const ROOMS = ["!r1:a.org", "!r2:b.org"];

/** A router that awaits a few times and routes every state to one configured user. */
const routerClass = routerOf(
  async (states) => {
    for (let i = 0; i < 3; i++) await Promise.resolve();
    return new Map([["@u1:a.org", new Set(states)]]);
  },
  async (u) => (u === "@u1:a.org" ? new Set(USERS) : new Set()),
);

const arbStep: fc.Arbitrary<StepSpec> = fc.oneof(
  fc.record({ at: fc.nat(120_000), u: fc.constantFrom(...USERS), st: fc.constantFrom("online", "unavailable", "offline") }).map(({ at, u, st }) => put(at, u, st)),
  fc.record({ at: fc.nat(120_000), u: fc.constantFrom(...USERS), t: fc.constantFrom(0, 5_000, 30_000) }).map(({ at, u, t }) => sync(at, u, { timeout: t })),
  fc.record({ at: fc.nat(120_000), u: fc.constantFrom(...USERS), r: fc.constantFrom<"start" | "stop">("start", "stop") }).map(({ at, u, r }) => client(at, u, r)),
  fc.record({ at: fc.nat(120_000), u: fc.constantFrom(...USERS) }).map(({ at, u }) => activity(at, u)),
  fc.record({ at: fc.nat(120_000), u: fc.constantFrom(...USERS), r: fc.constantFrom(...ROOMS), m: fc.constantFrom<"join" | "leave" | "invite">("join", "leave", "invite") }).map(({ at, u, r, m }) => membership(at, u, r, m)),
  fc.record({ at: fc.nat(120_000), u: fc.constantFrom(...USERS.slice(0, 3)) }).map(({ at, u }) => moduleApi(at, "a.org", "send_local_online_presence_to", [u, "@v1:b.org"])),
  fc.record({ at: fc.nat(120_000), u: fc.constantFrom("@v1:b.org", "@v2:b.org") }).map(({ at, u }) => edu(at, "b.org", "a.org", [{ user_id: u, presence: "online" }])),
  fc.record({ at: fc.nat(120_000), s: fc.constantFrom(...SERVERS) }).map(({ at, s }) => restart(at, s)),
);

const arbSpec: fc.Arbitrary<Spec> = fc.record({
  clients: fc.subarray(USERS, { maxLength: 3 }),
  steps: fc.array(arbStep, { maxLength: 14 }),
  seed: fc.nat(1000),
  routed: fc.boolean(),
  enabledB: fc.constantFrom<boolean | "untracked">(true, false, "untracked"),
}).map(({ clients, steps, seed, routed, enabledB }) => ({
  servers: { "a.org": routed ? { modules: ["r.ts"] } : {}, "b.org": { enabled: enabledB } },
  users: USERS,
  rooms: { "!r1:a.org": ["@u1:a.org", "@u2:a.org", "@v1:b.org"], "!r2:b.org": ["@u3:a.org", "@v2:b.org"] },
  clients: clients.map((user) => ({ user })),
  steps,
  seed,
  duration: 200_000,
}));

describe("§5 generated worlds: trace `at` never decreases", () => {
  it("holds for seeded random scenarios (clients, syncs, PUTs, memberships, EDUs, restarts, a router)", async () => {
    await fc.assert(
      fc.asyncProperty(arbSpec, async (spec) => {
        const t = await run(scenario(spec), hostWith({ "r.ts": routerClass }));
        expect(firstDecrease(t)).toBeNull();
      }),
      { seed: 9, numRuns: 60 },
    );
  });
});
