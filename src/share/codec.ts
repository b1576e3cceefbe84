// Permalinks: the whole playground state in the URL fragment.
//
//   #v1.p.<base64url(deflate-raw(JSON, preset dictionary 1))>
//   #v1.d.<base64url(deflate-raw(JSON))>   or   #v1.z.<lz-string URI-safe>
//
// The version names the payload shape; the codec letter names the compression. New
// links are deflate, with the frozen preset dictionary of dictionary1.ts (the examples'
// and lessons' payloads) when that is shorter, which it is for anything close to an
// example: the unmodified legacy ExamplePresenceRouter's link is about 240 characters
// instead of 2,200 (the default example, written after the freeze, about 1,300). `d` links, and `z` links made by older playgrounds, still open.
// Every version ever written stays decodable forever (tests/share/golden holds a
// committed link per version), so a link pasted into a chat today opens the same run
// years from now.
//
// A link is code from a stranger: every size limit is checked while decoding, before
// the next step can allocate, and the JSON is parsed by schema (schema.ts). The CLI
// (`npm run sim -- '<link>'`) decodes with this same file.
import { Inflate, deflateSync } from "fflate";
import LZString from "lz-string";
import { parseShareState } from "./schema.ts";
import { DICTIONARY_1 } from "./dictionary1.ts";

export const LINK_VERSION = 1;
/** Links longer than this are refused before decompression (a link is not a file). */
export const MAX_LINK_CHARS = 512 * 1024;
/** Decompressed payloads larger than this are refused (decompression bombs). */
export const MAX_PAYLOAD_BYTES = 4 * 1024 * 1024;
/**
 * lz-string (`#v1.z.`) output cannot be capped while it decompresses, and it can grow
 * with the square of the input (each code may repeat everything before it plus one
 * character): runs of one character are the worst case, and 3,000 link characters of
 * them expand to about 1.6 M characters (3.2 MB as UTF-16), under MAX_PAYLOAD_BYTES
 * (tests/links/limits.test.ts). Older playgrounds chose lz-string only when it was
 * shorter, which happens for small states only; the golden z link is 919 characters.
 */
export const MAX_LZ_LINK_CHARS = 3000;
/** Compressed bytes handed to the streaming inflater at once (≤ ~1 MB of output each). */
const INFLATE_CHUNK = 1024;
export { CHAT_LINK_LIMIT } from "./route.ts";

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
/** The `p` codec's preset dictionary (frozen: tests/share/dictionary.test.ts). */
let dict1: Uint8Array | null = null;
const dictionary1 = () => (dict1 ??= enc.encode(DICTIONARY_1));

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

const tooBig = () => new LinkError("too_large", `The link expands to more than ${MAX_PAYLOAD_BYTES / 1024 / 1024} MB (the playground's limit for a link's content); refusing to open it.`);

/**
 * Inflate with a hard output cap. The input is pushed in small chunks, so the output of
 * one push is bounded (deflate expands at most ~1032:1) and a bomb is stopped after at
 * most one chunk past the cap, never fully expanded.
 */
function inflateCapped(data: Uint8Array, dictionary?: Uint8Array): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inf = new Inflate({ dictionary }, (chunk) => {
    total += chunk.length;
    if (total > MAX_PAYLOAD_BYTES) throw tooBig();
    chunks.push(chunk);
  });
  try {
    for (let i = 0; i < data.length; i += INFLATE_CHUNK) inf.push(data.subarray(i, i + INFLATE_CHUNK), i + INFLATE_CHUNK >= data.length);
    if (data.length === 0) inf.push(data, true);
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
  const json = enc.encode(JSON.stringify({ files: state.files, scenario: state.scenario, view: state.view }));
  const plain = toBase64Url(deflateSync(json, { level: 9 }));
  const preset = toBase64Url(deflateSync(json, { level: 9, dictionary: dictionary1() }));
  return preset.length < plain.length ? `v${LINK_VERSION}.p.${preset}` : `v${LINK_VERSION}.d.${plain}`;
}

/** Builds the full link for a base URL (anything before '#' is kept). */
export function buildLink(base: string, state: ShareState): string {
  return `${base.split("#")[0]}#${encodeState(state)}`;
}

/** Decodes a fragment (with or without '#') or a whole URL. Throws LinkError. */
export function decodeLink(input: string): ShareState {
  const hash = input.includes("#") ? input.slice(input.indexOf("#") + 1) : input;
  const frag = hash.trim();
  if (frag.length > MAX_LINK_CHARS) throw new LinkError("too_large", `The link is ${frag.length} characters long; links over ${MAX_LINK_CHARS} characters (the playground's limit) are refused.`);
  const m = /^v(\d+)\.([a-z])\.(.*)$/s.exec(frag);
  if (!m) throw new LinkError("not_a_link", "This is not a Presence Router Playground link (expected #v1.…).");
  const version = Number(m[1]);
  const decoder = DECODERS.get(version);
  if (!decoder) throw new LinkError("unknown_version", `This link uses format version ${version}, which this version of the playground does not know. It was probably made by a newer playground.`);
  return decoder(m[2], m[3]);
}

function decompress(codec: string, data: string): string {
  if (codec === "d" || codec === "p") {
    try {
      return dec.decode(inflateCapped(fromBase64Url(data), codec === "p" ? dictionary1() : undefined));
    } catch (e) {
      if (e instanceof LinkError) throw e;
      throw new LinkError("corrupt", "The link's data is not valid UTF-8 text after decompression.");
    }
  }
  if (codec === "z") {
    if (!/^[A-Za-z0-9+\-$]*$/.test(data)) throw new LinkError("corrupt", "The link contains characters that cannot appear in a playground link; it may have been cut or altered.");
    // Checked before decompressing: lz-string's output cannot be capped while it runs.
    if (data.length > MAX_LZ_LINK_CHARS)
      throw new LinkError(
        "too_large",
        `This is an old-format (#v1.z., lz-string) link of ${data.length} characters; such links over ${MAX_LZ_LINK_CHARS} characters (the playground's limit) are refused, because they can expand without bound. Links made now use #v1.p.`,
      );
    let text: string | null = null;
    try {
      text = LZString.decompressFromEncodedURIComponent(data);
    } catch {
      text = null;
    }
    if (!text) throw new LinkError("corrupt", "The link's data does not decompress; it may have been cut short or altered.");
    if (text.length * 2 > MAX_PAYLOAD_BYTES) throw tooBig();
    return text;
  }
  throw new LinkError("unknown_codec", `Unknown compression '${codec}' in the link.`);
}

type Decoder = (codec: string, data: string) => ShareState;

const DECODERS = new Map<number, Decoder>([[1, (codec, data) => validateV1(parseJson(decompress(codec, data)))]]);

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new LinkError("invalid_payload", "The link decompresses, but not to valid JSON: it was not made by the playground.");
  }
}

/** Version 1 payload, parsed by schema (schema.ts). */
function validateV1(p: unknown): ShareState {
  const r = parseShareState(p);
  if (!r.ok) throw new LinkError("invalid_payload", `The link's content is malformed at ${r.where}: ${r.what}.`);
  return r.state;
}
