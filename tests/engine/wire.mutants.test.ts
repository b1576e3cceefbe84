// Wire formats: R54 client content, R38 federation entries, request paths and Matrix
// error bodies, and the Python truthiness Synapse's `if x:` tests rely on.
import { describe, expect, it } from "vitest";
import { UserPresenceState } from "../../src/engine/state.ts";
import { formatPresence, HttpError, matrixError, pathSegment, presencePath, pyTruthy, RouterInconsistencyError } from "../../src/engine/wire.ts";

const A = "@alice:example.org";
const rec = (o: Partial<ConstructorParameters<typeof UserPresenceState>[0]>) => new UserPresenceState({ ...UserPresenceState.default(A), ...o });

describe("wire formats", () => {
  it("pyTruthy follows Python: empty/zero/None/False are falsy, everything else truthy", () => {
    for (const v of [null, undefined, false, 0, "", [], {}]) expect(pyTruthy(v), JSON.stringify(v)).toBe(false);
    for (const v of [true, 1, -1, "0", " ", [0], [null], { a: 0 }]) expect(pyTruthy(v), JSON.stringify(v)).toBe(true);
  });

  it("R54 online: presence, last_active_ago, status_msg, currently_active in Synapse's key order", () => {
    const r = rec({ state: "online", last_active_ts: 1_000, status_msg: "hi", currently_active: true });
    const c = formatPresence(r, 1_250, false);
    expect(c).toEqual({ presence: "online", last_active_ago: 250, status_msg: "hi", currently_active: true });
    expect(Object.keys(c)).toEqual(["presence", "last_active_ago", "status_msg", "currently_active"]);
  });

  it("R54 currently_active is sent for online users only, false included", () => {
    expect(formatPresence(rec({ state: "online", currently_active: false }), 0, false)).toEqual({ presence: "online", currently_active: false });
    expect(formatPresence(rec({ state: "unavailable", currently_active: true }), 0, false)).toEqual({ presence: "unavailable" });
    expect(formatPresence(rec({ state: "offline" }), 0, false)).toEqual({ presence: "offline" });
  });

  it("R54 last_active_ts 0 gives no last_active_ago; an empty status_msg is left out", () => {
    expect(formatPresence(rec({ state: "unavailable", last_active_ts: 0, status_msg: "" }), 5_000, false)).toEqual({ presence: "unavailable" });
    expect(formatPresence(rec({ state: "unavailable", last_active_ts: 5_000 }), 5_000, false)).toEqual({ presence: "unavailable", last_active_ago: 0 });
  });

  it("R38 the federation entry carries user_id second", () => {
    const c = formatPresence(rec({ state: "unavailable", last_active_ts: 10, status_msg: "away" }), 30, true);
    expect(Object.keys(c)).toEqual(["presence", "user_id", "last_active_ago", "status_msg"]);
    expect(c.user_id).toBe(A);
    expect(c.last_active_ago).toBe(20);
  });

  it("request paths percent-encode the user id but keep '@' and ':'", () => {
    expect(pathSegment("@a b/c:ex%ample.org")).toBe("@a%20b%2Fc:ex%25ample.org");
    expect(presencePath(A)).toBe("/_matrix/client/v3/presence/@alice:example.org/status");
  });

  it("Matrix error bodies: errcode, error, then any extra fields", () => {
    expect(matrixError("M_X", "bad")).toEqual({ errcode: "M_X", error: "bad" });
    const e = new HttpError(429, "M_LIMIT_EXCEEDED", "Too many requests", { retry_after_ms: 100 });
    expect(e.body()).toEqual({ errcode: "M_LIMIT_EXCEEDED", error: "Too many requests", retry_after_ms: 100 });
    expect([e.status, e.name, e.message]).toEqual([429, "HttpError", "Too many requests"]);
  });

  it("a router inconsistency is an HTTP 500 whose body hides the detail", () => {
    const e = new RouterInconsistencyError("a remote record reached the federation sender");
    expect(e).toBeInstanceOf(HttpError);
    expect(e.status).toBe(500);
    expect(e.name).toBe("RouterInconsistencyError");
    expect(e.body()).toEqual({ errcode: "M_UNKNOWN", error: "Internal server error" });
    expect(e.detail).toBe("a remote record reached the federation sender");
  });
});
