// Seeded fuzzing: the parser never throws and always answers ok or located errors.
import { describe, expect, it } from "vitest";
import { createLocator, parseScenario } from "../../src/scenario/parse.ts";
import { evaluateExpectations } from "../../src/scenario/expect.ts";
import { EXAMPLE, WORLD } from "./helpers.ts";

/** mulberry32: a small deterministic PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const RICH = `${WORLD}clients:
  - { user: "@bob:example.org" }
steps:
  - { at: 0, presence: { user: "@alice:example.org", device: phone, state: online, status_msg: hi, label: p } }
  - { at: 1s, sync: { user: "@bob:example.org", label: first, timeout: 30s, filter: { presence: { senders: ["@alice:example.org"] } } } }
  - { at: 2s, sync: { user: "@bob:example.org", since: first } }
  - { at: 3s, membership: { user: "@bob:example.org", room: "!team:example.org", membership: join } }
  - { at: 4s, module_api: { server: example.org, set_presence_for_users: { "@bob:example.org": [online, null] } } }
  - { at: 5s, edu: { origin: matrix.org, destination: example.org, push: [{ user_id: "@carol:matrix.org", presence: online }] } }
  - { at: 6s, get_presence: { user: "@bob:example.org", target: "@alice:example.org" } }
  - { at: 7s, activity: { user: "@alice:example.org", room: "!team:example.org" } }
  - { at: 8s, client: { user: "@alice:example.org", run: start } }
  - { at: 9s, restart: { server: matrix.org } }
  - { at: 10m, until: {} }
expect:
  - { sync: first, sees: { "@alice:example.org": online }, only: true }
  - { state: { "@alice:example.org": unavailable }, at: 6m }
  - { edus: { destination: matrix.org, from: 0s, to: 2m }, users: ["@alice:example.org"] }
  - { sees: { viewer: "@bob:example.org", source: "@alice:example.org" } }
  - { never_sees: { viewer: "@carol:matrix.org", source: "@bob:example.org" } }
  - { no_errors: true }
`;

const TOKENS = [
  ":", "{", "}", "[", "]", ",", "-", "#", "&a", "*a", "!", "|", ">", "'", '"', "%", "@", "\n", " ", "  ", "\t", "?",
  "null", "~", "true", "false", "0", "-1", "1e999", "0x1f", "1.5", "30s", "5x", "untracked", "at", "sync", "presence",
  "since", "label", "first", "user", "device", "room", "servers", "users", "steps", "expect", "@alice:example.org",
  "!team:example.org", "example.org", "<<: *a", "---", "...", "\u0000", "\ud83d\ude00", "\ud800",
];

function mutate(text: string, rnd: () => number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const pos = () => Math.floor(rnd() * (text.length + 1));
  const n = 1 + Math.floor(rnd() * 4);
  for (let k = 0; k < n; k++) {
    const op = Math.floor(rnd() * 6);
    if (op === 0) {
      const a = pos();
      text = text.slice(0, a) + text.slice(a + Math.floor(rnd() * 12));
    } else if (op === 1 || op === 2) {
      const a = pos();
      text = text.slice(0, a) + pick(TOKENS) + text.slice(a);
    } else {
      const lines = text.split("\n");
      const i = Math.floor(rnd() * lines.length);
      const j = Math.floor(rnd() * lines.length);
      if (op === 3) [lines[i], lines[j]] = [lines[j], lines[i]];
      else if (op === 4) lines.splice(i, 0, lines[j]);
      else lines[i] = " ".repeat(Math.floor(rnd() * 6)) + lines[i].trimStart();
      text = lines.join("\n");
    }
  }
  return text;
}

function randomText(rnd: () => number): string {
  const len = Math.floor(rnd() * 200);
  let s = "";
  for (let i = 0; i < len; i++) {
    const r = rnd();
    s += r < 0.6 ? String.fromCharCode(32 + Math.floor(rnd() * 95)) : r < 0.8 ? "\n" : String.fromCharCode(Math.floor(rnd() * 0xffff));
  }
  return s;
}

function check(text: string): boolean {
  const r = parseScenario(text);
  const lines = text.split(/\r\n|\n|\r/).length + 1;
  if (r.ok) {
    const locate = createLocator(text);
    for (const st of r.scenario.steps.slice(0, 3)) expect(locate(st.path)?.line ?? 1).toBeGreaterThanOrEqual(1);
    const trace = { version: 1 as const, scenario: { servers: [], users: [], start_time: 0, end: 0 }, events: [], deliveries: [], final: {}, errors: [] };
    expect(evaluateExpectations(r.scenario, trace)).toHaveLength(r.scenario.expect.length);
    for (const w of r.warnings) expect(w.line).toBeGreaterThanOrEqual(1);
    return true;
  }
  expect(r.errors.length).toBeGreaterThan(0);
  for (const e of r.errors) {
    if (!(e.line >= 1 && e.column >= 1 && e.line <= lines && e.message.length > 0) || /internal error/.test(e.message)) {
      throw new Error(`bad issue ${JSON.stringify(e)} for input ${JSON.stringify(text)}`);
    }
  }
  return false;
}

// FUZZ_SEED / FUZZ_N widen a manual run (e.g. FUZZ_SEED=99 FUZZ_N=20000); CI uses the fixed defaults.
describe("fuzz (seeded, deterministic)", { timeout: 120_000 }, () => {
  it("random mutations of valid scenarios: never throws, always ok or located errors", () => {
    const rnd = prng(Number(process.env.FUZZ_SEED ?? 20260101));
    let okCount = 0;
    for (let i = 0; i < Number(process.env.FUZZ_N ?? 1000); i++) if (check(mutate(i % 2 ? RICH : EXAMPLE, rnd))) okCount++;
    // Some mutations are harmless (comments, spaces): both outcomes are exercised.
    expect(okCount).toBeGreaterThan(50);
    expect(okCount).toBeLessThan(Number(process.env.FUZZ_N ?? 1000));
  });

  it("random strings: never throws, always ok or located errors", () => {
    const rnd = prng(7);
    for (let i = 0; i < 1000; i++) check(randomText(rnd));
  });
});
