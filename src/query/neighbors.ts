import { type KnowledgeGraph, linkStrength } from "../graph/index.js";
import type { EdgeType, NodeType } from "../types.js";

export interface Neighbor {
  id: string;
  label: string;
  type: NodeType;
  /** Strength of the link: 1 for a paper's own link, NPMI for co-occurrence, their product along a path. */
  weight: number;
  /** Hops from the concept. */
  depth: number;
  /** How the last hop links: "uses", "cooccurs", ... */
  via: EdgeType;
  /** Papers that support the link. */
  papers: string[];
}

/** A concept's neighbours, at most `limit` of each type, and how many of each type there are. */
export interface NeighborList {
  neighbors: Neighbor[];
  totals: Partial<Record<NodeType, number>>;
}

export interface NeighborOptions {
  type?: NodeType;
  depth?: number;
  limit?: number;
}

/** The papers behind one edge: the paper at either end, or those a co-occurrence counts. */
function edgePapers(graph: KnowledgeGraph, edge: string, source: string, target: string): string[] {
  const { papers } = graph.getEdgeAttributes(edge);
  if (papers) return papers;
  return [source, target].filter((n) => graph.getNodeAttribute(n, "type") === "paper");
}

/**
 * Neighbours of a node up to `depth` hops, each reached by its strongest path, grouped by type,
 * nearest first, then by strength and support (linkStrength); `limit` keeps that many per type.
 * Paths of equal strength to a neighbour pool their papers, which count as its support.
 */
export function neighbors(
  graph: KnowledgeGraph,
  origin: string,
  options: NeighborOptions = {},
): NeighborList {
  const depth = Math.max(1, options.depth ?? 1);
  const best = new Map<string, Neighbor>();
  let frontier: { id: string; weight: number; papers: string[] }[] = [
    { id: origin, weight: 1, papers: [] },
  ];
  for (let hop = 1; hop <= depth; hop++) {
    const next: typeof frontier = [];
    for (const from of frontier) {
      graph.forEachEdge(from.id, (edge, attributes, source, target) => {
        const id = source === from.id ? target : source;
        if (id === origin) return;
        const weight = Math.round(from.weight * attributes.weight * 1e4) / 1e4;
        const known = best.get(id);
        if (known && (known.depth < hop || known.weight > weight)) return;
        const papers = [...new Set([...from.papers, ...edgePapers(graph, edge, source, target)])];
        if (known?.depth === hop && known.weight === weight) {
          known.papers = [...new Set([...known.papers, ...papers])];
          return;
        }
        const { label, type } = graph.getNodeAttributes(id);
        best.set(id, { id, label, type, weight, depth: hop, via: attributes.type, papers });
        next.push({ id, weight, papers });
      });
    }
    frontier = next;
  }
  const order: NodeType[] = ["paper", "method", "dataset", "task", "invariance"];
  const grouped = [...best.values()]
    .filter((n) => !options.type || n.type === options.type)
    .sort(
      (a, b) =>
        order.indexOf(a.type) - order.indexOf(b.type) ||
        a.depth - b.depth ||
        linkStrength(b.weight, b.papers.length) - linkStrength(a.weight, a.papers.length) ||
        b.weight - a.weight ||
        a.label.localeCompare(b.label),
    );
  const totals: NeighborList["totals"] = {};
  for (const n of grouped) totals[n.type] = (totals[n.type] ?? 0) + 1;
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const taken = new Map<NodeType, number>();
  const kept = grouped.filter((n) => {
    const count = (taken.get(n.type) ?? 0) + 1;
    taken.set(n.type, count);
    return count <= limit;
  });
  return { neighbors: kept, totals };
}
