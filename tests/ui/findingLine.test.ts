// Where a consistency finding points in the module (the strip's and the Consistency tab's "go to" link).
import { describe, expect, it } from "vitest";
import { findingLine } from "../../src/ui/graph/edgeDetail.ts";

const files = { "router.ts": "line one\n  api.register({\n    get_interested_users: async (u) => x,\n  });\n" };

describe("findingLine", () => {
  it("cannot_restrict: a finding about a callback points at the callback's line in the module file", () => {
    expect(findingLine({ module: "router.ts#HideRouter", callback: "get_interested_users" }, files)).toEqual({ file: "router.ts", line: 3, column: 5 });
  });
  it("a cause with a line wins over the callback; a file the editor does not have gives nothing", () => {
    expect(findingLine({ cause: { file: "router.ts", line: 2, column: 7 }, module: "router.ts", callback: "get_interested_users" }, files)).toEqual({ file: "router.ts", line: 2, column: 7 });
    expect(findingLine({ module: "other.ts", callback: "get_interested_users" }, files)).toBeNull();
    expect(findingLine({ module: "router.ts", callback: "get_users_for_states" }, files)).toBeNull();
    expect(findingLine({ module: "router.ts" }, files)).toBeNull();
  });
});
