// Direct example URLs: `#example=<name>` opens a shipped example by name (the examples
// menu shows each example's URL). It is a fragment like a permalink (#v1.…), so it goes
// through the same door (session.ts openFragment): an unknown or malformed name raises
// the link banner and leaves the user's draft as it was; a known one starts a draft of
// that example. A fragment is untrusted input: the name is checked before it is looked up.

/** Chat clients cut links around here: the UI warns past it (here, not in codec.ts: the UI needs it without loading the codec). */
export const CHAT_LINK_LIMIT = 2000;

/** The fragment's key for a direct example URL. */
export const EXAMPLE_ROUTE = "example=";
/** An example's folder name: lower-case letters, digits and `-` (examples/<name>/). */
export const EXAMPLE_NAME = /^[a-z0-9][a-z0-9-]{0,63}$/;

export type Route = { kind: "example"; name: string } | { kind: "bad-example"; message: string } | { kind: "link" };

/** What a fragment (with or without '#') asks for: an example by name, or a permalink. */
export function parseRoute(hash: string): Route {
  const frag = (hash.startsWith("#") ? hash.slice(1) : hash).trim();
  if (!frag.startsWith(EXAMPLE_ROUTE)) return { kind: "link" };
  const raw = frag.slice(EXAMPLE_ROUTE.length);
  let name: string;
  try {
    name = decodeURIComponent(raw);
  } catch {
    name = raw;
  }
  if (!EXAMPLE_NAME.test(name)) {
    const shown = name.length > 64 ? `${name.slice(0, 64)}…` : name;
    return { kind: "bad-example", message: `'${shown}' is not an example name (lower-case letters, digits and -, as in #example=buddy-list-router).` };
  }
  return { kind: "example", name };
}

/** The direct URL of an example, for a base URL (anything after '#' is dropped). */
export function exampleLink(base: string, name: string): string {
  return `${base.split("#")[0]}#${EXAMPLE_ROUTE}${name}`;
}
