import { undirectedDensity } from "graphology-metrics/graph/density.js";
import type { EdgeType, NodeType } from "../types.js";
import type { KnowledgeGraph } from "./build.js";
import type { TailSummary } from "./tail.js";

export interface GraphStats {
  nodes: number;
  edges: number;
  nodesByType: Record<NodeType, number>;
  edgesByType: Record<EdgeType, number>;
  threads: number;
  modularity: number;
  density: number;
}

/**
 * Counts by type, thread count, modularity and density: `papergraph stats` and the build summary.
 * A build's tail (entities one paper alone names, kept out of its graph) is counted in.
 */
export function graphStats(graph: KnowledgeGraph, tail?: TailSummary): GraphStats {
  const nodesByType: Record<NodeType, number> = {
    paper: 0,
    method: 0,
    dataset: 0,
    task: 0,
    invariance: 0,
  };
  const edgesByType: Record<EdgeType, number> = {
    proposes: 0,
    uses: 0,
    evaluatesOn: 0,
    addresses: 0,
    targets: 0,
    cooccurs: 0,
  };
  const threads = new Set<number>();
  graph.forEachNode((_, { type, thread }) => {
    nodesByType[type]++;
    if (thread >= 0) threads.add(thread);
  });
  graph.forEachEdge((_, { type }) => {
    edgesByType[type]++;
  });
  for (const [type, count] of Object.entries(tail?.nodesByType ?? {}))
    nodesByType[type as NodeType] += count;
  for (const [type, count] of Object.entries(tail?.edgesByType ?? {}))
    edgesByType[type as EdgeType] += count;
  // A tail entity has one edge, to its paper.
  const [nodes, edges] = [graph.order + (tail?.nodes ?? 0), graph.size + (tail?.nodes ?? 0)];
  return {
    nodes,
    edges,
    nodesByType,
    edgesByType,
    threads: threads.size,
    modularity: graph.getAttribute("modularity"),
    density: Math.round(undirectedDensity(nodes, edges) * 1e6) / 1e6,
  };
}
