// `steps:` (scenario-format §2): one action per step, `at` offsets, labels and `since`
// references, and the sort into run order by (at, file index).
import { isMap, isPair, isScalar } from "yaml";
import type { Step } from "./types.ts";
import type { Entry, Reader, V } from "./reader.ts";
import type { World } from "./ids.ts";
import { ACTIONS, readAction, type ActionKey, type StepRefs } from "./stepKinds.ts";
import { closest, didYouMean } from "./suggest.ts";
import { formatDuration } from "./durations.ts";

export function readSteps(r: Reader, v: V, w: World): Step[] {
  const its = r.items(v, "steps");
  if (!its) return [];
  if (its.length > r.limits.steps) {
    r.err(v, `too many steps (${its.length}; at most ${r.limits.steps})`);
    return [];
  }
  preScanRooms(r, its, w);
  const steps: Step[] = [];
  const refs = new Map<Step, StepRefs>();
  let maxAt = -1;
  let maxAtPath = "";
  for (let index = 0; index < its.length && !r.is.full; index++) {
    const it = its[index];
    const keys = ["at", ...ACTIONS];
    const f = r.fields(it, "a step", keys, ["at"]);
    if (!f) continue;
    // In file order, so that the second action written is the one marked.
    const actions = ACTIONS.filter((a) => f[a]).sort((a, b) => (f[a].keyNode.range?.[0] ?? 0) - (f[b].keyNode.range?.[0] ?? 0));
    if (actions.length === 0) {
      // A misspelt action ("presense") was just reported with its "did you mean": one
      // typo, one error.
      if (!hasUnknownKey(r, it, keys)) r.err(it, `a step needs one action: ${ACTIONS.join(", ")}`);
      continue;
    }
    if (actions.length > 1) {
      const second = f[actions[1]];
      r.is.error(second.keyNode, second.path, `a step has exactly one action, this one has ${actions.join(" and ")}; split it into separate steps`);
      continue;
    }
    const at = f.at ? r.duration(f.at, "at") : undefined;
    if (at !== undefined && at > r.limits.offset) r.err(f.at, `at ${formatDuration(at)} is too late (at most ${formatDuration(r.limits.offset)})`);
    const key = actions[0] as ActionKey;
    const stepRefs: StepRefs = {};
    const action = readAction(r, w, key, f[key] as Entry, stepRefs);
    if (at === undefined || at > r.limits.offset || !action) continue;
    if (at < maxAt) {
      r.warn(f.at, `this step (at ${formatDuration(at)}) is listed after ${maxAtPath} (at ${formatDuration(maxAt)}); steps run in order of at, so it runs first`);
    } else {
      maxAt = at;
      maxAtPath = it.path;
    }
    const step = { ...action, at, index, path: it.path } as Step;
    steps.push(step);
    refs.set(step, stepRefs);
  }
  // Run order: by at, ties in file order (§5).
  steps.sort((a, b) => a.at - b.at || a.index - b.index);
  checkLabels(r, steps, refs);
  return steps;
}

function hasUnknownKey(r: Reader, v: V, keys: readonly string[]): boolean {
  const n = r.resolve(v.node);
  return isMap(n) && n.items.some((p) => isPair(p) && isScalar(p.key) && !keys.includes(String(p.key.value)));
}

/** Rooms created by membership steps count as known rooms for every step. */
function preScanRooms(r: Reader, its: V[], w: World): void {
  for (const it of its) {
    const n = r.resolve(it.node);
    if (!isMap(n)) continue;
    const m = r.resolve(n.get("membership", true));
    if (!isMap(m)) continue;
    const room = r.resolve(m.get("room", true));
    if (isScalar(room) && typeof room.value === "string" && room.value.startsWith("!")) w.rooms.add(room.value);
  }
}

function labelOf(s: Step): string | null {
  return s.kind === "presence" || s.kind === "sync" || s.kind === "get_presence" ? s.label : null;
}

/** Labels are unique; `since: <label>` names an earlier sync step (in run order). */
function checkLabels(r: Reader, steps: Step[], refs: Map<Step, StepRefs>): void {
  const byLabel = new Map<string, { step: Step; pos: number }>();
  const order = new Map(steps.map((s, i) => [s, i]));
  // Duplicates are reported in file order, at the later one.
  const fileOrder = [...steps].sort((a, b) => a.index - b.index);
  for (const s of fileOrder) {
    const l = labelOf(s);
    if (l === null) continue;
    const lv = refs.get(s)!.label!;
    if (l === "initial") {
      r.err(lv, `"initial" is reserved (since: initial means no token); choose another label`);
      continue;
    }
    const prev = byLabel.get(l);
    if (prev) r.err(lv, `label "${l}" is already used by ${prev.step.path}; labels must be unique`);
    else byLabel.set(l, { step: s, pos: order.get(s)! });
  }
  const syncLabels = [...byLabel.values()].filter((x) => x.step.kind === "sync").map((x) => labelOf(x.step)!);
  steps.forEach((s, pos) => {
    if (s.kind !== "sync" || s.since === undefined || s.since === "initial") return;
    const sv = refs.get(s)!.since!;
    const target = byLabel.get(s.since);
    if (!target) {
      const hint = didYouMean(s.since, syncLabels) || (closest(s.since, ["initial"]) ? "; did you mean initial?" : "");
      r.err(sv, `since: no sync step is labelled "${s.since}"${hint}`);
    } else if (target.step.kind !== "sync") {
      r.err(sv, `since: "${s.since}" labels a ${target.step.kind} step (${target.step.path}); since needs a sync step's label`);
    } else if (target.pos >= pos) {
      r.err(
        sv,
        target.step === s
          ? `since: a sync cannot continue from its own next_batch`
          : `since: "${s.since}" is the sync at ${formatDuration(target.step.at)} (${target.step.path}), which runs after this one; since must name an earlier sync`,
      );
    }
  });
}
