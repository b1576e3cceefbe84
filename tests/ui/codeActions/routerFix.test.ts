// The module fixes behind the code actions, end to end: the real pipeline runs a module,
// the checker reports a finding, the fix is applied to the text as the editor would, and
// the run of the fixed module has no finding left.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runWithFiles } from "../../lessons/pipeline.ts";
import { routerEdit } from "../../../src/ui/editor/codeActions/routerFix.ts";
import { applyAllFixes, applyEdits, findings } from "./helpers.ts";
import { typeErrors } from "../../support/typecheck.ts";

const example = (name: string) => ({
  scenario: readFileSync(join(ROOT, "examples", name, "scenario.yaml"), "utf8"),
  files: { "router.ts": readFileSync(join(ROOT, "examples", name, "router.ts"), "utf8") },
});

const ONE_SERVER = (steps: string) => `version: 1
servers:
  example.org:
    modules:
      - module: router.ts
users:
  "@gobbler:example.org": {}
  "@alice:example.org": {}
steps:
  - at: 1s
    presence: { user: "@alice:example.org", state: online }
  - at: 2s
    sync: { user: "@gobbler:example.org", set_presence: offline, label: first }
${steps}`;

const router = (gufs: string, gis: string) => `import { PresenceRouter, type ModuleApi, type UserPresenceState } from "synapse";
void PresenceRouter;
export default class Router {
  constructor(_config: unknown, api: ModuleApi) {
    api.register_presence_router_callbacks({
      get_users_for_states: ${gufs},
      get_interested_users: ${gis},
    });
  }
}
`;

describe("code actions: router fixes make the run consistent", () => {
  it("R64/S6 buggy-disagreeing-router: 'let see' and 'route' fixes remove both findings", async () => {
    const { scenario, files } = example("buggy-disagreeing-router");
    const before = await findings(scenario, files);
    expect(before.findings.map((f) => f.kind)).toEqual(["woken_not_visible", "visible_not_woken"]);
    const fixed = applyAllFixes(before.findings, files);
    expect(fixed.titles).toEqual([
      "Let @bob:example.org see @alice:example.org",
      "Route @alice:example.org's updates to @carol:example.org",
    ]);
    expect(fixed.exact).toEqual([true, true]);
    expect(typeErrors(files)).toEqual([]);
    expect(typeErrors(fixed.files)).toEqual([]);
    const after = await findings(scenario, fixed.files);
    expect(after.findings).toEqual([]);
    // Bob now sees Alice, which he did not before.
    const bobSeesAlice = (t: typeof after.trace) => t.deliveries.some((d) => d.viewer === "@bob:example.org" && d.source === "@alice:example.org");
    expect(bobSeesAlice(before.trace)).toBe(false);
    expect(bobSeesAlice(after.trace)).toBe(true);
  });

  it("S8/R51 map_all: ALL_USERS without a mapping fails the sync; the fix maps the viewer and the sync succeeds", async () => {
    const files = {
      "router.ts": router(
        `async (states: Iterable<UserPresenceState>) => {
        const result = new Map<string, Set<UserPresenceState>>();
        void states;
        return result;
      }`,
        `async (user_id: string) => (user_id === "@gobbler:example.org" ? PresenceRouter.ALL_USERS : new Set<string>())`,
      ),
    };
    const scenario = ONE_SERVER("");
    const before = await findings(scenario, files);
    expect(before.findings.map((f) => [f.kind, f.viewer])).toContainEqual(["all_without_mapping", "@gobbler:example.org"]);
    const fixed = applyAllFixes(before.findings, files);
    expect(fixed.titles[0]).toBe("Map @gobbler:example.org to every update (they get ALL_USERS)");
    expect(typeErrors(fixed.files)).toEqual([]);
    const after = await findings(scenario, fixed.files);
    expect(after.findings).toEqual([]);
    const failed = (t: typeof after.trace) => t.events.some((e) => e.type === "sync" && e.error?.status === 500);
    expect(failed(before.trace)).toBe(true);
    expect(failed(after.trace)).toBe(false);
    expect(after.trace.deliveries.some((d) => d.viewer === "@gobbler:example.org" && d.source === "@alice:example.org")).toBe(true);
  });

  it("R60 make_async: a plain value from a modern callback is skipped; the fix makes the registered function async", async () => {
    const files = {
      "router.ts": router(
        `(states: Iterable<UserPresenceState>) => new Map([...states].filter((s) => s.user_id === "@alice:example.org").map((s) => ["@gobbler:example.org", new Set([s])]))`,
        `async (user_id: string) => new Set(user_id === "@gobbler:example.org" ? ["@alice:example.org"] : [])`,
      ),
    };
    const scenario = ONE_SERVER("");
    const before = await findings(scenario, files);
    expect(before.findings.map((f) => [f.kind, f.cause?.kind])).toContainEqual(["callback_failed", "wrong_type"]);
    const fixed = applyAllFixes(before.findings, files);
    expect(fixed.titles).toEqual(["Make get_users_for_states async"]);
    expect(fixed.files["router.ts"]).toContain("get_users_for_states: async (states");
    expect(typeErrors(fixed.files)).toEqual([]);
    expect((await findings(scenario, fixed.files)).findings).toEqual([]);
  });

  it("R62 interest_set: an array from get_interested_users is skipped; the fix returns a Set", async () => {
    const files = {
      "router.ts": router(
        `async (states: Iterable<UserPresenceState>) => {
        const routed = new Map<string, Set<UserPresenceState>>();
        for (const s of states) if (s.user_id === "@alice:example.org") routed.set("@gobbler:example.org", new Set([s]));
        return routed;
      }`,
        `async (user_id: string): Promise<any> => (user_id === "@gobbler:example.org" ? ["@alice:example.org"] : new Set())`,
      ),
    };
    const scenario = ONE_SERVER("");
    const before = await findings(scenario, files);
    expect(before.findings.some((f) => f.kind === "callback_failed" && f.cause?.callback === "get_interested_users")).toBe(true);
    const fixed = applyAllFixes(before.findings, files);
    expect(fixed.titles).toContain("Return a set from get_interested_users");
    expect(typeErrors(fixed.files)).toEqual([]);
    expect((await findings(scenario, fixed.files)).findings).toEqual([]);
  });

  it("R61/S17 mapping_sets: array values in get_users_for_states's result are skipped; the fix makes them Sets", async () => {
    const files = {
      "router.ts": router(
        `async (states: Iterable<UserPresenceState>): Promise<any> => {
        const routed = new Map<string, UserPresenceState[]>();
        for (const s of states) if (s.user_id === "@alice:example.org") routed.set("@gobbler:example.org", [s]);
        return routed;
      }`,
        `async (user_id: string) => new Set(user_id === "@gobbler:example.org" ? ["@alice:example.org"] : [])`,
      ),
    };
    const scenario = ONE_SERVER("");
    const before = await findings(scenario, files);
    expect(before.findings.some((f) => f.kind === "callback_failed" && f.cause?.callback === "get_users_for_states")).toBe(true);
    const fixed = applyAllFixes(before.findings, files);
    expect(fixed.titles).toContain("Make get_users_for_states's values sets");
    expect(typeErrors(fixed.files)).toEqual([]);
    expect((await findings(scenario, fixed.files)).findings).toEqual([]);
  });

  it("R64 a callback with two returns gets a commented snippet, and the module still runs the same", async () => {
    const files = {
      "router.ts": router(
        `async (states: Iterable<UserPresenceState>) => {
        const routed = new Map<string, Set<UserPresenceState>>();
        for (const s of states) if (s.user_id === "@alice:example.org") routed.set("@gobbler:example.org", new Set([s]));
        return routed;
      }`,
        `async (user_id: string) => {
        if (user_id === "@gobbler:example.org") return new Set<string>(); // forgot Alice
        return new Set<string>();
      }`,
      ),
    };
    const scenario = ONE_SERVER("");
    const before = await findings(scenario, files);
    expect(before.findings.map((f) => f.kind)).toEqual(["woken_not_visible"]);
    const fixed = applyAllFixes(before.findings, files);
    expect(fixed.titles).toEqual(["Let @gobbler:example.org see @alice:example.org (a commented snippet to adapt)"]);
    expect(fixed.exact).toEqual([false]);
    expect(fixed.files["router.ts"]).toContain('//   if (user_id === "@gobbler:example.org") <the set>.add("@alice:example.org")');
    // Only comments were added: the same finding, on the same run.
    expect((await findings(scenario, fixed.files)).findings.map((f) => f.kind)).toEqual(["woken_not_visible"]);
  });
});

