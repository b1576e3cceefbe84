// `servers:` (src/scenario/validateServers.ts): each homeserver.yaml setting is read as
// written or refused where written; Synapse's config checks on both sides of each bound
// (presence-semantics §1: G > 0, S > 0, I > G).
import { describe, expect, it } from "vitest";
import { parseScenario } from "../../src/scenario/parse.ts";
import { ok, posOf } from "./helpers.ts";

function errs(text: string): string[] {
  const r = parseScenario(text, "s.yaml");
  return r.ok ? [] : r.errors.map((e) => `${e.line}:${e.column} ${e.path}: ${e.message}`);
}
const at = (text: string, needle: string, nth = 0) => posOf(text, needle, nth).join(":");
/** One server `hs` with these settings (a flow map body). */
const S = (settings: string) => `servers:\n  hs: { ${settings} }\n`;
const server = (settings: string) => ok(S(settings)).servers[0];

describe("R46 R1 R33 switches and lists", () => {
  it("include_offline_users_on_sync and msc3026_enabled: true is kept, a non-boolean refused", () => {
    expect(server("presence: { include_offline_users_on_sync: true }").presence.include_offline_users_on_sync).toBe(true);
    expect(server("experimental_features: { msc3026_enabled: true }").experimental_features.msc3026_enabled).toBe(true);
    const a = S("presence: { include_offline_users_on_sync: 1 }");
    expect(errs(a)).toEqual([`${at(a, "1 }")} servers.hs.presence.include_offline_users_on_sync: include_offline_users_on_sync must be true or false, got the number 1`]);
    const b = S("experimental_features: { msc3026_enabled: on }");
    expect(errs(b)).toEqual([`${at(b, "on }")} servers.hs.experimental_features.msc3026_enabled: msc3026_enabled must be true or false, got the text "on"`]);
    const c = S("experimental_features: { msc3026: true }");
    expect(errs(c)).toEqual([`${at(c, "msc3026:")} servers.hs.experimental_features.msc3026: unknown key "msc3026" in experimental_features (allowed: msc3026_enabled)`]);
  });

  it("R33 federation_domain_whitelist: a list of names (even empty); null means no whitelist", () => {
    expect(server("federation_domain_whitelist: [a.org, b.org]").federation_domain_whitelist).toEqual(["a.org", "b.org"]);
    expect(server("federation_domain_whitelist: []").federation_domain_whitelist).toEqual([]);
    expect(server("federation_domain_whitelist: null").federation_domain_whitelist).toBeNull();
    const a = S("federation_domain_whitelist: a.org");
    expect(errs(a)).toEqual([`${at(a, "a.org")} servers.hs.federation_domain_whitelist: federation_domain_whitelist must be a list, got the text "a.org"`]);
  });

  it("R74 exclude_rooms_from_presence must be a list of text", () => {
    const a = S('exclude_rooms_from_presence: "!a:hs"');
    expect(errs(a)).toEqual([`${at(a, '"!a')} servers.hs.exclude_rooms_from_presence: exclude_rooms_from_presence must be a list, got the text "!a:hs"`]);
    const b = S("exclude_rooms_from_presence: [1]");
    expect(errs(b)).toEqual([`${at(b, "1]")} servers.hs.exclude_rooms_from_presence[0]: each entry of exclude_rooms_from_presence must be text, got the number 1`]);
  });

  it("R9 rc_presence: a missing per_user or field keeps Synapse's value", () => {
    expect(server("rc_presence: {}").rc_presence).toEqual({ per_user: { per_second: 0.1, burst_count: 1 } });
    expect(server("rc_presence: { per_user: null }").rc_presence).toEqual({ per_user: { per_second: 0.1, burst_count: 1 } });
    expect(server("rc_presence: { per_user: { per_second: 2 } }").rc_presence).toEqual({ per_user: { per_second: 2, burst_count: 1 } });
    expect(server("rc_presence: { per_user: { burst_count: 3 } }").rc_presence).toEqual({ per_user: { per_second: 0.1, burst_count: 3 } });
    const a = S("rc_presence: { per_user: { per_second: fast } }");
    expect(errs(a)).toEqual([`${at(a, "fast")} servers.hs.rc_presence.per_user.per_second: per_second must be a number, got the text "fast"`]);
    const b = S("rc_presence: { per_user: 3 }");
    expect(errs(b)).toEqual([`${at(b, "3 }")} servers.hs.rc_presence.per_user: rc_presence.per_user must be a map (key: value), got the number 3`]);
  });

  it("R40 federation_rr_transactions_per_room_per_second keeps Synapse's 50 unless given", () => {
    expect(server("federation_rr_transactions_per_room_per_second: 7").federation_rr_transactions_per_room_per_second).toBe(7);
    const a = S("federation_rr_transactions_per_room_per_second: many");
    expect(errs(a)).toEqual([`${at(a, "many")} servers.hs.federation_rr_transactions_per_room_per_second: federation_rr_transactions_per_room_per_second must be a number, got the text "many"`]);
  });
});

