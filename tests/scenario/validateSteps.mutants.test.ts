// `steps:` (scenario-format §2, §5; src/scenario/validateSteps.ts): run order, rooms
// created by membership steps, labels and `since` references, each refusal at its place.
import { describe, expect, it } from "vitest";
import { parseScenario } from "../../src/scenario/parse.ts";
import { ok, posOf, WORLD } from "./helpers.ts";

const t = (steps: string) => `${WORLD}steps:\n${steps}`;
function issues(text: string): string[] {
  const r = parseScenario(text, "s.yaml");
  const list = r.ok ? r.warnings : r.errors;
  return list.map((e) => `${e.severity === "warning" ? "warning " : ""}${e.line}:${e.column} ${e.path}: ${e.message}`);
}
const at = (text: string, needle: string, nth = 0) => posOf(text, needle, nth).join(":");
const BOB = '"@bob:example.org"';

describe("§5 run order", () => {
  it("ties in `at` keep file order; an earlier `at` listed later warns once, naming the latest step before it", () => {
    const text = t(`  - { at: 2s, until: {} }\n  - { at: 1s, restart: { server: example.org } }\n  - { at: 2s, restart: { server: matrix.org } }\n  - { at: 1999, until: {} }\n`);
    expect(ok(text).steps.map((s) => [s.index, s.at])).toEqual([
      [1, 1000],
      [3, 1999],
      [0, 2000],
      [2, 2000],
    ]);
    expect(issues(text)).toEqual([
      `warning ${at(text, "1s")} steps[1].at: this step (at 1s) is listed after steps[0] (at 2s); steps run in order of at, so it runs first`,
      `warning ${at(text, "1999")} steps[3].at: this step (at 1.999s) is listed after steps[2] (at 2s); steps run in order of at, so it runs first`,
    ]);
  });

  it("a step at the same `at` as the one before it does not warn", () => {
    expect(issues(t(`  - { at: 1s, until: {} }\n  - { at: 1000, until: {} }\n`))).toEqual([]);
  });

  it("steps must be a list, each step a map", () => {
    const a = t("  - until\n");
    expect(issues(a)).toEqual([`${at(a, "until")} steps[0]: a step must be a map (key: value), got the text "until"`]);
  });
});

describe("rooms created by membership steps", () => {
  it("count as known rooms for every step, also earlier ones", () => {
    const s = ok(t(`  - { at: 0, activity: { user: ${BOB}, room: "!qqqqqqqqqq:example.org" } }\n  - { at: 1s, membership: { user: ${BOB}, room: "!qqqqqqqqqq:example.org", membership: join } }\n`));
    expect(s.steps.map((x) => x.kind)).toEqual(["activity", "membership"]);
  });

  it("only a membership step's own room counts (not one in another action, nor a non-room)", () => {
    const a = t(`  - { at: 0, activity: { user: ${BOB}, room: "!qqqqqqqqqq:example.org" } }\n  - { at: 1s, edu: { origin: x.org, destination: example.org, push: [{ room: "!qqqqqqqqqq:example.org" }] } }\n`);
    expect(issues(a)).toEqual([`${at(a, '"!qqq')} steps[0].activity.room: unknown room !qqqqqqqqqq:example.org`]);
    const b = t(`  - { at: 0, activity: { user: ${BOB}, room: "!qqqqqqqqqq:example.org" } }\n  - { at: 1s, membership: { user: ${BOB}, room: "new:example.org", membership: join } }\n`);
    expect(issues(b)[0]).toBe(`${at(b, '"!qqq')} steps[0].activity.room: unknown room !qqqqqqqqqq:example.org`);
    const c = t(`  - { at: 0, activity: { user: ${BOB}, room: "!qqqqqqqqqq:example.org" } }\n  - { at: 1s, membership: [x] }\n  - { at: 2s, membership: { room: 5 } }\n`);
    expect(issues(c)[0]).toBe(`${at(c, '"!qqq')} steps[0].activity.room: unknown room !qqqqqqqqqq:example.org`);
  });
});

