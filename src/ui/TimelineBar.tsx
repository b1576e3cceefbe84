// The bottom timeline bar: the graph helper's Timeline (play, scrub, step) on the store.
import { usePlayground } from "./store.ts";
import { Timeline } from "./timeline/Timeline.tsx";

export function TimelineBar() {
  const trace = usePlayground((s) => s.trace);
  const time = usePlayground((s) => s.time);
  const setTime = usePlayground((s) => s.setTime);
  const playing = usePlayground((s) => s.playing);
  const setPlaying = usePlayground((s) => s.setPlaying);
  const speed = usePlayground((s) => s.speed);
  const setSpeed = usePlayground((s) => s.setSpeed);
  const t = time ?? trace?.scenario.end ?? 0;
  return (
    <div data-testid="timeline" data-time={t}>
      <Timeline trace={trace} time={t} onTime={setTime} playing={playing} onPlayingChange={setPlaying} speed={speed} onSpeedChange={setSpeed} />
    </div>
  );
}
