// Consistency checker for presence routers (R64): get_users_for_states ("who should get
// these updates": wake-ups and federation) and get_interested_users ("whose presence
// may this user see": sync) must express the same relation. This reads the evidence in a
// run trace (combined router calls, deliveries, wake reasons, failed syncs) and reports
// where they disagree, and (restrict.ts) where a module looks written to take presence
// away from room-mates, which routers cannot do. Pure and deterministic.
import type { Trace } from "../trace/types.ts";
import { isLocal, serverOf } from "./ids.ts";
import { RoomSharing, type RoomHints } from "./rooms.ts";
import { combinedRouterCalls, type InterestCall, type MappingCall, type RouterCall } from "./routerCalls.ts";
import { checkCannotRestrict } from "./restrict.ts";
import { CallIndex, userKey } from "./callIndex.ts";
import { formatOffset } from "./time.ts";

export type FindingKind = "callback_failed" | "woken_not_visible" | "visible_not_woken" | "all_without_mapping" | "remote_record_to_federation" | "cannot_restrict";

/**
 * Why a finding happened, when the trace says: a module raised (with its source line),
 * returned a value of the wrong type (R61/R62 skip it), or gave ALL_USERS without the
 * matching get_users_for_states key (S8).
 */
export interface RootCause {
  kind: "exception" | "wrong_type" | "missing_all_mapping";
  module: string;
  callback: "get_users_for_states" | "get_interested_users";
  /** One sentence, naming the exception or the wrong value and where. */
  message: string;
  /** Index into trace.events of the router_call that shows it. */
  event: number;
  file?: string;
  line?: number;
  column?: number;
}

export interface Finding {
  severity: "error" | "warning";
  kind: FindingKind;
  server: string;
  /** The recipient: a local user, or for remote_record_to_federation the remote key. */
  viewer: string;
  /** Whose presence; "*" when it is about every source (all_without_mapping). */
  source: string;
  message: string;
  /** The first event that shows it. */
  example: { event: number; at: number };
  module?: string;
  /** Rule ids of presence-semantics.md that explain it. */
  rules: string[];
  /** The root cause, when the router calls behind the finding show one. */
  cause?: RootCause;
  /** The callback whose answer the finding is about (for "go to" its line in the module). */
  callback?: "get_users_for_states" | "get_interested_users";
}

export type ConsistencyOptions = RoomHints;

const KIND_ORDER: FindingKind[] = ["callback_failed", "all_without_mapping", "remote_record_to_federation", "woken_not_visible", "visible_not_woken", "cannot_restrict"];

