import type { Attributes } from "graphology-types";
import type { EdgeDisplayData, NodeDisplayData } from "sigma/types";
import { PAPERS_ON_ZOOM_FROM, SPARSE_MAP_FROM } from "../../src/export/level-of-detail.js";
import type { WholeGraph } from "../../src/export/viewer-data.js";
import type { GraphEdgeAttributes, GraphNodeAttributes, NodeType } from "../../src/types.js";
import type { ViewerGraph } from "./data.js";
import { inBox, type ViewBox } from "./in-view.js";
import type { ViewState } from "./store.js";

/** The mark of each node type: papers are squares, entities circles ringed in their type's colour. */
export const TYPE_STYLE: Record<
  NodeType,
  { ring: string; label: string; shape: "square" | "circle" }
> = {
  paper: { ring: "#ffffff", label: "papers", shape: "square" },
  method: { ring: "#1d1d1f", label: "methods", shape: "circle" },
  dataset: { ring: "#2a9d8f", label: "datasets", shape: "circle" },
  task: { ring: "#8e8e93", label: "tasks", shape: "circle" },
  invariance: { ring: "#c9a227", label: "invariances", shape: "circle" },
};

const FADED = "#e9e9ec";
const EDGE = "#d5d5da";
const EDGE_STRONG = "#6e6e73";

/** Long paper titles are cut on the map; the panel shows them whole. */
function shorten(label: string): string {
  return label.length > 60 ? `${label.slice(0, 57).trimEnd()}…` : label;
}

/** Above this many nodes a hover redraws only the hovered neighbourhood, not every node. */
export const LARGE_MAP_FROM = 20_000;

/** What stands out on the map: a focused node, which fades the rest, and a node only pointed at. */
export interface Focus {
  focus: string | null;
  near: ReadonlySet<string>;
  /** On a large map, the hovered node: it and its neighbours stand out, the rest stays as it is. */
  pointed: string | null;
  pointedNear: ReadonlySet<string>;
}

/**
 * The focus of a view: the hovered (or else selected) node and its neighbours. With `quietHover`
 * (a large map) only a selection fades the rest; a hovered node stands out alone, so a hover
 * redraws its neighbourhood and not every node.
 */
export function focusOf(graph: ViewerGraph, state: ViewState, quietHover: boolean): Focus {
  const around = (node: string | null) =>
    node && graph.hasNode(node) ? { node, near: new Set(graph.neighbors(node)) } : undefined;
  const focused = around(quietHover ? state.selected : (state.hovered ?? state.selected));
  const pointed = quietHover ? around(state.hovered) : undefined;
  return {
    focus: focused?.node ?? null,
    near: focused?.near ?? new Set(),
    pointed: pointed?.node ?? null,
    pointedNear: pointed?.near ?? new Set(),
  };
}

/** The nodes and edges a hover on a large map redraws: the pointed node's, before and after. */
export function pointedItems(
  graph: ViewerGraph,
  nodes: readonly (string | null)[],
): { nodes: string[]; edges: string[] } {
  const shown = nodes.filter((n): n is string => n !== null && graph.hasNode(n));
  return {
    nodes: [...new Set(shown.flatMap((n) => [n, ...graph.neighbors(n)]))],
    edges: [...new Set(shown.flatMap((n) => graph.edges(n)))],
  };
}

/**
 * Highlight, hover and filters as sigma reducers: the graph data is never changed for display.
 * `near` is computed once per state change, not once per node.
 */