describe("labels and since", () => {
  it("'initial' is reserved", () => {
    const a = t(`  - { at: 0, sync: { user: ${BOB}, label: initial } }\n`);
    expect(issues(a)).toEqual([`${at(a, "initial")} steps[0].sync.label: "initial" is reserved (since: initial means no token); choose another label`]);
  });

  it("a duplicate is reported at the later one in the file, naming the first", () => {
    const a = t(`  - { at: 5s, sync: { user: ${BOB}, label: x } }\n  - { at: 1s, get_presence: { user: ${BOB}, target: ${BOB}, label: x } }\n`);
    expect(issues(a).filter((e) => !e.startsWith("warning"))).toEqual([`${at(a, "x }", 1)} steps[1].get_presence.label: label "x" is already used by steps[0]; labels must be unique`]);
  });

  it("since: a sync cannot continue from itself", () => {
    const a = t(`  - { at: 0, sync: { user: ${BOB}, label: me, since: me } }\n`);
    expect(issues(a)).toEqual([`${at(a, "me }")} steps[0].sync.since: since: a sync cannot continue from its own next_batch`]);
  });

  it("since: the named sync must run strictly before (same `at`: file order decides)", () => {
    const before = t(`  - { at: 1s, sync: { user: ${BOB}, label: a } }\n  - { at: 1s, sync: { user: ${BOB}, since: a } }\n`);
    expect(ok(before).steps[1]).toMatchObject({ since: "a" });
    const after = t(`  - { at: 1s, sync: { user: ${BOB}, since: a } }\n  - { at: 1s, sync: { user: ${BOB}, label: a } }\n`);
    expect(issues(after)).toEqual([`${at(after, "a }")} steps[0].sync.since: since: "a" is the sync at 1s (steps[1]), which runs after this one; since must name an earlier sync`]);
  });

  it("since: initial needs no step; a typo of initial is suggested", () => {
    expect(ok(t(`  - { at: 0, sync: { user: ${BOB}, since: initial } }\n`)).steps[0]).toMatchObject({ since: "initial" });
    const a = t(`  - { at: 0, sync: { user: ${BOB}, since: inital } }\n`);
    expect(issues(a)).toEqual([`${at(a, "inital")} steps[0].sync.since: since: no sync step is labelled "inital"; did you mean initial?`]);
    const b = t(`  - { at: 0, sync: { user: ${BOB}, since: zzz } }\n`);
    expect(issues(b)).toEqual([`${at(b, "zzz")} steps[0].sync.since: since: no sync step is labelled "zzz"`]);
  });

  it("since: suggestions come from sync labels only", () => {
    const a = t(`  - { at: 0, get_presence: { user: ${BOB}, target: ${BOB}, label: peek } }\n  - { at: 1s, sync: { user: ${BOB}, label: first } }\n  - { at: 2s, sync: { user: ${BOB}, since: frist } }\n  - { at: 3s, sync: { user: ${BOB}, since: peak } }\n`);
    expect(issues(a)).toEqual([
      `${at(a, "frist")} steps[2].sync.since: since: no sync step is labelled "frist"; did you mean first?`,
      `${at(a, "peak")} steps[3].sync.since: since: no sync step is labelled "peak"`,
    ]);
  });
});

describe("one action per step", () => {
  it("a misspelt action is reported once, at the key, with the action it meant (no second 'needs one action')", () => {
    const a = t(`  - { at: 0, snyc: { user: ${BOB} } }\n`);
    expect(issues(a)).toEqual([`${at(a, "snyc")} steps[0].snyc: unknown key "snyc" in a step; did you mean sync?`]);
  });

  it("a step with no action and no unknown key says it needs one", () => {
    const a = t(`  - { at: 0 }\n`);
    expect(issues(a)).toEqual([`${at(a, "{ at")} steps[0]: a step needs one action: presence, sync, client, activity, membership, module_api, edu, get_presence, restart, until`]);
  });

  it("the second action in file order is the one marked, even when written first in ACTIONS order", () => {
    const a = t(`  - at: 0\n    restart: { server: example.org }\n    presence: { user: ${BOB}, state: online }\n`);
    expect(issues(a)).toEqual([`${at(a, "presence")} steps[0].presence: a step has exactly one action, this one has restart and presence; split it into separate steps`]);
  });

  it("a step without `at` is still read for its action's errors", () => {
    const a = t(`  - { restart: { server: nowhere.org } }\n`);
    expect(issues(a)).toEqual([`${at(a, "{ restart")} steps[0]: a step needs "at"`, `${at(a, "nowhere")} steps[0].restart.server: unknown server nowhere.org (servers: example.org, matrix.org)`]);
  });
});
