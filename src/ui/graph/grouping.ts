// Big worlds (issue 12 part 2): from GROUP_MIN_USERS users on, users are drawn as one
// aggregate node per homeserver ("hs1.example · 500 users"), or, when one server holds
// most of the users, that server's users are grouped by room. A click on a group drills
// down: its users are drawn one by one, the other groups stay grouped. Pure: the same
// users and rooms give the same groups, in the same order.

/** From this many users on, the graph groups users. */
export const GROUP_MIN_USERS = 300;
/** A server holding more than this share of all users is split by room. */
export const ROOM_SPLIT_SHARE = 0.5;
/** At most this many room groups per split server (the largest rooms; the rest: "other"). */
export const MAX_ROOM_GROUPS = 16;

const GROUP_PREFIX = "grp:";

export interface Group {
  /** "grp:<server>" or "grp:<server>\t<room>" (never a user id, which starts with '@'). */
  id: string;
  server: string;
  /** The room the members share (room groups), else null. */
  room: string | null;
  label: string;
  /** Members in the order of `usersByServer`. */
  members: string[];
}

export interface Grouping {
  groups: Group[];
  groupOf: Map<string, string>;
}

export function isGroupId(id: string): boolean {
  return id.startsWith(GROUP_PREFIX);
}

function groupId(server: string, room: string | null): string {
  return room === null ? `${GROUP_PREFIX}${server}` : `${GROUP_PREFIX}${server}\t${room}`;
}

const plural = (n: number) => `${n} user${n === 1 ? "" : "s"}`;

/**
 * Groups for a world, or null when it is small enough to draw user by user (fewer than
 * GROUP_MIN_USERS users). `roomOf(u)` is the room a user is filed under (their first
 * room), or undefined.
 */
export function groupUsers(servers: readonly string[], usersByServer: ReadonlyMap<string, readonly string[]>, roomOf: (u: string) => string | undefined): Grouping | null {
  let total = 0;
  for (const s of servers) total += usersByServer.get(s)?.length ?? 0;
  if (total < GROUP_MIN_USERS) return null;
  const groups: Group[] = [];
  for (const server of servers) {
    const users = usersByServer.get(server) ?? [];
    if (users.length === 0) continue;
    if (users.length <= total * ROOM_SPLIT_SHARE) {
      groups.push({ id: groupId(server, null), server, room: null, label: `${server} · ${plural(users.length)}`, members: [...users] });
      continue;
    }
    // This server holds most users: one group per large room, the rest together.
    const byRoom = new Map<string, string[]>();
    for (const u of users) {
      const r = roomOf(u);
      if (r === undefined) continue;
      let list = byRoom.get(r);
      if (!list) byRoom.set(r, (list = []));
      list.push(u);
    }
    // Largest rooms first; ties in order of first appearance (Map order, stable sort).
    const kept = new Set([...byRoom].sort((a, b) => b[1].length - a[1].length).slice(0, MAX_ROOM_GROUPS).map(([r]) => r));
    const rest: string[] = [];
    for (const [r, members] of byRoom) if (kept.has(r)) groups.push({ id: groupId(server, r), server, room: r, label: `${r} · ${plural(members.length)}`, members });
    for (const u of users) if (!kept.has(roomOf(u) ?? "")) rest.push(u);
    if (rest.length > 0) groups.push({ id: groupId(server, null), server, room: null, label: `${server}, other · ${plural(rest.length)}`, members: rest });
  }
  const groupOf = new Map<string, string>();
  for (const g of groups) for (const u of g.members) groupOf.set(u, g.id);
  return { groups, groupOf };
}

/** Drill-down state: the groups drawn user by user, in the order they were opened. */
export type Drill = readonly string[];

export const COLLAPSED: Drill = [];

/** Opens a group (already open: unchanged). */
export function drillInto(d: Drill, group: string): Drill {
  return d.includes(group) ? d : [...d, group];
}

/** "Back": closes the group opened last. */
export function drillBack(d: Drill): Drill {
  return d.slice(0, -1);
}

/** The node a user is drawn as: themselves, or their (closed) group. */
export function displayNodeOf(grouping: Grouping | null, drill: Drill, user: string): string {
  const g = grouping?.groupOf.get(user);
  return g === undefined || drill.includes(g) ? user : g;
}
