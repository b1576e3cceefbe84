// "Routers can only add" (issue 12 part 7). A presence router cannot take presence away
// from people who share a room: Synapse merges get_interested_users' set with the syncing
// user's room-mates (R50), wakes room-mates for every update whatever
// get_users_for_states says (R31), and sends updates to every server in a shared room
// (R33). A module that looks written to restrict (it answers with some of a user's
// room-mates and leaves others out) gets a finding that says so and names the levers that
// do restrict: exclude_rooms_from_presence (R74) and federation_domain_whitelist (R75).
//
// Read from what the engine recorded: router calls grouped by their call id, with their
// call site and for_user; rooms from the scenario's rooms and membership steps and the
// module API's recorded update_room_membership calls (RoomTimeline), at the call's time.
//
// When does a module "intend to restrict"? Deliberately narrow, so that routers that
// only add (monitors, gobblers, watch lists) never trigger it:
//
// (A) get_interested_users(V), combined result a SET (not ALL_USERS), lists at least one
//     of V's room-mates AND omits at least one other room-mate M. Listing a room-mate
//     changes nothing under R50's union, so a module that lists room-mates is describing
//     "whom V sees", and a room-mate missing from that description reads as "V must not
//     see M". An empty set, or a set of non-room-mates only, says nothing about rooms: no
//     finding. (Ambiguity left: a monitor that shares a room with some of the users it
//     monitors and with others it does not; the message is worded "if that is meant to").
// (B) get_users_for_states at a fan-out site (wake, federation, ping) routes source S's
//     record to at least one local room-mate of S, not to a local room-mate M, AND the
//     same run routes some other room-mate's update to M (so M is someone the module
//     routes room-mates to, just not S), AND M's get_interested_users around that call is
//     a set (R50: M's sync adds room-mates; with ALL_USERS, R51, the mapping decides and
//     the restriction works). A gobbler that shares a room with everyone is never the M
//     here: the other room-mates are never routed anything.
// Calls of the ALL_USERS path (site "sync"/"snapshot" get_users_for_states) are never
// findings: there result[V] is all V's sync gets (R51), so leaving a room-mate out works.
import type { RouterCallEvent, Trace } from "../trace/types.ts";
import type { Finding } from "./consistency.ts";
import { isLocal } from "./ids.ts";
import { RoomTimeline, type RoomHints } from "./rooms.ts";
import { CallIndex, userKey } from "./callIndex.ts";
import { formatOffset } from "./time.ts";

/** One combined router call (R61/R62), from the events sharing its call id. */
interface Call {
  id: number;
  event: number;
  at: number;
  server: string;
  site: RouterCallEvent["site"];
  callback: RouterCallEvent["callback"];
  /** get_interested_users: the user asked about. */
  user: string;
  /** get_users_for_states: the user ids of the input, in order, once each. */
  sources: string[];
  /** get_interested_users: "ALL" or the union (R62); failed modules add nothing. */
  interest: Set<string> | "ALL";
  /** get_users_for_states: key → user ids of the records under it (R61). */
  routes: Map<string, Set<string>>;
  /** user id (interest) or `${key}\t${source}` (routes) → the module that first gave it. */
  contributor: Map<string, string>;
}

