import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { deflateSync } from "fflate";
import { buildLink, decodeLink, encodeState, LinkError, MAX_PAYLOAD_BYTES, type ShareState } from "../../src/share/codec.ts";

const GOLDEN = "tests/share/golden";
const golden: ShareState = JSON.parse(readFileSync(`${GOLDEN}/v1-state.json`, "utf8"));

function code(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof LinkError) return e.code;
    throw e;
  }
  return "ok";
}

describe("permalink codec", () => {
  it("round-trips the whole state, including non-ASCII text", () => {
    const link = buildLink("http://127.0.0.1:5173/?x=1#old", golden);
    expect(link.startsWith("http://127.0.0.1:5173/?x=1#v1.")).toBe(true);
    expect(decodeLink(link)).toEqual(golden);
  });

  it("keeps the shorter of deflate-raw and lz-string", () => {
    const small: ShareState = { files: [["a.ts", "x"]], scenario: "version: 1\n", view: { tab: null, user: null, time: 0 } };
    for (const s of [small, golden]) {
      const link = encodeState(s);
      const json = JSON.stringify(s);
      const d = Buffer.from(deflateSync(new TextEncoder().encode(json), { level: 9 })).toString("base64url").length;
      expect(link.length).toBeLessThanOrEqual(5 + d);
    }
  });

  it("every committed golden link of every format version still decodes", () => {
    const links = readdirSync(GOLDEN).filter((f) => f.endsWith(".link"));
    expect(links.length).toBeGreaterThanOrEqual(2);
    for (const f of links) {
      const state = JSON.parse(readFileSync(`${GOLDEN}/${f.replace(/-[a-z]+\.link$/, "-state.json")}`, "utf8"));
      expect(decodeLink(readFileSync(`${GOLDEN}/${f}`, "utf8")), f).toEqual(state);
    }
  });

  it("explains each kind of broken link", () => {
    const good = encodeState(golden);
    expect(code(() => decodeLink("hello"))).toBe("not_a_link");
    expect(code(() => decodeLink("#v99.d.abc"))).toBe("unknown_version");
    expect(code(() => decodeLink("#v1.q.abc"))).toBe("unknown_codec");
    expect(code(() => decodeLink(good.slice(0, good.length / 2)))).toBe("corrupt");
    expect(code(() => decodeLink("#v1.d.!!!"))).toBe("corrupt");
    const notJson = Buffer.from(deflateSync(new TextEncoder().encode("{nope"))).toString("base64url");
    expect(code(() => decodeLink(`#v1.d.${notJson}`))).toBe("invalid_payload");
    const badShape = Buffer.from(deflateSync(new TextEncoder().encode(JSON.stringify({ files: [["../x.ts", ""]], scenario: "" })))).toString("base64url");
    expect(() => decodeLink(`#v1.d.${badShape}`)).toThrow(/files\[0\]/);
  });

  it("refuses decompression bombs without expanding them fully", () => {
    const bomb = deflateSync(new Uint8Array(MAX_PAYLOAD_BYTES * 4), { level: 9 });
    expect(code(() => decodeLink(`#v1.d.${Buffer.from(bomb).toString("base64url")}`))).toBe("too_large");
    expect(code(() => decodeLink(`#v1.d.${"A".repeat(600_000)}`))).toBe("too_large");
  });

  it("fuzz: thousands of random and mutated links never throw anything but LinkError", () => {
    let seed = 1234;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    const good = [encodeState(golden), `v1.z.${encodeState(golden).slice(5)}`];
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_+$.#%~ \u00e9\u{1F7E2}";
    let decoded = 0;
    for (let i = 0; i < 3000; i++) {
      let s: string;
      const base = good[i % 2];
      switch (i % 4) {
        case 0: // random bytes after a valid prefix
          s = "v1." + (rnd() < 0.5 ? "d." : "z.") + Array.from({ length: Math.floor(rnd() * 200) }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join("");
          break;
        case 1: // truncation
          s = base.slice(0, Math.floor(rnd() * base.length));
          break;
        case 2: {
          // point mutations
          const a = base.split("");
          for (let k = 0; k < 1 + rnd() * 4; k++) a[6 + Math.floor(rnd() * (a.length - 6))] = alphabet[Math.floor(rnd() * 64)];
          s = a.join("");
          break;
        }
        default:
          s = Array.from({ length: Math.floor(rnd() * 80) }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join("");
      }
      try {
        const st = decodeLink(s);
        expect(Array.isArray(st.files)).toBe(true);
        decoded++;
      } catch (e) {
        expect(e).toBeInstanceOf(LinkError);
        expect((e as Error).message.length).toBeGreaterThan(10);
      }
    }
    expect(decoded).toBeLessThan(3000);
  });
});
