// The name of a target set's report and incremental file. Long target lists (a run over
// twenty files) would exceed the file-name limit, so they end in a short hash instead.
import { createHash } from "node:crypto";

export function mutateSlug(targets) {
  const slug = targets.length ? targets.join("+").replace(/[^\w+.-]+/g, "_") : "all";
  if (slug.length <= 120) return slug;
  return `${slug.slice(0, 80)}-${targets.length}files-${createHash("sha1").update(slug).digest("hex").slice(0, 10)}`;
}
