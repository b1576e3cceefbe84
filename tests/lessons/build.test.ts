// buildLessons: pure assembly of the course from lesson files.
import { describe, expect, it } from "vitest";
import { buildLessons, LessonBuildError, parseLessonMarkdown } from "../../src/lessons/build.ts";
import { readLessonFiles } from "./pipeline.ts";

const MD = `# A title

First paragraph, which is
the summary.

## Your task

Do the thing.

## Hints

### One

Hint one text.

### Two

Hint two text.

## After the hints

Still instructions.
`;

function files(id: string, md = MD): Record<string, string> {
  return {
    [`../../lessons/${id}/lesson.md`]: md,
    [`../../lessons/${id}/starter.ts`]: "// starter",
    [`../../lessons/${id}/solution.ts`]: "// solution",
    [`../../lessons/${id}/scenario.yaml`]: "version: 1",
  };
}

describe("buildLessons", () => {
  it("splits lesson.md into title, summary, instructions and hints", () => {
    const p = parseLessonMarkdown(MD);
    expect(p.title).toBe("A title");
    expect(p.summary).toBe("First paragraph, which is the summary.");
    expect(p.hints).toEqual(["### One\n\nHint one text.", "### Two\n\nHint two text."]);
    expect(p.instructions).toContain("## Your task");
    expect(p.instructions).toContain("## After the hints");
    expect(p.instructions).not.toContain("Hint one text");
    expect(p.instructions).not.toContain("# A title");
  });

  it("orders lessons by folder id, whatever the order of the input", () => {
    const a = buildLessons({ ...files("02-b"), ...files("01-a"), ...files("10-c") });
    expect(a.map((l) => l.id)).toEqual(["01-a", "02-b", "10-c"]);
    expect(a[0]!.starter).toBe("// starter");
    expect(a[0]!.scenario).toBe("version: 1");
  });

  it("accepts disk-style and Windows-style paths and ignores unrelated files", () => {
    const f = files("01-a");
    const windows = Object.fromEntries(Object.entries(f).map(([k, v]) => [k.replace("../../", "C:\\x\\").replace(/\//g, "\\"), v]));
    const l = buildLessons({ ...windows, "../../lessons/README.md": "x", "../../lessons/notes/lesson.md": "# n", "../../lessons/01-a/extra.txt": "x" });
    expect(l.map((x) => x.id)).toEqual(["01-a"]);
  });

  it("names the folder and the missing file when a lesson is incomplete", () => {
    const f = files("03-c");
    delete f["../../lessons/03-c/solution.ts"];
    expect(() => buildLessons(f)).toThrow(LessonBuildError);
    expect(() => buildLessons(f)).toThrow(/lessons\/03-c\/ is missing solution\.ts/);
  });

  it("a lesson with starter.py and solution.py is a Python lesson: the learner edits router.py", () => {
    const f = files("09-py");
    delete f["../../lessons/09-py/starter.ts"];
    delete f["../../lessons/09-py/solution.ts"];
    const py = { ...f, "../../lessons/09-py/starter.py": "# starter", "../../lessons/09-py/solution.py": "# solution" };
    const [l] = buildLessons(py);
    expect(l).toMatchObject({ moduleFile: "router.py", starter: "# starter", solution: "# solution" });
    expect(buildLessons(files("01-a"))[0]!.moduleFile).toBe("router.ts");
    const noSolution: Record<string, string> = { ...py };
    delete noSolution["../../lessons/09-py/solution.py"];
    expect(() => buildLessons(noSolution)).toThrow(/lessons\/09-py\/ is missing solution\.py/);
    expect(() => buildLessons({ ...py, "../../lessons/09-py/starter.ts": "//" })).toThrow(/09-py\/ has both .* keep one language per lesson/);
  });

  it("rejects a lesson.md without a title", () => {
    expect(() => buildLessons(files("04-d", "no title here\n"))).toThrow(/04-d\/lesson\.md.*title/);
  });

  it("is deterministic: the real course built twice, and from shuffled input, is identical", () => {
    const real = readLessonFiles();
    const once = buildLessons(real);
    const reversed = Object.fromEntries(Object.entries(real).reverse());
    expect(buildLessons(real)).toEqual(once);
    expect(buildLessons(reversed)).toEqual(once);
    expect(JSON.stringify(buildLessons(reversed))).toBe(JSON.stringify(once));
  });
});

describe("LESSONS (the browser's course, through Vite's import.meta.glob)", () => {
  it("is the same course buildLessons makes from the files on disk", async () => {
    const { LESSONS, findLesson } = await import("../../src/lessons/index.ts");
    expect(LESSONS).toEqual(buildLessons(readLessonFiles()));
    expect(findLesson(LESSONS[0]!.id)).toBe(LESSONS[0]);
    expect(findLesson("no-such-lesson")).toBeUndefined();
  });
});