/** All findings of `trace`, deduplicated per (kind, server, viewer, source), errors first then by first event. */
export function checkConsistency(trace: Trace, opts: ConsistencyOptions = {}): Finding[] {
  const calls = combinedRouterCalls(trace);
  const rooms = new RoomSharing(trace, opts);
  const found = new Map<string, Finding>();
  const report = (f: Finding) => {
    const key = `${f.kind}\t${f.server}\t${f.viewer}\t${f.source}`;
    const old = found.get(key);
    if (!old || f.example.event < old.example.event) found.set(key, f);
  };

  const interest = calls.filter((c): c is InterestCall => c.callback === "get_interested_users");
  const mapping = calls.filter((c): c is MappingCall => c.callback === "get_users_for_states");
  // Wake/federation calls (R37 #1–#3); the ALL-path sync calls (#4, #5) are separate.
  const fanout = mapping.filter((c) => c.allPathFor === null);
  const interestOf = new CallIndex(interest, (c) => userKey(c.server, c.user));
  const allPathOf = new CallIndex(
    mapping.filter((c) => c.allPathFor !== null),
    (c) => userKey(c.server, c.allPathFor!),
  );

  checkCallbackFailures(calls, report);
  checkWokenNotVisible(fanout, interestOf, rooms, report);
  checkVisibleNotWoken(interest, interestOf, allPathOf, fanout, rooms, report);
  checkAllWithoutMapping(trace, interest, mapping, report);
  checkRemoteRecords(mapping, report);
  checkCannotRestrict(trace, opts, report);

  return [...found.values()].sort(
    (a, b) =>
      (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1) ||
      a.example.event - b.example.event ||
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      cmp(a.server, b.server) ||
      cmp(a.viewer, b.viewer) ||
      cmp(a.source, b.source),
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

type Report = (f: Finding) => void;

function where(e: { file?: string; line?: number; column?: number }): string {
  return e.file && e.line ? ` at ${e.file}:${e.line}${e.column ? `:${e.column}` : ""}` : "";
}

/** The first module of `call` that raised or returned the wrong type, as a root cause. */
export function causeOf(call: RouterCall): RootCause | undefined {
  const f = call.failures.find((x) => x.error) ?? call.failures[0];
  if (!f) return undefined;
  if (f.error) {
    const { file, line, column } = f.error;
    return {
      kind: "exception",
      module: f.module,
      callback: call.callback,
      message: `${call.callback} in ${f.module} raised ${f.error.message}${where(f.error)}; Synapse logs it and uses nothing from that module for this call (R63).`,
      event: f.event,
      ...(file !== undefined && { file }),
      ...(line !== undefined && { line }),
      ...(column !== undefined && { column }),
    };
  }
  return {
    kind: "wrong_type",
    module: f.module,
    callback: call.callback,
    message: `${call.callback} in ${f.module} ${f.warnings[0]}`,
    event: f.event,
  };
}

/** R63 / R61 / R62: a module raised, or returned what Synapse skips, in a router call. One finding per distinct failure. */
function checkCallbackFailures(calls: RouterCall[], report: Report): void {
  for (const c of calls) {
    for (const f of c.failures) {
      const cause = causeOf({ ...c, failures: [f] })!;
      const what = f.error ? `${f.error.message}${where(f.error)}` : f.warnings[0]!;
      report({
        severity: f.error ? "error" : "warning",
        kind: "callback_failed",
        server: c.server,
        viewer: c.callback,
        source: `${f.module}\t${what}`,
        message:
          cause.message +
          (c.callback === "get_users_for_states"
            ? " Whatever it would have routed is missing: nobody is woken for those updates and nothing is federated for them."
            : " The user's sync then shows only room-mates' presence (and, after ALL_USERS elsewhere, fails)."),
        example: { event: f.event, at: c.at },
        module: f.module,
        rules: f.error ? ["R63"] : c.callback === "get_users_for_states" ? ["R61"] : ["R62"],
        cause,
      });
    }
  }
}

/**
 * The interest of `user` on `server` that decides what a wake-up at `event` shows: the
 * first call after it (the woken sync re-evaluates, or the next sync computes presence),
 * else the latest call before it. Null when the user never had presence computed.
 */
function interestAt(interest: CallIndex<InterestCall>, server: string, user: string, event: number): { call: InterestCall; after: boolean } | null {
  const { before, after } = interest.around(userKey(server, user), event);
  if (after) return { call: after, after: true };
  return before ? { call: before, after: false } : null;
}

function which(x: { call: InterestCall; after: boolean }): string {
  return x.after ? `its next call, at ${formatOffset(x.call.at)}` : `its latest call, at ${formatOffset(x.call.at)}; none came after this update`;
}

/** R31 wakes every local key of get_users_for_states; R50 decides what the sync returns (S6). */
function checkWokenNotVisible(fanout: MappingCall[], interest: CallIndex<InterestCall>, rooms: RoomSharing, report: Report): void {
  for (const c of fanout) {
    for (const [viewer, recs] of c.result) {
      if (!isLocal(viewer, c.server)) continue;
      for (const source of recs.keys()) {
        if (source === viewer) continue; // R50: one always sees oneself in the set path
        const x = interestAt(interest, c.server, viewer, c.event);
        if (!x || x.call.result === "ALL" || x.call.result.has(source)) continue;
        if (rooms.shared(c.server, viewer, source)) continue;
        report({
          severity: "warning",
          kind: "woken_not_visible",
          server: c.server,
          viewer,
          source,
          message:
            `${viewer} would be woken for ${source}'s update, but their sync will not include it: ` +
            `get_interested_users('${viewer}') (${which(x)}) does not list ${source}, and they share no room.`,
          example: { event: c.event, at: c.at },
          module: c.contributor.get(`${viewer}\t${source}`),
          rules: ["R31", "R50", "R64", "S6"],
          ...withCause(causeOf(x.call)),
        });
      }
    }
  }
}

/** `{ cause }` when there is one (keeps Finding objects free of undefined fields). */
function withCause(cause: RootCause | undefined): { cause?: RootCause } {
  return cause ? { cause } : {};
}

/**
 * Sync shows a source (R50 set / R51 ALL mapping) but one of the source's updates is not
 * mapped to the viewer, so nothing wakes them (R31). Compared at each update's moment:
 * the viewer's interest right before AND right after the update must show the source, so
 * routing that legitimately changes over time (a target registered later, an interest
 * withdrawn) is not reported. Updates before the viewer's first sync are not compared.
 */
function checkVisibleNotWoken(
  interest: InterestCall[],
  interestOf: CallIndex<InterestCall>,
  allPathOf: CallIndex<MappingCall>,
  fanout: MappingCall[],
  rooms: RoomSharing,
  report: Report,
): void {
  // Per server, its local users with an interest call, in the order of their first call.
  const viewers = new Map<string, Set<string>>();
  for (const c of interest) {
    if (!isLocal(c.user, c.server)) continue;
    let set = viewers.get(c.server);
    if (!set) viewers.set(c.server, (set = new Set()));
    set.add(c.user);
  }
  const shows = (call: InterestCall, viewer: string, source: string, event: number): { how: string; module: string | undefined } | null => {
    if (call.result !== "ALL") {
      return call.result.has(source) ? { how: `get_interested_users('${viewer}') lists them (call at ${formatOffset(call.at)})`, module: call.contributor.get(source) } : null;
    }
    // The ALL-path mapping (R51) for the viewer closest to the update.
    const m = allPathOf.deciding(userKey(call.server, viewer), event);
    if (!m?.result.get(viewer)?.has(source)) return null;
    return { how: `ALL_USERS, and the sync-time get_users_for_states maps them to ${viewer}`, module: m.contributor.get(`${viewer}\t${source}`) };
  };
  for (const c of fanout) {
    const sources = [...new Set(c.input.map((r) => r.user_id))];
    for (const viewer of viewers.get(c.server) ?? []) {
      for (const source of sources) {
        if (source === viewer || c.result.get(viewer)?.has(source)) continue;
        const { before, after } = interestOf.around(userKey(c.server, viewer), c.event);
        if (!before) continue;
        const now = shows(before, viewer, source, c.event);
        if (!now || (after && !shows(after, viewer, source, c.event))) continue;
        if (rooms.shared(c.server, viewer, source)) continue;
        report({
          severity: "warning",
          kind: "visible_not_woken",
          server: c.server,
          viewer,
          source,
          message:
            `${viewer} sees ${source} on sync (${now.how}), but is not woken for their update at ${formatOffset(c.at)}: get_users_for_states does not map ` +
            `it to ${viewer}, so live changes arrive only when ${viewer}'s client syncs for another reason.`,
          example: { event: c.event, at: c.at },
          module: now.module,
          rules: ["R31", "R49", "R55", "R64"],
          ...withCause(causeOf(c)),
        });
      }
    }
  }
}

/** S8 / R51: ALL_USERS without a key for the user in the sync-time mapping → HTTP 500. */
function checkAllWithoutMapping(trace: Trace, interest: InterestCall[], mapping: MappingCall[], report: Report): void {
  const allCall = new Map<string, InterestCall>();
  for (const c of interest) if (c.result === "ALL") allCall.set(`${c.server}\t${c.user}`, c);
  const emit = (server: string, viewer: string, event: number, at: number, module: string | undefined, evidence: string, cause: RootCause | undefined) => {
    const local = isLocal(viewer, server);
    report({
      severity: "error",
      kind: "all_without_mapping",
      server,
      viewer,
      source: "*",
      message: local
        ? `Sync for ${viewer} will fail (HTTP 500): get_interested_users('${viewer}') returns ALL_USERS, but ${evidence}.`
        : `send_local_online_presence_to(['${viewer}']) on ${server} will raise: get_interested_users('${viewer}') returns ALL_USERS, but ${evidence}.`,
      example: { event, at },
      module,
      rules: local ? ["R51", "S8"] : ["R51", "R68", "S8"],
      ...withCause(cause),
    });
  };
  for (const c of mapping) {
    const viewer = c.allPathFor;
    if (viewer === null || c.result.has(viewer)) continue;
    const gis = allCall.get(`${c.server}\t${viewer}`);
    const module = gis?.contributor.get("ALL");
    const missing: RootCause = {
      kind: "missing_all_mapping",
      module: module ?? c.modules[0]!,
      callback: "get_users_for_states",
      message: `get_interested_users('${viewer}') returns ALL_USERS${module ? ` (${module})` : ""}, so Synapse calls get_users_for_states for every candidate and reads result['${viewer}'], but no module returns that key (S8): return a mapping for every user you give ALL_USERS.`,
      event: c.event,
    };
    emit(c.server, viewer, c.event, c.at, module, `get_users_for_states has no key '${viewer}'`, causeOf(c) ?? missing);
  }
  // Failed syncs are evidence too (the engine reports S8 as a 500 on the sync).
  trace.events.forEach((e, i) => {
    if (e.type !== "sync" || !e.error || e.error.status !== 500) return;
    const gis = interest.find((c) => c.server === e.server && c.user === e.user && c.result === "ALL" && c.at >= e.started_at && c.at <= e.at);
    if (!gis) return;
    const m = mapping.find((c) => c.server === e.server && c.allPathFor === e.user && c.at >= e.started_at && c.at <= e.at);
    emit(e.server, e.user, i, e.at, gis.contributor.get("ALL"), `the sync failed with ${e.error.status} ${e.error.errcode}`, m ? causeOf(m) : undefined);
  });
}

/** R34 / S13: a remote key given a remote user's record in a call whose result is federated. */
function checkRemoteRecords(mapping: MappingCall[], report: Report): void {
  for (const c of mapping) {
    const s = c.server;
    // Federation uses call #2/#3 (local-only inputs, R32) and #5 (ALL path for a remote target, R68).
    const federated = c.allPathFor !== null ? !isLocal(c.allPathFor, s) : c.input.every((r) => isLocal(r.user_id, s));
    if (!federated) continue;
    for (const [key, recs] of c.result) {
      if (isLocal(key, s) || (c.allPathFor !== null && key !== c.allPathFor)) continue;
      for (const [source, r] of recs) {
        if (isLocal(source, s)) continue;
        if (c.allPathFor !== null && r.state === "offline") continue; // R68 only asserts non-offline
        report({
          severity: "error",
          kind: "remote_record_to_federation",
          server: s,
          viewer: key,
          source,
          message:
            `get_users_for_states on ${s} maps ${source}'s record (a user of ${serverOf(source)}) to remote ${key}: ` +
            `Synapse will raise when sending this over federation to ${serverOf(key)}, and the operation that triggered it fails. A server only sends its own users' presence.`,
          example: { event: c.event, at: c.at },
          module: c.contributor.get(`${key}\t${source}`),
          rules: ["R34", "S9", "S13"],
        });
      }
    }
  }
}
