// The editor's table of the `synapse` package (src/python/synapseApi.ts) against the
// package itself, imported in Pyodide: the same modules, public names, class members,
// member kinds (async or not) and parameter lists. Completion and hover are generated
// from the table, so a member added to the Python text without the table (or the other
// way round) fails here.
import { beforeAll, describe, expect, it } from "vitest";
import { prepareBridge, type PyodideLike } from "../../src/python/host.ts";
import { sharedPythonNode } from "../../src/python/node.ts";
import { PY_CLASSES, PY_MODULES, PY_NAMES, pySignature } from "../../src/python/synapseApi.ts";
import { SYNAPSE_PACKAGE } from "../../src/python/synapsePackage.ts";

interface Actual {
  modules: Record<string, string[]>;
  classes: Record<string, { init: string | null; members: Record<string, { kind: string; params?: string }> }>;
}

// Describes what Python sees, in the table's terms.
const DESCRIBE = String.raw`
import dataclasses, importlib, inspect, json

def _params(fn, drop_first):
    sig = inspect.signature(fn)
    ps = list(sig.parameters.values())[1 if drop_first else 0:]
    return str(sig.replace(parameters=ps, return_annotation=inspect.Signature.empty))[1:-1]

def describe(classes_json, modules_json):
    out = {"modules": {}, "classes": {}}
    for m in json.loads(modules_json):
        out["modules"][m] = list(getattr(importlib.import_module(m), "__all__", []))
    for name, (module, has_init) in json.loads(classes_json).items():
        cls = getattr(importlib.import_module(module), name)
        members = {}
        for k, v in vars(cls).items():
            if k.startswith("_"):
                continue
            if isinstance(v, property):
                members[k] = {"kind": "property"}
            elif isinstance(v, classmethod):
                members[k] = {"kind": "classmethod", "params": _params(v.__func__, True)}
            elif inspect.isfunction(v):
                kind = "async" if inspect.iscoroutinefunction(v) else "method"
                members[k] = {"kind": kind, "params": _params(v, True)}
            else:
                members[k] = {"kind": "constant"}
        if dataclasses.is_dataclass(cls):
            for f in dataclasses.fields(cls):
                if not f.name.startswith("_"):
                    members[f.name] = {"kind": "field"}
        init = None
        if has_init:
            init = _params(cls, False)
            required = [p for p in inspect.signature(cls).parameters.values() if p.default is inspect.Parameter.empty]
            for k in vars(cls(*["x"] * len(required))):
                if not k.startswith("_"):
                    members[k] = {"kind": "field"}
        out["classes"][name] = {"init": init, "members": members}
    return json.dumps(out)
`;

let actual: Actual;

beforeAll(async () => {
  const py = (await sharedPythonNode()) as PyodideLike & { globals: { get(n: string): (a: string, b: string) => string } };
  prepareBridge(py);
  py.runPython(DESCRIBE);
  const classes = Object.fromEntries(Object.entries(PY_CLASSES).map(([n, c]) => [n, [c.module, c.init !== undefined]]));
  actual = JSON.parse(py.globals.get("describe")(JSON.stringify(classes), JSON.stringify(Object.keys(PY_MODULES)))) as Actual;
}, 180_000);

describe("the editor's synapse table matches the Python package", { timeout: 60_000 }, () => {
  it("lists every public module of the package, and only those", () => {
    const files = Object.keys(SYNAPSE_PACKAGE)
      .map((f) => f.replace(/\.py$/, "").replace(/\/__init__$/, "").replaceAll("/", "."))
      .filter((m) => !m.split(".").some((seg) => seg.startsWith("_")));
    expect(Object.keys(PY_MODULES).sort()).toEqual(files.sort());
  });

  it("gives each module the names of its __all__, each one documented", () => {
    for (const [m, info] of Object.entries(PY_MODULES)) {
      expect({ m, names: [...info.names].sort() }).toEqual({ m, names: [...actual.modules[m]!].sort() });
      for (const n of info.names) expect(PY_CLASSES[n] ?? PY_NAMES[n], `${m}.${n} has no doc`).toBeDefined();
    }
  });

  it("gives each class its members with Python's kinds and parameter lists", () => {
    for (const [name, cls] of Object.entries(PY_CLASSES)) {
      const table = Object.fromEntries(cls.members.map((m) => [m.name, m.params === undefined ? { kind: m.kind } : { kind: m.kind, params: m.params }]));
      expect({ name, members: table }).toEqual({ name, members: actual.classes[name]!.members });
      expect({ name, init: cls.init ?? null }).toEqual({ name, init: actual.classes[name]!.init });
    }
  });

  it("every member has a one-line doc; signatures read as Python", () => {
    for (const cls of Object.values(PY_CLASSES)) {
      for (const m of cls.members) {
        expect(m.doc.length, m.name).toBeGreaterThan(10);
        expect(m.doc, m.name).not.toMatch(/\n/);
      }
    }
    const send = PY_CLASSES.ModuleApi!.members.find((m) => m.name === "send_local_online_presence_to")!;
    expect(pySignature(send)).toBe("async send_local_online_presence_to(users) -> None");
    expect(pySignature(PY_CLASSES.PresenceRouter!.members[0]!)).toBe("ALL_USERS: str");
  });
});