export function makeReducers(
  graph: ViewerGraph,
  /** The whole graph's facts: its overview may be all that is loaded yet. */
  whole: WholeGraph,
  getState: () => ViewState,
  getFocus: () => Focus,
  /** True while the map is seen whole: region labels are shown, node labels left out. */
  isOverview: () => boolean,
  /** The nodes the range of months keeps, or undefined when no range is set. */
  inTime: () => ReadonlySet<string> | undefined,
  /** A node's colour when the map is coloured by first appearance; null where none can be. */
  firstSeenColor: ((a: GraphNodeAttributes) => string) | null,
  /** Where papers are drawn when zoomed in: everywhere but on a sparse map (`in-view.ts`). */
  paperBox: () => ViewBox,
) {
  const papersOnZoom = whole.order > PAPERS_ON_ZOOM_FROM;
  const sparse = whole.order > SPARSE_MAP_FROM;
  /** What the level of detail leaves out of the map, unless it is opened. */
  const leftOutByDetail = (data: GraphNodeAttributes, minPapers: number) =>
    data.type === "paper"
      ? papersOnZoom && (isOverview() || !inBox(paperBox(), data.x, data.y))
      : (data.paperCount ?? 1) < minPapers;

  const nodeReducer = (
    node: string,
    attributes: Attributes,
  ): Partial<NodeDisplayData> & Record<string, unknown> => {
    const data = attributes as GraphNodeAttributes;
    const state = getState();
    const { focus, near, pointed, pointedNear } = getFocus();
    const style = TYPE_STYLE[data.type];
    const display: Partial<NodeDisplayData> & Record<string, unknown> = {
      x: data.x,
      y: data.y,
      size: data.size,
      color: state.colorBy === "first" && firstSeenColor ? firstSeenColor(data) : data.color,
      label: data.type === "paper" ? null : data.label,
      type: style.shape === "square" ? "square" : "bordered",
      borderColor: style.ring,
      zIndex: data.type === "paper" ? 0 : 1,
    };
    if (state.hiddenTypes.has(data.type) || inTime()?.has(node) === false)
      return { ...display, hidden: true };
    const outsideThread = state.thread !== null && data.thread !== state.thread;
    const inFocus = node === focus || near.has(node);
    const isPointed = node === pointed || pointedNear.has(node);
    const opened = inFocus || isPointed || (state.thread !== null && !outsideThread);
    if (!opened && leftOutByDetail(data, state.minPapers)) return { ...display, hidden: true };
    if (inFocus || isPointed) {
      const centre = node === focus || node === pointed;
      return {
        ...display,
        label: shorten(data.label),
        forceLabel: centre,
        highlighted: centre,
        zIndex: 2,
      };
    }
    if (focus) return { ...display, color: FADED, borderColor: FADED, label: null, zIndex: 0 };
    if (outsideThread)
      return { ...display, color: FADED, borderColor: FADED, label: null, zIndex: 0 };
    if (node === state.selected) return { ...display, highlighted: true };
    if (state.thread === null && isOverview()) return { ...display, label: null };
    return display;
  };

  const edgeReducer = (edge: string, attributes: Attributes): Partial<EdgeDisplayData> => {
    const data = attributes as GraphEdgeAttributes;
    const state = getState();
    const { focus, pointed } = getFocus();
    const [source, target] = graph.extremities(edge) as [string, string];
    const hidden =
      state.hiddenTypes.has(graph.getNodeAttribute(source, "type")) ||
      state.hiddenTypes.has(graph.getNodeAttribute(target, "type"));
    if (hidden) return { hidden: true };
    if (pointed && (source === pointed || target === pointed))
      return { color: EDGE_STRONG, size: 1.5, zIndex: 1 };
    if (focus) {
      return source === focus || target === focus
        ? { color: EDGE_STRONG, size: 1.5, zIndex: 1 }
        : { hidden: true };
    }
    if (state.thread === null && sparse) return { hidden: true };
    if (state.thread !== null) {
      const inside =
        graph.getNodeAttribute(source, "thread") === state.thread &&
        graph.getNodeAttribute(target, "thread") === state.thread;
      if (!inside) return { hidden: true };
    }
    return { color: EDGE, size: data.type === "cooccurs" ? 0.8 : 0.4 };
  };

  return { nodeReducer, edgeReducer };
}
