// Validator edges: identifier length caps at/over the limit, Synapse's timer checks on
// both sides (I > G, G > 0, S > 0), numeric minimums, module references, and every
// message's place (line:column, path) and suggestion.
import { describe, expect, it } from "vitest";
import { parseScenario } from "../../src/scenario/parse.ts";
import { mxidProblem, roomIdProblem, serverNameProblem, splitId } from "../../src/scenario/ids.ts";
import { ok, posOf } from "./helpers.ts";

/** The errors as "line:column path: message"; [] when the scenario is accepted. */
function errs(text: string): string[] {
  const r = parseScenario(text, "s.yaml");
  return r.ok ? [] : r.errors.map((e) => `${e.line}:${e.column} ${e.path}: ${e.message}`);
}
/** "line:column" of the nth occurrence of needle. */
const at = (text: string, needle: string, nth = 0) => posOf(text, needle, nth).join(":");

describe("identifiers", () => {
  it("server names: 255 characters at most, labels of up to 63, ports, IP literals", () => {
    const label = (n: number) => "a".repeat(n);
    const name255 = [label(63), label(63), label(63), label(63)].join("."); // 255
    expect(name255.length).toBe(255);
    expect(serverNameProblem(name255)).toBeNull();
    expect(serverNameProblem(name255 + "a")).toBe("a server name is at most 255 characters");
    expect(serverNameProblem("")).toBe("a server name cannot be empty");
    expect(serverNameProblem(`${label(63)}.org`)).toBeNull();
    expect(serverNameProblem(`${label(64)}.org`)).toBe(`"${label(64)}.org" is not a valid server name (a host name such as example.org, optionally with :port)`);
    expect(serverNameProblem(`x.${label(63)}`)).toBeNull();
    expect(serverNameProblem(`x.${label(64)}`)).not.toBeNull();
    expect(serverNameProblem("a")).toBeNull();
    expect(serverNameProblem("-a.org")).not.toBeNull();
    expect(serverNameProblem("a.org:8448")).toBeNull();
    expect(serverNameProblem("a.org:65535")).toBeNull();
    expect(serverNameProblem("a.org:123456")).not.toBeNull();
    expect(serverNameProblem("a.org:")).not.toBeNull();
    expect(serverNameProblem("1.2.3.4")).toBeNull();
    expect(serverNameProblem("[::1]:8008")).toBeNull();
    expect(serverNameProblem("[::1")).not.toBeNull();
    expect(serverNameProblem("a_b.org")).not.toBeNull();
    expect(serverNameProblem("a.org/x")).not.toBeNull();
    expect(serverNameProblem("x a.org")).not.toBeNull();
  });

  it("user ids: @local:server, the first colon splits, 255 characters at most", () => {
    expect(splitId("@a:b:c")).toEqual({ local: "a", server: "b:c" });
    expect(splitId("@a")).toBeNull();
    const look = (id: string) => `"${id}" is not a user id; user ids look like @alice:example.org`;
    expect(mxidProblem("alice:hs")).toBe(look("alice:hs"));
    expect(mxidProblem("@alice")).toBe(look("@alice"));
    expect(mxidProblem("@:hs")).toBe(look("@:hs"));
    expect(mxidProblem("@a:")).toBe(look("@a:"));
    expect(mxidProblem("@a b:hs")).toBe('the user id "@a b:hs" contains whitespace or control characters');
    expect(mxidProblem("@a\u0001:hs")).toBe('the user id "@a\u0001:hs" contains whitespace or control characters');
    expect(mxidProblem("@a:hs:8448")).toBeNull();
    expect(mxidProblem("@a:bad_host")).toBe('the server part of "@a:bad_host" is not a valid server name');
    const id255 = `@${"u".repeat(249)}:hs.o`; // 1 + 249 + 1 + 4 = 255
    expect(id255.length).toBe(255);
    expect(mxidProblem(id255)).toBeNull();
    const id256 = `@${"u".repeat(250)}:hs.o`;
    expect(mxidProblem(id256)).toBe(`the user id "${id256.slice(0, 40)}…" is longer than 255 characters`);
  });

  it("room ids: !opaque:server, no whitespace", () => {
    const look = (id: string) => `"${id}" is not a room id; room ids look like !team:example.org`;
    expect(roomIdProblem("!r:hs")).toBeNull();
    expect(roomIdProblem("#r:hs")).toBe(look("#r:hs"));
    expect(roomIdProblem("!r")).toBe(look("!r"));
    expect(roomIdProblem("!:hs")).toBe(look("!:hs"));
    expect(roomIdProblem("!r:")).toBe(look("!r:"));
    expect(roomIdProblem("!r:h s")).toBe('the room id "!r:h s" contains whitespace or control characters');
    expect(roomIdProblem("!r\t:hs")).toBe('the room id "!r\t:hs" contains whitespace or control characters');
  });
});

