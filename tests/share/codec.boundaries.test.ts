// Permalink codec at its edges: each size cap exactly at the limit and one past it, each
// kind of broken link with its code AND the part of the message that says where/what,
// and each payload-validation branch with the path it names. (Mutation testing found that
// codec.test.ts passed with any of these checks removed or off by one.)
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { deflateSync } from "fflate";
import LZString from "lz-string";
import { buildLink, decodeLink, encodeState, LinkError, MAX_LINK_CHARS, MAX_LZ_LINK_CHARS, MAX_PAYLOAD_BYTES, type ShareState } from "../../src/share/codec.ts";
import { DICTIONARY_1 } from "../../src/share/dictionary1.ts";

const b64u = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64url");
const dLink = (text: string) => `v1.d.${b64u(deflateSync(new TextEncoder().encode(text)))}`;
const dJson = (value: unknown) => dLink(JSON.stringify(value));

/** The LinkError a decode throws, as { code, message } (fails the test on success). */
function failure(input: string): { code: string; message: string } {
  try {
    decodeLink(input);
  } catch (e) {
    if (e instanceof LinkError) {
      expect(e.name).toBe("LinkError");
      return { code: e.code, message: e.message };
    }
    throw e;
  }
  throw new Error(`decodeLink(${input.slice(0, 40)}…) succeeded`);
}

const okState: ShareState = { files: [["router.ts", "export default class R {}\n"]], scenario: "version: 1\n", view: { tab: "router.ts", user: "@a:x", time: 5 } };

describe("permalink size caps (boundary pairs)", () => {
  it(`a fragment of exactly MAX_LINK_CHARS (${MAX_LINK_CHARS}) is read; one more character is refused unread`, () => {
    const at = "v1.d." + "A".repeat(MAX_LINK_CHARS - 5);
    expect(at.length).toBe(MAX_LINK_CHARS);
    // Not refused for its length: it is read, and its (zero-byte) data does not inflate.
    expect(failure(at).code).toBe("corrupt");
    const over = failure(at + "A");
    expect(over.code).toBe("too_large");
    expect(over.message).toBe(`The link is ${MAX_LINK_CHARS + 1} characters long; links over ${MAX_LINK_CHARS} characters (the playground's limit) are refused.`);
    // Surrounding whitespace is not counted.
    expect(failure(`  ${at}\n`).code).toBe("corrupt");
  });

  it(`deflate: a payload of exactly MAX_PAYLOAD_BYTES (${MAX_PAYLOAD_BYTES}) opens; one byte more is refused`, () => {
    const frame = JSON.stringify({ ...okState, scenario: "" });
    const pad = (n: number) => frame.replace('"scenario":""', `"scenario":"${"#".repeat(n)}"`);
    const atText = pad(MAX_PAYLOAD_BYTES - frame.length);
    expect(atText.length).toBe(MAX_PAYLOAD_BYTES);
    const at = decodeLink(dLink(atText));
    expect(at.scenario.length).toBe(MAX_PAYLOAD_BYTES - frame.length);
    expect(at.files).toEqual(okState.files);
    const over = failure(dLink(pad(MAX_PAYLOAD_BYTES - frame.length + 1)));
    expect(over).toEqual({ code: "too_large", message: "The link expands to more than 4 MB (the playground's limit for a link's content); refusing to open it." });
    // (tests/links/limits.test.ts: a deflate bomb is stopped while it streams.)
  });

  it(`lz-string: links that expand to MAX_PAYLOAD_BYTES/2 UTF-16 units (and one more) are refused unread by MAX_LZ_LINK_CHARS (${MAX_LZ_LINK_CHARS})`, () => {
    // Fixtures: "v1.z." + compressToEncodedURIComponent("x".repeat(n)), n = 2 MiB and 2 MiB + 1.
    // They were the payload-cap boundary pair before lz-string links were capped by length;
    // now both are refused before decompression (the 3000/3001 boundary pair is in
    // tests/links/limits.test.ts), so lz-string output never reaches the payload cap.
    for (const name of ["lz-at-limit", "lz-over-limit"]) {
      const link = readFileSync(`tests/share/fixtures/${name}.link`, "utf8").trim();
      const n = link.length - 5;
      expect(n).toBeGreaterThan(MAX_LZ_LINK_CHARS);
      expect(failure(link)).toEqual({
        code: "too_large",
        message: `This is an old-format (#v1.z., lz-string) link of ${n} characters; such links over ${MAX_LZ_LINK_CHARS} characters (the playground's limit) are refused, because they can expand without bound. Links made now use #v1.p.`,
      });
    }
  });
});

