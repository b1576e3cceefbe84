// Step actions (scenario-format §2, src/scenario/stepKinds.ts): what each action accepts,
// its defaults, and every refusal with its message and place. A refused action never
// becomes a step (the engine must not run half-read requests).
import { describe, expect, it } from "vitest";
import { parseScenario } from "../../src/scenario/parse.ts";
import type { Step } from "../../src/scenario/types.ts";
import { posOf, WORLD } from "./helpers.ts";

/** The scenario with these steps appended to WORLD. */
const t = (steps: string) => `${WORLD}steps:\n${steps}`;
/** "line:column path: message" of each error and warning; [] when there are none. */
function issues(text: string): string[] {
  const r = parseScenario(text, "s.yaml");
  const list = r.ok ? r.warnings : r.errors;
  return list.map((e) => `${e.severity === "warning" ? "warning " : ""}${e.line}:${e.column} ${e.path}: ${e.message}`);
}
/** "line:column" of the nth occurrence of needle. */
const at = (text: string, needle: string, nth = 0) => posOf(text, needle, nth).join(":");
/** The steps of a scenario that must parse. */
function steps(text: string): Step[] {
  const r = parseScenario(text);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.line}:${e.column} ${e.path}: ${e.message}`).join("\n"));
  return r.scenario.steps;
}

describe("labels (presence, sync, get_presence)", () => {
  it("an empty label is refused at the label; null means no label; a non-text label is refused", () => {
    const a = t('  - { at: 0, presence: { user: "@bob:example.org", state: online, label: "" } }\n');
    expect(issues(a)).toEqual([`${at(a, '""')} steps[0].presence.label: a label cannot be empty`]);
    expect(steps(t('  - { at: 0, presence: { user: "@bob:example.org", state: online, label: null } }\n'))[0]).toMatchObject({ label: null });
    expect(steps(t('  - { at: 0, presence: { user: "@bob:example.org", state: online } }\n'))[0]).toMatchObject({ label: null });
    const b = t('  - { at: 0, get_presence: { user: "@bob:example.org", target: "@alice:example.org", label: 5 } }\n');
    expect(issues(b)).toEqual([`${at(b, "5 }")} steps[0].get_presence.label: label must be text, got the number 5`]);
    const c = t('  - { at: 0, sync: { user: "@bob:example.org", label: [] } }\n');
    expect(issues(c)).toEqual([`${at(c, "[]")} steps[0].sync.label: label must be text, got a list`]);
  });

  it("a labelled step keeps its label", () => {
    const s = steps(t('  - { at: 0, presence: { user: "@bob:example.org", state: online, label: p } }\n  - { at: 0, get_presence: { user: "@bob:example.org", target: "@alice:example.org", label: g } }\n'));
    expect(s.map((x) => ("label" in x ? x.label : undefined))).toEqual(["p", "g"]);
  });
});

describe("presence", () => {
  it("R8 S20: the body as written; status_msg null is sent as null", () => {
    const [s] = steps(t('  - { at: 0, presence: { user: "@alice:example.org", device: laptop, state: 5, status_msg: { a: 1 } } }\n'));
    expect(s).toEqual({ kind: "presence", user: "@alice:example.org", device: "laptop", body: { presence: 5, status_msg: { a: 1 } }, label: null, at: 0, index: 0, path: "steps[0]" });
  });

  it("an unknown user, an unknown device or a bad label: no step, one error each", () => {
    const a = t('  - { at: 0, presence: { user: "@nobody:example.org", state: online } }\n');
    expect(issues(a)).toHaveLength(1);
    const b = t('  - { at: 0, presence: { user: "@alice:example.org", device: tablet, state: online } }\n');
    expect(issues(b)).toEqual([`${at(b, "tablet")} steps[0].presence.device: @alice:example.org has no device "tablet" (devices: phone, laptop)`]);
    const c = t('  - { at: 0, presence: { user: "@bob:example.org", state: online, label: "" } }\n');
    expect(parseScenario(c).ok).toBe(false);
  });

  it("unknown keys are refused with the allowed ones", () => {
    const a = t('  - { at: 0, presence: { user: "@bob:example.org", state: online, mood: happy } }\n');
    expect(issues(a)).toEqual([`${at(a, "mood")} steps[0].presence.mood: unknown key "mood" in a presence step (allowed: user, device, state, status_msg, label)`]);
  });
});

describe("sync", () => {
  it("defaults: set_presence online, no since, timeout 0, full_state false, no filter", () => {
    const [s] = steps(t('  - { at: 0, sync: { user: "@bob:example.org" } }\n'));
    expect(s).toEqual({ kind: "sync", user: "@bob:example.org", device: "DEV", set_presence: "online", since: undefined, timeout: 0, full_state: false, filter: null, label: null, at: 0, index: 0, path: "steps[0]" });
    const [n] = steps(t('  - { at: 0, sync: { user: "@bob:example.org", since: null, filter: null } }\n'));
    expect(n).toMatchObject({ since: undefined, filter: null });
  });

  it("filter: {} and presence: {} are kept as written; each list of strings is read", () => {
    expect(steps(t('  - { at: 0, sync: { user: "@bob:example.org", filter: {} } }\n'))[0]).toMatchObject({ filter: {} });
    expect(steps(t('  - { at: 0, sync: { user: "@bob:example.org", filter: { presence: {} } } }\n'))[0]).toMatchObject({ filter: { presence: {} } });
    const [s] = steps(t('  - { at: 0, sync: { user: "@bob:example.org", filter: { presence: { types: [m.presence], not_types: [], senders: ["@a:b"], not_senders: ["@c:d", "@e:f"] } } } }\n'));
    expect(s).toMatchObject({ filter: { presence: { types: ["m.presence"], not_types: [], senders: ["@a:b"], not_senders: ["@c:d", "@e:f"] } } });
    expect(s.kind === "sync" && Object.keys(s.filter!.presence!)).toEqual(["types", "not_types", "senders", "not_senders"]);
  });

  it("filter errors are located; a bad filter drops the step", () => {
    const a = t('  - { at: 0, sync: { user: "@bob:example.org", filter: { presence: { senders: [1] } } } }\n');
    expect(issues(a)).toEqual([`${at(a, "1]")} steps[0].sync.filter.presence.senders[0]: each entry of senders must be text, got the number 1`]);
    const b = t('  - { at: 0, sync: { user: "@bob:example.org", filter: { room: {} } } }\n');
    expect(issues(b)).toEqual([`${at(b, "room: {}")} steps[0].sync.filter.room: unknown key "room" in filter (allowed: presence)`]);
    const c = t('  - { at: 0, sync: { user: "@bob:example.org", filter: { presence: { sender: [] } } } }\n');
    expect(issues(c)).toEqual([`${at(c, "sender:")} steps[0].sync.filter.presence.sender: unknown key "sender" in filter.presence; did you mean senders?`]);
    const d = t('  - { at: 0, sync: { user: "@bob:example.org", filter: { presence: 5 } } }\n');
    expect(issues(d)).toEqual([`${at(d, "5 }")} steps[0].sync.filter.presence: filter.presence must be a map (key: value), got the number 5`]);
    const e = t('  - { at: 0, sync: { user: "@bob:example.org", filter: [] } }\n');
    expect(issues(e)).toEqual([`${at(e, "[]")} steps[0].sync.filter: filter must be a map (key: value), got a list`]);
    const f = t('  - { at: 0, sync: { user: "@bob:example.org", filter: { presence: { types: [a], senders: x } } } }\n');
    expect(issues(f)).toEqual([`${at(f, "x }")} steps[0].sync.filter.presence.senders: senders must be a list, got the text "x"`]);
  });

  it("each wrong-typed field is refused at its value, and drops the step", () => {
    const cases: Array<[string, string, string]> = [
      ["set_presence: 5", "5 }", "steps[0].sync.set_presence: set_presence must be text, got the number 5"],
      ["since: 5", "5 }", "steps[0].sync.since: since must be text, got the number 5"],
      ["timeout: soon", "soon", 'steps[0].sync.timeout: timeout: "soon" is not a duration; use a number of milliseconds or a string like 250ms, 30s, 5m, 1h or 1m30s'],
      ["full_state: yes", "yes", 'steps[0].sync.full_state: full_state must be true or false, got the text "yes"'],
    ];
    for (const [field, needle, message] of cases) {
      const x = t(`  - { at: 0, sync: { user: "@bob:example.org", ${field} } }\n`);
      expect(issues(x)).toEqual([`${at(x, needle)} ${message}`]);
    }
  });

  it("a sync by an unknown user or with a bad label is no step", () => {
    expect(issues(t('  - { at: 0, sync: { user: "@nobody:example.org" } }\n'))).toHaveLength(1);
    const x = t('  - { at: 0, sync: { user: "@bob:example.org", label: "" } }\n');
    expect(issues(x)).toEqual([`${at(x, '""')} steps[0].sync.label: a label cannot be empty`]);
  });
});

describe("client", () => {
  it("run is start or stop; anything else is refused at the value", () => {
    expect(steps(t('  - { at: 0, client: { user: "@bob:example.org", run: stop } }\n'))[0]).toEqual({ kind: "client", user: "@bob:example.org", device: "DEV", run: "stop", set_presence: "online", at: 0, index: 0, path: "steps[0]" });
    const a = t('  - { at: 0, client: { user: "@bob:example.org", run: pause } }\n');
    expect(issues(a)).toEqual([`${at(a, "pause")} steps[0].client.run: run must be start or stop, got "pause"`]);
    const b = t('  - { at: 0, client: { user: "@bob:example.org", run: 1 } }\n');
    expect(issues(b)).toEqual([`${at(b, "1 }")} steps[0].client.run: run must be text, got the number 1`]);
    const c = t('  - { at: 0, client: { user: "@bob:example.org", run: start, set_presence: [] } }\n');
    expect(issues(c)).toEqual([`${at(c, "[]")} steps[0].client.set_presence: set_presence must be text, got a list`]);
    const d = t('  - { at: 0, client: { user: "@nobody:example.org", run: start } }\n');
    expect(issues(d)).toHaveLength(1);
  });
});

describe("activity", () => {
  it("room is optional (null or absent: no room); a given room must exist", () => {
    expect(steps(t('  - { at: 0, activity: { user: "@bob:example.org" } }\n'))[0]).toEqual({ kind: "activity", user: "@bob:example.org", device: "DEV", room: null, at: 0, index: 0, path: "steps[0]" });
    expect(steps(t('  - { at: 0, activity: { user: "@bob:example.org", room: null } }\n'))[0]).toMatchObject({ room: null });
    const a = t('  - { at: 0, activity: { user: "@bob:example.org", room: "!nope:example.org" } }\n');
    expect(issues(a)).toEqual([`${at(a, '"!nope')} steps[0].activity.room: unknown room !nope:example.org; did you mean !team:example.org?`]);
    const b = t('  - { at: 0, activity: { user: "@bob:example.org", room: "!qqqqqqqqqqqq:matrix.org" } }\n');
    expect(issues(b)).toEqual([`${at(b, '"!qqq')} steps[0].activity.room: unknown room !qqqqqqqqqqqq:matrix.org`]);
    expect(issues(t('  - { at: 0, activity: { user: "@nobody:example.org" } }\n'))).toHaveLength(1);
  });
});

describe("membership", () => {
  it("every membership Synapse knows is accepted", () => {
    for (const m of ["join", "invite", "leave", "ban", "knock"]) {
      expect(steps(t(`  - { at: 0, membership: { user: "@bob:example.org", room: "!team:example.org", membership: ${m} } }\n`))[0]).toEqual({
        kind: "membership",
        user: "@bob:example.org",
        room: "!team:example.org",
        membership: m,
        at: 0,
        index: 0,
        path: "steps[0]",
      });
    }
  });

  it("a typo is refused with a suggestion, anything else with the list; a non-text value is refused", () => {
    const a = t('  - { at: 0, membership: { user: "@bob:example.org", room: "!team:example.org", membership: jion } }\n');
    expect(issues(a)).toEqual([`${at(a, "jion")} steps[0].membership.membership: membership must be one of join, invite, leave, ban, knock, got "jion"; did you mean join?`]);
    const b = t('  - { at: 0, membership: { user: "@bob:example.org", room: "!team:example.org", membership: member } }\n');
    expect(issues(b)).toEqual([`${at(b, "member }")} steps[0].membership.membership: membership must be one of join, invite, leave, ban, knock, got "member"`]);
    const c = t('  - { at: 0, membership: { user: "@bob:example.org", room: "!team:example.org", membership: 1 } }\n');
    expect(issues(c)).toEqual([`${at(c, "1 }")} steps[0].membership.membership: membership must be text, got the number 1`]);
  });

  it("the user must be declared and the room well formed (it need not exist yet)", () => {
    expect(issues(t('  - { at: 0, membership: { user: "@nobody:example.org", room: "!team:example.org", membership: join } }\n'))).toHaveLength(1);
    const a = t('  - { at: 0, membership: { user: "@bob:example.org", room: "#team:example.org", membership: join } }\n');
    expect(issues(a)).toEqual([`${at(a, '"#team')} steps[0].membership.room: "#team:example.org" is not a room id; room ids look like !team:example.org`]);
  });
});

describe("module_api", () => {
  const call = (body: string) => t(`  - at: 0\n    module_api: { server: example.org${body} }\n`);

  it("exactly one call: none is refused at the step's action, two at the second call", () => {
    const none = call("");
    expect(issues(none)).toEqual([`${at(none, "{ server")} steps[0].module_api: a module_api step makes exactly one call: send_local_online_presence_to or set_presence_for_users`]);
    const two = call(', set_presence_for_users: {}, send_local_online_presence_to: ["@bob:example.org"]');
    expect(issues(two)).toEqual([`${at(two, "{}, send")} steps[0].module_api.set_presence_for_users: a module_api step makes exactly one call: send_local_online_presence_to or set_presence_for_users`]);
  });

  it("send_local_online_presence_to: a list of text; S13 undeclared users only warn, with a suggestion when one is close", () => {
    const a = call(', send_local_online_presence_to: ["@bob:example.org", "@zed:far.away"]');
    expect(steps(a)[0]).toEqual({ kind: "module_api", server: "example.org", call: "send_local_online_presence_to", args: ["@bob:example.org", "@zed:far.away"], at: 0, index: 0, path: "steps[0]" });
    expect(issues(a)).toEqual([`warning ${at(a, '"@zed')} steps[0].module_api.send_local_online_presence_to[1]: @zed:far.away is not declared under users:`]);
    const b = call(", send_local_online_presence_to: [1]");
    expect(issues(b)).toEqual([`${at(b, "1]")} steps[0].module_api.send_local_online_presence_to[0]: each entry of send_local_online_presence_to must be text, got the number 1`]);
    const c = call(", send_local_online_presence_to: x");
    expect(issues(c)).toEqual([`${at(c, "x }")} steps[0].module_api.send_local_online_presence_to: send_local_online_presence_to must be a list, got the text "x"`]);
  });

  it("set_presence_for_users: each user maps to [state, status_msg]; status_msg may be null", () => {
    const a = call(', set_presence_for_users: { "@bob:example.org": [unavailable, "brb"], "@x:y.org": [offline, null] }');
    expect(steps(a)[0]).toMatchObject({ call: "set_presence_for_users", args: { "@bob:example.org": ["unavailable", "brb"], "@x:y.org": ["offline", null] } });
    const cases: Array<[string, string, string]> = [
      ['{ "@bob:example.org": [online] }', "[online]", 'steps[0].module_api.set_presence_for_users.@bob:example.org: the value for @bob:example.org must be [state, status_msg], e.g. [online, null]'],
      ['{ "@bob:example.org": [online, null, x] }', "[online, null, x]", 'steps[0].module_api.set_presence_for_users.@bob:example.org: the value for @bob:example.org must be [state, status_msg], e.g. [online, null]'],
      ['{ "@bob:example.org": online }', "online }", 'steps[0].module_api.set_presence_for_users.@bob:example.org: the value for @bob:example.org must be a list, got the text "online"'],
      ['{ "@bob:example.org": [1, null] }', "1, null", "steps[0].module_api.set_presence_for_users.@bob:example.org[0]: the state must be text, got the number 1"],
      ['{ "@bob:example.org": [online, 2] }', "2]", "steps[0].module_api.set_presence_for_users.@bob:example.org[1]: the status_msg (text or null) must be text, got the number 2"],
      ["[]", "[]", "steps[0].module_api.set_presence_for_users: set_presence_for_users must be a map (key: value), got a list"],
    ];
    for (const [value, needle, message] of cases) {
      const x = call(`, set_presence_for_users: ${value}`);
      expect(issues(x)).toEqual([`${at(x, needle)} ${message}`]);
    }
  });

  it("an unknown server is refused, and the step dropped", () => {
    const x = t('  - { at: 0, module_api: { server: nowhere.net, send_local_online_presence_to: [] } }\n');
    expect(issues(x)).toEqual([`${at(x, "nowhere")} steps[0].module_api.server: unknown server nowhere.net (servers: example.org, matrix.org)`]);
  });
});

describe("edu", () => {
  const edu = (body: string) => t(`  - { at: 0, edu: { ${body} } }\n`);

  it("R42 R43 any well-formed origin is accepted, declared or not; push is a list of JSON values", () => {
    expect(steps(edu('origin: spoof.example, destination: matrix.org, push: [{ user_id: "@a:spoof.example" }, 3]'))[0]).toEqual({
      kind: "edu",
      origin: "spoof.example",
      destination: "matrix.org",
      push: [{ user_id: "@a:spoof.example" }, 3],
      at: 0,
      index: 0,
      path: "steps[0]",
    });
  });

  it("a malformed origin, an unknown destination, a push that is not a list: refused where written", () => {
    const a = edu("origin: bad_host, destination: matrix.org, push: []");
    expect(issues(a)).toEqual([`${at(a, "bad_host")} steps[0].edu.origin: "bad_host" is not a valid server name (a host name such as example.org, optionally with :port)`]);
    const b = edu("origin: 5, destination: matrix.org, push: []");
    expect(issues(b)).toEqual([`${at(b, "5,")} steps[0].edu.origin: origin must be text, got the number 5`]);
    const c = edu("origin: x.org, destination: elsewhere.org, push: []");
    expect(issues(c)).toEqual([`${at(c, "elsewhere")} steps[0].edu.destination: unknown server elsewhere.org (servers: example.org, matrix.org)`]);
    const d = edu("origin: x.org, destination: matrix.org, push: { a: 1 }");
    expect(issues(d)).toEqual([`${at(d, "{ a: 1 }")} steps[0].edu.push: push must be a list, got a map`]);
    const e = edu('origin: "", destination: matrix.org, push: []');
    expect(issues(e)).toEqual([`${at(e, '""')} steps[0].edu.origin: a server name cannot be empty`]);
    const f = edu("origin: x.org, destination: matrix.org");
    expect(issues(f)).toEqual([`${at(f, "{ origin")} steps[0].edu: an edu step needs "push"`]);
  });
});

describe("get_presence", () => {
  it("R10 the target is the request's: an undeclared target is sent as is, with a warning only when a declared user is close", () => {
    const a = t('  - { at: 0, get_presence: { user: "@bob:example.org", target: "@alcie:example.org" } }\n');
    expect(steps(a)[0]).toEqual({ kind: "get_presence", user: "@bob:example.org", target: "@alcie:example.org", label: null, at: 0, index: 0, path: "steps[0]" });
    expect(issues(a)).toEqual([`warning ${at(a, '"@alcie')} steps[0].get_presence.target: @alcie:example.org is not declared under users:; did you mean @alice:example.org?`]);
    const b = t('  - { at: 0, get_presence: { user: "@bob:example.org", target: "@zed:far.away" } }\n');
    expect(issues(b)).toEqual([]);
    expect(steps(b)[0]).toMatchObject({ target: "@zed:far.away" });
  });

  it("the asking user must be declared; a non-text target is refused", () => {
    expect(issues(t('  - { at: 0, get_presence: { user: "@nobody:example.org", target: "@bob:example.org" } }\n'))).toHaveLength(1);
    const x = t('  - { at: 0, get_presence: { user: "@bob:example.org", target: 7 } }\n');
    expect(issues(x)).toEqual([`${at(x, "7 }")} steps[0].get_presence.target: target must be text, got the number 7`]);
  });
});

describe("restart and until", () => {
  it("restart names a declared server", () => {
    expect(steps(t("  - { at: 0, restart: { server: matrix.org } }\n"))[0]).toEqual({ kind: "restart", server: "matrix.org", at: 0, index: 0, path: "steps[0]" });
    const a = t("  - { at: 0, restart: { server: matrx.org } }\n");
    expect(issues(a)).toEqual([`${at(a, "matrx")} steps[0].restart.server: unknown server matrx.org; did you mean matrix.org?`]);
    const b = t("  - { at: 0, restart: {} }\n");
    expect(issues(b)).toEqual([`${at(b, "{} }")} steps[0].restart: a restart step needs "server"`]);
  });

  it("until takes no fields ({} or null)", () => {
    expect(steps(t("  - { at: 0, until: null }\n"))[0]).toEqual({ kind: "until", at: 0, index: 0, path: "steps[0]" });
    const a = t("  - { at: 0, until: { x: 1 } }\n");
    expect(issues(a)).toEqual([`${at(a, "x: 1")} steps[0].until.x: unknown key "x" in an until step (write until: {})`]);
  });
});
