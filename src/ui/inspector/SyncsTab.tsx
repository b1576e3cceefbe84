// Syncs: every /sync response as on the wire (the presence section), pretty JSON.
import { useMemo } from "react";
import type { SyncEvent, Trace } from "../../trace/types.ts";
import { ListDetail } from "./ListDetail.tsx";

export function SyncsTab({ trace }: { trace: Trace }) {
  const syncs = useMemo(() => trace.events.filter((e): e is SyncEvent => e.type === "sync"), [trace]);
  return (
    <ListDetail
      testid="syncs-list"
      items={syncs}
      empty="No /sync requests in this run."
      detail={(e) => ({
        request: { user: e.user, device: e.device, mode: e.mode, since: e.since, label: e.label, started_at: e.started_at },
        ...(e.error ? { error: e.error } : { response: { next_batch: e.next_batch, ...e.response } }),
      })}
    />
  );
}