function groupCalls(trace: Trace): Call[] {
  const byId = new Map<number, Call>();
  const calls: Call[] = [];
  trace.events.forEach((e, i) => {
    if (e.type !== "router_call") return;
    let c = byId.get(e.call);
    if (!c) {
      c = {
        id: e.call,
        event: i,
        at: e.at,
        server: e.server,
        site: e.site,
        callback: e.callback,
        user: typeof e.input === "string" ? e.input : "",
        sources: Array.isArray(e.input) ? [...new Set(e.input.map((r) => r.user_id))] : [],
        interest: new Set(),
        routes: new Map(),
        contributor: new Map(),
      };
      byId.set(e.call, c);
      calls.push(c);
    }
    const out = e.output;
    if (out === null || e.error) return; // R61/R62/R63: a failing module adds nothing
    if (e.callback === "get_interested_users") {
      if (c.interest === "ALL") return;
      if (out === "ALL") {
        c.interest = "ALL";
        return;
      }
      if (!Array.isArray(out)) return;
      for (const u of out) {
        if (typeof u !== "string") continue;
        c.interest.add(u);
        if (!c.contributor.has(u)) c.contributor.set(u, e.module);
      }
      return;
    }
    if (typeof out !== "object" || Array.isArray(out)) return;
    for (const [key, records] of Object.entries(out)) {
      if (!Array.isArray(records)) continue;
      let s = c.routes.get(key);
      if (!s) c.routes.set(key, (s = new Set()));
      for (const r of records) {
        s.add(r.user_id);
        const k = `${key}\t${r.user_id}`;
        if (!c.contributor.has(k)) c.contributor.set(k, e.module);
      }
    }
  });
  return calls;
}

const FANOUT_SITES = new Set(["wake", "federation", "ping"]);

function list(users: readonly string[]): string {
  return listCounted(users.slice(0, 3), users.length);
}

/** "a, b, c and 4 more": `first` (at most three) named, out of `total`. */
function listCounted(first: readonly string[], total: number): string {
  return total <= 3 ? first.join(", ") : `${first.join(", ")} and ${total - 3} more`;
}

/** The first three members of `set` other than `source`, and how many there are in all. */
function othersThan(set: ReadonlySet<string>, source: string): { first: string[]; total: number } {
  const first: string[] = [];
  for (const s of set) {
    if (first.length === 3) break;
    if (s !== source) first.push(s);
  }
  return { first, total: set.size - (set.has(source) ? 1 : 0) };
}

const LEVERS =
  "To stop presence between people who share a room, list the room in the server's exclude_rooms_from_presence (R74); " +
  "to stop it reaching another server, leave that server out of federation_domain_whitelist (R75, R33). " +
  "The one thing a router can narrow is the sync of a user for whom get_interested_users returns ALL_USERS: that sync shows exactly what get_users_for_states maps to them (R51).";

