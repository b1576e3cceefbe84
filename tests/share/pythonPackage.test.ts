// Issue 13 item 7: a project's Python modules exported as a pip-installable package.
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { parse } from "yaml";
import { buildPythonPackage, pyproject } from "../../src/share/pythonPackage.ts";
import { homeserverYaml, isPythonRef, pythonModulePath } from "../../src/share/export.ts";

const DIR = "examples/modern-docs-router-py";
const ROUTER = readFileSync(`${DIR}/router.py`, "utf8");
const SCENARIO = readFileSync(`${DIR}/scenario.yaml`, "utf8");

describe("Python module references in the homeserver.yaml export", () => {
  it("a dotted or #-named .py reference is the module path Synapse loads, unchanged", () => {
    expect(pythonModulePath("router.CustomPresenceRouter", {})).toBe("router.CustomPresenceRouter");
    expect(pythonModulePath("router.py#CustomPresenceRouter", {})).toBe("router.CustomPresenceRouter");
    expect(pythonModulePath("pkg/mod.py#R", {})).toBe("pkg.mod.R");
    expect(isPythonRef("router.CustomPresenceRouter")).toBe(true);
    expect(isPythonRef("router.ts")).toBe(false);
  });

  it("the snippet loads the Python class as written and does not ask to port it", () => {
    const y = homeserverYaml(SCENARIO, "example.com", { "router.py": ROUTER });
    expect(parse(y)).toEqual({ presence: { enabled: true, include_offline_users_on_sync: false }, modules: [{ module: "router.CustomPresenceRouter", config: {} }] });
    expect(y).toContain("#   router.CustomPresenceRouter  (router.py)");
    expect(y).not.toMatch(/Port each module/);
  });

  it("a TypeScript module still gets the port note", () => {
    const sc = "version: 1\nservers:\n  a.org:\n    modules:\n      - module: router.ts\n";
    const y = homeserverYaml(sc, "a.org", { "router.ts": "export default class TeamRouter {}\n" });
    expect(y).toMatch(/Port each module/);
    expect(y).toContain("router.ts  ->  router.TeamRouter");
  });
});

