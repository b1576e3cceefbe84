// Looking up an example or a lesson by name. The default example is in the first chunk
// (defaultExample.ts); every other example and the lessons arrive with contentModule
// (lazy.ts), preloaded after the first live run. Before that, a lookup of anything else
// answers undefined: what opens one at start loads it first (main.tsx for an
// `#example=` URL, the hashchange listener, learn.ts for a lesson draft), and a view that
// shows one (useExample, useContent) re-renders once it is there.
import { contentModule, useLazy } from "./lazy.ts";
import { DEFAULT_EXAMPLE, type Example } from "./exampleSet.ts";
import { defaultExample } from "./defaultExample.ts";
import type { Lesson } from "../lessons/build.ts";

export { DEFAULT_EXAMPLE, defaultExample, type Example };

/** The example named `name`, if it is the default one or the examples have loaded. */
export function exampleNamed(name: string): Example | undefined {
  return name === DEFAULT_EXAMPLE ? defaultExample : contentModule.current?.findExample(name);
}

/** The lesson `id`, once the lessons have loaded. */
export function lessonNamed(id: string): Lesson | undefined {
  return contentModule.current?.findLesson(id);
}

/** True when `name` (a workspace's `example`) is an example other than the default one: its text is in contentModule. */
export function needsContent(name: string): boolean {
  return name !== "" && name !== DEFAULT_EXAMPLE;
}

/** The example `name` for a view: loads the examples at once when it is not the default one. */
export function useExample(name: string): Example | undefined {
  const content = useLazy(contentModule, { now: needsContent(name) && !name.startsWith("lesson:") });
  return name === DEFAULT_EXAMPLE ? defaultExample : content?.findExample(name);
}

/** Every example and lesson, or null while they load (`now`: start loading them at once). */
export function useContent(now: boolean) {
  return useLazy(contentModule, { now });
}