/** The cannot_restrict findings of `trace` (see the file comment for the exact rule). Needs the scenario's rooms in `hints`. */
export function checkCannotRestrict(trace: Trace, hints: RoomHints, report: (f: Finding) => void): void {
  if (hints.rooms === undefined) return; // without the scenario's rooms, "shares a room at t" is unknown
  const rooms = new RoomTimeline(trace, hints);
  const calls = groupCalls(trace);
  const interest = calls.filter((c) => c.callback === "get_interested_users");
  const interestOf = new CallIndex(interest, (c) => userKey(c.server, c.user));
  const fanout = calls.filter((c) => c.callback === "get_users_for_states" && FANOUT_SITES.has(c.site));

  // (A) get_interested_users lists some room-mates and leaves others out.
  for (const c of interest) {
    if (c.interest === "ALL" || c.interest.size === 0) continue;
    const mates = rooms.matesThroughout(c.server, c.user, c.at);
    const listed = [...mates.keys()].filter((u) => (c.interest as Set<string>).has(u));
    if (listed.length === 0) continue;
    for (const [m, room] of mates) {
      if (c.interest.has(m)) continue;
      report({
        severity: "warning",
        kind: "cannot_restrict",
        server: c.server,
        viewer: c.user,
        source: m,
        message:
          `get_interested_users('${c.user}') at ${formatOffset(c.at)} lists ${list(listed)} but not ${m}, who shares ${room} with ${c.user}. ` +
          `If that is meant to hide ${m} from ${c.user}, it cannot: a router only adds. Synapse merges the answer with everyone ${c.user} shares a room with (R50) ` +
          `and wakes ${c.user} for ${m}'s updates anyway (R31), so ${c.user} still sees ${m}. ${LEVERS}`,
        example: { event: c.event, at: c.at },
        module: c.contributor.get(listed[0]!),
        callback: "get_interested_users",
        rules: ["R50", "R31", "R74", "R75"],
      });
    }
  }

  // (B) get_users_for_states routes an update to some room-mates and not to others.
  // Sharing a room is symmetric, so each call's sources' room-mates answer both questions.
  const matesOf = (c: Call, source: string) => rooms.matesThroughout(c.server, source, c.at);
  /** The room-mates on the call's own server, once per room-mates map (RoomTimeline shares them). */
  const localCache = new WeakMap<ReadonlyMap<string, string>, string[]>();
  const localMates = (c: Call, mates: ReadonlyMap<string, string>) => {
    let local = localCache.get(mates);
    if (!local) localCache.set(mates, (local = [...mates.keys()].filter((u) => isLocal(u, c.server))));
    return local;
  };
  /** Some room-mate of `source` on the call's server got its update (asked without listing every room-mate). */
  const routedToALocalMate = (c: Call, source: string) => {
    for (const [key, sources] of c.routes) {
      if (sources.has(source) && isLocal(key, c.server) && rooms.sharedThroughout(c.server, source, key, c.at) !== null) return true;
    }
    return false;
  };
  // First: to whom does the run route room-mates' updates at all (server → key → sources)?
  const routedMates = new Map<string, Map<string, Set<string>>>();
  for (const c of fanout) {
    for (const [key, sources] of c.routes) {
      if (!isLocal(key, c.server)) continue;
      for (const s of sources) {
        if (rooms.sharedThroughout(c.server, s, key, c.at) === null) continue;
        let byKey = routedMates.get(c.server);
        if (!byKey) routedMates.set(c.server, (byKey = new Map()));
        let set = byKey.get(key);
        if (!set) byKey.set(key, (set = new Set()));
        set.add(s);
      }
    }
  }
  // Calls come in trace order, so the first finding of a (viewer, source) pair is its
  // earliest: later ones would be dropped by the report's dedup; skip building them.
  const found = new Set<string>();
  for (const c of fanout) {
    for (const source of c.sources) {
      if (!routedToALocalMate(c, source)) continue; // nothing to compare
      const mates = matesOf(c, source);
      const local = localMates(c, mates);
      const routedTo = local.filter((u) => c.routes.get(u)?.has(source));
      if (routedTo.length === 0) continue;
      const routedOnServer = routedMates.get(c.server);
      for (const m of local) {
        if (c.routes.get(m)?.has(source)) continue;
        const routed = routedOnServer?.get(m);
        if (!routed || routed.size - (routed.has(source) ? 1 : 0) === 0) continue;
        if (found.has(`${c.server}\t${m}\t${source}`)) continue;
        // m's interest that decides their view of this update: the next call, else the latest before.
        const x = interestOf.deciding(userKey(c.server, m), c.event);
        if (!x || x.interest === "ALL") continue;
        found.add(`${c.server}\t${m}\t${source}`);
        const others = othersThan(routed, source);
        report({
          severity: "warning",
          kind: "cannot_restrict",
          server: c.server,
          viewer: m,
          source,
          message:
            `get_users_for_states at ${formatOffset(c.at)} routes ${source}'s update to ${list(routedTo)} but not to ${m}, though it routes ${listCounted(others.first, others.total)} to ${m} and ${m} shares ${mates.get(m)} with ${source}. ` +
            `If that is meant to keep ${source}'s presence from ${m}, it cannot: a router only adds. Synapse still wakes ${m} for ${source}'s updates through the room (R31), ` +
            `and ${m}'s sync merges room-mates with get_interested_users (R50), so ${m} still sees ${source}. ${LEVERS}`,
          example: { event: c.event, at: c.at },
          module: c.contributor.get(`${routedTo[0]}\t${source}`),
          callback: "get_users_for_states",
          rules: ["R31", "R33", "R50", "R74", "R75"],
        });
      }
    }
  }
}
