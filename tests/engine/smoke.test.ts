import { describe, expect, it } from "vitest";
import { events, put, run, seen, sync, syncByLabel } from "./support/build.ts";

describe("engine smoke", () => {
  it("R8 PUT then R50 initial sync sees the roommate", async () => {
    const t = await run({
      users: ["@alice:example.org", "@bob:example.org"],
      rooms: { "!r:example.org": ["@alice:example.org", "@bob:example.org"] },
      steps: [put(0, "@alice:example.org", "online", "hi"), sync(10_000, "@bob:example.org", { label: "b", set_presence: "offline" })],
    });
    expect(events(t, "request")[0].response).toEqual({ status: 200, body: {} });
    const s = syncByLabel(t, "b");
    expect(seen(s)["@alice:example.org"]).toEqual({ presence: "online", last_active_ago: 10_000, status_msg: "hi", currently_active: true });
    expect(t.deliveries[0]).toMatchObject({ source: "@alice:example.org", viewer: "@bob:example.org", transport: "sync", via: ["room:!r:example.org"] });
  });
});
