// ModuleLoadError (src/engine/contracts.ts): what the loader's callers read from it.
import { describe, expect, it } from "vitest";
import { ModuleLoadError } from "../../src/engine/contracts.ts";

describe("ModuleLoadError", () => {
  it("R56 is an Error named ModuleLoadError that carries the file and position", () => {
    const e = new ModuleLoadError("cannot find router.ts", "router.ts", 3, 7);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe("ModuleLoadError");
    expect(String(e)).toBe("ModuleLoadError: cannot find router.ts");
    expect([e.file, e.line, e.column]).toEqual(["router.ts", 3, 7]);
    expect(new ModuleLoadError("x", "a.ts").line).toBeUndefined();
  });
});
