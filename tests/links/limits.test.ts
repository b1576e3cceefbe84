// Size limits of the link decoder, checked while decoding (issue 10): a hostile link
// must be refused with a message that names the limit, before it can expand.
import { describe, expect, it } from "vitest";
import { deflateSync } from "fflate";
import { decodeLink, LinkError, MAX_LINK_CHARS, MAX_LZ_LINK_CHARS, MAX_PAYLOAD_BYTES } from "../../src/share/codec.ts";
import { lzBombData, lzBombOutput } from "./bombs.ts";
import { sim } from "../cli/run-sim.ts";

function failure(link: string): LinkError {
  try {
    decodeLink(link);
  } catch (e) {
    if (e instanceof LinkError) return e;
    throw e;
  }
  throw new Error("decoded");
}

describe("link size limits", () => {
  it("the lz-string bound keeps the worst case under the payload cap", () => {
    // Runs of one character are lz-string's fastest growth; at the limit they stay under the cap.
    expect(lzBombOutput(MAX_LZ_LINK_CHARS + 1) * 2).toBeLessThanOrEqual(MAX_PAYLOAD_BYTES);
    expect(lzBombData(MAX_LZ_LINK_CHARS + 1).length).toBe(MAX_LZ_LINK_CHARS);
  });

  it("a #v1.z. link exactly at the lz-string limit is decompressed; 1 character more is refused first", () => {
    const atLimit = lzBombData(MAX_LZ_LINK_CHARS + 1);
    expect(atLimit.length).toBe(MAX_LZ_LINK_CHARS);
    // It expands (to 1.65 M "a"s), which is not JSON: a content error, not a size error.
    expect(failure(`#v1.z.${atLimit}`).code).toBe("invalid_payload");
    const past = failure(`#v1.z.${atLimit}A`);
    expect(past.code).toBe("too_large");
    expect(past.message).toBe(
      "This is an old-format (#v1.z., lz-string) link of 3001 characters; such links over 3000 characters (the playground's limit) are refused, because they can expand without bound. Links made now use #v1.p.",
    );
  });

  it("a 109 KB lz-string bomb (froze the tab 17 s) is refused before decompression, naming the limit", () => {
    const bomb = `#v1.z.${lzBombData(109_000)}`;
    const e = failure(bomb);
    expect(e.code).toBe("too_large");
    expect(e.message).toMatch(/over 3000 characters \(the playground's limit\)/);
  });

  it("a deflate bomb is stopped at the payload cap while it streams", () => {
    const bomb = deflateSync(new Uint8Array(MAX_PAYLOAD_BYTES + 1), { level: 9 });
    const e = failure(`#v1.d.${Buffer.from(bomb).toString("base64url")}`);
    expect(e.code).toBe("too_large");
    expect(e.message).toMatch(/more than 4 MB \(the playground's limit/);
    // Exactly at the cap it expands (zeros are not UTF-8 JSON text: a content error).
    const at = deflateSync(new Uint8Array(MAX_PAYLOAD_BYTES).fill(32), { level: 9 });
    expect(failure(`#v1.d.${Buffer.from(at).toString("base64url")}`).code).toBe("invalid_payload");
  });

  it("the link length limit: at the limit decoded, one past refused with the limit named", () => {
    expect(failure(`#v1.d.${"A".repeat(MAX_LINK_CHARS - 5)}`).code).not.toBe("too_large");
    const e = failure(`#v1.d.${"A".repeat(MAX_LINK_CHARS - 4)}`);
    expect(e.code).toBe("too_large");
    expect(e.message).toContain(String(MAX_LINK_CHARS));
    // (Exact message and surrounding whitespace: tests/share/codec.boundaries.test.ts.)
  });

  it("CLI: npm run sim refuses the 109 KB lz-string bomb with the same message (it ran out of memory)", () => {
    const r = sim(`#v1.z.${lzBombData(109_000)}`);
    expect(r.stderr).toMatch(/^link: .*over 3000 characters \(the playground's limit\)/m);
    expect(r.code).toBe(2);
  });
});

describe("compile input limit", () => {
  it("module sources exactly at the limit compile; one character more is refused with the limit named", async () => {
    const esbuild = await import("esbuild");
    const { compileModules, MAX_COMPILE_INPUT_CHARS } = await import("../../src/compile/index.ts");
    const head = "export default class R {}\n//";
    const at = { "router.ts": head + "x".repeat(MAX_COMPILE_INPUT_CHARS - head.length) };
    const ok = await compileModules(esbuild, at, ["router.ts"]);
    expect(ok.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const past = await compileModules(esbuild, { ...at, "b.ts": "x" }, ["router.ts"]);
    expect(past.diagnostics).toEqual([
      expect.objectContaining({ file: "router.ts", severity: "error", message: expect.stringMatching(/1000001 characters in total; the playground compiles at most 1000000 \(its limit for compile input\)/) }),
    ]);
  });
});