describe("§1 timers: G > 0, S > 0, I > G", () => {
  it("idle_timeout alone is checked against the default granularity (1m): exactly 1m is refused, 1m + 1 ms accepted", () => {
    const a = S("presence: { idle_timeout: 1m }");
    expect(errs(a)).toEqual([`${at(a, "1m")} servers.hs.presence.idle_timeout: idle_timeout (60000 ms) must be greater than last_active_granularity (60000 ms), as Synapse requires`]);
    expect(server("presence: { idle_timeout: 60001 }").presence).toMatchObject({ idle_timeout: 60_001, last_active_granularity: 60_000 });
  });

  it("both given: the message points at idle_timeout", () => {
    const a = S("presence: { last_active_granularity: 2m, idle_timeout: 90s }");
    expect(errs(a)).toEqual([`${at(a, "90s")} servers.hs.presence.idle_timeout: idle_timeout (90000 ms) must be greater than last_active_granularity (120000 ms), as Synapse requires`]);
  });

  it("a zero granularity is refused once (not again against idle_timeout)", () => {
    const a = S("presence: { last_active_granularity: 0, idle_timeout: 0 }");
    expect(errs(a)).toEqual([`${at(a, "0,")} servers.hs.presence.last_active_granularity: last_active_granularity must be greater than 0`]);
  });

  it("a granularity that is not a duration is refused at its value, and I is checked against the default", () => {
    const a = S("presence: { last_active_granularity: often }");
    expect(errs(a)).toEqual([`${at(a, "often")} servers.hs.presence.last_active_granularity: last_active_granularity: "often" is not a duration; use a number of milliseconds or a string like 250ms, 30s, 5m, 1h or 1m30s`]);
    const b = S("presence: { sync_online_timeout: [] }");
    expect(errs(b)).toEqual([`${at(b, "[]")} servers.hs.presence.sync_online_timeout: sync_online_timeout must be a duration such as 30s, 5m, 1m30s or a number of milliseconds, got a list`]);
  });

  it("no timer given: nothing to check, defaults kept", () => {
    expect(server("presence: { enabled: true }").presence).toMatchObject({ last_active_granularity: 60_000, sync_online_timeout: 30_000, idle_timeout: 300_000 });
  });
});

describe("R70 enabled", () => {
  it("null or a number is refused, described", () => {
    const a = S("presence: { enabled: ~ }");
    expect(errs(a)).toEqual([`${at(a, "~")} servers.hs.presence.enabled: enabled must be true, false or "untracked", got null`]);
    const b = S("presence: { enabled: 1 }");
    expect(errs(b)).toEqual([`${at(b, "1 }")} servers.hs.presence.enabled: enabled must be true, false or "untracked", got the number 1`]);
  });
});

describe("R56 R57 module entries", () => {
  it("modules must be a list; an entry without module is refused and left out", () => {
    const a = S("modules: { module: r.ts }");
    expect(errs(a)).toEqual([`${at(a, "{ module: r")} servers.hs.modules: modules must be a list, got a map`]);
    const b = S("modules: [{ config: {} }, { module: r.ts }]");
    expect(errs(b)).toEqual([`${at(b, "{ config")} servers.hs.modules[0]: a module entry needs "module"`]);
    const c = S("modules: [{ module: 5 }]");
    expect(errs(c)).toEqual([`${at(c, "5 }")} servers.hs.modules[0].module: module must be text, got the number 5`]);
  });

  it("several modules keep their order and paths", () => {
    expect(server("modules: [{ module: a.ts }, { module: b.js#B, config: { x: 1 } }]").modules).toEqual([
      { module: "a.ts", file: "a.ts", export: "default", config: {}, path: "servers.hs.modules[0]" },
      { module: "b.js#B", file: "b.js", export: "B", config: { x: 1 }, path: "servers.hs.modules[1]" },
    ]);
  });

  it("R57 a presence_router that is not a valid entry is refused", () => {
    const a = S("presence: { presence_router: { module: r.rs } }");
    expect(errs(a)).toEqual([`${at(a, "r.rs")} servers.hs.presence.presence_router.module: module must name a .ts, .js or .py file, e.g. router.ts, router.ts#MyRouter or my_router.MyRouter (my_router.py), got "r.rs"`]);
    const b = S("presence: { presence_router: r.ts }");
    expect(errs(b)).toEqual([`${at(b, "r.ts")} servers.hs.presence.presence_router: a module entry must be a map (key: value), got the text "r.ts"`]);
  });
});

describe("the servers map", () => {
  it("a server's settings must be a map; null is all defaults", () => {
    expect(ok("servers:\n  hs: ~\n").servers[0].presence.enabled).toBe(true);
    const a = "servers:\n  hs: [presence]\n";
    expect(errs(a)).toEqual([`2:7 servers.hs: server hs must be a map (key: value), got a list`]);
    const b = S("presence: 1");
    expect(errs(b)).toEqual([`${at(b, "1 }")} servers.hs.presence: presence must be a map (key: value), got the number 1`]);
  });

  it("servers are kept in the order written", () => {
    expect(ok("servers: { b.org: {}, a.org: {}, c.org: {} }\n").servers.map((s) => s.name)).toEqual(["b.org", "a.org", "c.org"]);
  });

  it("an unknown setting gets a suggestion", () => {
    const a = S("federation_domain_whitelis: []");
    expect(errs(a)).toEqual([`${at(a, "federation")} servers.hs.federation_domain_whitelis: unknown key "federation_domain_whitelis" in server hs; did you mean federation_domain_whitelist?`]);
  });
});
