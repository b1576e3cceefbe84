// Banners under the header: a link that could not be opened (the LinkError message, the
// user's draft untouched), the one-time notice that storage is unavailable, and the one
// that stored drafts could not be read (skipped, the rest open), and a new version of the
// app ready to switch to (its service worker installed, src/ui/boot/serviceWorker.ts).
import { useSession } from "./session.ts";

export function ShareBanners() {
  const linkError = useSession((s) => s.linkError);
  const storageNotice = useSession((s) => s.storageNotice);
  const dismissLink = useSession((s) => s.dismissLinkError);
  const dismissStorage = useSession((s) => s.dismissStorageNotice);
  const corruptNotice = useSession((s) => s.corruptNotice);
  const dismissCorrupt = useSession((s) => s.dismissCorruptNotice);
  const update = useSession((s) => s.update);
  const dismissUpdate = useSession((s) => s.dismissUpdate);
  if (!linkError && !storageNotice && !corruptNotice && !update) return null;
  return (
    <div className="shrink-0">
      {update && (
        <div role="status" data-testid="update-banner" className="flex items-center gap-2 border-b border-sky-300 bg-sky-50 px-3 py-1.5 text-sm text-sky-900 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-100">
          <span className="flex-1">A new version of the playground is ready. Reloading keeps your drafts.</span>
          <button type="button" className="rounded border border-sky-400 px-2 py-0.5 font-medium hover:bg-sky-100 dark:border-sky-600 dark:hover:bg-sky-900" onClick={update}>
            Reload
          </button>
          <button type="button" className="rounded px-1 hover:bg-sky-100 dark:hover:bg-sky-900" aria-label="Dismiss" onClick={dismissUpdate}>
            ✕
          </button>
        </div>
      )}
      {linkError && (
        <div role="alert" data-testid="link-error" className="flex items-start gap-2 border-b border-red-300 bg-red-50 px-3 py-1.5 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
          <span className="flex-1">{linkError}</span>
          <button type="button" className="rounded px-1 hover:bg-red-100 dark:hover:bg-red-900" aria-label="Dismiss" onClick={dismissLink}>
            ✕
          </button>
        </div>
      )}
      {corruptNotice && (
        <div role="status" data-testid="corrupt-drafts-notice" className="flex items-start gap-2 border-b border-amber-300 bg-amber-50 px-3 py-1.5 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
          <span className="flex-1">{corruptNotice}</span>
          <button type="button" className="rounded px-1 hover:bg-amber-100 dark:hover:bg-amber-900" aria-label="Dismiss" onClick={dismissCorrupt}>
            ✕
          </button>
        </div>
      )}
      {storageNotice && (
        <div role="status" data-testid="storage-notice" className="flex items-start gap-2 border-b border-amber-300 bg-amber-50 px-3 py-1.5 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
          <span className="flex-1">{storageNotice}</span>
          <button type="button" className="rounded px-1 hover:bg-amber-100 dark:hover:bg-amber-900" aria-label="Dismiss" onClick={dismissStorage}>
            ✕
          </button>
        </div>
      )}
    </div>
  );
}
