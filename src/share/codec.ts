// Permalinks: the whole playground state in the URL fragment.
//
//   #v1.d.<base64url(deflate-raw(JSON))>   or   #v1.z.<lz-string URI-safe>
//
// The version names the payload shape; the codec letter names the compression. The
// encoder tries both codecs and keeps the shorter link. Every version ever written stays
// decodable forever (tests/share/golden holds a committed link per version), so a link
// pasted into a chat today opens the same run years from now.
import { Inflate, deflateSync } from "fflate";
import LZString from "lz-string";

export const LINK_VERSION = 1;
/** Links longer than this are refused before decompression (a link is not a file). */
export const MAX_LINK_CHARS = 512 * 1024;
/** Decompressed payloads larger than this are refused (decompression bombs). */
export const MAX_PAYLOAD_BYTES = 4 * 1024 * 1024;
/** Chat clients cut links around here: the UI warns past it. */
export const CHAT_LINK_LIMIT = 2000;

export interface ShareView {
  /** The editor tab that was open. */
  tab: string | null;
  /** The selected user in the graph. */
  user: string | null;
  /** Timeline position (ms offset). */
  time: number;
}

export interface ShareState {
  /** Module files in tab order: [name, source]. */
  files: Array<[string, string]>;
  /** scenario.yaml text. */
  scenario: string;
  view: ShareView;
}

export type LinkErrorCode = "not_a_link" | "unknown_version" | "unknown_codec" | "too_large" | "corrupt" | "invalid_payload";

export class LinkError extends Error {
  constructor(
    readonly code: LinkErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "LinkError";
  }
}

const enc = new TextEncoder();
const dec = new TextDecoder("utf-8", { fatal: true });

function toBase64Url(bytes: Uint8Array): string {
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(s: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(s)) throw new LinkError("corrupt", "The link contains characters that cannot appear in a playground link; it may have been cut or altered.");
  const b64 = s.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((s.length + 3) % 4);
  let bin: string;
  try {
    bin = atob(b64);
  } catch {
    throw new LinkError("corrupt", "The link's data is not valid base64url; it may have been cut short.");
  }
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Inflate with a hard output cap, chunk by chunk, so a bomb is stopped early. */
function inflateCapped(data: Uint8Array): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inf = new Inflate((chunk) => {
    total += chunk.length;
    if (total > MAX_PAYLOAD_BYTES) throw new LinkError("too_large", `The link expands to more than ${MAX_PAYLOAD_BYTES / 1024 / 1024} MB; refusing to open it.`);
    chunks.push(chunk);
  });
  try {
    inf.push(data, true);
  } catch (e) {
    if (e instanceof LinkError) throw e;
    throw new LinkError("corrupt", "The link's data does not decompress; it may have been cut short or altered.");
  }
  const out = new Uint8Array(total);
  let off = 0;
  for (const c of chunks) {
    out.set(c, off);
    off += c.length;
  }
  return out;
}

export function encodeState(state: ShareState): string {
  const json = JSON.stringify({ files: state.files, scenario: state.scenario, view: state.view });
  const d = `v${LINK_VERSION}.d.${toBase64Url(deflateSync(enc.encode(json), { level: 9 }))}`;
  const z = `v${LINK_VERSION}.z.${LZString.compressToEncodedURIComponent(json)}`;
  return z.length < d.length ? z : d;
}

/** Builds the full link for a base URL (anything before '#' is kept). */
export function buildLink(base: string, state: ShareState): string {
  return `${base.split("#")[0]}#${encodeState(state)}`;
}

