// RoomTimeline's answers (rooms.ts), used by the cannot_restrict check: `sharedThroughout`
// is `matesThroughout(...).get(b)` without building the list, and the answers kept per
// membership epoch are the answers a fresh timeline gives.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { RoomTimeline, type MembershipChange, type RoomHints } from "../../src/analysis/rooms.ts";
import { makeTrace } from "./builders.ts";

const USERS = ["@a:x", "@b:x", "@c:y", "@d:y", "@e:x"];
const ROOMS = ["!r1:x", "!r2:y", "!r3:x"];
const MEMBERSHIPS = ["join", "leave", "invite", "ban", "knock"];

const world = fc.record({
  rooms: fc.array(fc.record({ id: fc.constantFrom(...ROOMS), members: fc.uniqueArray(fc.constantFrom(...USERS), { maxLength: 5 }) }), { maxLength: 4 }),
  changes: fc.array(fc.record({ at: fc.integer({ min: 0, max: 5 }), user: fc.constantFrom(...USERS), room: fc.constantFrom(...ROOMS), membership: fc.constantFrom(...MEMBERSHIPS) }), { maxLength: 12 }),
  excluded: fc.subarray(ROOMS),
});

const hintsOf = (w: { rooms: { id: string; members: string[] }[]; changes: MembershipChange[]; excluded: string[] }): RoomHints => ({
  // One entry per room id (the scenario's rooms are unique).
  rooms: [...new Map(w.rooms.map((r) => [r.id, r])).values()],
  memberships: [...w.changes].sort((p, q) => p.at - q.at),
  excludedRooms: { x: w.excluded },
});
const trace = makeTrace({ servers: ["x", "y"], users: USERS });

describe("RoomTimeline", () => {
  it("R50 R74: sharedThroughout(a, b) is the room matesThroughout(a) gives for b, at every time and on both servers", () => {
    fc.assert(
      fc.property(world, (w) => {
        const tl = new RoomTimeline(trace, hintsOf(w));
        for (const server of ["x", "y"])
          for (let t = -1; t <= 6; t++)
            for (const a of USERS) {
              const mates = tl.matesThroughout(server, a, t);
              for (const b of USERS) expect(tl.sharedThroughout(server, a, b, t)).toBe(a === b ? null : (mates.get(b) ?? null));
            }
      }),
      { numRuns: 300 },
    );
  });

  it("answers asked again, in any order, are those of a fresh timeline", () => {
    fc.assert(
      fc.property(world, fc.array(fc.tuple(fc.constantFrom("x", "y"), fc.constantFrom(...USERS), fc.integer({ min: -1, max: 6 })), { minLength: 1, maxLength: 20 }), (w, asks) => {
        const kept = new RoomTimeline(trace, hintsOf(w));
        for (const [server, user, t] of asks) {
          const fresh = new RoomTimeline(trace, hintsOf(w)).matesThroughout(server, user, t);
          expect([...kept.matesThroughout(server, user, t)]).toEqual([...fresh]);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("a user in two rooms has the members of both, each with the first room they share", () => {
    const tl = new RoomTimeline(trace, { rooms: [{ id: "!r1:x", members: ["@a:x", "@b:x"] }, { id: "!r2:y", members: ["@a:x", "@c:y", "@b:x"] }] });
    expect([...tl.matesThroughout("x", "@a:x", 0)]).toEqual([
      ["@b:x", "!r1:x"],
      ["@c:y", "!r2:y"],
    ]);
    expect(tl.sharedThroughout("x", "@a:x", "@c:y", 0)).toBe("!r2:y");
    expect(tl.sharedThroughout("x", "@c:y", "@b:x", 0)).toBe("!r2:y");
  });

  it("without the scenario's rooms, only the membership changes make rooms", () => {
    const tl = new RoomTimeline(trace, { memberships: [{ at: 1, user: "@a:x", room: "!r1:x", membership: "join" }, { at: 1, user: "@b:x", room: "!r1:x", membership: "join" }] });
    expect(tl.known).toBe(false);
    expect([...tl.matesThroughout("x", "@a:x", 2)]).toEqual([["@b:x", "!r1:x"]]);
    expect(tl.sharedThroughout("x", "@b:x", "@a:x", 2)).toBe("!r1:x");
  });

  it("a membership change at t counts neither just before nor at t; the next instant it does", () => {
    const tl = new RoomTimeline(trace, { rooms: [{ id: "!r1:x", members: ["@a:x"] }], memberships: [{ at: 5, user: "@b:x", room: "!r1:x", membership: "join" }] });
    expect(tl.sharedThroughout("x", "@a:x", "@b:x", 4)).toBeNull();
    expect(tl.sharedThroughout("x", "@a:x", "@b:x", 5)).toBeNull();
    expect(tl.sharedThroughout("x", "@a:x", "@b:x", 6)).toBe("!r1:x");
    expect(tl.matesThroughout("x", "@a:x", 5).has("@b:x")).toBe(false);
    expect(tl.matesThroughout("x", "@a:x", 6).get("@b:x")).toBe("!r1:x");
    // Excluded on x (R74), not on y.
    const ex = new RoomTimeline(trace, { rooms: [{ id: "!r1:x", members: ["@a:x", "@b:x"] }], excludedRooms: { x: ["!r1:x"] } });
    expect(ex.sharedThroughout("x", "@a:x", "@b:x", 0)).toBeNull();
    expect(ex.sharedThroughout("y", "@a:x", "@b:x", 0)).toBe("!r1:x");
  });
});
