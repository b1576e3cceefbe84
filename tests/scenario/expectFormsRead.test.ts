// Reading the precise expectation forms (scenario-format §3): absent fields in sync.sees,
// `request`, `state` record fields, `edus` entries and counts. Each malformed form is a
// located error, with a suggestion where a typo is likely.
import { describe, expect, it } from "vitest";
import { errorsOf, ok, oneError, posOf, WORLD } from "./helpers.ts";

const STEPS = `steps:
  - { at: 1s, presence: { user: "@alice:example.org", device: phone, state: online, label: put } }
  - { at: 2s, get_presence: { user: "@bob:example.org", target: "@carol:matrix.org", label: peek } }
  - { at: 3s, presence: { user: "@bob:example.org", state: online } }
  - { at: 10s, sync: { user: "@bob:example.org", label: first } }
`;
const doc = (expectYaml: string) => `${WORLD}${STEPS}expect:\n${expectYaml}`;
const read = (expectYaml: string) => ok(doc(expectYaml)).expect;
/** Position of the value in the first "key: value" of `text`. */
const valuePos = (text: string, key: string, value: string): [number, number] => {
  const [line, column] = posOf(text, `${key}: ${value}`);
  return [line, column + key.length + 2];
};

describe("R54 sync.sees: null means the field is absent", () => {
  it("keeps null in the normalized content", () => {
    expect(read(`  - { sync: first, sees: { "@alice:example.org": { presence: online, status_msg: null, last_active_ago: null, currently_active: null } } }\n`)[0]).toMatchObject({
      sees: { "@alice:example.org": { presence: "online", status_msg: null, last_active_ago: null, currently_active: null } },
    });
  });

  it("an unknown content field is an error at its key, with a suggestion", () => {
    const t = doc(`  - { sync: first, sees: { "@alice:example.org": { stauts_msg: null } } }\n`);
    const e = oneError(t, ...posOf(t, "stauts_msg"), 'expect[0].sees.@alice:example.org.stauts_msg');
    expect(e.message).toMatch(/unknown key "stauts_msg" .*did you mean status_msg\?/);
  });

  it("presence: null is an error (presence is always on the wire)", () => {
    const t = doc(`  - { sync: first, sees: { "@alice:example.org": { presence: null } } }\n`);
    expect(oneError(t, ...posOf(t, "null")).message).toMatch(/presence is always on the wire/);
  });

  it("wrong-typed values are errors at the value", () => {
    const t = doc(`  - { sync: first, sees: { "@alice:example.org": { currently_active: yes please } } }\n`);
    expect(oneError(t, ...posOf(t, "yes please")).message).toMatch(/^currently_active \(null: absent\) must be true or false/);
    const t2 = doc(`  - { sync: first, sees: { "@alice:example.org": { last_active_ago: -1 } } }\n`);
    expect(oneError(t2, ...posOf(t2, "-1")).message).toMatch(/must be at least 0/);
    const t3 = doc(`  - { sync: first, sees: { "@alice:example.org": { status_msg: [a] } } }\n`);
    expect(oneError(t3, ...posOf(t3, "[a]")).message).toMatch(/must be text, got a list/);
    const t4 = doc(`  - { sync: first, sees: { "@alice:example.org": [online] } }\n`);
    expect(oneError(t4, ...posOf(t4, "[online]")).message).toMatch(/a state such as online, or a map of content fields/);
  });
});

describe("request: the outcome of a labelled presence, get_presence or sync step", () => {
  it("normalizes status and the optional errcode", () => {
    expect(read(`  - { request: put, status: 429, errcode: M_LIMIT_EXCEEDED }\n  - { request: peek, status: 403 }\n  - { request: first, status: 200, name: ok }\n`)).toEqual([
      { kind: "request", label: "put", status: 429, errcode: "M_LIMIT_EXCEEDED", name: null, path: "expect[0]" },
      { kind: "request", label: "peek", status: 403, name: null, path: "expect[1]" },
      { kind: "request", label: "first", status: 200, name: "ok", path: "expect[2]" },
    ]);
  });

  it("an unknown label is an error at the label, with a suggestion", () => {
    const t = doc(`  - { request: peak, status: 403 }\n`);
    expect(oneError(t, ...posOf(t, "peak"), "expect[0].request").message).toBe('no presence, get_presence or sync step is labelled "peak"; did you mean peek?');
  });

  it("status is required, and must be a whole HTTP status (100..599)", () => {
    expect(errorsOf(doc(`  - { request: put }\n`))[0].message).toBe('a request expectation needs "status"');
    for (const [bad, why] of [["99", "at least 100"], ["600", "at most 599"], ["4.5", "whole number"], ["forbidden", "must be a number"]]) {
      const t = doc(`  - { request: put, status: ${bad} }\n`);
      expect(oneError(t, ...valuePos(t, "status", bad), "expect[0].status").message).toMatch(why);
    }
    // The boundaries themselves are accepted.
    expect(read(`  - { request: put, status: 100 }\n  - { request: put, status: 599 }\n`).map((x) => (x as { status: number }).status)).toEqual([100, 599]);
  });

  it("errcode: a typo of a known code is an error with a suggestion; a success has none", () => {
    const t = doc(`  - { request: peek, status: 403, errcode: M_FORBIDEN }\n`);
    expect(oneError(t, ...posOf(t, "M_FORBIDEN"), "expect[0].errcode").message).toBe('unknown errcode "M_FORBIDEN"; did you mean M_FORBIDDEN?');
    const t2 = doc(`  - { request: peek, status: 200, errcode: M_FORBIDDEN }\n`);
    expect(oneError(t2, ...posOf(t2, "M_FORBIDDEN")).message).toMatch(/a 200 response has no errcode/);
    // A custom code far from every known one is allowed (modules and servers may use their own).
    expect(read(`  - { request: peek, status: 403, errcode: ORG_EXAMPLE_NOPE }\n`)[0]).toMatchObject({ errcode: "ORG_EXAMPLE_NOPE" });
  });

  it("an unknown key suggests the right one", () => {
    const t = doc(`  - { request: peek, status: 403, errocde: M_FORBIDDEN }\n`);
    expect(oneError(t, ...posOf(t, "errocde")).message).toMatch(/did you mean errcode\?/);
  });
});

