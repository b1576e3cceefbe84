// R36 join pushes (fanout.ts joinPushes) beyond federation.test.ts: the JOIN_STALE
// boundary pair, hosts already in the room, excluded rooms, leaves, and untracked servers.
import { describe, expect, it } from "vitest";
import { events, membership, put, run, scenario } from "./support/build.ts";

const A = "@alice:example.org";
const N = "@newbie:example.org";
const R = "@rita:remote.org";
const R2 = "@rob:remote.org";
const X = "@xena:third.org";
const ROOM = "!r:example.org";
const JOIN_STALE = 7 * 24 * 3600 * 1000;

type T = Awaited<ReturnType<typeof run>>;
/** [destination, pushed user ids] of example.org's transactions sent in the second after `at` (R40 staggering). */
const pushes = (t: T, at: number) =>
  events(t, "edu_sent", (e) => e.server === "example.org" && e.at >= at && e.at < at + 1000).map((e) => [e.destination, e.edu.content.push.map((p) => p.user_id)]);

describe("R36 pushes on joins", () => {
  // A never active: last_active_ts 0. With the clock starting at `start`, a join at
  // offset 0 sees now − last_active_ts = start (no simulated week needed).
  const joinWithClockAt = (start: number) =>
    run({ ...scenario({ servers: { "example.org": {}, "remote.org": {} }, users: [A, R], rooms: { [ROOM]: [A] }, steps: [membership(0, R, ROOM, "join")] }), start_time: start });
  it("R36 an offline record last active exactly JOIN_STALE ago is dropped; 1 ms less and it is pushed", async () => {
    expect(pushes(await joinWithClockAt(JOIN_STALE), 0)).toEqual([]);
    expect(pushes(await joinWithClockAt(JOIN_STALE - 1), 0)).toEqual([["remote.org", [A]]]);
  });

  it("R36 a remote user joining where their server already has a member triggers no push of local records", async () => {
    const t = await run({
      servers: { "example.org": {}, "remote.org": {} },
      users: [A, R, R2],
      rooms: { [ROOM]: [A, R] },
      steps: [put(0, A, "online"), membership(5000, R2, ROOM, "join")],
    });
    expect(pushes(t, 5000)).toEqual([]);
  });

  it("R36 a local user joining goes to every remote server already in the room (with no offline filter), once each", async () => {
    const t = await run({
      servers: { "example.org": {}, "remote.org": {}, "third.org": {} },
      users: [A, N, R, R2, X],
      rooms: { [ROOM]: [A, R, R2, X] },
      steps: [membership(5000, N, ROOM, "join")],
    });
    expect(pushes(t, 5000).sort()).toEqual([
      ["remote.org", [N]],
      ["third.org", [N]],
    ]);
    expect(events(t, "edu_sent", (e) => e.at === 5000 && e.server === "example.org")[0].edu.content.push).toEqual([{ presence: "offline", user_id: N }]);
  });

  it("R36 a local user joining a room with no remote member pushes nothing; nor does a leave", async () => {
    const t = await run({
      servers: { "example.org": {}, "remote.org": {} },
      users: [A, N, R],
      rooms: { [ROOM]: [A], "!other:example.org": [R] },
      steps: [put(0, A, "online"), membership(5000, N, ROOM, "join"), membership(6000, A, ROOM, "leave"), membership(7000, A, ROOM, "invite")],
    });
    expect(pushes(t, 5000)).toEqual([]);
  });

  it("R36/R74 a join into an excluded room pushes nothing either way", async () => {
    const t = await run({
      servers: { "example.org": { exclude: [ROOM] }, "remote.org": {} },
      users: [A, R],
      rooms: { [ROOM]: [A] },
      steps: [put(0, A, "online"), membership(5000, R, ROOM, "join")],
    });
    expect(pushes(t, 5000)).toEqual([]);
  });

  it("R36/R41 an untracked server pushes nothing on joins", async () => {
    const t = await run({
      servers: { "example.org": { enabled: "untracked" }, "remote.org": {} },
      users: [A, N, R],
      rooms: { [ROOM]: [A, R] },
      steps: [membership(5000, N, ROOM, "join"), membership(6000, "@rob:remote.org", ROOM, "join")],
    });
    expect(events(t, "edu_sent", (e) => e.server === "example.org")).toEqual([]);
  });
});