describe("code actions: R56 methods that were never registered", () => {
  const scenario = ONE_SERVER("");
  const methods = `  async get_users_for_states(states: Iterable<UserPresenceState>): Promise<Map<string, Set<UserPresenceState>>> {
    const routed = new Map<string, Set<UserPresenceState>>();
    for (const s of states) if (s.user_id === "@alice:example.org") routed.set("@gobbler:example.org", new Set([s]));
    return routed;
  }

  async get_interested_users(user_id: string): Promise<Set<string>> {
    return new Set(user_id === "@gobbler:example.org" ? ["@alice:example.org"] : []);
  }`;
  const withCtor = `import type { ModuleApi, UserPresenceState } from "synapse";

export default class Router {
  constructor(
    private readonly config: unknown,
    private readonly module_api: ModuleApi,
  ) {
    void this.config;
    void this.module_api;
  }

${methods}
}
`;
  const noCtor = `import type { UserPresenceState } from "synapse";

export default class Router {
${methods}
}
`;

  for (const [name, src] of [["with a constructor", withCtor], ["without a constructor", noCtor]] as const) {
    it(`R56/R57 ${name}: the engine's hint gets 'Register … in the constructor', and the router then routes`, async () => {
      const files = { "router.ts": src };
      const before = await runWithFiles(scenario, files);
      const { registerSites } = await import("../../../src/ui/editor/codeActions/registerFix.ts");
      const sites = registerSites(before.trace, files);
      expect(sites.map((x) => [x.file, x.line])).toEqual([["router.ts", src.split("\n").findIndex((l) => l.includes(src === withCtor ? "constructor(" : "class Router")) + 1]]);
      const e = routerEdit(src, "ts", sites[0]!.fixes[0]!)!;
      expect(e.title).toBe("Register get_users_for_states and get_interested_users in the constructor");
      const fixed = { "router.ts": applyEdits(src, e.edits) };
      expect(typeErrors(fixed)).toEqual([]);
      const after = await runWithFiles(scenario, fixed);
      const sees = (t: typeof after.trace) => t.deliveries.some((d) => d.viewer === "@gobbler:example.org" && d.source === "@alice:example.org");
      expect(sees(before.trace)).toBe(false);
      expect(sees(after.trace)).toBe(true);
      expect(registerSites(after.trace, fixed)).toEqual([]);
    });
  }
});
