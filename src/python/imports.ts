// Which scenario files a .py module may import, read from its text: the headless runner
// reads module files on demand (src/pipeline/modules.ts), so it must know that
// `from helpers import x` means helpers.py. Resolved as Python finds a module on
// PYTHONPATH with the scenario folder as the root (the bridge's imports.py does the
// importing itself): `a.b` is a.py or a/__init__.py, then a/b.py or a/b/__init__.py;
// `from a import b` may also mean the submodule a/b.py; `from .x import y` is relative
// to the importer's package. Candidates that do not exist are simply not read.

const IMPORT = /^\s*import\s+([\w.]+(?:\s+as\s+\w+)?(?:\s*,\s*[\w.]+(?:\s+as\s+\w+)?)*)/;
const FROM = /^\s*from\s+(\.*)([\w.]*)\s+import\s+\(?\s*([\w\s,*]+?)\s*\)?\s*(?:#.*)?$/;

/** Files a dotted module name may be, each prefix first (a package runs before its modules). */
function moduleFiles(dotted: string): string[] {
  const parts = dotted.split(".").filter(Boolean);
  const out: string[] = [];
  for (let i = 1; i <= parts.length; i++) {
    const p = parts.slice(0, i).join("/");
    out.push(`${p}.py`, `${p}/__init__.py`);
  }
  return out;
}

/** The package a file belongs to, as a dotted name ("pkg/mod.py" → "pkg"). */
function packageOf(importer: string): string[] {
  const parts = importer.replace(/^\.\//, "").split("/");
  parts.pop();
  return parts;
}

/**
 * Scenario files `source` (the text of the .py file `importer`) may import, in order.
 * Only statements at the start of a line are seen; `importlib.import_module("x")` is not.
 */
export function pythonImportCandidates(importer: string, source: string): string[] {
  const out = new Set<string>();
  for (const line of source.split("\n")) {
    const imp = IMPORT.exec(line);
    if (imp) {
      for (const part of imp[1]!.split(",")) for (const f of moduleFiles(part.trim().split(/\s+/)[0]!)) out.add(f);
      continue;
    }
    const from = FROM.exec(line);
    if (!from) continue;
    const [, dots, name, names] = from;
    let base = name!;
    if (dots!.length > 0) {
      const pkg = packageOf(importer);
      if (dots!.length - 1 > pkg.length) continue; // beyond the root: Python says so at run time
      base = [...pkg.slice(0, pkg.length - (dots!.length - 1)), ...(name ? [name] : [])].join(".");
    }
    const files = base ? moduleFiles(base) : [];
    for (const n of names!.split(",")) {
      const item = n.trim().split(/\s+/)[0]!;
      if (item && item !== "*") files.push(...moduleFiles(base ? `${base}.${item}` : item).slice(-2));
    }
    for (const f of files) out.add(f);
  }
  return [...out];
}
