import { describe, expect, it } from "vitest";
import { formatOffset, formatTrace } from "../../src/trace/text.ts";
import type { PresenceRecord, Trace } from "../../src/trace/types.ts";

const T0 = 1767225600000;
const rec = (user_id: string, state: string, status_msg: string | null = null): PresenceRecord => ({
  user_id,
  state,
  last_active_ts: T0,
  last_federation_update_ts: 0,
  last_user_sync_ts: 0,
  status_msg,
  currently_active: false,
});

const trace: Trace = {
  version: 1,
  scenario: { servers: ["example.org", "matrix.org"], users: ["@alice:example.org", "@bob:example.org"], start_time: T0, end: 70500 },
  events: [
    {
      at: 0,
      server: "example.org",
      type: "request",
      label: null,
      request: { user: "@alice:example.org", device: "DEV", method: "PUT", path: "/_matrix/client/v3/presence/%40alice%3Aexample.org/status", target: "@alice:example.org", body: { presence: "online", status_msg: "hi" } },
      response: { status: 200, body: {} },
    },
    { at: 0, server: "example.org", type: "state", user: "@alice:example.org", before: rec("@alice:example.org", "offline"), after: rec("@alice:example.org", "online", "hi"), notified: true, cause: "put" },
    {
      at: 0,
      server: "example.org",
      type: "router_call",
      call: 1,
      site: "wake",
      for_user: null,
      module: "router.ts",
      callback: "get_users_for_states",
      input: [rec("@alice:example.org", "online", "hi")],
      output: { "@bob:example.org": [rec("@alice:example.org", "online", "hi")] },
      ms: 0,
      warnings: [],
      error: null,
    },
    {
      at: 10000,
      server: "example.org",
      type: "router_call",
      call: 2,
      site: "sync",
      for_user: "@bob:example.org",
      module: "router.ts",
      callback: "get_interested_users",
      input: "@bob:example.org",
      output: null,
      ms: 0,
      warnings: [],
      error: { message: "TypeError: boom", file: "router.ts", line: 12, column: 5 },
    },
    {
      at: 10000,
      started_at: 10000,
      server: "example.org",
      type: "sync",
      label: "first",
      user: "@bob:example.org",
      device: "DEV",
      mode: "initial",
      since: null,
      next_batch: "s3",
      response: { presence: { events: [{ type: "m.presence", sender: "@alice:example.org", content: { presence: "online", status_msg: "hi" } }] } },
      error: null,
    },
    { at: 40, server: "example.org", type: "edu_sent", destination: "matrix.org", txn_id: "example.org:1", edu: { edu_type: "m.presence", content: { push: [{ user_id: "@alice:example.org", presence: "online" }] } } },
  ],
  deliveries: [
    { at: 10000, server: "example.org", source: "@alice:example.org", viewer: "@bob:example.org", transport: "sync", state: "online", via: ["router"] },
    { at: 20000, server: "example.org", source: "@alice:example.org", viewer: "@bob:example.org", transport: "sync", state: "online", via: ["router"] },
  ],
  final: {},
  expectations: [
    { name: "bob sees alice", ok: true, detail: "ok" },
    { name: "carol sees alice", ok: false, detail: "no presence from @alice:example.org in sync 'c'", path: "expect[1]" },
  ],
  errors: [],
};

describe("formatTrace", () => {
  it("formats offsets as +mm:ss.mmm", () => {
    expect(formatOffset(0)).toBe("+00:00.000");
    expect(formatOffset(70500)).toBe("+01:10.500");
    expect(formatOffset(3723004)).toBe("+62:03.004");
  });

  it("writes one line per event with server and a description", () => {
    const text = formatTrace(trace);
    const lines = text.split("\n");
    expect(lines).toContain('+00:10.000 example.org sync @bob:example.org [first] initial → @alice online "hi"');
    expect(lines).toContain('+00:00.000 example.org state @alice offline → online "hi" (put, notified)');
    expect(lines).toContain('+00:00.000 example.org router router.ts get_users_for_states([@alice online "hi"]) → {@bob: [@alice online "hi"]}');
    expect(lines).toContain("+00:10.000 example.org router router.ts get_interested_users(@bob) → ✗ TypeError: boom at router.ts:12:5");
    expect(lines).toContain("+00:00.040 example.org edu → matrix.org (example.org:1): @alice online");
  });

  it("summarises deliveries and marks expectations ✓/✗ with the failure detail", () => {
    const text = formatTrace(trace);
    expect(text).toContain("@alice:example.org → @bob:example.org (sync) online 2× +00:10.000…+00:20.000 via router");
    expect(text).toContain("Expectations: 1/2 passed");
    expect(text).toContain("  ✓ bob sees alice");
    expect(text).toContain("  ✗ carol sees alice — no presence from @alice:example.org in sync 'c' (expect[1])");
  });
});
