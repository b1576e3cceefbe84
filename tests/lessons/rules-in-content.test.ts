// Rules that the teaching content demonstrates, checked on the runs of the examples and
// lessons themselves (so the READMEs' claims stay true).
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildLessons, LESSON_MODULE_FILE } from "../../src/lessons/build.ts";
import type { EduReceivedEvent, EduSentEvent, RouterCallEvent, SyncEvent, TraceEvent } from "../../src/trace/types.ts";
import { readFolder, readLessonFiles, ROOT, runWithFiles } from "./pipeline.ts";

async function runExample(name: string, edit?: (scenario: string) => string) {
  const files = readFolder(join(ROOT, "examples", name));
  const scenario = edit ? edit(files["scenario.yaml"]!) : files["scenario.yaml"]!;
  return runWithFiles(scenario, { "router.ts": files["router.ts"]! });
}

const isSync = (e: TraceEvent): e is SyncEvent => e.type === "sync";
const isCall = (e: TraceEvent): e is RouterCallEvent => e.type === "router_call";
const senders = (e: SyncEvent | undefined) => (e?.response.presence?.events ?? []).map((p) => p.sender).sort();

describe("rules shown by the teaching content", () => {
  it("R6 R47 send-local-online-presence: the monitor's next sync is a one-off snapshot, the one after has only changes", async () => {
    const o = await runExample("send-local-online-presence");
    const after = o.trace.events.filter(isSync).find((e) => e.label === "after");
    const again = o.trace.events.filter(isSync).find((e) => e.label === "after_again");
    expect(after?.mode).toBe("incremental");
    expect(senders(after)).toEqual(["@alice:example.org", "@bob:example.org", "@monitor:example.org"]);
    expect(senders(again)).toEqual([]);
  });

  it("S12 send-local-online-presence: the call clears the first local target's status and notifies it", async () => {
    const o = await runExample("send-local-online-presence");
    const change = o.trace.events.find((e) => e.type === "state" && e.user === "@monitor:example.org" && e.cause === "module_api");
    expect(change?.type === "state" && change.before.status_msg).toBe("on call");
    expect(change?.type === "state" && change.after.status_msg).toBe(null);
    expect(change?.type === "state" && change.notified).toBe(true);
  });

  it("R37 federated-routers: outbound router calls get local records only, inbound EDUs reach the router with remote records", async () => {
    const o = await runExample("federated-routers");
    const gufs = o.trace.events.filter(isCall).filter((c) => c.callback === "get_users_for_states");
    const inputs = (server: string) =>
      gufs.filter((c) => c.server === server).flatMap((c) => (Array.isArray(c.input) ? c.input.map((r) => r.user_id) : []));
    // matrix.org's router sees example.org's users only because their EDUs arrived.
    expect(inputs("matrix.org")).toContain("@alice:example.org");
    expect(inputs("example.org")).toContain("@carol:matrix.org");
    // Nothing example.org sends carries another server's user (R32, S9).
    const sent = o.trace.events.filter((e): e is EduSentEvent => e.type === "edu_sent");
    expect(sent.length).toBeGreaterThan(0);
    for (const e of sent) for (const p of e.edu.content.push) expect(p.user_id.endsWith(`:${e.server}`)).toBe(true);
  });

  it("R40 federated-routers: every EDU arrives within the default 0–100 ms delivery delay", async () => {
    const o = await runExample("federated-routers");
    const sent = o.trace.events.filter((e): e is EduSentEvent => e.type === "edu_sent");
    const received = o.trace.events.filter((e): e is EduReceivedEvent => e.type === "edu_received");
    expect(received.length).toBe(sent.length);
    for (const r of received) {
      const s = sent.find((x) => x.server === r.origin && x.destination === r.server && x.at <= r.at && JSON.stringify(x.edu) === JSON.stringify(r.edu));
      expect(s, `no sent EDU matches the one received at ${r.at}`).toBeDefined();
      expect(r.at - s!.at).toBeLessThanOrEqual(100);
    }
  });

  it("R41 federated-routers: with presence untracked on matrix.org, it sends no presence at all", async () => {
    const o = await runExample("federated-routers", (s) => s.replace("  matrix.org:\n    modules:", "  matrix.org:\n    presence: { enabled: untracked }\n    modules:"));
    expect(o.scenario.servers.find((s) => s.name === "matrix.org")?.presence.enabled).toBe("untracked");
    const fromMatrix = o.trace.events.filter((e) => e.type === "edu_sent" && e.server === "matrix.org");
    expect(fromMatrix).toEqual([]);
    expect(o.trace.events.some((e) => e.type === "edu_sent" && e.server === "example.org")).toBe(true);
  });

  it("R65 R66 lesson 03: one get_interested_users call per monitor sync, and on the ALL path the router gets every persisted non-offline record", async () => {
    const l = buildLessons(readLessonFiles()).find((x) => x.id === "03-all-users")!;
    const o = await runWithFiles(l.scenario, { [LESSON_MODULE_FILE]: l.solution });
    const calls = o.trace.events.filter(isCall);
    const first = o.trace.events.filter(isSync).find((e) => e.label === "first")!;
    const interest = calls.filter((c) => c.callback === "get_interested_users" && c.input === "@monitor:example.org" && c.at === first.at);
    expect(interest.length).toBe(1);
    const allPath = calls.find((c) => c.callback === "get_users_for_states" && c.at === first.at);
    const input = Array.isArray(allPath?.input) ? allPath!.input.map((r) => r.user_id).sort() : [];
    expect(input).toEqual(["@alice:example.org", "@bob:example.org", "@carol:example.org"]);
  });
});