describe("broken links: code and message", () => {
  it("not a link: anything but v<digits>.<letter>.<data> from the first character", () => {
    const good = encodeState(okState);
    expect(decodeLink(good)).toEqual(okState);
    expect(failure("x" + good)).toEqual({ code: "not_a_link", message: "This is not a Presence Router Playground link (expected #v1.…)." });
    expect(failure("v1.D.abc").code).toBe("not_a_link");
    expect(failure("v.d.abc").code).toBe("not_a_link");
  });

  it("the fragment is what follows the first '#'; a bare fragment works too", () => {
    const frag = encodeState(okState);
    expect(decodeLink(frag)).toEqual(okState);
    expect(decodeLink(`#${frag}`)).toEqual(okState);
    expect(decodeLink(`https://h.example/p?q=1#${frag}`)).toEqual(okState);
    expect(failure(`https://h.example/p#a#${frag}`).code).toBe("not_a_link");
    expect(buildLink("https://h.example/p#old#older", okState)).toBe(`https://h.example/p#${frag}`);
  });

  it("unknown version and codec name the value found", () => {
    expect(failure("v2.d.abc")).toEqual({
      code: "unknown_version",
      message: "This link uses format version 2, which this version of the playground does not know. It was probably made by a newer playground.",
    });
    expect(failure("v1.q.abc")).toEqual({ code: "unknown_codec", message: "Unknown compression 'q' in the link." });
  });

  it("deflate codec: bad characters, bad base64, data that does not inflate, bytes that are not UTF-8", () => {
    const badChars = "The link contains characters that cannot appear in a playground link; it may have been cut or altered.";
    expect(failure("v1.d.abc!def")).toEqual({ code: "corrupt", message: badChars });
    expect(failure("v1.d.!abc")).toEqual({ code: "corrupt", message: badChars });
    expect(failure("v1.d.abc!")).toEqual({ code: "corrupt", message: badChars });
    expect(failure("v1.d.A")).toEqual({ code: "corrupt", message: "The link's data is not valid base64url; it may have been cut short." });
    expect(failure(`v1.d.${b64u(new Uint8Array([0xff, 0xff, 0xff, 0xff]))}`)).toEqual({
      code: "corrupt",
      message: "The link's data does not decompress; it may have been cut short or altered.",
    });
    expect(failure(`v1.d.${b64u(deflateSync(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])))}`)).toEqual({
      code: "corrupt",
      message: "The link's data is not valid UTF-8 text after decompression.",
    });
  });

  it("lz-string codec: bad characters, data that does not decompress", () => {
    const badChars = "The link contains characters that cannot appear in a playground link; it may have been cut or altered.";
    expect(failure("v1.z.ab_c")).toEqual({ code: "corrupt", message: badChars });
    expect(failure("v1.z._abc")).toEqual({ code: "corrupt", message: badChars });
    expect(failure("v1.z.abc_")).toEqual({ code: "corrupt", message: badChars });
    const noData = { code: "corrupt", message: "The link's data does not decompress; it may have been cut short or altered." };
    expect(failure("v1.z.")).toEqual(noData);
    expect(failure("v1.z.A")).toEqual(noData);
    // A valid lz link round-trips.
    const z = `v1.z.${LZString.compressToEncodedURIComponent(JSON.stringify(okState))}`;
    expect(decodeLink(z)).toEqual(okState);
  });

  it("text that is not JSON", () => {
    expect(failure(dLink("{nope"))).toEqual({
      code: "invalid_payload",
      message: "The link decompresses, but not to valid JSON: it was not made by the playground.",
    });
  });
});

