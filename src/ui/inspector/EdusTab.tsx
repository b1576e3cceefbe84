// EDUs: m.presence federation transactions sent and received, as on the wire.
import { useMemo } from "react";
import type { EduReceivedEvent, EduSentEvent, Trace } from "../../trace/types.ts";
import { ListDetail } from "./ListDetail.tsx";

export function EdusTab({ trace }: { trace: Trace }) {
  const edus = useMemo(
    () => trace.events.filter((e): e is EduSentEvent | EduReceivedEvent => e.type === "edu_sent" || e.type === "edu_received"),
    [trace],
  );
  return (
    <ListDetail
      testid="edus-list"
      items={edus}
      empty="No federation traffic in this run."
      detail={(e) =>
        e.type === "edu_sent"
          ? { from: e.server, to: e.destination, txn_id: e.txn_id, edu: e.edu }
          : { at: e.server, from: e.origin, edu: e.edu, accepted: e.accepted, rejected: e.rejected }
      }
    />
  );
}
