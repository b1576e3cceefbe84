// The shape of a decoded link (and of a stored draft's state), as valibot schemas: a
// link is code from a stranger, so its JSON is parsed into typed values here and
// nowhere else. Lookups use own properties only (a `view.tab` of "__proto__" must not
// name Object.prototype).
import * as v from "valibot";

/** Module files a link may carry. */
export const MAX_LINK_FILES = 50;
/** Longest user id / tab name kept in a link's view. */
export const MAX_VIEW_STRING = 300;
export const SCENARIO_TAB = "scenario.yaml";

/** A module tab's name: letters, digits, `_ . -`, ending .ts, .js or .py; no folders. */
export const FILE_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}\.(ts|js|py)$/;

const FileName = v.pipe(
  v.string("expected a file name"),
  v.regex(FILE_NAME, (i) => `'${String(i.input).slice(0, 80)}' is not a module file name (letters, digits, . _ -, ending .ts, .js or .py)`),
);

const File = v.strictTuple([FileName, v.string("expected the file's source text")], "expected [name, source] strings");

const ViewString = v.pipe(v.string("expected a string"), v.maxLength(MAX_VIEW_STRING, `longer than ${MAX_VIEW_STRING} characters`));

/** valibot's object() also takes arrays: a link's objects must be plain objects. */
const isRecord = (x: unknown) => typeof x === "object" && x !== null && !Array.isArray(x);

const View = v.object(
  {
    tab: v.nullish(ViewString, null),
    user: v.nullish(ViewString, null),
    time: v.nullish(v.pipe(v.number("expected a non-negative number"), v.finite("expected a finite number"), v.minValue(0, "expected a non-negative number")), 0),
  },
  "expected an object",
);

const FILES_EXPECTED = "expected a list of [name, source] pairs";
const SCENARIO_EXPECTED = "expected the scenario.yaml text";
/**
 * valibot reports a missing key with the OBJECT's message ("expected an object"), which
 * misleads ("at files: expected an object"); a missing key says what belongs there.
 */
const topMessage = (i: v.BaseIssue<unknown>) => {
  const key = i.path?.[0]?.key;
  return key === "files" ? FILES_EXPECTED : key === "scenario" ? SCENARIO_EXPECTED : "expected an object";
};

/** Version 1 payload: { files: [[name, source]...], scenario, view: { tab, user, time } }. */
export const ShareStateV1 = v.pipe(
  v.custom<Record<string, unknown>>(isRecord, "expected an object"),
  v.object(
    {
      files: v.pipe(
        v.array(File, FILES_EXPECTED),
        v.maxLength(MAX_LINK_FILES, `more than ${MAX_LINK_FILES} module files`),
        v.check((fs) => new Set(fs.map((f) => f[0])).size === fs.length, "two files have the same name"),
      ),
      scenario: v.string(SCENARIO_EXPECTED),
      view: v.nullish(v.pipe(v.custom<Record<string, unknown>>(isRecord, "expected an object"), View), { tab: null, user: null, time: 0 }),
    },
    topMessage,
  ),
  v.forward(
    v.check((s) => s.view.tab === null || s.view.tab === SCENARIO_TAB || s.files.some((f) => f[0] === s.view.tab), "names no file of the link"),
    ["view", "tab"],
  ),
  v.transform((s) => ({ files: s.files, scenario: s.scenario, view: { tab: s.view.tab, user: s.view.user, time: s.view.time } })),
);

export type ShareStateParsed = v.InferOutput<typeof ShareStateV1>;

/** "files[0][1]", "view.tab", or "the top level" for a valibot issue's path. */
export function issuePath(issue: v.BaseIssue<unknown>): string {
  let out = "";
  for (const item of issue.path ?? []) {
    const k = item.key;
    out += typeof k === "number" ? `[${k}]` : `${out ? "." : ""}${String(k)}`;
  }
  return out || "the top level";
}

/** Parses untrusted JSON into a share state, or the first problem as "where: what". */
export function parseShareState(input: unknown): { ok: true; state: ShareStateParsed } | { ok: false; where: string; what: string } {
  const r = v.safeParse(ShareStateV1, input, { abortEarly: true });
  if (r.success) return { ok: true, state: r.output };
  const issue = r.issues[0];
  return { ok: false, where: issuePath(issue), what: issue.message };
}