describe("buildPythonPackage", () => {
  const pkg = buildPythonPackage({ "router.py": ROUTER, "helper.ts": "export {}\n" }, SCENARIO, "modern-docs-router-py");

  it("one folder with pyproject.toml, README.md and every .py file (no TypeScript)", () => {
    const z = unzipSync(pkg.zip);
    expect(Object.keys(z).sort()).toEqual(["modern-docs-router-py/README.md", "modern-docs-router-py/pyproject.toml", "modern-docs-router-py/router.py"]);
    expect(strFromU8(z["modern-docs-router-py/router.py"]!)).toBe(ROUTER);
    expect(pkg.modules).toEqual(["router"]);
    expect(pkg.server).toBe("example.com");
  });

  it("a module's imported folders are packages for setuptools (pkg/__init__.py, namespace pkg/sub/mod.py)", () => {
    const files = { "router.py": ROUTER, "helpers.py": "X = 1\n", "rules/__init__.py": "", "rules/lists.py": "", "ns/sub/mod.py": "" };
    const p = buildPythonPackage(files, SCENARIO, "imports");
    expect(p.modules).toEqual(["helpers", "router"]);
    expect(p.packages).toEqual(["ns", "ns.sub", "rules"]);
    const z = unzipSync(p.zip);
    expect(Object.keys(z)).toContain("imports/rules/lists.py");
    expect(Object.keys(z)).toContain("imports/ns/sub/mod.py");
    const toml = strFromU8(z["imports/pyproject.toml"]!);
    expect(toml).toContain('py-modules = ["helpers", "router"]');
    expect(toml).toContain('packages = ["ns", "ns.sub", "rules"]');
    expect(strFromU8(z["imports/README.md"]!)).toContain("Modules: `helpers.py`, `router.py`, `ns/`, `ns/sub/`, `rules/`.");
    // Without folders, no packages line (setuptools would otherwise look for none).
    expect(strFromU8(unzipSync(pkg.zip)["modern-docs-router-py/pyproject.toml"]!)).not.toContain("packages =");
  });

  it("pyproject names the distribution and lists the modules for setuptools", () => {
    const t = pyproject("my-router", ["my_router", "other"]);
    expect(t).toContain('name = "my-router"');
    expect(t).toContain('py-modules = ["my_router", "other"]');
    expect(t).toContain('build-backend = "setuptools.build_meta"');
  });

  it("the README carries the homeserver.yaml block of the server that loads the module", () => {
    const readme = strFromU8(unzipSync(pkg.zip)["modern-docs-router-py/README.md"]!);
    const block = /```yaml\n([\s\S]*?)```/.exec(readme)?.[1] ?? "";
    expect(parse(block)).toMatchObject({ modules: [{ module: "router.CustomPresenceRouter" }] });
    expect(readme).toContain("pip install modern-docs-router-py.zip");
  });

  it("names: the example's name normalized; without one, the first module's", () => {
    expect(buildPythonPackage({ "My_Router.py": "" }, "version: 1\n").name).toBe("my-router");
    expect(buildPythonPackage({ "a.py": "" }, "version: 1\n", "Team__Router.v2").name).toBe("team-router-v2");
    // A lesson's origin: no "lesson:" prefix, no ":" in a distribution or folder name.
    expect(buildPythonPackage({ "a.py": "" }, "version: 1\n", "lesson:09-to-your-server").name).toBe("09-to-your-server");
    // A scenario that loads no Python module: no block, the README says what to write.
    const p = buildPythonPackage({ "a.py": "" }, "version: 1\nservers:\n  x.org: {}\n");
    expect(p.server).toBeNull();
    expect(strFromU8(unzipSync(p.zip)["a/README.md"]!)).toMatch(/Name the router class in homeserver.yaml/);
  });

  it("a project without .py files is refused with a plain message", () => {
    expect(() => buildPythonPackage({ "router.ts": "" }, SCENARIO)).toThrow(/no Python module/);
  });

  it("the same project gives the same bytes", () => {
    expect(buildPythonPackage({ "router.py": ROUTER }, SCENARIO, "x").zip).toEqual(buildPythonPackage({ "router.py": ROUTER }, SCENARIO, "x").zip);
  });

  // pip itself, when this machine has it with setuptools and wheel (the CI machine does).
  const pip = spawnSync("/usr/bin/python3", ["-c", "import setuptools, wheel, pip"]).status === 0;
  it.skipIf(!pip)("pip installs the zip as it is, and the module file lands in the install", () => {
    const dir = mkdtempSync(join(tmpdir(), "pypkg-"));
    writeFileSync(join(dir, `${pkg.name}.zip`), pkg.zip);
    const r = spawnSync("/usr/bin/python3", ["-m", "pip", "install", "--quiet", "--break-system-packages", "--no-build-isolation", "--no-deps", "--no-index", "--target", join(dir, "site"), join(dir, `${pkg.name}.zip`)], { encoding: "utf8", timeout: 120000 });
    expect(r.stderr.replace(/WARNING: Running pip as the 'root'[^\n]*\n?/g, "").trim()).toBe("");
    expect(r.status).toBe(0);
    expect(existsSync(join(dir, "site", "router.py"))).toBe(true);
    expect(readFileSync(join(dir, "site", "router.py"), "utf8")).toBe(ROUTER);
  }, 150000);

  it.skipIf(!pip)("pip installs a module's imported folders too (a package and a namespace folder)", () => {
    const withPkgs = buildPythonPackage({ "router.py": ROUTER, "rules/__init__.py": "X = 1\n", "rules/lists.py": "Y = 2\n", "ns/mod.py": "Z = 3\n" }, SCENARIO, "imports");
    const dir = mkdtempSync(join(tmpdir(), "pypkg-"));
    writeFileSync(join(dir, "imports.zip"), withPkgs.zip);
    const r = spawnSync("/usr/bin/python3", ["-m", "pip", "install", "--quiet", "--break-system-packages", "--no-build-isolation", "--no-deps", "--no-index", "--target", join(dir, "site"), join(dir, "imports.zip")], { encoding: "utf8", timeout: 120000 });
    expect(r.status, r.stderr).toBe(0);
    for (const f of ["router.py", "rules/__init__.py", "rules/lists.py", "ns/mod.py"]) expect(existsSync(join(dir, "site", f)), f).toBe(true);
  }, 150000);
});
