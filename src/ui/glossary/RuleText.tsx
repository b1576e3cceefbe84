// Rule ids (R24, S6…) in any text become links to the glossary: the hover title is the
// entry's one-line form ("R24 should_notify: …"), a click or Enter opens the entry.
// A span with role="link", not a button or anchor: it often sits inside a clickable row.
import type { KeyboardEvent, MouseEvent } from "react";
import { splitRuleIds } from "../../rules/ids.ts";
import { glossaryModule, useLazy } from "../lazy.ts";
import { useGlossary } from "./state.ts";

type GlossaryModule = NonNullable<typeof glossaryModule.current>;

/** The hover line of a rule id: its entry's one-line form once the glossary has loaded, else the id. */
export function ruleLine(id: string, glossary: GlossaryModule | null): string {
  const e = glossary?.ruleEntry(id);
  return e ? `${e.id} ${e.title}: ${e.summary}` : id;
}

export function RuleLink({ id, children }: { id: string; children?: string }) {
  const { openRule } = useGlossary();
  const glossary = useLazy(glossaryModule); // the entries (the hover line) load after the first live run
  const open = (ev: MouseEvent | KeyboardEvent) => {
    ev.stopPropagation();
    ev.preventDefault();
    openRule(id);
  };
  return (
    <span
      role="link"
      tabIndex={0}
      data-testid="rule-link"
      data-rule={id}
      title={ruleLine(id, glossary)}
      className="cursor-pointer text-sky-700 underline decoration-dotted underline-offset-2 hover:decoration-solid dark:text-sky-400"
      onClick={open}
      onKeyDown={(ev) => (ev.key === "Enter" || ev.key === " ") && open(ev)}
    >
      {children ?? id}
    </span>
  );
}

/** The text with every known rule id as a RuleLink. */
export function RuleText({ text }: { text: string }) {
  const parts = splitRuleIds(text);
  if (parts.length === 1 && !parts[0]!.rule) return <>{text}</>;
  return (
    <>
      {parts.map((p, i) => (p.rule ? <RuleLink key={i} id={p.rule} /> : p.text))}
    </>
  );
}

/** A finding's rule list ("R31 R50 S6") as links. */
export function RuleIds({ ids }: { ids: readonly string[] }) {
  return (
    <span className="text-slate-500">
      {ids.map((id, i) => (
        <span key={id}>
          {i > 0 && " "}
          <RuleLink id={id} />
        </span>
      ))}
    </span>
  );
}
