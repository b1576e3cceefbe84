// Export a project's Python modules as a pip-installable package (issue 13): a zip with
// one top-level folder holding pyproject.toml, the .py files and a README with the
// homeserver.yaml block that loads them. `pip install name.zip` (into Synapse's
// environment) works on the archive as it is. Pure, like export.ts: Node tests run it.
import { strToU8, zipSync } from "fflate";
import { homeserverYaml, isObj, isPythonRef } from "./export.ts";
import { parse as parseYaml } from "yaml";

export interface PythonPackage {
  /** Distribution name (pyproject `name`), also the zip's folder and file stem. */
  name: string;
  /** The top-level modules (file stems), as setuptools' `py-modules`. */
  modules: string[];
  /** Packages (folders of .py files, dotted), as setuptools' `packages`. */
  packages: string[];
  /** The server whose homeserver.yaml block the README shows, or null. */
  server: string | null;
  zip: Uint8Array;
}

/** PEP 508 names: letters, digits, `-`, `_`, `.`; we write the normalized `-` form. */
function distName(stem: string): string {
  // A lesson's origin is "lesson:09-slug": the prefix goes, and any other character a
  // name may not hold (":" would also make a bad folder name on Windows) becomes "-".
  const bare = stem.toLowerCase().replace(/^[a-z]+:/, "");
  return bare.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "presence-router";
}

/** The first server (scenario order) that loads a Python module. */
function serverLoading(scenario: string): string | null {
  let doc: unknown;
  try {
    doc = parseYaml(scenario);
  } catch {
    return null;
  }
  if (!isObj(doc) || !isObj(doc.servers)) return null;
  for (const [name, s] of Object.entries(doc.servers)) {
    if (!isObj(s)) continue;
    const refs: unknown[] = [];
    if (isObj(s.presence) && isObj(s.presence.presence_router)) refs.push(s.presence.presence_router.module);
    if (Array.isArray(s.modules)) for (const m of s.modules) if (isObj(m)) refs.push(m.module);
    if (refs.some((r) => typeof r === "string" && isPythonRef(r))) return name;
  }
  return null;
}

function tomlString(s: string): string {
  return JSON.stringify(s); // a TOML basic string accepts JSON's escapes for these characters
}

export function pyproject(name: string, modules: string[], packages: string[] = []): string {
  return [
    "[build-system]",
    'requires = ["setuptools>=61"]',
    'build-backend = "setuptools.build_meta"',
    "",
    "[project]",
    `name = ${tomlString(name)}`,
    'version = "0.1.0"',
    'description = "A Synapse presence router module, exported from the Presence Router Playground"',
    'readme = "README.md"',
    'requires-python = ">=3.9"',
    "# No dependency on matrix-synapse: the module is installed into Synapse's own environment.",
    "dependencies = []",
    "",
    "[tool.setuptools]",
    `py-modules = [${modules.map(tomlString).join(", ")}]`,
    // Folders a module imports from (pkg/__init__.py, pkg/mod.py): listed, as setuptools
    // does not find namespace packages by itself.
    ...(packages.length ? [`packages = [${packages.map(tomlString).join(", ")}]`] : []),
    "",
  ].join("\n");
}

export function packageReadme(name: string, modules: string[], yamlBlock: string | null, packages: string[] = []): string {
  return [
    `# ${name}`,
    "",
    "A Synapse presence router module, exported from the Presence Router Playground.",
    "",
    `Modules: ${[...modules.map((m) => `\`${m}.py\``), ...packages.map((p) => `\`${p.replaceAll(".", "/")}/\``)].join(", ")}.`,
    "",
    "## Install",
    "",
    "Into the Python environment Synapse runs in (its virtualenv or container), then restart",
    "Synapse:",
    "",
    "```sh",
    `pip install ${name}.zip        # or: pip install ./${name} from the unpacked folder`,
    "```",
    "",
    "## Load it",
    "",
    ...(yamlBlock
      ? ["Add this to homeserver.yaml (merge the `presence:` and `modules:` sections with yours):", "", "```yaml", yamlBlock.trimEnd(), "```"]
      : ["Name the router class in homeserver.yaml under `modules:` (or the legacy `presence.presence_router`)."]),
    "",
    "The module's code came from the playground: read it before you deploy it, as you would",
    "any program you did not write.",
    "",
  ].join("\n");
}

/**
 * The package for every .py file of the project. Throws with a plain message when the
 * project has no Python module.
 */
export function buildPythonPackage(files: Record<string, string>, scenario: string, example = ""): PythonPackage {
  const py = Object.keys(files).filter((f) => f.endsWith(".py")).sort();
  if (!py.length) throw new Error("This project has no Python module (.py file) to package.");
  const modules = py.filter((f) => !f.includes("/")).map((f) => f.replace(/\.py$/, ""));
  // pkg/sub/mod.py → packages pkg and pkg.sub (each folder on the way is a package).
  const packages = [...new Set(py.flatMap((f) => f.split("/").slice(0, -1).map((_, i, dirs) => dirs.slice(0, i + 1).join("."))))].sort();
  const name = distName(example || modules[0] || packages[0]!);
  const server = serverLoading(scenario);
  let block: string | null = null;
  if (server) {
    try {
      block = homeserverYaml(scenario, server, files);
    } catch {
      block = null; // the README then says what to write by hand
    }
  }
  const entries: Record<string, Uint8Array> = {
    [`${name}/pyproject.toml`]: strToU8(pyproject(name, modules, packages)),
    [`${name}/README.md`]: strToU8(packageReadme(name, modules, block, packages)),
  };
  for (const f of py) entries[`${name}/${f}`] = strToU8(files[f]!);
  return { name, modules, packages, server, zip: zipSync(entries, { level: 6, mtime: new Date("2026-01-01T00:00:00Z") }) };
}
