// The presence event source (presence-source.ts) beyond sync.test.ts and router.test.ts:
// R51's initial ALL_USERS candidates, R50's initial set-path vias (R74), R47's one-off
// snapshot vias.
import { describe, expect, it } from "vitest";
import { moduleApi, put, run, senders, sync, syncByLabel } from "./support/build.ts";
import { hostWith, routerOf } from "./support/routers.ts";

const A = "@alice:example.org";
const B = "@bob:example.org";
const C = "@carol:example.org";
const G = "@gob:example.org";
const FAST = { per_second: 1000, burst_count: 1000 };
const OFF = { set_presence: "offline" };
/** G gets ALL_USERS, and every record under its key. */
const gobbler = hostWith({ "router.ts": routerOf((states) => new Map([[G, new Set(states)]]), (u) => (u === G ? "ALL" : new Set())) });

describe("presence event source", () => {
  it("R51 ALL_USERS initial: persisted records only, in stream order, offline ones only with include_offline_users_on_sync", async () => {
    // B's PUT offline and A's PUT online are persisted (B first); C never was, though G shares a room with C.
    const steps = [put(0, B, "offline", "gone"), put(1, A, "online"), sync(2, G, { ...OFF, label: "s" })];
    const plain = await run({ servers: { "example.org": { modules: ["router.ts"], rc: FAST } }, users: [A, B, C, G], rooms: { "!r:example.org": [G, C] }, steps }, gobbler);
    expect((syncByLabel(plain, "s").response.presence?.events ?? []).map((e) => e.sender)).toEqual([A]);
    const withOffline = await run({ servers: { "example.org": { modules: ["router.ts"], rc: FAST, include_offline_users_on_sync: true } }, users: [A, B, C, G], rooms: { "!r:example.org": [G, C] }, steps }, gobbler);
    expect((syncByLabel(withOffline, "s").response.presence?.events ?? []).map((e) => e.sender)).toEqual([B, A]);
  });

  it("R50/R74 initial set path: members of an excluded room are not candidates; vias name each shared room", async () => {
    const t = await run({
      servers: { "example.org": { rc: FAST, exclude: ["!x:example.org"] } },
      users: [A, B, C],
      rooms: { "!r:example.org": [A, B], "!s:example.org": [A, B], "!x:example.org": [A, C] },
      steps: [put(0, B, "online"), put(0, C, "online"), sync(1, A, { label: "s" })],
    });
    expect(senders(syncByLabel(t, "s"))).toEqual([A, B]);
    expect(t.deliveries.filter((d) => d.viewer === A && d.at === 1).map((d) => [d.source, d.via])).toEqual([
      [A, ["self"]],
      [B, ["room:!r:example.org", "room:!s:example.org"]],
    ]);
  });

  it("R47 the one-off snapshot after send_local_online_presence_to marks every via with module_api, self included", async () => {
    const t = await run({
      servers: { "example.org": { rc: FAST } },
      users: [A, B],
      rooms: { "!r:example.org": [A, B] },
      steps: [put(0, A, "online"), sync(1, B, { label: "i" }), moduleApi(2, "example.org", "send_local_online_presence_to", [B]), sync(3, B, { since: "i", label: "n" })],
    });
    expect(t.deliveries.filter((d) => d.viewer === B && d.at === 3).map((d) => [d.source, d.via])).toEqual([
      [B, ["self", "module_api"]],
      [A, ["room:!r:example.org", "module_api"]],
    ]);
  });

  it("R47 the mark applies to an incremental sync only: an initial sync after the mark is a plain initial sync", async () => {
    const t = await run({
      servers: { "example.org": { rc: FAST } },
      users: [A, B],
      rooms: { "!r:example.org": [A, B] },
      steps: [put(0, A, "online"), moduleApi(1, "example.org", "send_local_online_presence_to", [B]), sync(2, B, { label: "i" })],
    });
    expect(t.deliveries.filter((d) => d.viewer === B && d.at === 2).map((d) => [d.source, d.via])).toEqual([
      [B, ["self"]],
      [A, ["room:!r:example.org"]],
    ]);
  });
});