describe("references: message, place and suggestion", () => {
  const W = `servers: { example.org: {}, matrix.org: {} }
users:
  "@alice:example.org": { devices: [phone, laptop] }
  "@bob:example.org": {}
rooms:
  "!team:example.org": ["@alice:example.org"]
`;

  it("users: a typo gets the closest user; an unknown server its closest server; else where to declare it", () => {
    const t1 = `${W}clients:\n  - { user: "@alcie:example.org" }\n`;
    expect(errs(t1)).toEqual([`${at(t1, '"@alcie')} clients[0].user: unknown user @alcie:example.org; did you mean @alice:example.org?`]);
    const t2 = `${W}clients:\n  - { user: "@zedekiah:exmple.org" }\n`;
    expect(errs(t2)).toEqual([`${at(t2, '"@zed')} clients[0].user: unknown user @zedekiah:exmple.org; did you mean @zedekiah:example.org?`]);
    const t3 = `${W}clients:\n  - { user: "@zed:elsewhere.net" }\n`;
    expect(errs(t3)).toEqual([`${at(t3, '"@zed')} clients[0].user: unknown user @zed:elsewhere.net (its server "elsewhere.net" is not in servers)`]);
    const t4 = `${W}clients:\n  - { user: "@qqqqqqqqqqqqqqq:example.org" }\n`;
    expect(errs(t4)).toEqual([`${at(t4, '"@qqq')} clients[0].user: unknown user @qqqqqqqqqqqqqqq:example.org (declare it under users:)`]);
    const t5 = `servers: { example.org: {} }\nclients:\n  - { user: "@zed:example.org" }\n`;
    expect(errs(t5)).toEqual([`${at(t5, '"@zed')} clients[0].user: unknown user @zed:example.org (declare users under users:)`]);
    const t6 = `${W}clients:\n  - { user: "bob" }\n`;
    expect(errs(t6)).toEqual([`${at(t6, '"bob"')} clients[0].user: user: "bob" is not a user id; user ids look like @alice:example.org`]);
  });

  it("users: keys must be valid ids of declared servers", () => {
    const t = `servers: { example.org: {} }\nusers:\n  "@a:exmple.org": {}\n  "@b:other.net": {}\n  "c": {}\n`;
    expect(errs(t)).toEqual([
      `${at(t, '"@a:')} users.@a:exmple.org: the server "exmple.org" of @a:exmple.org is not in servers; did you mean example.org?`,
      `${at(t, '"@b:')} users.@b:other.net: the server "other.net" of @b:other.net is not in servers`,
      `${at(t, '"c"')} users.c: "c" is not a user id; user ids look like @alice:example.org`,
    ]);
  });

  it("devices: default is the first, typos suggested, empty and duplicate ids rejected", () => {
    expect(ok(`${W}clients:\n  - { user: "@alice:example.org" }\n`).clients[0].device).toBe("phone");
    expect(ok(`${W}clients:\n  - { user: "@bob:example.org" }\n`).clients[0].device).toBe("DEV");
    const t1 = `${W}clients:\n  - { user: "@alice:example.org", device: phnoe }\n`;
    expect(errs(t1)).toEqual([`${at(t1, "phnoe")} clients[0].device: @alice:example.org has no device "phnoe"; did you mean phone? (devices: phone, laptop)`]);
    const t2 = `servers: { hs: {} }\nusers:\n  "@a:hs": { devices: [x, "", x] }\n`;
    expect(errs(t2)).toEqual([`${at(t2, '""')} users.@a:hs.devices[1]: a device id cannot be empty`, `${at(t2, "x", 1)} users.@a:hs.devices[2]: device "x" is listed twice`]);
    const t3 = `servers: { hs: {} }\nusers:\n  "@a:hs": { devices: [] }\nclients:\n  - { user: "@a:hs" }\n`;
    expect(errs(t3)).toEqual([`${at(t3, "{ user")} clients[0]: @a:hs has no devices; add "device:" here or devices under users:`]);
    const t4 = `servers: { hs: {} }\nusers:\n  "@a:hs": { devices: [] }\nclients:\n  - { user: "@a:hs", device: d }\n`;
    expect(errs(t4)).toEqual([`${at(t4, "d }")} clients[0].device: @a:hs has no device "d" (devices: none)`]);
  });

  it("clients: one per user and device", () => {
    const t = `${W}clients:\n  - { user: "@bob:example.org" }\n  - { user: "@bob:example.org", device: DEV, set_presence: unavailable }\n`;
    expect(errs(t)).toEqual([`${at(t, "{ user", 1)} clients[1]: a client for @bob:example.org device DEV is already listed`]);
  });

  it("clients: a list of { user, device?, set_presence? }; set_presence defaults to online", () => {
    expect(ok(`${W}clients:\n  - { user: "@bob:example.org" }\n`).clients).toEqual([{ user: "@bob:example.org", device: "DEV", set_presence: "online" }]);
    const t1 = `${W}clients: 5\n`;
    expect(errs(t1)).toEqual([`${at(t1, "5\n")} clients: clients must be a list, got the number 5`]);
    const t2 = `${W}clients:\n  - { device: x }\n  - { user: "@bob:example.org", foo: 1 }\n  - { user: "@bob:example.org", set_presence: 3 }\n`;
    expect(errs(t2)).toEqual([
      `${at(t2, "{ device: x")} clients[0]: a client needs "user"`,
      `${at(t2, "foo")} clients[1].foo: unknown key "foo" in a client (allowed: user, device, set_presence)`,
      `${at(t2, "3 }")} clients[2].set_presence: set_presence must be text, got the number 3`,
    ]);
  });

  it("rooms: valid ids, members listed once", () => {
    const t = `${W.split("rooms:")[0]}rooms:\n  "#x:example.org": []\n  "!r:example.org": ["@bob:example.org", "@bob:example.org"]\n`;
    expect(errs(t)).toEqual([
      `${at(t, '"#x')} rooms.#x:example.org: "#x:example.org" is not a room id; room ids look like !team:example.org`,
      `${at(t, '"@bob', 2)} rooms.!r:example.org[1]: @bob:example.org is listed twice in !r:example.org`,
    ]);
  });

  it("servers: a typo gets the closest server, otherwise the list", () => {
    const t1 = `${W}expect:\n  - { state: { "@bob:example.org": online }, at: 1s, server: exmple.org }\n`;
    expect(errs(t1)).toEqual([`${at(t1, "exmple.org")} expect[0].server: unknown server exmple.org; did you mean example.org?`]);
    const t2 = `${W}expect:\n  - { state: { "@bob:example.org": online }, at: 1s, server: zzz.net }\n`;
    expect(errs(t2)).toEqual([`${at(t2, "zzz.net")} expect[0].server: unknown server zzz.net (servers: example.org, matrix.org)`]);
  });

  it("rooms in steps: must exist unless created by a membership step", () => {
    const t = `${W}steps:\n  - { at: 0, activity: { user: "@bob:example.org", room: "!taem:example.org" } }\n`;
    expect(errs(t)).toEqual([`${at(t, '"!taem')} steps[0].activity.room: unknown room !taem:example.org; did you mean !team:example.org?`]);
    const made = `${W}steps:\n  - { at: 0, activity: { user: "@bob:example.org", room: "!new:example.org" } }\n  - { at: 1, membership: { user: "@bob:example.org", room: "!new:example.org", membership: join } }\n`;
    expect(errs(made)).toEqual([]);
  });
});

