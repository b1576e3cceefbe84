import { describe, expect, it } from "vitest";
import { edusAbout, sourcesSeenBy, syncEventsOf } from "../../src/ui/graph/userDetail.ts";
import type { EduSentEvent } from "../../src/trace/types.ts";
import { delivery, makeTrace, syncEv } from "../analysis/builders.ts";

const A = "@alice:a.org";
const B = "@bob:a.org";
const C = "@carol:a.org";

const edu = (at: number, users: string[]): EduSentEvent => ({
  at,
  server: "a.org",
  type: "edu_sent",
  destination: "b.org",
  txn_id: `a.org:${at}`,
  edu: { edu_type: "m.presence", content: { push: users.map((u) => ({ user_id: u, presence: "online" })) } },
});

const tr = makeTrace({
  servers: ["a.org", "b.org"],
  users: [A, B, C],
  events: [syncEv(100, "a.org", B, [A]), edu(150, [A, C]), syncEv(2000, "a.org", B, [A, C]), edu(3000, [C])],
  deliveries: [delivery(100, A, B, ["room:!r:a.org"]), delivery(2000, A, B, ["router"], { state: "unavailable" }), delivery(2000, C, B, ["join"])],
});

describe("user panel data", () => {
  it("whose presence a user sees, with every via, first/last time and the sync to jump to", () => {
    expect(sourcesSeenBy(tr, B, 5000)).toEqual([
      { source: A, vias: ["room:!r:a.org", "router"], kind: "router", first: 100, last: 2000, count: 2, lastState: "unavailable", event: 2 },
      { source: C, vias: ["join"], kind: "join", first: 2000, last: 2000, count: 1, lastState: "online", event: 2 },
    ]);
    expect(sourcesSeenBy(tr, B, 1000).map((r) => [r.source, r.event])).toEqual([[A, 0]]);
    expect(sourcesSeenBy(tr, A, 5000)).toEqual([]);
  });

  it("sync responses and EDUs about the user, up to time", () => {
    expect(syncEventsOf(tr, B, 1000).map((s) => s.index)).toEqual([0]);
    expect(edusAbout(tr, C, 5000).map((e) => [e.index, e.destination])).toEqual([
      [1, "b.org"],
      [3, "b.org"],
    ]);
    expect(edusAbout(tr, A, 100)).toEqual([]);
  });
});
