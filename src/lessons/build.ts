// Assembles the guided course from the files of lessons/<nn-slug>/ (lesson.md,
// starter.ts and solution.ts, or starter.py and solution.py for a Python lesson,
// scenario.yaml). Pure: the browser passes Vite's raw glob,
// Node tests pass files read from disk. Same files in, same lessons out.

export interface Lesson {
  /** The folder name, e.g. "02-first-router"; lessons are ordered by it. */
  id: string;
  /** The lesson.md title (its first `# ` heading). */
  title: string;
  /** The first paragraph after the title. */
  summary: string;
  /** lesson.md without the title and without the `## Hints` section (markdown). */
  instructions: string;
  /** The `### ` subsections of `## Hints`, each as markdown with its heading. */
  hints: string[];
  /** The learner's module file: router.ts, or router.py for a Python lesson. */
  moduleFile: string;
  /** The module file as the learner starts it. */
  starter: string;
  /** A module file that passes every check. */
  solution: string;
  /** scenario.yaml; its modules name the learner's file (router.ts, or router.X for router.py). */
  scenario: string;
}

/** The module file name a TypeScript lesson scenario uses for the learner's code. */
export const LESSON_MODULE_FILE = "router.ts";

const REQUIRED = ["lesson.md", "scenario.yaml"] as const;
/** The learner's files, in one language: [starter, solution, the editor's file name]. */
const LANGUAGES = [
  ["starter.ts", "solution.ts", LESSON_MODULE_FILE],
  ["starter.py", "solution.py", "router.py"],
] as const;
const KNOWN: readonly string[] = [...REQUIRED, ...LANGUAGES.flatMap(([a, b]) => [a, b])];

export class LessonBuildError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LessonBuildError";
  }
}

/** "../../lessons/01-x/lesson.md" or "lessons\\01-x\\lesson.md" -> ["01-x", "lesson.md"]. */
function splitPath(path: string): [string, string] | null {
  const parts = path.split(/[\\/]/).filter((p) => p !== "" && p !== ".");
  if (parts.length < 2) return null;
  return [parts[parts.length - 2]!, parts[parts.length - 1]!];
}

interface ParsedMarkdown {
  title: string;
  summary: string;
  instructions: string;
  hints: string[];
}

/** Splits lesson.md into title, summary, instructions and hints. */
export function parseLessonMarkdown(md: string, id = "lesson"): ParsedMarkdown {
  const lines = md.replace(/\r\n?/g, "\n").split("\n");
  const titleAt = lines.findIndex((l) => /^# \S/.test(l));
  if (titleAt < 0) throw new LessonBuildError(`lessons/${id}/lesson.md: it needs a title line starting with "# "`);
  const title = lines[titleAt]!.slice(2).trim();
  const body = lines.slice(titleAt + 1);
  const hintsAt = body.findIndex((l) => /^## Hints\s*$/.test(l));
  let hintLines: string[] = [];
  let rest = body;
  if (hintsAt >= 0) {
    // The hints section runs to the next `## ` heading (or the end).
    const after = body.slice(hintsAt + 1);
    const nextH2 = after.findIndex((l) => /^## /.test(l));
    hintLines = nextH2 < 0 ? after : after.slice(0, nextH2);
    rest = [...body.slice(0, hintsAt), ...(nextH2 < 0 ? [] : after.slice(nextH2))];
  }
  const instructions = rest.join("\n").trim();
  const hints: string[] = [];
  let current: string[] | null = null;
  for (const l of hintLines) {
    if (/^### /.test(l)) {
      if (current) hints.push(current.join("\n").trim());
      current = [l];
    } else if (current) current.push(l);
  }
  if (current) hints.push(current.join("\n").trim());
  const summary = firstParagraph(instructions);
  return { title, summary, instructions, hints };
}

function firstParagraph(md: string): string {
  const out: string[] = [];
  for (const l of md.split("\n")) {
    if (l.trim() === "") {
      if (out.length) break;
      continue;
    }
    if (/^(#|```|- |\* |\d+\. |>)/.test(l)) {
      if (out.length) break;
      continue;
    }
    out.push(l.trim());
  }
  return out.join(" ");
}

/**
 * Builds the course from a map of path -> file text. Only folders that look like
 * lessons (`<digits>-<slug>`) count; each must have all four files. Lessons are sorted
 * by id. Throws LessonBuildError naming the folder and the missing or bad file.
 */
export function buildLessons(files: Record<string, string>): Lesson[] {
  const byId = new Map<string, Record<string, string>>();
  for (const path of Object.keys(files).sort()) {
    const split = splitPath(path);
    if (!split) continue;
    const [id, file] = split;
    if (!/^\d+-[a-z0-9-]+$/.test(id)) continue;
    if (!KNOWN.includes(file)) continue;
    let entry = byId.get(id);
    if (!entry) byId.set(id, (entry = {}));
    entry[file] = files[path]!;
  }
  const lessons: Lesson[] = [];
  for (const id of [...byId.keys()].sort()) {
    const f = byId.get(id)!;
    // The language is the one whose starter or solution is there (TypeScript if neither).
    const lang = LANGUAGES.find(([st, so]) => typeof f[st] === "string" || typeof f[so] === "string") ?? LANGUAGES[0];
    const other = LANGUAGES.find((l) => l !== lang && (typeof f[l[0]] === "string" || typeof f[l[1]] === "string"));
    if (other) throw new LessonBuildError(`lessons/${id}/ has both ${lang[0]} and ${other[0]}-style files: keep one language per lesson`);
    const missing = [...REQUIRED, lang[0], lang[1]].filter((r) => typeof f[r] !== "string");
    if (missing.length) throw new LessonBuildError(`lessons/${id}/ is missing ${missing.join(", ")}`);
    const md = parseLessonMarkdown(f["lesson.md"]!, id);
    lessons.push({
      id,
      title: md.title,
      summary: md.summary,
      instructions: md.instructions,
      hints: md.hints,
      moduleFile: lang[2],
      starter: f[lang[0]]!,
      solution: f[lang[1]]!,
      scenario: f["scenario.yaml"]!,
    });
  }
  return lessons;
}
