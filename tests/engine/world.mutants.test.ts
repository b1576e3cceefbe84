// The world (scenario-format §2, §5): the run's end, seeded federation delays (R40),
// the queue order of module timers, unknown destinations and users, and engine errors
// that must not stop a run.
import { describe, expect, it } from "vitest";
import { World } from "../../src/engine/world.ts";
import { activity, events, put, run, scenario, states, sync, syncByLabel } from "./support/build.ts";
import { hostFromModules } from "./support/host.ts";
import { hostWith, routerOf } from "./support/routers.ts";

const A = "@alice:example.org";
const B = "@bob:example.org";

describe("World", () => {
  it("§2 the run ends at `duration`, else 30 s after the last step, else at 30 s", async () => {
    expect((await run({ users: [A], steps: [put(5_000, A, "online")] })).scenario.end).toBe(35_000);
    expect((await run({ users: [A], steps: [put(5_000, A, "online")], duration: 6_000 })).scenario.end).toBe(6_000);
    expect((await run({ users: [A], duration: 0 })).scenario.end).toBe(0);
    expect((await run({ users: [A] })).scenario.end).toBe(30_000);
  });

  it("§5 work due exactly at the end runs; work 1 ms past it does not", async () => {
    const at = await run({ users: [A], steps: [put(1_000, A, "online")], duration: 1_000 });
    expect(states(at, A).map((e) => e.at)).toEqual([1_000]);
    const past = await run({ users: [A], steps: [put(1_001, A, "online")], duration: 1_000 });
    expect(states(past, A)).toEqual([]);
    expect(events(past, "request")).toEqual([]);
  });

  it("R40 federation delays are seeded and span [min, max] inclusive", () => {
    const delays = (seed: number, min: number, max: number) => {
      const w = new World(scenario({ users: [A], seed, federation_delay: { min, max } }), hostFromModules({}));
      return Array.from({ length: 300 }, () => w.federationDelay());
    };
    const d = delays(7, 10, 12);
    expect(new Set(d)).toEqual(new Set([10, 11, 12]));
    expect(delays(7, 10, 12)).toEqual(d);
    expect(delays(8, 10, 12)).not.toEqual(d);
    expect(new Set(delays(3, 40, 40))).toEqual(new Set([40]));
    expect(new Set(delays(3, 0, 1))).toEqual(new Set([0, 1]));
  });

  it("a user without a server is a clear error", () => {
    const w = new World(scenario({ users: [A] }), hostFromModules({}));
    expect(w.serverOf(A).name).toBe("example.org");
    expect(() => w.serverOf("@x:nowhere.net")).toThrow("user @x:nowhere.net has no server in this scenario");
    expect(() => w.serverOf("nobody")).toThrow("user nobody has no server in this scenario");
  });

  it("device tokens are per user and device; none until a sync returned one", () => {
    const w = new World(scenario({ users: [A, B] }), hostFromModules({}));
    expect(w.deviceToken(A, "DEV")).toBeNull();
    w.setDeviceToken(A, "DEV", "s1_0");
    expect(w.deviceToken(A, "DEV")).toBe("s1_0");
    expect(w.deviceToken(A, "OTHER")).toBeNull();
    expect(w.deviceToken(B, "DEV")).toBeNull();
  });

  it("R33 federation to a server the scenario does not have: a warning at delivery time, the run goes on", async () => {
    const host = hostWith({ "router.ts": routerOf((states) => new Map([["@x:nowhere.net", new Set(states)]]), () => new Set()) });
    const t = await run({ servers: { "example.org": { modules: ["router.ts"] } }, users: [A], steps: [put(0, A, "online")], federation_delay: { min: 63, max: 63 } }, host);
    expect(events(t, "edu_sent").map((e) => [e.at, e.destination])).toEqual([[0, "nowhere.net"]]);
    expect(events(t, "log", (e) => e.level === "warning")).toEqual([
      { at: 63, server: "example.org", type: "log", level: "warning", message: "federation to nowhere.net failed: no such server in the scenario" },
    ]);
  });

  it("§5 a module timer set at load with no delay fires at offset 0 before the steps at 0", async () => {
    const host = hostWith({
      "t.ts": class {
        constructor(_c: unknown, api: any) {
          api.delayed_background_call(0, () => api.set_presence_for_users({ [A]: ["online", "timer"] }));
        }
      },
    });
    const t = await run({ servers: { "example.org": { modules: ["t.ts"] } }, users: [A], steps: [put(0, A, "unavailable", "step")] }, host);
    expect(states(t, A).map((e) => [e.at, e.after.status_msg])).toEqual([
      [0, "timer"],
      [0, "step"],
    ]);
  });

  it("an engine failure inside a step is an `internal error` event; later steps still run", async () => {
    const sc = scenario({ users: [A], steps: [put(2_000, A, "online")] });
    // A restart step naming a server the world does not have (the validator would refuse it).
    sc.steps.unshift({ kind: "restart", at: 1_000, server: "gone.org", index: 99, path: "steps[99]" } as never);
    const t = await run(sc);
    const errs = events(t, "error");
    expect(errs.length).toBe(1);
    expect(errs[0]).toMatchObject({ at: 1_000, server: "" });
    expect(errs[0].message).toMatch(/^internal error: /);
    expect(states(t, A).map((e) => e.at)).toEqual([2_000]);
  });

  it("R46 a sync without `since` resumes from its device's last token; `initial` forces an initial sync", async () => {
    const t = await run({
      servers: { "example.org": { rc: { per_second: 1000, burst_count: 1000 } } },
      users: { [A]: ["D1", "D2"] },
      steps: [sync(0, A, { device: "D1", label: "a" }), sync(1, A, { device: "D1", label: "b" }), sync(2, A, { device: "D2", label: "c" }), sync(3, A, { device: "D1", since: "initial", label: "d" })],
    });
    expect(["a", "b", "c", "d"].map((l) => syncByLabel(t, l).mode)).toEqual(["initial", "incremental", "initial", "initial"]);
    expect(syncByLabel(t, "b").since).toBe(syncByLabel(t, "a").next_batch);
    expect(syncByLabel(t, "d").since).toBeNull();
  });

  it("§2 resuming from a labelled sync that failed uses the token that sync was given", async () => {
    const t = await run({
      servers: { "example.org": { rc: { per_second: 1000, burst_count: 1000 } } },
      users: [A],
      steps: [
        sync(0, A, { label: "i" }),
        sync(1, A, { since: "i", set_presence: "busy", label: "bad" }), // 400
        sync(2, A, { since: "bad", label: "n" }),
        sync(3, A, { since: "initial", set_presence: "busy", label: "bad0" }), // 400, no token
        sync(4, A, { since: "bad0", label: "m" }),
      ],
    });
    expect(syncByLabel(t, "bad").error?.status).toBe(400);
    expect(syncByLabel(t, "n").mode).toBe("incremental");
    expect(syncByLabel(t, "n").since).toBe(syncByLabel(t, "i").next_batch);
    expect(syncByLabel(t, "m").mode).toBe("initial");
  });

  it("R17 an activity step whose fan-out fails inside the server is an error event naming the user", async () => {
    const host = hostWith({ "router.ts": routerOf((st) => new Map([["notauser", new Set(st)]]), () => new Set()) });
    const t = await run({ servers: { "example.org": { modules: ["router.ts"] } }, users: [A], steps: [activity(5, A)] }, host);
    expect(events(t, "error").map((e) => [e.at, e.server, e.message])).toEqual([[5, "example.org", `activity of ${A} failed: router returned the key 'notauser', which is not a user id`]]);
  });
});
