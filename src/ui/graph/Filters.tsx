// Filter bar of the delivery graph: toggle reasons, choose servers, search a user,
// federation edges, recent-only. Props: { filters, onChange(next), servers (display
// order, usually trace.scenario.servers), className? }. Controlled: it keeps no state.
import type { GraphFilters } from "./graphFilters.ts";
import { VIA_COLORS, VIA_LABELS, VIA_PRIORITY } from "./via.ts";

export interface GraphFiltersBarProps {
  filters: GraphFilters;
  onChange(next: GraphFilters): void;
  servers: readonly string[];
  className?: string;
}

export function GraphFiltersBar({ filters, onChange, servers, className }: GraphFiltersBarProps) {
  const chosen = filters.servers ?? servers;
  const toggleServer = (s: string) => {
    const next = chosen.includes(s) ? chosen.filter((x) => x !== s) : servers.filter((x) => x === s || chosen.includes(x));
    onChange({ ...filters, servers: next.length === servers.length ? null : next });
  };
  const box = "inline-flex items-center gap-1 cursor-pointer select-none";
  return (
    <div className={`flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-700 dark:text-slate-300 ${className ?? ""}`} role="group" aria-label="Graph filters">
      {VIA_PRIORITY.map((k) => (
        <label key={k} className={box} title={VIA_LABELS[k]}>
          <input type="checkbox" checked={filters.vias[k]} onChange={(e) => onChange({ ...filters, vias: { ...filters.vias, [k]: e.target.checked } })} />
          <span className="inline-block h-2 w-2 rounded-full" style={{ background: VIA_COLORS[k] }} />
          {k}
        </label>
      ))}
      <label className={box}>
        <input type="checkbox" checked={filters.federation} onChange={(e) => onChange({ ...filters, federation: e.target.checked })} />
        federation
      </label>
      <label className={box} title="Dashed edges: what the router decided that delivered nothing">
        <input type="checkbox" checked={filters.decisions} onChange={(e) => onChange({ ...filters, decisions: e.target.checked })} />
        undelivered decisions
      </label>
      <label className={box}>
        <input type="checkbox" checked={filters.recentOnly} onChange={(e) => onChange({ ...filters, recentOnly: e.target.checked })} />
        recent only
      </label>
      {servers.length > 1 && (
        <span className="inline-flex items-center gap-2">
          <span className="text-slate-500">servers:</span>
          {servers.map((s) => (
            <label key={s} className={box}>
              <input type="checkbox" checked={chosen.includes(s)} onChange={() => toggleServer(s)} />
              {s}
            </label>
          ))}
        </span>
      )}
      <input
        type="search"
        placeholder="search user…"
        aria-label="Search user"
        value={filters.search}
        onChange={(e) => onChange({ ...filters, search: e.target.value })}
        className="w-40 rounded border border-slate-300 bg-transparent px-1 py-0.5 dark:border-slate-600"
      />
    </div>
  );
}
