// Share: builds a permalink with the whole state (files, scenario, view), copies it to
// the clipboard and shows its length; past CHAT_LINK_LIMIT a warning that chat clients
// cut links there, with "Download as .zip" instead. Shortcut: Ctrl/Cmd+Shift+S.
import { useEffect, useRef, useState } from "react";
import { CHAT_LINK_LIMIT } from "../../share/route.ts";
import { codecModule, contentModule } from "../lazy.ts";
import { usePlaygroundInstance } from "../context.ts";
import { downloadZip } from "../export/actions.ts";

interface Shared {
  link: string;
  copied: "yes" | "no" | "pending";
  /** The open example's direct URL when nothing was changed (offered when the link is long). */
  example: string | null;
}

const SHARE_EVENT = "prp:share";

/** The share shortcut (App's key handler): does what a click on Share does. */
export function requestShare(): void {
  window.dispatchEvent(new Event(SHARE_EVENT));
}

export const btnClass =
  "rounded border border-slate-300 px-2 py-0.5 text-sm hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:hover:bg-slate-800";
// The header is one line (whitespace-nowrap); popovers and dialogs opened from it wrap again.
export const popClass =
  "absolute right-0 top-full z-50 mt-1 whitespace-normal rounded border border-slate-300 bg-white p-3 text-sm shadow-lg dark:border-slate-600 dark:bg-slate-900";

/** A link to copy: read-only, selected whole on focus. */
function LinkField({ link, label, testId, className }: { link: string; label: string; testId: string; className: string }) {
  return (
    <input
      readOnly
      className={`w-full rounded border px-1 py-0.5 font-mono text-xs ${className}`}
      value={link}
      data-testid={testId}
      aria-label={label}
      onFocus={(e) => e.currentTarget.select()}
    />
  );
}

export function ShareButton() {
  const pg = usePlaygroundInstance();
  const [shared, setShared] = useState<Shared | null>(null);
  const [error, setError] = useState<string | null>(null);
  const box = useRef<HTMLDivElement>(null);

  const share = async () => {
    let link: string;
    try {
      // Neither the link encoder nor the examples (for the "unchanged example" link) are
      // part of the first chunk (lazy.ts); without the examples there is no example link.
      await Promise.all([codecModule.load(), contentModule.load().catch(() => null)]);
      link = pg.session.currentLink();
    } catch (e) {
      setError(`Could not build the link: ${e instanceof Error ? e.message : String(e)}`);
      setShared(null);
      return;
    }
    setError(null);
    setShared({ link, copied: "pending", example: pg.session.exampleLink() });
    const done = (copied: "yes" | "no") => setShared((s) => (s && s.link === link ? { ...s, copied } : s));
    try {
      navigator.clipboard.writeText(link).then(() => done("yes"), () => done("no"));
    } catch {
      done("no");
    }
  };
  const shareRef = useRef(share);
  shareRef.current = share;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        setShared(null);
        setError(null);
      }
    };
    // Ctrl/Cmd+Shift+S is matched by the app's key handler (shortcuts/table.ts).
    const onShare = () => shareRef.current();
    window.addEventListener("keydown", onKey, true);
    window.addEventListener(SHARE_EVENT, onShare);
    return () => {
      window.removeEventListener("keydown", onKey, true);
      window.removeEventListener(SHARE_EVENT, onShare);
    };
  }, []);

  useEffect(() => {
    if (!shared && !error) return;
    const onDown = (e: MouseEvent) => {
      if (box.current && !box.current.contains(e.target as Node)) {
        setShared(null);
        setError(null);
      }
    };
    document.addEventListener("mousedown", onDown);
    return () => document.removeEventListener("mousedown", onDown);
  }, [shared, error]);

  const long = shared !== null && shared.link.length > CHAT_LINK_LIMIT;
  return (
    <div className="relative" ref={box}>
      <button type="button" className={btnClass} onClick={share} title="Share a link to this exact run (Ctrl+Shift+S)" data-testid="share">
        Share
      </button>
      {(shared || error) && (
        <div className={`${popClass} w-96`} role="dialog" aria-label="Share link" data-testid="share-popover">
          {error && <p className="text-red-700 dark:text-red-300">{error}</p>}
          {shared && (
            <>
              <p className="mb-1 font-medium" data-testid="share-status">
                {shared.copied === "yes" ? "Link copied to the clipboard." : shared.copied === "no" ? "Copy the link below (the clipboard is not available)." : "Copying…"}
              </p>
              <LinkField link={shared.link} label="Permalink" testId="share-link" className="border-slate-300 bg-slate-50 dark:border-slate-600 dark:bg-slate-800" />
              <p className="mt-1 text-xs text-slate-500" data-testid="share-length" data-length={shared.link.length}>
                {shared.link.length.toLocaleString("en-US")} characters
                {!long && " · short enough to paste in any chat"}
              </p>
              {long && (
                <div className="mt-2 rounded bg-amber-100 p-2 text-xs text-amber-900 dark:bg-amber-900 dark:text-amber-100" data-testid="share-too-long">
                  This link is longer than {CHAT_LINK_LIMIT.toLocaleString("en-US")} characters: chat clients often cut links there, and a cut link
                  will not open. Send the project as a file instead.
                  <button type="button" className={`${btnClass} mt-1 block`} onClick={() => void downloadZip(pg)}>
                    Download as .zip
                  </button>
                  {shared.example && (
                    <div className="mt-2" data-testid="share-example">
                      Nothing is changed from the example: its direct link is short (it opens the example as shipped, without this view):
                      <LinkField
                        link={shared.example}
                        label="The example's direct link"
                        testId="share-example-link"
                        className="mt-1 border-amber-300 bg-white text-slate-800 dark:bg-slate-800 dark:text-slate-100"
                      />
                    </div>
                  )}
                </div>
              )}
            </>
          )}
        </div>
      )}
    </div>
  );
}