describe("payload validation names the place", () => {
  const at = (where: string, what: string) => ({ code: "invalid_payload", message: `The link's content is malformed at ${where}: ${what}.` });
  const withFiles = (files: unknown) => dJson({ files, scenario: "", view: {} });

  it("top level must be an object", () => {
    for (const p of [null, 0, "s", [1], true]) expect(failure(dJson(p))).toEqual(at("the top level", "expected an object"));
  });

  it("files: a list of [name, source] string pairs, names valid and unique", () => {
    expect(failure(dJson({ files: "a.ts", scenario: "" }))).toEqual(at("files", "expected a list of [name, source] pairs"));
    expect(failure(dJson({ scenario: "" }))).toEqual(at("files", "expected a list of [name, source] pairs"));
    // The schema names the item inside a pair that is wrong (files[0][1], not files[0]).
    const pairs = "expected [name, source] strings";
    expect(failure(withFiles([["a.ts", ""], "b.ts"]))).toEqual(at("files[1]", pairs));
    expect(failure(withFiles([["a.ts"]]))).toEqual(at("files[0][1]", "expected the file's source text"));
    expect(failure(withFiles([["a.ts", "", ""]]))).toEqual(at("files[0][2]", pairs));
    expect(failure(withFiles([[1, ""]]))).toEqual(at("files[0][0]", "expected a file name"));
    expect(failure(withFiles([["a.ts", 1]]))).toEqual(at("files[0][1]", "expected the file's source text"));
    const name = (n: string) => at("files[0][0]", `'${n}' is not a module file name (letters, digits, . _ -, ending .ts, .js or .py)`);
    expect(failure(withFiles([["../x.ts", ""]]))).toEqual(name("../x.ts"));
    expect(failure(withFiles([["x.ts.bak", ""]]))).toEqual(name("x.ts.bak"));
    expect(failure(withFiles([["x.tsx", ""]]))).toEqual(name("x.tsx"));
    expect(failure(withFiles([[".ts", ""]]))).toEqual(name(".ts"));
    // Python modules (issue 13) travel in links too.
    expect(decodeLink(withFiles([["my_router.py", "x = 1\n"]])).files[0][0]).toBe("my_router.py");
    expect(failure(withFiles([["x.pyc", ""]]))).toEqual(name("x.pyc"));
    // Name length: 64 characters before the extension is the most.
    expect(decodeLink(withFiles([[`${"a".repeat(64)}.js`, ""]])).files[0][0]).toBe(`${"a".repeat(64)}.js`);
    expect(failure(withFiles([[`${"a".repeat(65)}.js`, ""]])).message).toContain("is not a module file name");
    // Long bad names are cut to 80 characters in the message.
    const long = "/".repeat(100);
    expect(failure(withFiles([[long, ""]]))).toEqual(at("files[0][0]", `'${"/".repeat(80)}' is not a module file name (letters, digits, . _ -, ending .ts, .js or .py)`));
    expect(failure(withFiles([["a.ts", "1"], ["b.ts", ""], ["a.ts", "2"]]))).toEqual(at("files", "two files have the same name"));
  });

  it("scenario must be text", () => {
    expect(failure(dJson({ files: [], scenario: 1 }))).toEqual(at("scenario", "expected the scenario.yaml text"));
    expect(failure(dJson({ files: [] }))).toEqual(at("scenario", "expected the scenario.yaml text"));
  });

  it("view: optional object; tab and user strings or absent; time a finite number ≥ 0", () => {
    const v = (view: unknown) => dJson({ files: [["a.ts", ""]], scenario: "s", view });
    expect(decodeLink(dJson({ files: [], scenario: "s" })).view).toEqual({ tab: null, user: null, time: 0 });
    expect(decodeLink(v({ tab: null, user: null, time: null })).view).toEqual({ tab: null, user: null, time: 0 });
    expect(decodeLink(v({ tab: "a.ts", user: "@u:x", time: 0 })).view).toEqual({ tab: "a.ts", user: "@u:x", time: 0 });
    // The tab must name a file of the link or the scenario (schema.ts; tests/links/schema.test.ts
    // covers inherited names such as __proto__).
    expect(decodeLink(v({ tab: "scenario.yaml" })).view.tab).toBe("scenario.yaml");
    expect(failure(v({ tab: "b.ts" }))).toEqual(at("view.tab", "names no file of the link"));
    expect(decodeLink(v({ time: 12.5 })).view.time).toBe(12.5);
    expect(failure(v("x"))).toEqual(at("view", "expected an object"));
    expect(failure(v([1]))).toEqual(at("view", "expected an object"));
    expect(failure(v({ tab: 3 }))).toEqual(at("view.tab", "expected a string"));
    expect(failure(v({ user: false }))).toEqual(at("view.user", "expected a string"));
    const time = at("view.time", "expected a non-negative number");
    expect(failure(v({ time: -1 }))).toEqual(time);
    expect(failure(v({ time: -0.001 }))).toEqual(time);
    expect(failure(v({ time: "5" }))).toEqual(time);
    // 1e999 parses to Infinity: a number, but not finite.
    expect(failure(dLink('{"files":[],"scenario":"","view":{"time":1e999}}'))).toEqual(at("view.time", "expected a finite number"));
  });

  it("decoded state holds exactly the validated fields (extra fields dropped)", () => {
    const s = decodeLink(dJson({ files: [["a.ts", "x"]], scenario: "s", view: { tab: "a.ts", user: null, time: 1, extra: 1 }, more: true }));
    expect(s).toStrictEqual({ files: [["a.ts", "x"]], scenario: "s", view: { tab: "a.ts", user: null, time: 1 } });
  });
});

