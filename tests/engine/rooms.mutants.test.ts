// Rooms: the membership indexes R31/R33/R36/R50/R52/R74 read (scenario-format §2:
// memberships are shared by every server). Unit tests of the class's answers.
import { describe, expect, it } from "vitest";
import { Rooms } from "../../src/engine/rooms.ts";

const A = "@a:one.org";
const B = "@b:one.org";
const C = "@c:two.org";
const D = "@d:two.org";
const R1 = "!r1:one.org";
const R2 = "!r2:one.org";
const NONE = new Set<string>();

describe("Rooms membership indexes", () => {
  it("R52 change: events get 1-based stream positions with the previous membership; a repeat is no event", () => {
    const r = new Rooms();
    r.addInitial(R1, [A]);
    expect(r.pos).toBe(0); // initial rooms are not in the stream (§5)
    expect(r.change(B, R1, "invite")).toEqual({ pos: 1, room: R1, user: B, prev: null, membership: "invite" });
    expect(r.change(B, R1, "invite")).toBeNull();
    expect(r.change(B, R1, "join")).toEqual({ pos: 2, room: R1, user: B, prev: "invite", membership: "join" });
    expect(r.change(A, R1, "leave")).toEqual({ pos: 3, room: R1, user: A, prev: "join", membership: "leave" });
    expect(r.pos).toBe(3);
    expect(r.log.map((e) => e.pos)).toEqual([1, 2, 3]);
  });

  it("R52 eventsBetween(from, to) holds the events with from < pos ≤ to", () => {
    const r = new Rooms();
    for (const u of [A, B, C, D]) r.change(u, R1, "join");
    expect(r.eventsBetween(0, 4).map((e) => e.user)).toEqual([A, B, C, D]);
    expect(r.eventsBetween(1, 3).map((e) => e.pos)).toEqual([2, 3]);
    expect(r.eventsBetween(2, 2)).toEqual([]);
  });

  it("R50 only joined members count: invite, leave and ban do not join; leaving removes the room from the user", () => {
    const r = new Rooms();
    r.change(A, R1, "join");
    r.change(B, R1, "invite");
    r.change(C, R1, "ban");
    expect([...r.joinedMembers(R1)]).toEqual([A]);
    expect([...r.memberships(R1)]).toEqual([[A, "join"], [B, "invite"], [C, "ban"]]);
    r.change(B, R1, "leave"); // invite → leave: still not joined, and one.org still counted once
    expect([...r.joinedMembers(R1)]).toEqual([A]);
    expect([...r.hostsIn(R1)]).toEqual(["one.org"]);
    expect([...r.roomsOfUser(B)]).toEqual([]);
    r.change(A, R2, "join");
    expect([...r.roomsOfUser(A)]).toEqual([R1, R2]); // join order
    r.change(A, R1, "leave");
    expect([...r.roomsOfUser(A)]).toEqual([R2]);
    expect([...r.joinedMembers(R1)]).toEqual([]);
    expect([...r.memberships(R1)]).toEqual([
      [A, "leave"],
      [B, "leave"],
      [C, "ban"],
    ]);
    expect([...r.memberships("!nope:x")]).toEqual([]);
    expect([...r.joinedMembers("!nope:x")]).toEqual([]);
    expect([...r.roomsOfUser("@nobody:x")]).toEqual([]);
  });

  it("R33 hostsIn: a server stays while any of its users is joined, and goes with its last one", () => {
    const r = new Rooms();
    r.addInitial(R1, [A, C, D]);
    expect([...r.hostsIn(R1)]).toEqual(["one.org", "two.org"]);
    r.change(C, R1, "leave");
    expect([...r.hostsIn(R1)]).toEqual(["one.org", "two.org"]);
    expect(r.hasHost(R1, "two.org")).toBe(true);
    r.change(D, R1, "leave");
    expect([...r.hostsIn(R1)]).toEqual(["one.org"]);
    expect(r.hasHost(R1, "two.org")).toBe(false);
    r.change(C, R1, "join"); // back with one member
    expect(r.hasHost(R1, "two.org")).toBe(true);
    r.change(C, R1, "leave");
    expect(r.hasHost(R1, "two.org")).toBe(false);
    expect([...r.hostsIn("!nope:x")]).toEqual([]);
    expect(r.hasHost("!nope:x", "one.org")).toBe(false);
  });

  it("R31 localMembers: one server's joined members in join order; a re-join moves to the end", () => {
    const r = new Rooms();
    r.addInitial(R1, [A, C, B]);
    expect([...r.localMembers(R1, "one.org").keys()]).toEqual([A, B]);
    expect([...r.localMembers(R1, "two.org").keys()]).toEqual([C]);
    const [sa, sb] = [...r.localMembers(R1, "one.org").values()];
    expect(sa).toBeLessThan(sb);
    r.change(A, R1, "leave");
    expect([...r.localMembers(R1, "one.org").keys()]).toEqual([B]);
    r.change(A, R1, "join");
    expect([...r.localMembers(R1, "one.org").keys()]).toEqual([B, A]);
    expect(r.localMembers(R1, "one.org").get(A)).toBeGreaterThan(r.localMembers(R1, "one.org").get(B)!);
    expect(r.localMembers(R1, "three.org").size).toBe(0);
    expect(r.localMembers("!nope:x", "one.org").size).toBe(0);
  });

  it("R50/R74 sharedRooms and shares: common joined rooms, excluded ones left out, whichever side has fewer rooms", () => {
    const r = new Rooms();
    r.addInitial(R1, [A, B]);
    r.addInitial(R2, [A, B]);
    r.addInitial("!r3:one.org", [A]);
    expect(r.sharedRooms(A, B, NONE)).toEqual([R1, R2]);
    expect(r.sharedRooms(A, B, new Set([R1]))).toEqual([R2]);
    expect(r.shares(A, B, NONE)).toBe(true);
    expect(r.shares(B, A, NONE)).toBe(true);
    expect(r.shares(A, B, new Set([R1]))).toBe(true);
    expect(r.shares(B, A, new Set([R1, R2]))).toBe(false);
    expect(r.shares(A, B, new Set([R1, R2]))).toBe(false);
    expect(r.shares(A, C, NONE)).toBe(false);
    expect(r.sharedRooms(A, C, NONE)).toEqual([]);
    r.change(B, R2, "invite");
    expect(r.sharedRooms(A, B, NONE)).toEqual([R1]);
  });

  it("get_state_events_in_room: one m.room.member event per member, any membership; none for an unknown room", () => {
    const r = new Rooms();
    r.change(A, R1, "join");
    r.change(B, R1, "invite");
    expect(r.memberEvents(R1)).toEqual([
      { type: "m.room.member", state_key: A, sender: A, room_id: R1, content: { membership: "join" } },
      { type: "m.room.member", state_key: B, sender: B, room_id: R1, content: { membership: "invite" } },
    ]);
    expect(r.memberEvents("!nope:x")).toEqual([]);
  });

  it("R31 the wake reason of a room is room:<id>", () => {
    const r = new Rooms();
    expect(r.reason(R1)).toBe(`room:${R1}`);
    expect(r.reason(R1)).toBe(`room:${R1}`);
  });
});
