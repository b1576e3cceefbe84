// A fixed-row-height virtual list: traces can hold tens of thousands of events, and
// only the rows in view are rendered.
import { useEffect, useRef, useState, type ReactNode } from "react";

export function VirtualList<T>({
  items,
  rowHeight = 22,
  render,
  testid,
}: {
  items: readonly T[];
  rowHeight?: number;
  render: (item: T, index: number) => ReactNode;
  testid?: string;
}) {
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(400);
  // Measured on mount and on resize only: reading clientHeight on every render forced a
  // layout per playback frame (the events list re-renders as the time moves).
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => {
      if (el.clientHeight) setHeight(el.clientHeight);
    };
    measure();
    if (typeof ResizeObserver === "undefined") return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - 5);
  const last = Math.min(items.length, Math.ceil((scrollTop + height) / rowHeight) + 5);
  return (
    <div
      className="h-full overflow-auto"
      data-testid={testid}
      data-count={items.length}
      ref={box}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
    >
      <div style={{ height: items.length * rowHeight, position: "relative" }}>
        {items.slice(first, last).map((it, i) => (
          <div key={first + i} style={{ position: "absolute", top: (first + i) * rowHeight, height: rowHeight, left: 0, right: 0 }}>
            {render(it, first + i)}
          </div>
        ))}
      </div>
    </div>
  );
}