/** Decodes a fragment (with or without '#') or a whole URL. Throws LinkError. */
export function decodeLink(input: string): ShareState {
  const hash = input.includes("#") ? input.slice(input.indexOf("#") + 1) : input;
  const frag = hash.trim();
  if (frag.length > MAX_LINK_CHARS) throw new LinkError("too_large", `The link is ${frag.length} characters long; links over ${MAX_LINK_CHARS} characters are refused.`);
  const m = /^v(\d+)\.([a-z])\.(.*)$/s.exec(frag);
  if (!m) throw new LinkError("not_a_link", "This is not a Presence Router Playground link (expected #v1.…).");
  const version = Number(m[1]);
  const decoder = DECODERS[version];
  if (!decoder) throw new LinkError("unknown_version", `This link uses format version ${version}, which this version of the playground does not know. It was probably made by a newer playground.`);
  return decoder(m[2], m[3]);
}

function decompress(codec: string, data: string): string {
  if (codec === "d") {
    try {
      return dec.decode(inflateCapped(fromBase64Url(data)));
    } catch (e) {
      if (e instanceof LinkError) throw e;
      throw new LinkError("corrupt", "The link's data is not valid UTF-8 text after decompression.");
    }
  }
  if (codec === "z") {
    if (!/^[A-Za-z0-9+\-$]*$/.test(data)) throw new LinkError("corrupt", "The link contains characters that cannot appear in a playground link; it may have been cut or altered.");
    let text: string | null = null;
    try {
      text = LZString.decompressFromEncodedURIComponent(data);
    } catch {
      text = null;
    }
    if (!text) throw new LinkError("corrupt", "The link's data does not decompress; it may have been cut short or altered.");
    if (text.length * 2 > MAX_PAYLOAD_BYTES) throw new LinkError("too_large", "The link expands to too much data; refusing to open it.");
    return text;
  }
  throw new LinkError("unknown_codec", `Unknown compression '${codec}' in the link.`);
}

type Decoder = (codec: string, data: string) => ShareState;

const DECODERS: Record<number, Decoder> = {
  1: (codec, data) => validateV1(parseJson(decompress(codec, data))),
};

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new LinkError("invalid_payload", "The link decompresses, but not to valid JSON: it was not made by the playground.");
  }
}

function bad(where: string, what: string): never {
  throw new LinkError("invalid_payload", `The link's content is malformed at ${where}: ${what}.`);
}

/** Version 1 payload: { files: [[name, source]...], scenario, view: { tab, user, time } }. */
function validateV1(p: unknown): ShareState {
  if (!p || typeof p !== "object" || Array.isArray(p)) bad("the top level", "expected an object");
  const o = p as Record<string, unknown>;
  if (!Array.isArray(o.files)) bad("files", "expected a list of [name, source] pairs");
  const names = new Set<string>();
  const files = o.files.map((f, i): [string, string] => {
    if (!Array.isArray(f) || f.length !== 2 || typeof f[0] !== "string" || typeof f[1] !== "string") bad(`files[${i}]`, "expected [name, source] strings");
    if (!/^[A-Za-z0-9_.-]{1,64}\.(ts|js)$/.test(f[0])) bad(`files[${i}]`, `'${f[0].slice(0, 80)}' is not a module file name (letters, digits, . _ -, ending .ts or .js)`);
    if (names.has(f[0])) bad(`files[${i}]`, `duplicate file '${f[0]}'`);
    names.add(f[0]);
    return [f[0], f[1]];
  });
  if (typeof o.scenario !== "string") bad("scenario", "expected the scenario.yaml text");
  const v = (o.view ?? {}) as Record<string, unknown>;
  if (typeof v !== "object" || Array.isArray(v)) bad("view", "expected an object");
  const tab = v.tab == null ? null : typeof v.tab === "string" ? v.tab : bad("view.tab", "expected a string");
  const user = v.user == null ? null : typeof v.user === "string" ? v.user : bad("view.user", "expected a string");
  const time = v.time == null ? 0 : typeof v.time === "number" && Number.isFinite(v.time) && v.time >= 0 ? v.time : bad("view.time", "expected a non-negative number");
  return { files, scenario: o.scenario, view: { tab, user, time } };
}
