// Lesson 09 "From the playground to your server": the Python lesson's claims hold. Its
// export is the pip package the text names, with the homeserver.yaml `modules:` block the
// text shows; a router on one side only fails (R64).
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { buildLessons } from "../../src/lessons/build.ts";
import { buildPythonPackage } from "../../src/share/pythonPackage.ts";
import { explain, readLessonFiles, runWithFiles } from "./pipeline.ts";

const lesson = buildLessons(readLessonFiles()).find((l) => l.id === "09-to-your-server")!;
const md = readLessonFiles()["../../lessons/09-to-your-server/lesson.md"]!;
/** The first ```yaml block of a markdown text, without the fence's indentation. */
function yamlIn(text: string): string {
  const m = /^( *)```yaml\n([\s\S]*?)^ *```/m.exec(text);
  if (!m) return "";
  return m[2]!.split("\n").map((l) => l.slice(m[1]!.length)).join("\n");
}

describe("lesson 09: from the playground to your server", { timeout: 180_000 }, () => {
  it("is a Python lesson: the learner edits router.py", () => {
    expect(lesson.moduleFile).toBe("router.py");
    expect(lesson.starter).toContain("class HelpDeskRouter");
  });

  it("R56 its export is the zip the text names, with the modules: block the text shows", () => {
    const pkg = buildPythonPackage({ [lesson.moduleFile]: lesson.solution }, lesson.scenario, "lesson:09-to-your-server");
    expect(md).toContain(`${pkg.name}.zip`);
    const z = unzipSync(pkg.zip);
    expect(strFromU8(z[`${pkg.name}/router.py`]!)).toBe(lesson.solution);
    const readmeBlock = parse(yamlIn(strFromU8(z[`${pkg.name}/README.md`]!))) as { modules: unknown };
    const lessonBlock = parse(yamlIn(md)) as { modules: unknown };
    expect(lessonBlock.modules).toEqual([{ module: "router.HelpDeskRouter", config: { agent: "@support:helpdesk.org", customers: ["@alice:example.org", "@bob:example.org"] } }]);
    expect(readmeBlock.modules).toEqual(lessonBlock.modules);
  });

  it("R64 a router on the sending server only is not enough: the agent's own server must list the customers", async () => {
    const onlySender = lesson.scenario.replace(/ {2}helpdesk\.org:\n {4}modules:\n(?: {6}.*\n| {8}.*\n| {10}.*\n)+/, "  helpdesk.org: {}\n");
    expect(onlySender).toContain("helpdesk.org: {}");
    const o = await runWithFiles(onlySender, { [lesson.moduleFile]: lesson.solution });
    expect(o.verdict.passed, explain(o)).toBe(false);
    const results = Object.fromEntries(o.trace.expectations.map((e) => [e.name, e.ok]));
    expect(results["example.org sends the customers' presence to helpdesk.org, and only theirs"]).toBe(true);
    expect(results["The agent sees both customers, Alice's status message included"]).toBe(false);
  });

  it("R33 a router that only answers get_interested_users sends nothing: the agent sees nobody", async () => {
    const giuOnly = lesson.solution.replace(/wanted = \{[^\n]*\n\s*return \{self\.agent: wanted\}/, "return {}");
    expect(giuOnly).not.toContain("wanted");
    const o = await runWithFiles(lesson.scenario, { [lesson.moduleFile]: giuOnly });
    const results = Object.fromEntries(o.trace.expectations.map((e) => [e.name, e.ok]));
    expect(results["example.org sends the customers' presence to helpdesk.org, and only theirs"]).toBe(false);
    expect(results["The agent sees both customers, Alice's status message included"]).toBe(false);
  });
});
