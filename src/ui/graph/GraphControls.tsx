// Fit / zoom buttons over the delivery graph (sigma's animated camera).
// Props: { sigma(): the live renderer or null }.
import type Sigma from "sigma";

export interface GraphControlsProps {
  sigma(): Sigma | null;
}

export function GraphControls({ sigma }: GraphControlsProps) {
  const btn = "h-7 w-7 rounded border border-slate-300 bg-white/90 text-sm leading-none text-slate-700 shadow-sm hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-800/90 dark:text-slate-200 dark:hover:bg-slate-700";
  const cam = () => sigma()?.getCamera();
  return (
    <div className="absolute bottom-2 right-2 z-10 flex flex-col gap-1" role="group" aria-label="Zoom">
      <button type="button" className={btn} title="Zoom in" aria-label="Zoom in" onClick={() => void cam()?.zoomIn({ duration: 200 })}>
        +
      </button>
      <button type="button" className={btn} title="Zoom out" aria-label="Zoom out" onClick={() => void cam()?.zoomOut({ duration: 200 })}>
        −
      </button>
      <button type="button" className={btn} title="Fit the whole graph" aria-label="Fit" onClick={() => void cam()?.reset({ duration: 200 })}>
        ⤢
      </button>
    </div>
  );
}