describe("server settings", () => {
  const P = (presence: string) => `servers:\n  hs:\n    presence: { ${presence} }\n`;

  it("idle_timeout must be greater than last_active_granularity: equal is refused, 1 ms more is fine", () => {
    expect(ok(P("last_active_granularity: 1000, idle_timeout: 1001")).servers[0].presence).toMatchObject({ last_active_granularity: 1000, idle_timeout: 1001 });
    const t = P("last_active_granularity: 1000, idle_timeout: 1000");
    expect(errs(t)).toEqual([`${at(t, "1000", 1)} servers.hs.presence.idle_timeout: idle_timeout (1000 ms) must be greater than last_active_granularity (1000 ms), as Synapse requires`]);
    // Only the granularity given: checked against the default idle_timeout (5m).
    expect(ok(P("last_active_granularity: 299999")).servers[0].presence.idle_timeout).toBe(300_000);
    const g = P("last_active_granularity: 5m");
    expect(errs(g)).toEqual([`${at(g, "5m")} servers.hs.presence.last_active_granularity: idle_timeout (300000 ms) must be greater than last_active_granularity (300000 ms), as Synapse requires`]);
  });

  it("last_active_granularity and sync_online_timeout: 1 ms is the least, 0 refused", () => {
    expect(ok(P("last_active_granularity: 1")).servers[0].presence.last_active_granularity).toBe(1);
    expect(ok(P("sync_online_timeout: 1")).servers[0].presence.sync_online_timeout).toBe(1);
    const g = P("last_active_granularity: 0");
    expect(errs(g)).toEqual([`${at(g, "0 }")} servers.hs.presence.last_active_granularity: last_active_granularity must be greater than 0`]);
    const s = P("sync_online_timeout: 0");
    expect(errs(s)).toEqual([`${at(s, "0 }")} servers.hs.presence.sync_online_timeout: sync_online_timeout must be greater than 0`]);
  });

  it("defaults are Synapse's", () => {
    const s = ok("servers: { hs: {} }\n").servers[0];
    expect(s.presence).toEqual({ enabled: true, include_offline_users_on_sync: false, last_active_granularity: 60_000, sync_online_timeout: 30_000, idle_timeout: 300_000, presence_router: null });
    expect(s.rc_presence).toEqual({ per_user: { per_second: 0.1, burst_count: 1 } });
    expect(s.federation_rr_transactions_per_room_per_second).toBe(50);
    expect(s.federation_domain_whitelist).toBeNull();
    expect(s.experimental_features).toEqual({ msc3026_enabled: false });
  });

  it("enabled: true, false or untracked", () => {
    expect(ok(P("enabled: untracked")).servers[0].presence.enabled).toBe("untracked");
    expect(ok(P("enabled: false")).servers[0].presence.enabled).toBe(false);
    const t = P("enabled: yes");
    expect(errs(t)).toEqual([`${at(t, "yes")} servers.hs.presence.enabled: enabled must be true, false or "untracked", got the text "yes"`]);
  });

  it("rc_presence: 0 is allowed, below 0 refused at the value", () => {
    const rc = (x: string) => `servers:\n  hs:\n    rc_presence: { per_user: { ${x} } }\n`;
    expect(ok(rc("per_second: 0, burst_count: 0")).servers[0].rc_presence.per_user).toEqual({ per_second: 0, burst_count: 0 });
    const t = rc("per_second: -0.5, burst_count: -1");
    expect(errs(t)).toEqual([
      `${at(t, "-0.5")} servers.hs.rc_presence.per_user.per_second: per_second must be at least 0, got -0.5`,
      `${at(t, "-1")} servers.hs.rc_presence.per_user.burst_count: burst_count must be at least 0, got -1`,
    ]);
  });

  it("federation_rr_transactions_per_room_per_second: must be greater than 0", () => {
    const f = (x: string) => `servers:\n  hs:\n    federation_rr_transactions_per_room_per_second: ${x}\n`;
    expect(ok(f("0.001")).servers[0].federation_rr_transactions_per_room_per_second).toBe(0.001);
    const t = f("0");
    expect(errs(t)).toEqual([`3:53 servers.hs.federation_rr_transactions_per_room_per_second: federation_rr_transactions_per_room_per_second must be greater than 0, got 0`]);
  });

  it("exclude_rooms_from_presence: room ids, each checked at its place", () => {
    const t = `servers:\n  hs:\n    exclude_rooms_from_presence: ["!a:hs", "b"]\n`;
    expect(errs(t)).toEqual([`${at(t, '"b"')} servers.hs.exclude_rooms_from_presence[1]: "b" is not a room id; room ids look like !team:example.org`]);
    expect(ok(`servers:\n  hs:\n    exclude_rooms_from_presence: ["!a:hs"]\n`).servers[0].exclude_rooms_from_presence).toEqual(["!a:hs"]);
  });

  it("servers: at least one; a bad name is pointed at", () => {
    expect(errs("servers: {}\n")).toEqual(["1:10 servers: servers must name at least one homeserver, e.g. servers: { example.org: {} }"]);
    expect(errs("servers: { bad_name: {} }\n")).toEqual(['1:12 servers.bad_name: "bad_name" is not a valid server name (a host name such as example.org, optionally with :port)']);
  });
});