describe("encoder", () => {
  it("new links are raw deflate at level 9, base64url without padding: the shorter of plain (d) and preset dictionary (p)", () => {
    const big: ShareState = { ...okState, scenario: Array.from({ length: 300 }, (_, i) => `line ${(i * 7919) % 1000} ${i % 13}`).join("\n") };
    const json = new TextEncoder().encode(JSON.stringify(big));
    const d = `v1.d.${b64u(deflateSync(json, { level: 9 }))}`;
    const p = `v1.p.${b64u(deflateSync(json, { level: 9, dictionary: new TextEncoder().encode(DICTIONARY_1) }))}`;
    const link = encodeState(big);
    expect(link).toBe(p.length < d.length ? p : d);
    expect(link).not.toContain("=");
    expect(decodeLink(d)).toEqual(big);
    expect(decodeLink(p)).toEqual(big);
  });

  it("new links are never #v1.z., even where lz-string would be shorter; #v1.z. links still decode", () => {
    // Ten CJK characters: lz-string's 16-bit symbols beat UTF-8 + plain deflate + base64
    // here and older playgrounds chose it; new links are deflate regardless (its output
    // can be capped while it streams). The committed old z link is decoded in
    // codec.test.ts (golden links).
    const cjk = Array.from({ length: 10 }, (_, k) => String.fromCharCode(0x4e00 + ((k * 7919) % 200))).join("");
    const tiny: ShareState = { files: [], scenario: cjk, view: { tab: null, user: null, time: 0 } };
    const json = JSON.stringify(tiny);
    const z = `v1.z.${LZString.compressToEncodedURIComponent(json)}`;
    const link = encodeState(tiny);
    expect(`v1.d.${b64u(deflateSync(new TextEncoder().encode(json), { level: 9 }))}`.length).toBeGreaterThan(z.length);
    expect(link).toMatch(/^v1\.[dp]\./);
    expect(decodeLink(link)).toEqual(tiny);
    expect(decodeLink(z)).toEqual(tiny);
  });
});
