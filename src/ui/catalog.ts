// Looking up an example or a lesson by name. The default example is in the first chunk
// (defaultExample.ts); every other example and the lessons arrive with contentModule
// (lazy.ts), preloaded after the first live run. Before that, a lookup of anything else
// answers undefined: what opens one at start loads it first (main.tsx for an
// `#example=` URL, the hashchange listener, learn.ts for a lesson draft), and a view that
// shows one (useExample, useContent) re-renders once it is there; the gallery and the
// lessons panel load it at once (lazy.ts useLoadNow).
import { contentModule, useLazy } from "./lazy.ts";
import { DEFAULT_EXAMPLE, type Example } from "./exampleSet.ts";
import { defaultExample } from "./defaultExample.ts";
import type { Lesson } from "../lessons/build.ts";

export { DEFAULT_EXAMPLE, defaultExample, type Example };

type Content = typeof import("./content.ts");

/** The example `name` from what has loaded (`content` null: not yet): the default one always. */
export function exampleIn(content: Content | null, name: string): Example | undefined {
  return name === DEFAULT_EXAMPLE ? defaultExample : content?.findExample(name);
}

/** The example named `name`, if it is the default one or the examples have loaded. */
export function exampleNamed(name: string): Example | undefined {
  return exampleIn(contentModule.current, name);
}

/** The lesson `id`, once the lessons have loaded. */
export function lessonNamed(id: string): Lesson | undefined {
  return contentModule.current?.findLesson(id);
}

/** True when `name` (a workspace's `example`) is an example other than the default one, or a lesson: its text is in contentModule. */
export function needsContent(name: string): boolean {
  return name !== "" && name !== DEFAULT_EXAMPLE;
}

/** Whether a view of the workspace's example loads the examples at once: any but the default one (a lesson's panel loads its own). */
export function loadsExamplesFor(name: string): boolean {
  return needsContent(name) && !name.startsWith("lesson:");
}

/** The example `name` for a view, re-rendered once the examples have loaded. */
export function useExample(name: string): Example | undefined {
  return exampleIn(useLazy(contentModule, { now: loadsExamplesFor(name) }), name);
}

/** Every example and lesson, or null until they have loaded (preloaded after the first run). */
export function useContent(): Content | null {
  return useLazy(contentModule);
}
