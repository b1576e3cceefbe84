// The examples' and lessons' texts (≈ 33 KB gzip), one lazily loaded chunk (lazy.ts:
// contentModule): the first graph needs only the default example (defaultExample.ts).
export { EXAMPLES, findExample } from "./examples.ts";
export { LESSONS, findLesson } from "../lessons/index.ts";