describe("module references (R56, R57)", () => {
  const M = (spec: string) => `servers:\n  hs:\n    modules:\n      - module: ${spec}\n`;

  it("a .ts or .js file of at least one character before the extension, an optional #Export", () => {
    expect(ok(M("a.ts")).servers[0].modules[0]).toMatchObject({ module: "a.ts", file: "a.ts", export: "default", config: {} });
    expect(ok(M('" r.js # Named "')).servers[0].modules[0]).toMatchObject({ file: "r.js", export: "Named" });
    const t = M(".ts");
    expect(errs(t)).toEqual([`4:17 servers.hs.modules[0].module: module must name a .ts, .js or .py file, e.g. router.ts, router.ts#MyRouter or my_router.MyRouter (my_router.py), got ".ts"`]);
    // homeserver.yaml's Python form names a .py file and its class (issue 13).
    expect(ok(M("my_module.Router")).servers[0].modules[0]).toMatchObject({ module: "my_module.Router", file: "my_module.py", export: "Router" });
    expect(ok(M("pkg.sub.Router")).servers[0].modules[0]).toMatchObject({ file: "pkg/sub.py", export: "Router" });
    expect(ok(M("r.py#Router")).servers[0].modules[0]).toMatchObject({ file: "r.py", export: "Router" });
    expect(errs(M("r.py"))[0]).toMatch(/names a Python file but no class: write router.py#MyRouter, or router.MyRouter/);
    expect(errs(M("router.tsx"))[0]).toMatch(/got "router.tsx"$/);
    const bad = M('"r.ts#1x"');
    expect(errs(bad)).toEqual([`4:17 servers.hs.modules[0].module: "1x" after # must be the name of an export, e.g. router.ts#MyRouter`]);
  });

  it("config: plain JSON; null or missing is {}", () => {
    expect(ok(`${M("r.ts")}        config: null\n`).servers[0].modules[0].config).toEqual({});
    expect(ok(`${M("r.ts")}        config: { a: [1, x, true] }\n`).servers[0].modules[0].config).toEqual({ a: [1, "x", true] });
    const t = `${M("r.ts")}        config: { a: 1, a: 2 }\n`;
    expect(errs(t)).toEqual([`5:17 servers.hs.modules[0].config: config: the key "a" appears twice`]);
  });

  it("presence_router takes the same entry", () => {
    const s = ok("servers:\n  hs:\n    presence: { presence_router: { module: legacy.ts } }\n").servers[0];
    expect(s.presence.presence_router).toMatchObject({ module: "legacy.ts", file: "legacy.ts", export: "default", path: "servers.hs.presence.presence_router" });
    expect(ok("servers:\n  hs:\n    presence: { presence_router: null }\n").servers[0].presence.presence_router).toBeNull();
  });
});
