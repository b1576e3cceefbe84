// Public surface of the delivery graph, the user panel and the consistency panel.
export { DeliveryGraph, type DeliveryGraphProps } from "./DeliveryGraph.tsx";
export { GraphFiltersBar, type GraphFiltersBarProps } from "./Filters.tsx";
export { Legend, countByVia, type LegendProps } from "./Legend.tsx";
export { UserPanel, type UserPanelProps } from "./UserPanel.tsx";
export { ConsistencyPanel, type ConsistencyPanelProps } from "./ConsistencyPanel.tsx";
export { DEFAULT_FILTERS, RECENT_WINDOW_MS, type GraphFilters } from "./graphFilters.ts";
export { buildGraphModel, graphAt, visibleEdges, type GraphEdge, type GraphView, type VisibleNode } from "./model.ts";
export { VIA_COLORS, VIA_PRIORITY, type ViaKind } from "./via.ts";
export { STATE_COLORS, type RunDiffHighlight } from "./style.ts";
export { useSetGraphDiff, useGraphDiff } from "./diffHighlight.ts";
