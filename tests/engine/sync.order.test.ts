// Same-instant order between a long-poll's timeout and the periodic timeout check
// (scenario-format §5: due ticks run before triggered work such as returning long-polls).
// Synapse: the notifier's long-poll timer only wakes the request; the sync is then
// computed (database reads) and only after that does user_syncing's context exit (R16),
// so the 5 s presence timeout check due at the same instant still sees the device syncing.
import { describe, expect, it } from "vitest";
import { run, stateAt, sync, syncByLabel, until } from "./support/build.ts";

const A = "@alice:example.org";
const FAST = { rc: { per_second: 10000, burst_count: 10000 } };

describe("long-poll timeout vs timeout tick at the same instant", () => {
  it("R15/R16/R25/R26 the tick at a long-poll's timeout still sees the device syncing; it goes offline at the next tick", async () => {
    const t = await run({
      servers: { "example.org": FAST },
      users: [A],
      steps: [
        sync(40_000, A, { label: "i" }),
        sync(40_000, A, { since: "i", timeout: 120_000, filter: { types: [] }, label: "lp" }),
        until(200_000),
      ],
    });
    expect(syncByLabel(t, "lp").at).toBe(160_000); // returned empty at its timeout
    expect(syncByLabel(t, "lp").response).toEqual({});
    expect(stateAt(t, A, 159_999)).toBe("online");
    // R25 tick at 160 s runs before the long-poll returns: the device is still syncing (R26.2).
    expect(stateAt(t, A, 160_000)).toBe("online");
    expect(stateAt(t, A, 164_999)).toBe("online");
    // R16 ended the sync at 160 s; the device's last_sync_ts is still 40 s (R16.2), so the
    // next tick removes it (165 s − 40 s > 30 s).
    expect(stateAt(t, A, 165_000)).toBe("offline");
  });
});
