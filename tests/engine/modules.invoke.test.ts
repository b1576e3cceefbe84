// Calling one registered callback (src/engine/modules/invoke.ts): every way module code
// can fail becomes an Outcome with a clear message (R60, R63), never an engine crash.
import { describe, expect, it } from "vitest";
import type { ModuleHost } from "../../src/engine/contracts.ts";
import { invokeCallback, locateSafely } from "../../src/engine/modules/invoke.ts";
import { hostFromModules } from "./support/host.ts";

const host = hostFromModules({});
const opts = (o: { legacy?: boolean; strictAsync?: boolean } = {}) => ({ name: "get_interested_users", legacy: o.legacy ?? false, strictAsync: o.strictAsync ?? true, host });

describe("invokeCallback", () => {
  it("R63 a registered value that is not a function: a TypeError naming the callback and the type", async () => {
    expect(await invokeCallback("ALL", "@u:x", opts())).toEqual({
      ok: false,
      error: { message: 'TypeError: the registered get_interested_users is the string "ALL", not a function' },
      warning: null,
    });
  });

  it("R60 strict: a plain value from a modern callback is a warning naming what came back", async () => {
    expect(await invokeCallback(() => new Set(), "@u:x", opts())).toEqual({
      ok: false,
      error: null,
      warning: "returned a Set instead of a Promise: callbacks registered with register_presence_router_callbacks must be async (R60); result skipped",
    });
  });

  it("R60 a plain value is accepted from a legacy method, or with strict_async off", async () => {
    const s = new Set(["@a:x"]);
    expect(await invokeCallback(() => s, "@u:x", opts({ legacy: true }))).toEqual({ ok: true, value: s });
    expect(await invokeCallback(() => s, "@u:x", opts({ strictAsync: false }))).toEqual({ ok: true, value: s });
  });

  it("the callback receives the argument", async () => {
    const r = await invokeCallback(async (u: string) => `got ${u}`, "@u:x", opts());
    expect(r).toEqual({ ok: true, value: "got @u:x" });
  });

  it("R60 a callable thenable (a function with a then method) is awaited", async () => {
    const thenable = Object.assign(() => 0, { then: (ok: (v: unknown) => void) => ok("done") });
    expect(await invokeCallback(() => thenable, "@u:x", opts())).toEqual({ ok: true, value: "done" });
  });

  it("R63 a promise that settles after many awaits is still awaited", async () => {
    const slow = async () => {
      for (let i = 0; i < 200; i++) await undefined;
      return "late";
    };
    expect(await invokeCallback(slow, "@u:x", opts())).toEqual({ ok: true, value: "late" });
  });

  it("R63 a rejection with undefined or null is still a failure", async () => {
    expect(await invokeCallback(() => Promise.reject(undefined), "@u:x", opts())).toEqual({ ok: false, error: { message: "Error: undefined" }, warning: null });
    expect(await invokeCallback(() => Promise.reject(null), "@u:x", opts())).toEqual({ ok: false, error: { message: "Error: null" }, warning: null });
  });

  it("R63 a promise resolving to undefined is a success with no value", async () => {
    expect(await invokeCallback(async () => undefined, "@u:x", opts())).toEqual({ ok: true, value: undefined });
  });
});

describe("locateSafely", () => {
  it("uses the host's locator; if that throws, the error's own message", () => {
    const located: ModuleHost = { load: () => ({}), locate: () => ({ message: "E: m", file: "r.ts", line: 2 }) };
    expect(locateSafely(located, new Error("m"))).toEqual({ message: "E: m", file: "r.ts", line: 2 });
    const broken: ModuleHost = { load: () => ({}), locate: () => { throw new Error("locator bug"); } };
    expect(locateSafely(broken, new TypeError("m"))).toEqual({ message: "TypeError: m" });
  });
});
