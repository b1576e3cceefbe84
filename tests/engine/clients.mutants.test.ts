// `client` loops (scenario-format §2): an initial sync at once, then long-polls of 30 s,
// re-polled at once; 5 s back-off after a 5xx; a 4xx stops the loop.
import { describe, expect, it } from "vitest";
import { CLIENT_RETRY, CLIENT_TIMEOUT } from "../../src/engine/clients.ts";
import { client, events, put, restart, run, states, T0 } from "./support/build.ts";
import { hostWith, routerOf } from "./support/routers.ts";

const A = "@alice:example.org";
const B = "@bob:example.org";
const G = "@gob:example.org";

const syncsOf = (t: Awaited<ReturnType<typeof run>>, user: string) => events(t, "sync", (e) => e.user === user);

describe("client loops", () => {
  it("the loop's constants: 30 s long-polls, 5 s back-off", () => {
    expect(CLIENT_TIMEOUT).toBe(30_000);
    expect(CLIENT_RETRY).toBe(5_000);
  });

  it("R15 an idle client: initial sync at once, then a long-poll every 30 s, each started where the last returned", async () => {
    const t = await run({ users: [A], clients: [{ user: A }], duration: 90_000 });
    const s = syncsOf(t, A);
    expect(s.map((e) => [e.started_at, e.at, e.mode])).toEqual([
      [0, 0, "initial"],
      [0, 30_000, "incremental"],
      [30_000, 60_000, "incremental"],
      [60_000, 90_000, "incremental"],
    ]);
    // Each long-poll resumes from the token the previous one returned.
    for (let i = 1; i < s.length; i++) expect(s[i].since).toBe(s[i - 1].next_batch);
    expect(s.every((e) => e.label === null && e.device === "DEV" && e.error === null)).toBe(true);
  });

  it("R55 a long-polling client returns as soon as a roommate's change is visible", async () => {
    const t = await run({ users: [A, B], rooms: { "!r:example.org": [A, B] }, clients: [{ user: A }], steps: [put(10_000, B, "online")], duration: 20_000 });
    const s = syncsOf(t, A);
    expect(s.map((e) => [e.started_at, e.at])).toEqual([
      [0, 0],
      [0, 10_000],
    ]);
    expect(s[1].response.presence?.events.map((e) => e.sender)).toEqual([B]);
  });

  it("a 5xx (S8) is retried after exactly 5 s, again and again; the loop does not stop", async () => {
    const host = hostWith({ "router.ts": routerOf(() => new Map(), (u) => (u === G ? "ALL" : new Set())) });
    const t = await run({ servers: { "example.org": { modules: ["router.ts"] } }, users: [G], clients: [{ user: G, set_presence: "offline" }], duration: 15_000 }, host);
    const s = syncsOf(t, G);
    expect(s.map((e) => [e.started_at, e.error?.status])).toEqual([
      [0, 500],
      [5_000, 500],
      [10_000, 500],
      [15_000, 500],
    ]);
    expect(events(t, "log", (e) => e.message.includes("stopped"))).toEqual([]);
  });

  it("R11 a 4xx stops the loop with a warning naming the client; no retry", async () => {
    const t = await run({ users: [A], clients: [{ user: A, set_presence: "busy" }], duration: 60_000 });
    const s = syncsOf(t, A);
    expect(s.length).toBe(1);
    expect(s[0].error?.status).toBe(400);
    const w = events(t, "log", (e) => e.level === "warning" && e.message.startsWith(`client ${A}/DEV stopped: `));
    expect(w.length).toBe(1);
    expect(w[0].message).toContain("set_presence");
    expect(w[0].server).toBe("example.org");
  });

  it("R16 a stopped client sends no more requests, and its open long-poll ends (the device goes offline later)", async () => {
    const t = await run({ users: [A], steps: [client(0, A, "start"), client(10_000, A, "stop")], duration: 200_000 });
    const s = syncsOf(t, A);
    // The long-poll open at the stop is abandoned: it never returns.
    expect(s.map((e) => e.at)).toEqual([0]);
    expect(states(t, A).at(-1)?.after.state).toBe("offline");
  });

  it("starting a running client only changes what its next request sends (one loop, not two)", async () => {
    const t = await run({ users: [A], steps: [client(0, A, "start", "online"), client(10_000, A, "start", "unavailable")], duration: 45_000 });
    const s = syncsOf(t, A);
    expect(s.map((e) => [e.started_at, e.at])).toEqual([
      [0, 0],
      [0, 30_000],
      [30_000, 30_000], // its own change to unavailable returns at once
    ]);
    // The 30 s re-poll sent set_presence=unavailable.
    expect(states(t, A).at(-1)?.after.state).toBe("unavailable");
    expect(states(t, A).at(-1)?.at).toBe(30_000);
  });

  it("R21 a restart abandons the open long-poll and the client polls again at once", async () => {
    const t = await run({ users: [A], clients: [{ user: A }], steps: [restart(10_000, "example.org")], duration: 45_000 });
    const s = syncsOf(t, A);
    // The request open at 10 s never returns; the new one sees the restored record at once,
    // the one after it long-polls for 30 s.
    expect(s.map((e) => [e.started_at, e.at])).toEqual([
      [0, 0],
      [10_000, 10_000],
      [10_000, 40_000],
    ]);
  });

  it("a client stopped and started again resumes with its device's token (incremental)", async () => {
    const t = await run({ users: [A], steps: [client(0, A, "start"), client(1_000, A, "stop"), client(2_000, A, "start")], duration: 40_000 });
    const s = syncsOf(t, A);
    expect(s.map((e) => [e.started_at, e.at, e.mode])).toEqual([
      [0, 0, "initial"],
      [2_000, 32_000, "incremental"],
    ]);
    expect(s[1].since).toBe(s[0].next_batch);
  });

  it("a client started and stopped at the same instant sends its initial sync only", async () => {
    const t = await run({ users: [A], steps: [client(0, A, "start"), client(0, A, "stop")], duration: 100_000 });
    expect(syncsOf(t, A).map((e) => [e.started_at, e.at])).toEqual([[0, 0]]);
    // Nobody keeps the device syncing: it goes offline (R26).
    expect(states(t, A).at(-1)?.after.state).toBe("offline");
  });

  it("start, stop and start at one instant: still one request open at a time", async () => {
    const t = await run({ users: [A], steps: [client(0, A, "start"), client(0, A, "stop"), client(0, A, "start")], duration: 40_000 });
    expect(syncsOf(t, A).map((e) => [e.started_at, e.at])).toEqual([
      [0, 0],
      [0, 30_000],
    ]);
  });

  it("after a 5xx the retry resumes from the device's last good token", async () => {
    // ALL_USERS without a mapping (S8) only from 1 s on: the first long-poll fails at its
    // timeout (A's change moved the stream, so the router is asked, R48).
    const host = hostWith({ "router.ts": routerOf(() => new Map(), (u: string, api: { get_current_time_msec(): number }) => (u === G && api.get_current_time_msec() - T0 >= 1_000 ? "ALL" : new Set())) });
    const t = await run({ servers: { "example.org": { modules: ["router.ts"] } }, users: [A, G], clients: [{ user: G, set_presence: "offline" }], steps: [put(2_000, A, "online")], duration: 65_000 }, host);
    const s = syncsOf(t, G);
    expect(s.map((e) => [e.started_at, e.at, e.mode, e.error?.status ?? 200])).toEqual([
      [0, 0, "initial", 200],
      [0, 30_000, "incremental", 500],
      // G was never notified since that token, so the retry long-polls (Synapse's notifier).
      [35_000, 65_000, "incremental", 500],
    ]);
    expect(s[2].since).toBe(s[0].next_batch);
  });
});