describe("R2 state: an object of record fields per user", () => {
  it("normalizes fields; *_ts are offsets from the start, or never", () => {
    expect(read(`  - state: { "@alice:example.org": { state: online, status_msg: null, currently_active: false, last_active_ts: 40s, last_user_sync_ts: never }, "@bob:example.org": offline }\n    at: 1m\n`)[0]).toMatchObject({
      users: {
        "@alice:example.org": { state: "online", status_msg: null, currently_active: false, last_active_ts: 40_000, last_user_sync_ts: "never" },
        "@bob:example.org": "offline",
      },
    });
  });

  it("an unknown record field is an error at its key, with a suggestion", () => {
    const t = doc(`  - { state: { "@alice:example.org": { curently_active: true } }, at: 1m }\n`);
    expect(oneError(t, ...posOf(t, "curently_active")).message).toMatch(/did you mean currently_active\?/);
  });

  it("an empty object checks nothing and is an error", () => {
    const t = doc(`  - { state: { "@alice:example.org": {} }, at: 1m }\n`);
    expect(oneError(t, ...posOf(t, "{} }"), "expect[0].state.@alice:example.org").message).toMatch(/checks nothing/);
  });

  it("an epoch timestamp is an error that says to write an offset", () => {
    const t = doc(`  - { state: { "@alice:example.org": { last_active_ts: 1767225640000 } }, at: 1m }\n`);
    expect(oneError(t, ...posOf(t, "1767225640000")).message).toMatch(/offset from the scenario start such as 40s .* not an epoch timestamp/);
    const t2 = doc(`  - { state: { "@alice:example.org": { last_active_ts: soon } }, at: 1m }\n`);
    expect(oneError(t2, ...posOf(t2, "soon")).message).toMatch(/^last_active_ts \(an offset from the scenario start such as 40s, or never\)/);
  });

  it("wrong-typed fields are errors at the value", () => {
    const t = doc(`  - { state: { "@alice:example.org": { currently_active: 1 } }, at: 1m }\n`);
    expect(oneError(t, ...posOf(t, "1 }")).message).toMatch(/currently_active must be true or false/);
    const t2 = doc(`  - { state: { "@alice:example.org": { state: [online] } }, at: 1m }\n`);
    expect(oneError(t2, ...posOf(t2, "[online]")).message).toMatch(/state must be text/);
  });
});

describe("R38 R39 edus: entries, count, max_entries_per_edu", () => {
  it("normalizes them, and leaves them out when not written", () => {
    const [a, b] = read(`  - edus: { destination: matrix.org }
    entries: { "@alice:example.org": { presence: offline, status_msg: null } }
    count: 1
    max_entries_per_edu: 50
  - { edus: { destination: matrix.org }, users: ["@bob:example.org"] }
`);
    expect(a).toMatchObject({ users: [], entries: { "@alice:example.org": { presence: "offline", status_msg: null } }, count: 1, max_entries_per_edu: 50 });
    expect(Object.keys(b)).not.toContain("entries");
    expect(Object.keys(b)).not.toContain("count");
    expect(Object.keys(b)).not.toContain("max_entries_per_edu");
  });

  it("an entry for an unknown user, or an unknown field, is a located error with a suggestion", () => {
    const t = doc(`  - { edus: { destination: matrix.org }, entries: { "@alise:example.org": { presence: online } } }\n`);
    expect(oneError(t, ...posOf(t, '"@alise')).message).toMatch(/did you mean @alice:example.org\?/);
    const t2 = doc(`  - { edus: { destination: matrix.org }, entries: { "@alice:example.org": { presense: online } } }\n`);
    expect(oneError(t2, ...posOf(t2, "presense")).message).toMatch(/did you mean presence\?/);
    const t3 = doc(`  - { edus: { destination: matrix.org }, entries: {} }\n`);
    expect(oneError(t3, ...posOf(t3, "{} }")).message).toMatch(/entries checks nothing/);
  });

  it("count is a whole number >= 0; max_entries_per_edu a whole number >= 1", () => {
    for (const [field, bad, why] of [["count", "-1", "at least 0"], ["count", "1.5", "whole number"], ["max_entries_per_edu", "0", "at least 1"], ["max_entries_per_edu", "many", "must be a number"]]) {
      const t = doc(`  - { edus: { destination: matrix.org }, ${field}: ${bad} }\n`);
      expect(oneError(t, ...valuePos(t, field, bad), `expect[0].${field}`).message).toMatch(why);
    }
    expect(read(`  - { edus: { destination: matrix.org }, count: 0, max_entries_per_edu: 1 }\n`)[0]).toMatchObject({ count: 0, max_entries_per_edu: 1 });
    const t = doc(`  - { edus: { destination: matrix.org }, max_entries_per_eud: 50 }\n`);
    expect(oneError(t, ...posOf(t, "max_entries_per_eud")).message).toMatch(/did you mean max_entries_per_edu\?/);
  });
});
