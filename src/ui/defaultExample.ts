// The default example's texts, the only example in the first chunk: a first visit opens
// it (its run is shipped with the build). The glob names its folder because Vite needs a
// literal pattern; a unit test checks it against DEFAULT_EXAMPLE.
import { collectExamples, DEFAULT_EXAMPLE, type Example } from "./exampleSet.ts";

const raw = import.meta.glob("../../examples/buddy-list-router/*.{ts,py,yaml,md}", {
  query: "?raw",
  import: "default",
  eager: true,
}) as Record<string, string>;

export const defaultExample: Example = collectExamples(raw).get(DEFAULT_EXAMPLE) ?? {
  name: DEFAULT_EXAMPLE,
  title: DEFAULT_EXAMPLE,
  readme: "",
  files: {},
  scenario: "",
};
