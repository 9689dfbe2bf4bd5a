import type { KnowledgeGraph } from "../graph/index.js";
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
 * Neighbours of a node up to `depth` hops, each reached by its strongest path, grouped by type
 * and strongest first; `limit` keeps that many per type.
 */
export function neighbors(
  graph: KnowledgeGraph,
  origin: string,
  options: NeighborOptions = {},
): Neighbor[] {
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
        if (known && (known.depth < hop || known.weight >= weight)) return;
        const papers = [...new Set([...from.papers, ...edgePapers(graph, edge, source, target)])];
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
        b.weight - a.weight ||
        b.papers.length - a.papers.length ||
        a.label.localeCompare(b.label),
    );
  if (!options.limit) return grouped;
  const perType = new Map<NodeType, number>();
  return grouped.filter((n) => {
    const count = (perType.get(n.type) ?? 0) + 1;
    perType.set(n.type, count);
    return count <= (options.limit as number);
  });
}
