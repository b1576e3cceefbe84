// presence-semantics §7.2: Synapse's tests/events/test_presence_router.py, both styles.
import { describe, expect, it } from "vitest";
import { put, run, scenario, seen, sync, syncByLabel } from "./support/build.ts";
import { gobblerLegacy, gobblerModern, hostWith } from "./support/routers.ts";

const ONE = "@other_user_one:test";
const TWO = "@other_user_two:test";
const GOB = "@presence_gobbler:test";

function spec(style: "modern" | "legacy") {
  return scenario({
    servers: {
      test: {
        modules: style === "modern" ? ["router.ts"] : [],
        presence_router: style === "legacy" ? "router.ts" : null,
        rc: { per_second: 10000, burst_count: 10000 }, // Synapse's unit-test config
      },
    },
    users: [ONE, TWO, GOB],
    rooms: { "!room:test": [ONE, TWO] },
    steps: [
      put(1000, ONE, "online", "boop"),
      sync(2000, GOB, { set_presence: "offline", label: "g1" }),
      put(3000, ONE, "online", "user_one"),
      put(3000, TWO, "online", "user_two"),
      put(3000, GOB, "online", "presence_gobbler"),
      sync(4000, GOB, { set_presence: "offline", since: "g1", label: "g2" }),
      sync(5000, ONE, { set_presence: "offline", label: "one" }),
    ],
  });
}

describe("§7.2 worked example (R50, R51, R57, R61, R62)", () => {
  for (const style of ["modern", "legacy"] as const) {
    it(`R51 ${style}: gobbler sees via ALL_USERS, one sees via rooms`, async () => {
      const host = hostWith({ "router.ts": style === "modern" ? gobblerModern([GOB]) : gobblerLegacy([GOB]) });
      const t = await run(spec(style), host);
      expect(t.errors).toEqual([]);
      // 1. exactly one event: one, online, "boop"
      const g1 = seen(syncByLabel(t, "g1"));
      expect(Object.keys(g1)).toEqual([ONE]);
      expect(g1[ONE]).toMatchObject({ presence: "online", status_msg: "boop" });
      // 2. incremental: one, two and itself
      const g2 = seen(syncByLabel(t, "g2"));
      expect(Object.keys(g2).sort()).toEqual([ONE, GOB, TWO].sort());
      expect(g2[ONE].status_msg).toBe("user_one");
      expect(g2[TWO].status_msg).toBe("user_two");
      expect(g2[GOB].status_msg).toBe("presence_gobbler");
      // 3. one's initial sync: itself and two, no gobbler
      const o = seen(syncByLabel(t, "one"));
      expect(Object.keys(o).sort()).toEqual([ONE, TWO].sort());
      expect(o[TWO]).toMatchObject({ presence: "online", status_msg: "user_two" });
    });
  }

  it("legacy and modern style give identical traces", async () => {
    const a = await run(spec("modern"), hostWith({ "router.ts": gobblerModern([GOB]) }));
    const b = await run(spec("legacy"), hostWith({ "router.ts": gobblerLegacy([GOB]) }));
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });
});
