import { density } from "graphology-metrics/graph/density.js";
import type { EdgeType, NodeType } from "../types.js";
import type { KnowledgeGraph } from "./build.js";

export interface GraphStats {
  nodes: number;
  edges: number;
  nodesByType: Record<NodeType, number>;
  edgesByType: Record<EdgeType, number>;
  threads: number;
  modularity: number;
  density: number;
}

/** Counts by type, thread count, modularity and density: `papergraph stats` and the build summary. */
export function graphStats(graph: KnowledgeGraph): GraphStats {
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
  return {
    nodes: graph.order,
    edges: graph.size,
    nodesByType,
    edgesByType,
    threads: threads.size,
    modularity: graph.getAttribute("modularity"),
    density: Math.round(density(graph) * 1e6) / 1e6,
  };
}
