// What a view says when the code or text it needs could not be fetched (a lazily loaded
// chunk, lazy.ts useLoadNow): what is missing, why, and a way to try again.
export function LoadFailed({ what, error, retry }: { what: string; error: string; retry(): void }) {
  return (
    <p role="alert" data-testid="load-failed" className="m-3 rounded border border-red-300 bg-red-50 p-2 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
      {what} could not be loaded ({error}). Check the connection, then{" "}
      <button type="button" className="rounded border border-red-400 px-1.5 font-semibold hover:bg-red-100 dark:hover:bg-red-900" onClick={retry} data-testid="load-retry">
        try again
      </button>
      .
    </p>
  );
}
