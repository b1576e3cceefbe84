// Client REST (R8, R10): the checks' order and bodies, the request event's fields and
// its place before the changes it causes, and server-side failures as 500s.
import { describe, expect, it } from "vitest";
import { getPresence as getPresenceFn, putPresence } from "../../src/engine/rest.ts";
import { World } from "../../src/engine/world.ts";
import { hostFromModules } from "./support/host.ts";
import { hostWith, routerOf } from "./support/routers.ts";
import { events, getPresence, put, run, scenario, states } from "./support/build.ts";

const A = "@alice:example.org";
const B = "@bob:example.org";
const C = "@carol:example.org";

describe("REST", () => {
  it("R8.2 setting someone else's presence is a 403 before the rate limit is consulted", async () => {
    const w = new World(scenario({ users: [A, B] }), hostFromModules({}));
    const s = w.servers.get("example.org")!;
    const r = await putPresence(s, A, "DEV", B, { presence: "online" }, "x");
    expect(r).toEqual({ status: 403, body: { errcode: "M_FORBIDDEN", error: "Can only set your own presence state" } });
    expect(s.current.size).toBe(0);
    // The limiter (burst 1) was not used: A's own PUT right after succeeds.
    expect((await putPresence(s, A, "DEV", A, { presence: "online" }, null)).status).toBe(200);
    const reqs = w.recorder.all().filter((e) => e.type === "request");
    expect(reqs[0]).toMatchObject({ label: "x", request: { user: A, device: "DEV", method: "PUT", target: B, path: "/_matrix/client/v3/presence/@bob:example.org/status" } });
  });

  it("R8.4 status_msg must be a string; a string status_msg with presence is accepted", async () => {
    const w = new World(scenario({ users: [A], servers: { "example.org": { rc: { per_second: 1000, burst_count: 1000 } } } }), hostFromModules({}));
    const s = w.servers.get("example.org")!;
    expect(await putPresence(s, A, "DEV", A, { presence: "online", status_msg: 5 }, null)).toEqual({ status: 400, body: { errcode: "M_UNKNOWN", error: "status_msg must be a string." } });
    expect(await putPresence(s, A, "DEV", A, { status_msg: "x" }, null)).toEqual({ status: 400, body: { errcode: "M_UNKNOWN", error: "Unable to parse state" } });
    expect(await putPresence(s, A, "DEV", A, { presence: "online", status_msg: "x", extra: 1 }, null)).toEqual({ status: 400, body: { errcode: "M_UNKNOWN", error: "Unable to parse state" } });
    expect(await putPresence(s, A, "DEV", A, { presence: "online", status_msg: "x" }, null)).toEqual({ status: 200, body: {} });
    expect(s.current.get(A)?.status_msg).toBe("x");
  });

  it("R8 the request event precedes the state change it causes and carries its label", async () => {
    const t = await run({ users: [A], steps: [put(0, A, "online", undefined, { label: "p" })] });
    const kinds = t.events.map((e) => e.type);
    expect(kinds.indexOf("request")).toBeLessThan(kinds.indexOf("state"));
    expect(events(t, "request")[0]).toMatchObject({ at: 0, server: "example.org", label: "p" });
  });

  it("R34 a PUT whose fan-out fails inside the server answers 500 and logs the detail", async () => {
    const host = hostWith({ "router.ts": routerOf((st) => new Map([["notauser", new Set(st)]]), () => new Set()) });
    const t = await run({ servers: { "example.org": { modules: ["router.ts"] } }, users: [A], steps: [put(0, A, "online")] }, host);
    expect(events(t, "request")[0].response).toEqual({ status: 500, body: { errcode: "M_UNKNOWN", error: "Internal server error" } });
    expect(events(t, "error").map((e) => e.message)).toEqual([`PUT presence of ${A} failed: router returned the key 'notauser', which is not a user id`]);
  });

  it("R10 GET: the request event's fields; a 403 body for a stranger; the label kept", async () => {
    const t = await run({ users: [A, B, C], rooms: { "!r:example.org": [A, B] }, steps: [getPresence(0, C, A, "no"), getPresence(0, B, A, "yes")] });
    const [no, yes] = events(t, "request");
    expect(no).toMatchObject({
      at: 0,
      server: "example.org",
      label: "no",
      request: { user: C, device: null, method: "GET", path: "/_matrix/client/v3/presence/@alice:example.org/status", target: A },
      response: { status: 403, body: { errcode: "M_FORBIDDEN", error: "You are not allowed to see their presence." } },
    });
    expect(yes.response).toEqual({ status: 200, body: { presence: "offline" } });
    expect(yes.label).toBe("yes");
  });

  it("R10/R74 GET: sharing only an excluded room does not grant visibility", async () => {
    const w = new World(scenario({ users: [A, B], rooms: { "!q:example.org": [A, B] }, servers: { "example.org": { exclude: ["!q:example.org"] } } }), hostFromModules({}));
    const s = w.servers.get("example.org")!;
    expect(getPresenceFn(s, B, A, null).status).toBe(403);
    expect(getPresenceFn(s, A, A, null).status).toBe(200);
  });

  it("R8.5 untracked: 200 without validation, state untouched", async () => {
    const t = await run({ servers: { "example.org": { enabled: "untracked" } }, users: [A], steps: [put(0, A, "online")] });
    expect(events(t, "request")[0].response).toEqual({ status: 200, body: {} });
    expect(states(t, A)).toEqual([]);
  });

  it("client errors (4xx) are answers, not server errors: no error event", async () => {
    const t = await run({ users: [A], steps: [put(0, A, "nonsense"), put(1, A, "online")] });
    expect(events(t, "request").map((e) => e.response.status)).toEqual([400, 429]);
    expect(events(t, "error")).toEqual([]);
  });

  it("an unexpected failure inside the server answers a generic 500 and records the message", async () => {
    const w = new World(scenario({ users: [A] }), hostFromModules({}));
    const s = w.servers.get("example.org")!;
    // A router seam that fails outright (not a module error, which R63 contains).
    s.router = {
      active: true,
      get_users_for_states: async () => {
        throw new Error("boom");
      },
      get_interested_users: async () => new Set(),
    };
    const r = await putPresence(s, A, "DEV", A, { presence: "online" }, null);
    expect(r).toEqual({ status: 500, body: { errcode: "M_UNKNOWN", error: "Internal server error" } });
    const errs = w.recorder.all().filter((e) => e.type === "error");
    expect(errs.map((e) => (e.type === "error" ? e.message : ""))).toEqual([`PUT presence of ${A} failed: boom`]);
  });
});
