import Graph from "graphology";
import type { SerializedGraph } from "graphology-types";
import type {
  EdgeType,
  GraphAttributes,
  GraphEdgeAttributes,
  GraphNodeAttributes,
} from "../types.js";
import type { KnowledgeGraph } from "./build.js";

/**
 * The key of an edge, made from its ends: "paper:1234->method:rotnet" for what a paper does with
 * an entity, "dataset:modelnet40<->method:gnn" for a co-occurrence. graph.json leaves edge keys
 * out (they were a third of the file) because they can be made again from this.
 */
export function edgeKey(source: string, target: string, type: EdgeType): string {
  return type === "cooccurs" ? `${source}<->${target}` : `${source}->${target}`;
}

export type SerializedKnowledgeGraph = SerializedGraph<
  GraphNodeAttributes,
  GraphEdgeAttributes,
  GraphAttributes
>;

/** A graph read back from graph.json, with its edge keys made again. Light: the viewer uses it too. */
export function graphFromJson(data: SerializedKnowledgeGraph): KnowledgeGraph {
  for (const edge of data.edges) {
    edge.key ??= edgeKey(edge.source, edge.target, edge.attributes?.type as EdgeType);
  }
  // Graph.from keeps the options the graph was built with, so a re-export is byte-identical.
  return Graph.from(data);
}
