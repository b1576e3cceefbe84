// Readable fallback when WebGL is unavailable: the same styled graph as SVG (capped),
// users clickable. Used by DeliveryGraph; not meant to be mounted on its own.
import type { StyledGraph } from "./style.ts";

const MAX_EDGES = 4000;

export interface GraphFallbackProps {
  styled: StyledGraph;
  reason: string;
  onSelectUser(u: string | null): void;
  onHover(node: string | null, x: number, y: number): void;
}

export function GraphFallback({ styled, reason, onSelectUser, onHover }: GraphFallbackProps) {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const n of styled.nodes.values()) {
    minX = Math.min(minX, n.x);
    minY = Math.min(minY, n.y);
    maxX = Math.max(maxX, n.x);
    maxY = Math.max(maxY, n.y);
  }
  if (!Number.isFinite(minX)) minX = minY = maxX = maxY = 0;
  const pad = 2;
  const vb = `${minX - pad} ${minY - pad} ${maxX - minX + 2 * pad} ${maxY - minY + 2 * pad}`;
  const edges = [...styled.edges.entries()].slice(0, MAX_EDGES);
  const scale = Math.max(maxX - minX, maxY - minY, 1) / 400;
  return (
    <div className="flex h-full w-full flex-col">
      <div className="px-2 py-1 text-xs text-amber-700 dark:text-amber-300">WebGL is not available ({reason}); showing a simplified drawing.</div>
      <svg className="min-h-0 flex-1" viewBox={vb} preserveAspectRatio="xMidYMid meet" onClick={() => onSelectUser(null)}>
        {edges.map(([key, e]) => {
          const s = styled.nodes.get(e.source);
          const t = styled.nodes.get(e.target);
          if (!s || !t) return null;
          return <line key={key} x1={s.x} y1={s.y} x2={t.x} y2={t.y} stroke={e.color} strokeWidth={e.size * scale * 0.5} />;
        })}
        {[...styled.nodes.entries()].map(([id, n]) => (
          <circle
            key={id}
            cx={n.x}
            cy={n.y}
            r={n.size * scale}
            fill={n.color}
            onClick={(ev) => {
              ev.stopPropagation();
              onSelectUser(id.startsWith("hs:") ? null : id);
            }}
            onMouseEnter={(ev) => onHover(id, ev.nativeEvent.offsetX, ev.nativeEvent.offsetY)}
            onMouseLeave={() => onHover(null, 0, 0)}
          >
            <title>{n.label}</title>
          </circle>
        ))}
      </svg>
    </div>
  );
}
