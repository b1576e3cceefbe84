// Consistency checker for presence routers (R64): get_users_for_states ("who should get
// these updates": wake-ups and federation) and get_interested_users ("whose presence
// may this user see": sync) must express the same relation. This reads the evidence in a
// run trace (combined router calls, deliveries, wake reasons, failed syncs) and reports
// where they disagree. Pure and deterministic.
import type { Trace } from "../trace/types.ts";
import { isLocal, serverOf } from "./ids.ts";
import { RoomSharing, type RoomHints } from "./rooms.ts";
import { combinedRouterCalls, type InterestCall, type MappingCall } from "./routerCalls.ts";
import { formatOffset } from "./time.ts";

export type FindingKind = "woken_not_visible" | "visible_not_woken" | "all_without_mapping" | "remote_record_to_federation";

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
}

export type ConsistencyOptions = RoomHints;

const KIND_ORDER: FindingKind[] = ["all_without_mapping", "remote_record_to_federation", "woken_not_visible", "visible_not_woken"];

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

  checkWokenNotVisible(fanout, interest, rooms, report);
  checkVisibleNotWoken(interest, mapping, fanout, rooms, report);
  checkAllWithoutMapping(trace, interest, mapping, report);
  checkRemoteRecords(mapping, report);

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

/**
 * The interest of `user` on `server` that decides what a wake-up at `event` shows: the
 * first call after it (the woken sync re-evaluates, or the next sync computes presence),
 * else the latest call before it. Null when the user never had presence computed.
 */
function interestAt(interest: InterestCall[], server: string, user: string, event: number): { call: InterestCall; after: boolean } | null {
  let before: InterestCall | null = null;
  for (const c of interest) {
    if (c.server !== server || c.user !== user) continue;
    if (c.event > event) return { call: c, after: true };
    before = c;
  }
  return before ? { call: before, after: false } : null;
}

function which(x: { call: InterestCall; after: boolean }): string {
  return x.after ? `its next call, at ${formatOffset(x.call.at)}` : `its latest call, at ${formatOffset(x.call.at)}; none came after this update`;
}

/** R31 wakes every local key of get_users_for_states; R50 decides what the sync returns (S6). */
function checkWokenNotVisible(fanout: MappingCall[], interest: InterestCall[], rooms: RoomSharing, report: Report): void {
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
        });
      }
    }
  }
}

/**
 * Sync shows a source (R50 set / R51 ALL mapping) but the source's later updates are
 * never mapped to the viewer, so nothing wakes them (R31). Evidence: router calls for
 * the source's updates after the interest was shown, none of them mapping it to the viewer.
 */
function checkVisibleNotWoken(interest: InterestCall[], mapping: MappingCall[], fanout: MappingCall[], rooms: RoomSharing, report: Report): void {
  const consider = (server: string, viewer: string, source: string, after: number, how: string, module: string | undefined) => {
    if (source === viewer || rooms.shared(server, viewer, source)) return;
    const updates = fanout.filter((c) => c.server === server && c.event > after && c.input.some((r) => r.user_id === source));
    if (updates.length === 0 || updates.some((c) => c.result.get(viewer)?.has(source))) return;
    const first = updates[0]!;
    report({
      severity: "warning",
      kind: "visible_not_woken",
      server,
      viewer,
      source,
      message:
        `${viewer} sees ${source} on sync (${how}), but is never woken for their updates: get_users_for_states never maps ` +
        `${source}'s updates to ${viewer} (first unrouted update at ${formatOffset(first.at)}), so live changes arrive only when ${viewer}'s client syncs for another reason.`,
      example: { event: first.event, at: first.at },
      module,
      rules: ["R31", "R49", "R55", "R64"],
    });
  };
  for (const c of interest) {
    if (!isLocal(c.user, c.server) || c.result === "ALL") continue;
    for (const source of c.result) consider(c.server, c.user, source, c.event, `get_interested_users('${c.user}') lists them`, c.contributor.get(source));
  }
  for (const c of mapping) {
    const viewer = c.allPathFor;
    if (viewer === null || !isLocal(viewer, c.server)) continue;
    for (const source of c.result.get(viewer)?.keys() ?? []) {
      consider(c.server, viewer, source, c.event, `ALL_USERS, and the sync-time get_users_for_states maps them to ${viewer}`, c.contributor.get(`${viewer}\t${source}`));
    }
  }
}

/** S8 / R51: ALL_USERS without a key for the user in the sync-time mapping → HTTP 500. */
function checkAllWithoutMapping(trace: Trace, interest: InterestCall[], mapping: MappingCall[], report: Report): void {
  const allCall = new Map<string, InterestCall>();
  for (const c of interest) if (c.result === "ALL") allCall.set(`${c.server}\t${c.user}`, c);
  const emit = (server: string, viewer: string, event: number, at: number, module: string | undefined, evidence: string) => {
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
    });
  };
  for (const c of mapping) {
    const viewer = c.allPathFor;
    if (viewer === null || c.result.has(viewer)) continue;
    const gis = allCall.get(`${c.server}\t${viewer}`);
    emit(c.server, viewer, c.event, c.at, gis?.contributor.get("ALL"), `get_users_for_states has no key '${viewer}'`);
  }
  // Failed syncs are evidence too (the engine reports S8 as a 500 on the sync).
  trace.events.forEach((e, i) => {
    if (e.type !== "sync" || !e.error || e.error.status !== 500) return;
    const gis = interest.find((c) => c.server === e.server && c.user === e.user && c.result === "ALL" && c.at >= e.started_at && c.at <= e.at);
    if (gis) emit(e.server, e.user, i, e.at, gis.contributor.get("ALL"), `the sync failed with ${e.error.status} ${e.error.errcode}`);
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
