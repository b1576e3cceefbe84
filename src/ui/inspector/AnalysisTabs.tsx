// Inspector tabs built on the graph helper's analysis panels: the selected user's
// details and the router consistency check (R64).
import { useMemo } from "react";
import type { Trace } from "../../trace/types.ts";
import { usePlayground } from "../store.ts";
import { UserPanel } from "../graph/UserPanel.tsx";
import { ConsistencyPanel } from "../graph/ConsistencyPanel.tsx";
import { findingLine } from "../graph/edgeDetail.ts";
import { findingsOf, useAnalysedRun } from "../changes.ts";
import { CrossCheckSection } from "./CrossCheckSection.tsx";
import { UserSwimlane } from "./Swimlane.tsx";

export function UserTab({ trace }: { trace: Trace }) {
  const user = usePlayground((s) => s.selectedUser);
  const time = usePlayground((s) => s.time);
  const jump = usePlayground((s) => s.jumpToEvent);
  if (!user) return <p className="p-2 text-xs text-slate-500">Click a user in the graph or an event to see their details.</p>;
  return (
    <div className="flex h-full flex-col overflow-auto">
      <UserSwimlane trace={trace} user={user} />
      <UserPanel trace={trace} user={user} time={time ?? trace.scenario.end} onJump={jump} />
    </div>
  );
}

export function ConsistencyTab({ trace }: { trace: Trace }) {
  const { hints } = useAnalysedRun();
  const jump = usePlayground((s) => s.jumpToEvent);
  const select = usePlayground((s) => s.select);
  const stale = usePlayground((s) => s.stale);
  const files = usePlayground((s) => s.files);
  const reveal = usePlayground((s) => s.revealLocation);
  const findings = useMemo(() => findingsOf(trace, hints), [trace, hints]);
  return (
    <div className="h-full overflow-auto">
      <ConsistencyPanel findings={findings} stale={stale} onJump={jump} onSelectUser={(u) => select(u)} lineOf={(f) => findingLine(f, files)} onReveal={reveal} />
      <CrossCheckSection trace={trace} />
    </div>
  );
}
