// A tiny, safe markdown renderer for lesson and example texts. It produces React
// elements only (no HTML strings, no dangerouslySetInnerHTML), so any `<`, `&` or
// script-looking text shows as text. Subset: # headings, paragraphs, - / * / 1. lists
// (continuation lines indented), > quotes, ``` code blocks, `inline code`, **bold**,
// *italic* / _italic_, [links](url) (http(s), relative and #anchors only).
import type { ReactNode } from "react";
import { parseBlocks, parseInline, type Block, type Inline } from "./parse.ts";
import { RuleText } from "../glossary/RuleText.tsx";

export function Markdown({ text, className }: { text: string; className?: string }) {
  const blocks = parseBlocks(text);
  return <div className={`md space-y-2 text-sm leading-relaxed ${className ?? ""}`}>{blocks.map(renderBlock)}</div>;
}

/** Inline markdown only (one paragraph, no block syntax): card summaries, hint titles. */
export function InlineMarkdown({ text }: { text: string }) {
  return <>{renderInlines(parseInline(text))}</>;
}

function renderBlock(b: Block, i: number): ReactNode {
  switch (b.kind) {
    case "heading": {
      const cls = b.level <= 2 ? "mt-3 text-base font-semibold" : "mt-2 text-sm font-semibold";
      const content = renderInlines(b.inlines);
      if (b.level === 1) return <h3 key={i} className={cls}>{content}</h3>;
      if (b.level === 2) return <h4 key={i} className={cls}>{content}</h4>;
      return <h5 key={i} className={cls}>{content}</h5>;
    }
    case "paragraph":
      return <p key={i}>{renderInlines(b.inlines)}</p>;
    case "code":
      return (
        <pre key={i} className="overflow-x-auto rounded bg-slate-100 p-2 font-mono text-xs dark:bg-slate-800" data-lang={b.lang || undefined}>
          <code>{b.text}</code>
        </pre>
      );
    case "quote":
      return (
        <blockquote key={i} className="border-l-4 border-slate-300 pl-2 text-slate-600 dark:border-slate-600 dark:text-slate-300">
          {b.blocks.map(renderBlock)}
        </blockquote>
      );
    case "list": {
      const items = b.items.map((item, j) => (
        <li key={j} className="space-y-1">
          {item.map((ib, k) => (ib.kind === "paragraph" ? <span key={k} className="block">{renderInlines(ib.inlines)}</span> : renderBlock(ib, k)))}
        </li>
      ));
      return b.ordered ? (
        <ol key={i} className="list-decimal space-y-1 pl-5" start={b.start !== 1 ? b.start : undefined}>{items}</ol>
      ) : (
        <ul key={i} className="list-disc space-y-1 pl-5">{items}</ul>
      );
    }
  }
}

function renderInlines(xs: Inline[]): ReactNode[] {
  return xs.map((x, i) => {
    switch (x.kind) {
      case "text":
        return <RuleText key={i} text={x.text} />;
      case "code":
        return <code key={i} className="rounded bg-slate-100 px-1 font-mono text-[0.85em] dark:bg-slate-800">{x.text}</code>;
      case "strong":
        return <strong key={i}>{renderInlines(x.children)}</strong>;
      case "em":
        return <em key={i}>{renderInlines(x.children)}</em>;
      case "link":
        return x.href === null ? (
          <span key={i}>{renderInlines(x.children)}</span>
        ) : (
          <a key={i} href={x.href} className="text-sky-700 underline dark:text-sky-400" target={x.href.startsWith("#") ? undefined : "_blank"} rel="noopener noreferrer">
            {renderInlines(x.children)}
          </a>
        );
    }
  });
}
