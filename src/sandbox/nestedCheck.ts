// Checks the router-call, sync and EDU rows of a columnar trace (src/trace/nestedRows.ts)
// posted by the untrusted engine sandbox: every table's columns of one length, every
// enum in range, every number finite, every string / list / record / content / seq index
// in bounds, and what reply.ts's event schema would demand of the object form (an
// integer call id, user_id on every EDU entry sent, no "__proto__" key in a routed map).
// Part of columnsCheck.ts, which calls it.
import { EVENT_TYPES, NO_STRING, type ColumnsWire } from "../trace/columns.ts";
import { CALLBACKS, HAS_STATUS, HAS_USER, IN_STRING, MODES, OUT_LIST, OUT_MAP, PROTO_KEY, SITES } from "../trace/nestedRows.ts";

export interface Checks {
  fail(why: string): never;
  sameLength(what: string, ...ks: Array<keyof ColumnsWire>): number;
  inStrings(k: keyof ColumnsWire, allowNull?: boolean): void;
  below(k: keyof ColumnsWire, n: number, what: string): void;
  finite(k: keyof ColumnsWire): void;
}

/** Checks the nested rows; returns how many rows each event type has (0 for the others). */
export function checkNested(c: ColumnsWire, ck: Checks, nRecords: number, nLists: number): { rows(type: number): number } {
  const fail = ck.fail;
  const nStrings = c.strings.length;
  const nSeq = c.seqStart.length - 1;
  if (c.seqStart[0] !== 0) fail("columns.seqStart: must start with 0"); // also when there is no start at all
  for (let k = 1; k <= nSeq; k++) if (c.seqStart[k] < c.seqStart[k - 1]) fail(`columns.seqStart[${k}]: seqs out of order`);
  if (c.seqStart[nSeq] !== c.seqItems.length) fail("columns.seqStart: does not end at seqItems.length");

  /** Seq k of column `at`[i]: in bounds, an even length if `pairs`; its items. */
  const seq = (col: string, i: number, k: number, pairs = false): Uint32Array => {
    if (k >= nSeq) fail(`columns.${col}[${i}]: seq ${k} out of bounds (${nSeq} seqs)`);
    const items = c.seqItems.subarray(c.seqStart[k], c.seqStart[k + 1]);
    if (pairs && items.length % 2) fail(`columns.${col}[${i}]: seq ${k} is not a list of pairs`);
    return items;
  };
  const itemsBelow = (col: string, i: number, items: Uint32Array, n: number, what: string, step = 1, from = 0) => {
    for (let j = from; j < items.length; j += step) if (items[j] >= n) fail(`columns.${col}[${i}]: ${what} ${items[j]} out of bounds (${n})`);
  };

  // Presence contents.
  const nContents = ck.sameLength("content", "cPresence", "cFlags", "cAgo", "cStatus", "cUser");
  ck.inStrings("cPresence");
  ck.below("cFlags", 32, "content flags");
  ck.finite("cAgo");
  ck.inStrings("cStatus", true);
  ck.inStrings("cUser", true);
  for (let i = 0; i < nContents; i++) {
    if (c.cFlags[i] & HAS_STATUS && c.cStatus[i] === NO_STRING) fail(`columns.cStatus[${i}]: missing though its flags say it is there`);
    if (c.cFlags[i] & HAS_USER && c.cUser[i] === NO_STRING) fail(`columns.cUser[${i}]: missing though its flags say it is there`);
  }

  // Router calls.
  const nRouter = ck.sameLength("router call", "rcCall", "rcSite", "rcCallback", "rcForUser", "rcModule", "rcInKind", "rcInput", "rcOutKind", "rcOut", "rcMs", "rcWarnings");
  ck.finite("rcCall");
  ck.finite("rcMs");
  ck.below("rcSite", SITES.length, "call site");
  ck.below("rcCallback", CALLBACKS.length, "callback");
  ck.inStrings("rcForUser", true);
  ck.inStrings("rcModule");
  ck.below("rcInKind", 2, "input kind");
  ck.below("rcOutKind", 4, "output kind");
  ck.below("rcWarnings", nLists, "list");
  for (let i = 0; i < nRouter; i++) {
    if (!Number.isInteger(c.rcCall[i])) fail(`columns.rcCall[${i}]: not an integer`);
    if (c.rcInKind[i] === IN_STRING) {
      if (c.rcInput[i] >= nStrings) fail(`columns.rcInput[${i}]: string index ${c.rcInput[i]} out of bounds (${nStrings} strings)`);
    } else itemsBelow("rcInput", i, seq("rcInput", i, c.rcInput[i]), nRecords, "record row");
    const out = c.rcOut[i];
    if (c.rcOutKind[i] === OUT_LIST && out >= nLists) fail(`columns.rcOut[${i}]: list ${out} out of bounds (${nLists} lists)`);
    if (c.rcOutKind[i] === OUT_MAP) {
      const pairs = seq("rcOut", i, out, true);
      itemsBelow("rcOut", i, pairs, nStrings, "string index", 2);
      for (let j = 0; j < pairs.length; j += 2) {
        if (c.strings[pairs[j]] === PROTO_KEY) fail(`columns.rcOut[${i}]: a routed map may not have the key ${PROTO_KEY}`);
        itemsBelow("rcOut", i, seq("rcOut", i, pairs[j + 1]), nRecords, "record row");
      }
    }
  }

  // Sync responses.
  const nSync = ck.sameLength("sync", "syStarted", "syLabel", "syUser", "syDevice", "syMode", "sySince", "syNext", "syEvents");
  ck.finite("syStarted");
  ck.inStrings("syLabel", true);
  ck.inStrings("syUser");
  ck.inStrings("syDevice");
  ck.below("syMode", MODES.length, "sync mode");
  ck.inStrings("sySince", true);
  ck.inStrings("syNext");
  for (let i = 0; i < nSync; i++) {
    if (c.syEvents[i] === NO_STRING) continue;
    const pairs = seq("syEvents", i, c.syEvents[i], true);
    itemsBelow("syEvents", i, pairs, nStrings, "string index", 2);
    itemsBelow("syEvents", i, pairs, nContents, "content row", 2, 1);
  }

  // EDUs sent and received.
  const nSent = ck.sameLength("edu_sent", "esDest", "esTxn", "esPush");
  ck.inStrings("esDest");
  ck.inStrings("esTxn");
  for (let i = 0; i < nSent; i++) {
    const push = seq("esPush", i, c.esPush[i]);
    itemsBelow("esPush", i, push, nContents, "content row");
    for (const x of push) if (!(c.cFlags[x] & HAS_USER)) fail(`columns.esPush[${i}]: an entry without user_id`);
  }
  const nReceived = ck.sameLength("edu_received", "erOrigin", "erPush", "erAccepted", "erRejected");
  ck.inStrings("erOrigin");
  ck.below("erAccepted", nLists, "list");
  for (let i = 0; i < nReceived; i++) {
    itemsBelow("erPush", i, seq("erPush", i, c.erPush[i]), nContents, "content row");
    itemsBelow("erRejected", i, seq("erRejected", i, c.erRejected[i], true), nStrings, "string index");
  }

  const counts = new Map<number, number>([
    [EVENT_TYPES.indexOf("router_call"), nRouter],
    [EVENT_TYPES.indexOf("sync"), nSync],
    [EVENT_TYPES.indexOf("edu_sent"), nSent],
    [EVENT_TYPES.indexOf("edu_received"), nReceived],
  ]);
  return { rows: (type) => counts.get(type) ?? 0 };
}
